// Group commit for SQLite in WAL mode. The database runs with synchronous=NORMAL: a commit writes
// its pages to the -wal file without waiting for the disk, and SQLite still flushes the WAL before
// every checkpoint and the database file after it (so a checkpointed page is always on the disk).
// What NORMAL gives up — the commit itself surviving a power cut — this barrier gives back: before
// a write is acknowledged, one fdatasync of the -wal file covers every commit made before that sync
// started. It runs in libuv's thread pool, so the main thread keeps serving while the disk works;
// requests arriving while a sync is in flight wait for the next one, which starts as soon as the
// previous ends. Twenty officers saving at once then share a few flushes instead of queueing for
// twenty, one after another, on the main thread.
//
// Use (main/db/connection.ts does all of it for the app's database):
//   const barrier = new DurabilityBarrier(file + '-wal');  // after journal_mode=WAL, synchronous=NORMAL
//   after each commit that wrote something: barrier.noteCommit();
//   before acknowledging: wrap the request in durably(() => …) (the router does), or await barrier.flush();
//   what must not reach the disk before its commit: barrier.afterDurable(fn);
//   at shutdown, before closing the database: barrier.close().
import { AsyncLocalStorage } from 'node:async_hooks';
import { closeSync, fdatasync, fdatasyncSync, fstatSync, openSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';

/** Flushes one open file's data to the disk (fdatasync); tests pass their own to watch or hold it. */
export type SyncFn = (fd: number) => Promise<void>;

export const fdatasyncAsync: SyncFn = (fd) => new Promise((resolve, reject) => fdatasync(fd, (e) => (e ? reject(e) : resolve())));

export interface BarrierOptions {
  sync?: SyncFn;
  /** A flush failed (the disk, not the app): whoever waited gets the error too. */
  onError?: (e: unknown) => void;
}

/** Makes a new file's name durable (Linux/macOS); Windows cannot open a folder for fsync. */
async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r').catch(() => null);
  if (!fh) return;
  try {
    await fh.sync();
  } catch {
    /* not supported here */
  } finally {
    await fh.close();
  }
}

interface Waiter {
  seq: number;
  resolve(): void;
  reject(e: unknown): void;
}

/** What the current request has committed, per database: the highest commit number it must see on the disk. */
const scope = new AsyncLocalStorage<Map<DurabilityBarrier, number>>();

export class DurabilityBarrier {
  /** Commits noted so far. */
  private seq = 0;
  /** Every commit up to this number is on the disk. */
  private durable = 0;
  private running = false;
  private scheduled = false;
  private closed = false;
  private waiters: Waiter[] = [];
  private callbacks: { seq: number; fn: () => void }[] = [];
  private fd: number | null = null;
  private ino: { dev: number; ino: number } | null = null;
  /** How many flushes ran (the benchmark and the tests look at it). */
  syncs = 0;

  private readonly sync: SyncFn;
  private readonly onError: (e: unknown) => void;

  constructor(
    readonly walFile: string,
    opts: BarrierOptions = {},
  ) {
    this.sync = opts.sync ?? fdatasyncAsync;
    this.onError = opts.onError ?? ((e) => process.emitWarning(`flushing ${walFile} failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  /**
   * Records a commit that wrote to the WAL and returns its number; a sync is scheduled for it
   * (also for commits no request waits for: jobs, the clock monitor). The current request (see
   * durably) then waits for it before its answer goes out.
   */
  noteCommit(): number {
    const n = ++this.seq;
    const owed = scope.getStore();
    if (owed) owed.set(this, n);
    this.schedule();
    return n;
  }

  /** Runs fn once the commit it follows (the last one noted) is on the disk — in commit order. */
  afterDurable(fn: () => void, seq = this.seq): void {
    if (seq <= this.durable) fn();
    else this.callbacks.push({ seq, fn });
  }

  /** Resolves once every commit noted up to `upTo` (by default: all so far) is on the disk. */
  flush(upTo = this.seq): Promise<void> {
    if (upTo <= this.durable) return Promise.resolve();
    // Closed, and the last flush failed: nothing will flush those commits any more.
    if (this.closed) return Promise.reject(new Error(`${this.walFile}: not flushed before close`));
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ seq: upTo, resolve, reject });
      this.schedule();
    });
  }

  /**
   * At shutdown, before the database closes: flushes what is left on this thread (SQLite's own
   * close checkpoints with syncs too; this covers a close that cannot checkpoint) and lets go of
   * the file, so the WAL can be deleted (on Windows an open handle would keep it pending).
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.seq > this.durable) {
      try {
        const wal = this.openWal();
        if (wal) fdatasyncSync(wal.fd);
        this.covered(this.seq);
      } catch (e) {
        this.onError(e);
        this.failed(this.seq, e);
      }
    }
    if (!this.running) this.release();
  }

  private schedule(): void {
    if (this.running || this.scheduled || this.closed) return;
    this.scheduled = true;
    // Not at once: commits made in the same turn of the event loop share the flush.
    setImmediate(() => {
      this.scheduled = false;
      void this.run();
    });
  }

  private async run(): Promise<void> {
    if (this.running || this.closed || this.seq <= this.durable) return;
    this.running = true;
    const upTo = this.seq;
    let ok = false;
    try {
      const wal = this.openWal();
      if (wal) {
        if (wal.opened) await syncDir(path.dirname(this.walFile));
        await this.sync(wal.fd);
        this.syncs++;
      }
      this.covered(upTo);
      ok = true;
    } catch (e) {
      this.onError(e);
      this.failed(upTo, e);
    } finally {
      this.running = false;
      if (this.closed) this.release();
      // Whoever came while the disk was busy: the next flush, at once. After a failure only for
      // requests still waiting (each failure answers them), so a broken disk is not retried in a loop.
      else if (this.seq > this.durable && (ok || this.waiters.length > 0)) void this.run();
    }
  }

  /**
   * The WAL's descriptor, opened again if the file was replaced (another inode at the path). No
   * WAL at all means nothing waits in one: the last close checkpointed it into the database file
   * (synced) and deleted it. The first open also flushes the folder, so the new WAL's name itself
   * survives a power cut (SQLite does that at its first sync, which NORMAL puts off to a checkpoint).
   */
  private openWal(): { fd: number; opened: boolean } | null {
    const st = statSync(this.walFile, { throwIfNoEntry: false });
    if (!st) return null;
    if (this.fd !== null && this.ino && st.ino === this.ino.ino && st.dev === this.ino.dev) return { fd: this.fd, opened: false };
    if (this.fd !== null) closeSync(this.fd);
    this.fd = openSync(this.walFile, 'r+');
    const own = fstatSync(this.fd);
    this.ino = { dev: own.dev, ino: own.ino };
    return { fd: this.fd, opened: true };
  }

  private covered(upTo: number): void {
    this.durable = Math.max(this.durable, upTo);
    const due = this.callbacks.filter((c) => c.seq <= this.durable);
    this.callbacks = this.callbacks.filter((c) => c.seq > this.durable);
    for (const c of due) {
      try {
        c.fn();
      } catch (e) {
        this.onError(e);
      }
    }
    const done = this.waiters.filter((w) => w.seq <= this.durable);
    this.waiters = this.waiters.filter((w) => w.seq > this.durable);
    for (const w of done) w.resolve();
  }

  /** A flush failed: whoever waited for those commits hears it (their answer must not say "saved"). */
  private failed(upTo: number, e: unknown): void {
    const hit = this.waiters.filter((w) => w.seq <= upTo);
    this.waiters = this.waiters.filter((w) => w.seq > upTo);
    for (const w of hit) w.reject(e);
  }

  private release(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * Runs one request and waits, before returning, until every commit it made is on the disk. A
 * request that wrote nothing (a read) does not wait, even while others' flushes are in flight.
 * Waits also when fn fails: a refusal may follow a commit (a failed login is counted).
 */
export async function durably<T>(fn: () => Promise<T>): Promise<T> {
  const owed = new Map<DurabilityBarrier, number>();
  let result: T;
  try {
    result = await scope.run(owed, fn);
  } catch (e) {
    await settle(owed).catch(() => undefined);
    throw e;
  }
  await settle(owed);
  return result;
}

const settle = async (owed: Map<DurabilityBarrier, number>) => {
  for (const [barrier, seq] of owed) await barrier.flush(seq);
};
