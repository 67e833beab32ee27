// Long-lived worker threads for finalize's heavy part (check-worker.thread.ts): hashing the
// uploaded zip and verifying it. Jobs go round robin; each worker takes several at once (their
// reads overlap). A worker that dies fails only its own jobs and is replaced on the next job.
// Where no worker can start (the file is missing from an unusual install), the check runs on
// this thread instead: slower under load, same answer.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { VerifyReport } from '../services/package/bag-verify';
import type { CheckJob, CheckResult } from './check-worker.thread';

/** Set by the build: the worker is dist/receiver/check-worker.js (one level below dist, as every chunk). */
declare const __KC_CHECK_WORKER__: string | undefined;

type Checked = { sha256: string; size: number; report: VerifyReport | null };
type Pending = { job: Omit<CheckJob, 'id'>; resolve: (r: Checked) => void; reject: (e: Error) => void };

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
  private next = 0;
  private seq = 0;
  private closed = false;
  private broken = false;

  constructor(size = Math.min(4, Math.max(1, availableParallelism() - 1))) {
    this.slots = new Array<Slot | null>(size).fill(null);
  }

  /** Hashes `file`; when it hashes to `sha256`, verifies it (report), else report is null. */
  async check(job: Omit<CheckJob, 'id'>): Promise<Checked> {
    if (this.closed) throw new Error('check pool closed');
    const slot = this.broken ? null : this.slot();
    if (!slot) return inThisThread(job);
    const id = ++this.seq;
    return new Promise<Checked>((resolve, reject) => {
      slot.pending.set(id, { job, resolve, reject });
      slot.worker.ref();
      slot.worker.postMessage({ ...job, id } satisfies CheckJob);
    });
  }

  private slot(): Slot | null {
    const i = this.next;
    this.next = (this.next + 1) % this.slots.length;
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
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`check worker exited (${code})`)));
    this.slots[i] = slot;
    return slot;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.splice(0).map((s) => (s ? s.worker.terminate() : Promise.resolve(0))));
  }
}
