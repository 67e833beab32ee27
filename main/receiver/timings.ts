// Where a finalize's time goes, stage by stage, for bench/receiver.bench.ts. With
// KC_RECEIVER_TIMINGS=FILE the receiver keeps each finalize's stage times (ms) in memory, with the
// event loop's delay, and appends them to FILE as JSON lines when it closes. Unset (the normal
// case), nothing is measured or kept.
import { appendFile } from 'node:fs/promises';
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';

const file = process.env.KC_RECEIVER_TIMINGS || null;
const kept: Record<string, number>[] = [];
let loop: IntervalHistogram | null = null;

export class StageClock {
  private readonly t0 = performance.now();
  private last = this.t0;
  private readonly stages: Record<string, number> = {};

  /** The time since the previous mark goes to `stage`. */
  mark(stage: string): void {
    const now = performance.now();
    this.stages[stage] = (this.stages[stage] ?? 0) + now - this.last;
    this.last = now;
  }

  done(): void {
    kept.push({ ...this.stages, total: this.last - this.t0 });
  }
}

/** A clock for one finalize, or null when timings are off. */
export function stageClock(): StageClock | null {
  if (!file) return null;
  if (!loop) {
    loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
  }
  return new StageClock();
}

export async function writeTimings(): Promise<void> {
  if (!file || !kept.length) return;
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const lag = loop ? { eventLoopDelay: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) } } : {};
  await appendFile(file, [...kept.map((k) => JSON.stringify(k)), JSON.stringify(lag)].join('\n') + '\n');
  kept.length = 0;
}
