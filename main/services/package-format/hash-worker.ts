// SHA-256 on the second core. Building, copying and verifying a package each hash every byte
// (≈ 1.1 GiB/s on one core here) while they also read, CRC and write; on the main thread those
// costs add up, in a worker they overlap. One worker keeps one running hash, fed in order by
// `update` (bytes from the main thread, copied once and transferred) and `range` (bytes the
// worker reads itself from a file: the zip just written, a copy on a stick) or `updateShared`
// (bytes in a SharedArrayBuffer the caller keeps unchanged until the hash is done: no copy at all),
// closed by `digest`.
// The worker's code is hash-worker.thread.ts: compiled on its own by the build and embedded here
// (run with eval: no extra file in the bundle or the app); from source it is loaded as it is.
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './hash-worker.thread';

declare const __KC_HASH_WORKER__: string | undefined;
const startWorker = () =>
  typeof __KC_HASH_WORKER__ === 'string' ? new Worker(__KC_HASH_WORKER__, { eval: true }) : new Worker(new URL('./hash-worker.thread.ts', import.meta.url));

/** Bytes handed over but not yet hashed before `update` waits: bounds memory when the worker lags. */
const BACKLOG_BYTES = 16 * 1024 * 1024;

export class HashWorkerError extends Error {
  constructor(
    message: string,
    /** errno code of a failed read ('ENOENT', 'EIO'…), 'ESHORT' when the file was shorter than asked. */
    readonly code: string | null,
  ) {
    super(message);
  }
}

export class HashWorker {
  private readonly worker: Worker;
  private backlog = 0;
  private drained: (() => void) | null = null;
  private readonly digests: { resolve: (hex: string) => void; reject: (e: Error) => void }[] = [];
  private readonly shared: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private error: HashWorkerError | null = null;
  private closed = false;
  /** Called with the byte count of every chunk a `range` read hashes (progress of read-backs). */
  onProgress: ((bytes: number) => void) | null = null;

  private post(m: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(m, transfer);
  }

  constructor() {
    this.worker = startWorker();
    this.worker.unref(); // an idle worker never keeps the process alive; see hold()
    this.worker.on('message', (m: FromWorker) => this.receive(m));
    this.worker.on('error', (e) => this.fail(new HashWorkerError(e.message, null)));
    this.worker.on('exit', () => {
      if (!this.closed) this.fail(new HashWorkerError('hash worker exited', null));
    });
  }

  /**
   * Keeps the process alive exactly while someone awaits the worker: with nothing else pending
   * (a CLI awaiting the last digest), an unref'd worker would let Node exit mid-build.
   */
  private hold(): void {
    if (this.closed) return;
    if (this.digests.length || this.shared.length || this.drained) this.worker.ref();
    else this.worker.unref();
  }

  private receive(m: FromWorker): void {
    switch (m.op) {
      case 'ack':
        this.backlog -= m.bytes;
        if (this.backlog <= BACKLOG_BYTES / 2) this.wake();
        this.hold();
        return;
      case 'progress':
        this.onProgress?.(m.bytes);
        return;
      case 'digest':
        this.digests.shift()?.resolve(m.hex);
        this.hold();
        return;
      case 'sack':
        this.shared.shift()?.resolve();
        this.hold();
        return;
      case 'error':
        this.fail(new HashWorkerError(m.message, m.code));
        return;
    }
  }

  private wake(): void {
    const d = this.drained;
    this.drained = null;
    d?.();
  }

  private fail(e: HashWorkerError): void {
    this.error ??= e;
    for (const d of this.digests.splice(0)) d.reject(this.error);
    for (const d of this.shared.splice(0)) d.reject(this.error);
    this.wake();
  }

  /** Adds bytes to the running hash. The chunk is copied at once, so it may be reused when this returns. */
  update(chunk: Uint8Array): Promise<void> | undefined {
    if (this.error) throw this.error;
    const copy = new Uint8Array(chunk); // one copy of exactly these bytes, then moved, not cloned
    this.post({ op: 'update', data: copy }, [copy.buffer]);
    this.backlog += copy.length;
    if (this.backlog < BACKLOG_BYTES) return undefined;
    const waiting = new Promise<void>((resolve) => {
      this.drained = resolve;
    });
    this.hold();
    return waiting.then(() => {
      if (this.error) throw this.error;
    });
  }

  /**
   * Adds bytes that live in a SharedArrayBuffer: nothing is copied. The caller must leave them
   * unchanged until the returned promise settles (the worker has hashed them).
   */
  updateShared(view: Uint8Array): Promise<void> {
    if (this.error) return Promise.reject(this.error);
    const sab = view.buffer;
    if (!(sab instanceof SharedArrayBuffer)) throw new TypeError('updateShared needs a view of a SharedArrayBuffer');
    const done = new Promise<void>((resolve, reject) => {
      this.shared.push({ resolve, reject });
      this.post({ op: 'shared', sab, off: view.byteOffset, len: view.byteLength });
    });
    this.hold();
    return done;
  }

  /** Adds bytes [start, end) of a file, read by the worker, to the running hash. */
  range(file: string, start: number, end: number): void {
    if (this.error) throw this.error;
    if (end > start) this.post({ op: 'range', file, start, end });
  }

  /** The SHA-256 (hex) of everything added since the last digest; the next bytes start a new hash. */
  digest(): Promise<string> {
    if (this.error) return Promise.reject(this.error);
    const hex = new Promise<string>((resolve, reject) => {
      this.digests.push({ resolve, reject });
      this.post({ op: 'digest' });
    });
    this.hold();
    return hex;
  }

  /** SHA-256 of bytes [start, end) of a file. */
  hashRange(file: string, start: number, end: number): Promise<string> {
    this.range(file, start, end);
    return this.digest();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.fail(new HashWorkerError('hash worker closed', null));
    await this.worker.terminate();
  }
}
