// The copy itself: written in chunks to a temp file, flushed every SYNC_EVERY_BYTES, hashed on
// the way (a worker, or this thread for small files), and read back by a worker as it is flushed.
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { JobHandle } from '../jobs';
import { HashWorker } from '../package-format/hash-worker';
import { hashFile } from '../package-format/hash';
import { StageError, messages, tag } from './messages';

/** Large enough that per-call overhead vanishes, small enough for steady progress on a slow stick. */
export const CHUNK_BYTES = 4 * 1024 * 1024;
/**
 * Flush to the device every so often while copying, so progress follows what is really on the
 * stick (not the page cache) and the final fsync does not stall for minutes on a slow stick.
 */
export const SYNC_EVERY_BYTES = 16 * 1024 * 1024;
export const PROGRESS_EVERY_MS = 100;

/** Calls back at most every PROGRESS_EVERY_MS, plus whenever forced. */
export function throttled(fn: ((done: number, message: string) => void) | undefined) {
  let last = 0;
  return (done: number, message: string, force = false) => {
    if (!fn) return;
    const now = Date.now();
    if (force || now - last >= PROGRESS_EVERY_MS) {
      last = now;
      fn(done, message);
    }
  };
}

export interface CopyOptions {
  job?: JobHandle;
  /** Bytes done so far in this file: copied plus read back, 0…2·size. */
  onProgress?: (done: number, message: string) => void;
  /**
   * The source's sha256 when the caller already knows it (the package builder hashes the zip as
   * it writes it). The copy then skips hashing the source, and the read-back is checked against
   * this value — which also catches a source changed since it was built.
   */
  sha256?: string;
  /** Checked between chunks: a thrown error stops the copy (the source turned out to be bad). */
  checkSource?: () => void;
  /** Awaited after the read-back matched and before the rename; a thrown error leaves nothing. */
  beforeRename?: () => Promise<void>;
}

/** Below this size a file is hashed on this thread: starting a worker would cost more than it saves. */
export const WORKER_MIN_BYTES = 8 * 1024 * 1024;

/** What the copy needs of a hasher: the worker's, or node's own for small files. */
export interface StreamHasher {
  update(chunk: Uint8Array): Promise<void> | undefined;
  digest(): Promise<string>;
  close(): Promise<void>;
}

export function inlineHasher(): StreamHasher {
  const h = createHash('sha256');
  return {
    update: (chunk) => void h.update(chunk),
    digest: () => Promise.resolve(h.digest('hex')),
    close: () => Promise.resolve(),
  };
}

/** What the copy wrote and what it expects the read-back to find. */
export interface Written {
  bytes: number;
  sha256: string;
}

/**
 * Copies src into a new temp file in dir and fsyncs it. The source is hashed (unless its hash is
 * known) by one worker; a second worker reads back what is already flushed to the drive — after
 * each intermediate datasync — so most of the read-back overlaps the copy instead of following it.
 */
export async function writeTemp(src: string | Buffer, tmp: string, o: CopyOptions, back: ReadBack, small: boolean): Promise<Written> {
  const hasher: StreamHasher | null = o.sha256 ? null : small ? inlineHasher() : new HashWorker();
  const out = await open(tmp, 'wx').catch(tag('dest'));
  let bytes = 0;
  try {
    if (Buffer.isBuffer(src)) {
      const handed = hasher?.update(src);
      await writeAll(out, src, src.length, 0);
      if (handed) await handed;
      bytes = src.length;
    } else {
      const inp = await open(src, 'r').catch(tag('source'));
      try {
        bytes = await copyLoop(inp, out, hasher, o, back);
      } finally {
        await inp.close().catch(() => undefined);
      }
    }
    await out.sync().catch(tag('dest'));
    back.copied(bytes, true); // complete and flushed; the rest of the read-back follows
    return { bytes, sha256: hasher ? await hasher.digest().catch(tag('source')) : o.sha256!.toLowerCase() };
  } finally {
    await out.close().catch(() => undefined);
    await hasher?.close();
  }
}

export async function writeAll(out: FileHandle, buf: Buffer, len: number, pos: number): Promise<void> {
  let off = 0;
  while (off < len) {
    const { bytesWritten } = await out.write(buf, off, len - off, pos + off).catch(tag('dest'));
    if (bytesWritten <= 0) throw new StageError('dest', Object.assign(new Error('short write'), { code: 'EIO' }));
    off += bytesWritten;
  }
}

/**
 * Double-buffered: while chunk i is written (and handed to the hashing worker), chunk i+1 is
 * being read. Every SYNC_EVERY_BYTES a datasync starts in the background; once it is done, the
 * range it flushed goes to the read-back worker.
 */
export async function copyLoop(inp: FileHandle, out: FileHandle, hasher: StreamHasher | null, o: CopyOptions, back: ReadBack) {
  const bufs = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)] as const;
  const readAt = (i: number, pos: number) => inp.read(bufs[i]!, 0, CHUNK_BYTES, pos).catch(tag('source'));
  let cur = 0;
  let pos = 0;
  let nextRead = readAt(0, 0);
  let sync: Promise<void> | null = null;
  let sinceSync = 0;
  try {
    for (;;) {
      const { bytesRead } = await nextRead;
      if (bytesRead === 0) break;
      const buf = bufs[cur]!;
      cur ^= 1;
      nextRead = readAt(cur, pos + bytesRead);
      nextRead.catch(() => undefined); // awaited on the next turn; a cancel in between must not leave it unhandled
      const write = writeAll(out, buf, bytesRead, pos);
      write.catch(() => undefined);
      const handed = hasher?.update(buf.subarray(0, bytesRead));
      await write;
      if (handed) await handed;
      pos += bytesRead;
      sinceSync += bytesRead;
      if (sinceSync >= SYNC_EVERY_BYTES) {
        if (sync) await sync;
        const flushed = pos;
        sync = out
          .datasync()
          .catch(tag('dest'))
          .then(() => back.upTo(flushed));
        sync.catch(() => undefined);
        sinceSync = 0;
      }
      back.copied(pos);
      o.job?.checkCancelled();
      o.checkSource?.();
    }
    if (sync) await sync;
  } finally {
    // Let in-flight reads and syncs settle before the handles are closed.
    await nextRead.catch(() => undefined);
    await sync?.catch(() => undefined);
  }
  return pos;
}

/** The read-back of one temp file by a worker: ranges handed over in order, progress counted. */
export class ReadBack {
  /** null for a small file: it is read back on this thread at the end. */
  private readonly worker: HashWorker | null;
  private handed = 0;
  private copiedBytes = 0;
  private readBytes = 0;
  private reading = false;

  constructor(
    private readonly file: string,
    private readonly progress: ReturnType<typeof throttled>,
    small: boolean,
  ) {
    this.worker = small ? null : new HashWorker();
    if (this.worker) {
      this.worker.onProgress = (n) => {
        this.readBytes += n;
        this.tell();
      };
    }
  }

  /** Copy and read-back overlap, so "done" is their sum (0…2·size). */
  private tell(force = false): void {
    this.progress(this.copiedBytes + this.readBytes, this.reading ? messages.readingBack : messages.copying, force);
  }

  copied(pos: number, force = false): void {
    this.copiedBytes = pos;
    this.tell(force);
  }

  /** Bytes up to pos are flushed to the drive: read them back. */
  upTo(pos: number): void {
    if (!this.worker) return;
    try {
      this.worker.range(this.file, this.handed, pos);
    } catch {
      // An earlier range already failed (e.g. the stick is gone); finish() reports it as a drive error.
    }
    this.handed = pos;
  }

  /** Reads the rest and returns the SHA-256 of the whole file as it lies on the drive. */
  async finish(size: number): Promise<string> {
    this.reading = true;
    let hex: string;
    if (this.worker) {
      this.upTo(size);
      hex = await this.worker.digest().catch(tag('dest'));
    } else {
      hex = (await hashFile(this.file, (n) => ((this.readBytes += n), this.tell())).catch(tag('dest'))).sha256;
    }
    this.tell(true);
    return hex;
  }

  async close(): Promise<void> {
    await this.worker?.close();
  }
}
