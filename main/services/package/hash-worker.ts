// SHA-256 on the second core. Building, copying and verifying a package each hash every byte
// (≈ 1.1 GiB/s on one core here) while they also read, CRC and write; on the main thread those
// costs add up, in a worker they overlap. One worker keeps one running hash, fed in order by
// `update` (bytes from the main thread, copied once and transferred) and `range` (bytes the
// worker reads itself from a file: the zip just written, a copy on a stick) or `updateShared`
// (bytes in a SharedArrayBuffer the caller keeps unchanged until the hash is done: no copy at all),
// closed by `digest`.
// The worker's code is an eval'd string so it needs no separate file in the bundle or the app.
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const CHUNK = 4 * 1024 * 1024;
let h = createHash('sha256');
let buf = null;
parentPort.on('message', (m) => {
  try {
    if (m.op === 'update') {
      h.update(m.data);
      parentPort.postMessage({ op: 'ack', bytes: m.data.length });
    } else if (m.op === 'shared') {
      h.update(new Uint8Array(m.sab, m.off, m.len));
      parentPort.postMessage({ op: 'sack' });
    } else if (m.op === 'range') {
      buf = buf || Buffer.allocUnsafe(CHUNK);
      const fd = fs.openSync(m.file, 'r');
      try {
        let pos = m.start;
        while (pos < m.end) {
          const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, m.end - pos), pos);
          if (n === 0) throw Object.assign(new Error('file ended at byte ' + pos + ' of ' + m.end), { code: 'ESHORT' });
          h.update(buf.subarray(0, n));
          pos += n;
          parentPort.postMessage({ op: 'progress', bytes: n });
        }
      } finally {
        fs.closeSync(fd);
      }
    } else if (m.op === 'digest') {
      parentPort.postMessage({ op: 'digest', hex: h.digest('hex') });
      h = createHash('sha256');
    }
  } catch (e) {
    parentPort.postMessage({ op: 'error', message: String((e && e.message) || e), code: (e && e.code) || null });
  }
});
`;

/** Bytes handed over but not yet hashed before `update` waits: bounds memory when the worker lags. */
const BACKLOG_BYTES = 16 * 1024 * 1024;

type FromWorker =
  { op: 'ack' | 'progress'; bytes: number } | { op: 'sack' } | { op: 'digest'; hex: string } | { op: 'error'; message: string; code: string | null };

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

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
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
    this.worker.postMessage({ op: 'update', data: copy }, [copy.buffer]);
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
    if (!(view.buffer instanceof SharedArrayBuffer)) throw new TypeError('updateShared needs a view of a SharedArrayBuffer');
    const done = new Promise<void>((resolve, reject) => {
      this.shared.push({ resolve, reject });
      this.worker.postMessage({ op: 'shared', sab: view.buffer, off: view.byteOffset, len: view.byteLength });
    });
    this.hold();
    return done;
  }

  /** Adds bytes [start, end) of a file, read by the worker, to the running hash. */
  range(file: string, start: number, end: number): void {
    if (this.error) throw this.error;
    if (end > start) this.worker.postMessage({ op: 'range', file, start, end });
  }

  /** The SHA-256 (hex) of everything added since the last digest; the next bytes start a new hash. */
  digest(): Promise<string> {
    if (this.error) return Promise.reject(this.error);
    const hex = new Promise<string>((resolve, reject) => {
      this.digests.push({ resolve, reject });
      this.worker.postMessage({ op: 'digest' });
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
