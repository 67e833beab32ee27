// Runner settings from the environment, for tests and benchmarks (defaults otherwise):
// KIEMCHUNG_SYNC_CHUNK (bytes per PATCH, default 5 MiB), KIEMCHUNG_SYNC_THROTTLE (bytes/s cap),
// KIEMCHUNG_SYNC_TRACE (file: one JSON line per tus step), KIEMCHUNG_SYNC_BACKOFF_MS (first retry
// delay; also shortens the idle and quarantine polls), KIEMCHUNG_SYNC_SEED (seeded jitter).
import { appendFileSync } from 'node:fs';
import type { RunnerOptions } from './runner';
import { DEFAULT_BACKOFF, seededRandom } from './backoff';

const num = (v: string | undefined) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : undefined);

export function syncOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): RunnerOptions {
  const opts: RunnerOptions = {};
  const chunk = num(env.KIEMCHUNG_SYNC_CHUNK);
  if (chunk) opts.chunkSize = Math.floor(chunk);
  const throttle = num(env.KIEMCHUNG_SYNC_THROTTLE);
  if (throttle) opts.throttleBps = throttle;
  const base = num(env.KIEMCHUNG_SYNC_BACKOFF_MS);
  if (base) {
    opts.backoff = { baseMs: base, capMs: Math.max(base, Math.min(DEFAULT_BACKOFF.capMs, base * 64)) };
    opts.idleMs = Math.max(200, base * 4);
    opts.quarantinePollMs = Math.max(1_000, base * 10);
  }
  const seed = num(env.KIEMCHUNG_SYNC_SEED);
  if (seed) opts.rng = seededRandom(seed);
  const trace = env.KIEMCHUNG_SYNC_TRACE;
  if (trace) opts.trace = (ev) => appendFileSync(trace, JSON.stringify({ t: Date.now(), pid: process.pid, ...ev }) + '\n');
  return opts;
}
