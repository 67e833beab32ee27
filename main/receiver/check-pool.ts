// Long-lived worker threads for finalize's heavy part (check-worker.thread.ts): hashing the
// uploaded zip (unless hashed as it was written) and verifying it. Jobs wait in one line, first
// come first served, and each worker takes at most PER_WORKER at once: a worker given every job
// at once shares itself between them all, so under a burst every check ends late (measured: the
// check was 630–1 400 ms of a 0,9–1,8 s finalize with 32 in flight); in line, the first ones are
// done in tens of milliseconds and the last wait no longer than before. Two at once per worker
// let one job's reads overlap another's hashing. At least two workers, even on two cores: a
// finalize then takes CPU from the uploads (which can wait: tus resumes) rather than queueing
// behind them. A worker that dies fails only its own jobs and is replaced on the next job.
// Where no worker can start (the file is missing from an unusual install), the check runs on
// this thread instead: slower under load, same answer.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { VerifyReport } from '../services/package-format/bag-verify';
import type { CheckJob, CheckResult } from './check-worker.thread';

/** Set by the build: the worker is dist/receiver/check-worker.js (one level below dist, as every chunk). */
declare const __KC_CHECK_WORKER__: string | undefined;

type Checked = { sha256: string; size: number; report: VerifyReport | null };
type Pending = { job: Omit<CheckJob, 'id'>; resolve: (r: Checked) => void; reject: (e: Error) => void };

/** Jobs one worker runs at once. */
const PER_WORKER = 2;

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** The worker loaded its code (said ready): a failure after this is the job's, not the install's. */
  online: boolean;
}

/** Buffers come back from a worker as plain Uint8Arrays. */
function revive(r: Checked): Checked {
  const kept = r.report?.kept;
  if (r.report && kept) r.report.kept = new Map([...kept].map(([k, v]) => [k, Buffer.from(v.buffer, v.byteOffset, v.byteLength)]));
  return r;
}

const inThisThread = async (job: Omit<CheckJob, 'id'>): Promise<Checked> => (await import('./check-worker.thread')).runCheck(job);

function startWorker(): Worker {
  if (typeof __KC_CHECK_WORKER__ === 'string') return new Worker(new URL(__KC_CHECK_WORKER__, import.meta.url));
  return new Worker(new URL('./check-worker.thread.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
}

export class CheckPool {
  private readonly slots: (Slot | null)[];
  private readonly line: Pending[] = [];
  private seq = 0;
  private closed = false;
  private broken = false;

  constructor(size = Math.min(4, Math.max(2, availableParallelism() - 1))) {
    this.slots = new Array<Slot | null>(size).fill(null);
  }

  /** Hashes `file` (unless `hashed`); when it hashes to `sha256`, verifies it (report), else report is null. */
  async check(job: Omit<CheckJob, 'id'>): Promise<Checked> {
    if (this.closed) throw new Error('check pool closed');
    if (this.broken) return inThisThread(job);
    return new Promise<Checked>((resolve, reject) => {
      this.line.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /** Hands waiting jobs to the least busy workers, up to PER_WORKER each. */
  private dispatch(): void {
    while (this.line.length) {
      if (this.broken) {
        for (const p of this.line.splice(0)) inThisThread(p.job).then(p.resolve, p.reject);
        return;
      }
      let best = -1;
      let load = PER_WORKER;
      for (let i = 0; i < this.slots.length; i++) {
        const n = this.slots[i]?.pending.size ?? 0;
        if (n < load) [best, load] = [i, n];
      }
      if (best < 0) return; // every worker is full: the line waits
      const slot = this.slot(best);
      if (!slot) continue; // could not start one: broken now, handled above
      const p = this.line.shift()!;
      const id = ++this.seq;
      slot.pending.set(id, p);
      slot.worker.ref();
      slot.worker.postMessage({ ...p.job, id } satisfies CheckJob);
    }
  }

  private slot(i: number): Slot | null {
    const existing = this.slots[i];
    if (existing) return existing;
    let worker: Worker;
    try {
      worker = startWorker();
    } catch {
      this.broken = true;
      return null;
    }
    const slot: Slot = { worker, pending: new Map(), online: false };
    worker.unref(); // idle workers never keep the process alive
    worker.on('message', (r: CheckResult) => {
      if ('ready' in r) {
        slot.online = true;
        return;
      }
      const p = slot.pending.get(r.id);
      slot.pending.delete(r.id);
      if (slot.pending.size === 0) worker.unref();
      this.dispatch();
      if (!p) return;
      if (r.ok) p.resolve(revive({ sha256: r.sha256, size: r.size, report: r.report }));
      else p.reject(Object.assign(new Error(r.message), { code: r.code }));
    });
    const die = (e: Error) => {
      if (this.slots[i] === slot) this.slots[i] = null;
      // A worker that never started (its file missing or unloadable): check here from now on.
      if (!slot.online) this.broken = true;
      for (const p of slot.pending.values()) {
        if (slot.online || this.closed) p.reject(e);
        else inThisThread(p.job).then(p.resolve, p.reject);
      }
      slot.pending.clear();
      if (!this.closed) this.dispatch();
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`check worker exited (${code})`)));
    this.slots[i] = slot;
    return slot;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.line.splice(0)) p.reject(new Error('check pool closed'));
    await Promise.all(this.slots.splice(0).map((s) => (s ? s.worker.terminate() : Promise.resolve(0))));
  }
}
