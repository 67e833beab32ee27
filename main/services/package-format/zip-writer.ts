// A minimal writer of STORED (uncompressed) zips into a file, with Zip64 when sizes or offsets
// need it. Why not yazl: yazl computes CRC-32 in JavaScript (buffer-crc32, ≈340 MiB/s measured
// here), three times slower than the SHA-256 we must compute anyway; zlib.crc32 runs at ≈2.5 GiB/s.
// Writing to a file (not a stream) also lets each local header carry the real CRC and sizes,
// patched in place after the data: no data descriptors, so every reader — including strict
// streaming ones that refuse STORED entries with descriptors — can read the package.
import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { VN_OFFSET_MS } from '../../../shared/vn-time';
import { CHUNK_BYTES } from './hash';

const U32 = 0xffffffff;
const VERSION_ZIP64 = 45;
const VERSION_STORED = 10;
const MADE_BY_UNIX = 3 << 8;
const FILE_MODE = 0o100644;
/** Measured here (1 GiB to disk): 8–16 MiB between background flushes ≈ 15 % faster than 64 MiB, 256 MiB or none. */
const SYNC_EVERY = 16 * 1024 * 1024;
/** Chunk buffers in rotation: reading, CRC/hashing and writing overlap, with slack for the hashing worker. */
const BUFFERS = 4;

interface CentralRecord {
  name: Buffer;
  crc: number;
  size: number;
  offset: number;
  dosTime: number;
  dosDate: number;
}

/** DOS date/time fields in Vietnam time (UTC+7, no DST): what a user's unzip tool shows. */
function dosDateTime(ms: number): { dosTime: number; dosDate: number } {
  const d = new Date(ms + VN_OFFSET_MS);
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    dosTime: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    dosDate: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export interface AddFileHooks {
  /**
   * Called with each chunk (before it is written): hashing, progress, cancellation. Chunks live in
   * SharedArrayBuffers, so a worker can hash them in place: the writer does not reuse a chunk's
   * memory until the promise returned for it (if any) settles.
   */
  onChunk(chunk: Buffer): Promise<void> | void;
}

export class StoredZipWriter {
  private pos = 0;
  private unsynced = 0;
  private syncing: Promise<void> | null = null;
  private syncError: Error | null = null;
  private readonly records: CentralRecord[] = [];
  /** Allocated once per zip: a SharedArrayBuffer is freed only after both threads let go of it. */
  private bufs: Buffer[] | null = null;
  private readonly time: { dosTime: number; dosDate: number };

  private constructor(
    private readonly fh: FileHandle,
    mtime: number,
    /** Tests: write Zip64 records even for small files, to exercise that path without 4 GiB. */
    private readonly forceZip64: boolean,
  ) {
    this.time = dosDateTime(mtime);
  }

  private chunkBuffers(): Buffer[] {
    this.bufs ??= Array.from({ length: BUFFERS }, () => Buffer.from(new SharedArrayBuffer(CHUNK_BYTES)));
    return this.bufs;
  }

  /** Creates (or truncates) the file. */
  static async create(file: string, mtime: number, forceZip64 = false): Promise<StoredZipWriter> {
    return new StoredZipWriter(await open(file, 'w', 0o644), mtime, forceZip64);
  }

  get bytesWritten(): number {
    return this.pos;
  }

  /** Appends (position reserved synchronously, so writes may be in flight together) or writes at `at`. */
  private write(buf: Buffer, at?: number): Promise<void> {
    const pos = at ?? this.pos;
    if (at === undefined) this.pos += buf.length;
    this.maybeSyncInBackground(buf.length);
    return this.writeAt(buf, pos);
  }

  private async writeAt(buf: Buffer, pos: number): Promise<void> {
    let done = 0;
    while (done < buf.length) {
      const { bytesWritten } = await this.fh.write(buf, done, buf.length - done, pos + done);
      done += bytesWritten;
    }
  }

  /**
   * Starts a datasync every SYNC_EVERY bytes without waiting for it: the disk (or stick) writes
   * while we hash, the final fsync only has the tail left, and progress follows what is really
   * written instead of racing to 100 % and then hanging in one long flush.
   */
  private maybeSyncInBackground(n: number): void {
    this.unsynced += n;
    if (this.unsynced < SYNC_EVERY || this.syncing) return;
    this.unsynced = 0;
    this.syncing = this.fh
      .datasync()
      .catch((e: unknown) => {
        this.syncError ??= e instanceof Error ? e : new Error(String(e));
      })
      .finally(() => {
        this.syncing = null;
      });
  }

  private localHeader(name: Buffer, size: number, crc: number, zip64: boolean): Buffer {
    const extra = zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(size), 12);
    }
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION_STORED, 4);
    h.writeUInt16LE(0, 6); // flags: ASCII names, no data descriptor
    h.writeUInt16LE(0, 8); // method: stored
    h.writeUInt16LE(this.time.dosTime, 10);
    h.writeUInt16LE(this.time.dosDate, 12);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(zip64 ? U32 : size, 18);
    h.writeUInt32LE(zip64 ? U32 : size, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(extra.length, 28);
    return Buffer.concat([h, name, extra]);
  }

  async addBuffer(name: string, data: Buffer): Promise<void> {
    const nameBuf = Buffer.from(name, 'ascii');
    const offset = this.pos;
    const crc = crc32(data);
    await this.write(this.localHeader(nameBuf, data.length, crc, this.forceZip64 || data.length >= U32));
    await this.write(data);
    this.records.push({ name: nameBuf, crc, size: data.length, offset, ...this.time });
  }

  /**
   * Streams `size` bytes of `source` into the zip. The header is written with the CRC left at zero
   * and patched once the data is in. Buffers rotate so that reading chunk k+1, hashing chunk k
   * (onChunk, CRC) and writing chunk k-1 all happen at once, while a worker may still be hashing
   * older chunks in place. Throws if the file turns out to have another size than announced (it
   * changed while being packed).
   */
  async addFile(name: string, source: string, size: number, hooks: AddFileHooks): Promise<void> {
    const nameBuf = Buffer.from(name, 'ascii');
    const offset = this.pos;
    const zip64 = this.forceZip64 || size >= U32;
    await this.write(this.localHeader(nameBuf, size, 0, zip64));
    const src = await open(source, 'r');
    let crc = 0;
    let reading: ReturnType<FileHandle['read']> | null = null;
    let writing: Promise<void> = Promise.resolve();
    const inUse: Promise<void>[] = Array.from({ length: BUFFERS }, () => Promise.resolve());
    try {
      const bufLen = Math.min(CHUNK_BYTES, Math.max(size, 1));
      const bufs = this.chunkBuffers();
      let k = 0;
      let readPos = 0;
      // Buffer i is refilled only once its last chunk is written (write k-1 finishes before write
      // k starts, and BUFFERS ≥ 3) and no longer in use by the hook (inUse).
      const readInto = async (i: number) => {
        await inUse[i % BUFFERS];
        return src.read(bufs[i % BUFFERS]!, 0, Math.min(bufLen, size - readPos), readPos);
      };
      reading = size > 0 ? readInto(0) : null;
      while (reading) {
        const { bytesRead } = await reading;
        if (bytesRead === 0) throw new SourceChangedError();
        const chunk = bufs[k % BUFFERS]!.subarray(0, bytesRead);
        readPos += bytesRead;
        reading = readPos < size ? readInto(k + 1) : null;
        const held = hooks.onChunk(chunk);
        held?.catch(() => undefined); // awaited before the buffer's reuse; not unhandled meanwhile
        inUse[k % BUFFERS] = held ?? Promise.resolve();
        crc = crc32(chunk, crc);
        await writing;
        writing = this.write(chunk);
        k++;
      }
      await writing;
      await Promise.all(inUse);
      // One more byte readable means the file grew after it was measured.
      const { bytesRead } = await src.read(Buffer.alloc(1), 0, 1, size);
      if (bytesRead !== 0) throw new SourceChangedError();
    } finally {
      // Whatever is still in flight (the hook threw, e.g. on cancel) must settle before the close.
      await reading?.catch(() => undefined);
      await writing.catch(() => undefined);
      await Promise.allSettled(inUse);
      await src.close();
    }
    const crcBuf = Buffer.alloc(4);
    crcBuf.writeUInt32LE(crc >>> 0);
    await this.write(crcBuf, offset + 14);
    this.records.push({ name: nameBuf, crc: crc >>> 0, size, offset, ...this.time });
  }

  /** Central directory and end records, then everything flushed to the disk; returns the zip size. Call close() after. */
  async finish(): Promise<number> {
    const cdStart = this.pos;
    const parts: Buffer[] = [];
    for (const r of this.records) {
      const bigSize = this.forceZip64 || r.size >= U32;
      const bigOffset = this.forceZip64 || r.offset >= U32;
      const fields: bigint[] = [];
      if (bigSize) fields.push(BigInt(r.size), BigInt(r.size));
      if (bigOffset) fields.push(BigInt(r.offset));
      const extra = Buffer.alloc(fields.length ? 4 + 8 * fields.length : 0);
      if (fields.length) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(8 * fields.length, 2);
        fields.forEach((f, i) => extra.writeBigUInt64LE(f, 4 + 8 * i));
      }
      const zip64 = fields.length > 0;
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(MADE_BY_UNIX | (zip64 ? VERSION_ZIP64 : 20), 4);
      h.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION_STORED, 6);
      h.writeUInt16LE(0, 8);
      h.writeUInt16LE(0, 10);
      h.writeUInt16LE(r.dosTime, 12);
      h.writeUInt16LE(r.dosDate, 14);
      h.writeUInt32LE(r.crc, 16);
      h.writeUInt32LE(bigSize ? U32 : r.size, 20);
      h.writeUInt32LE(bigSize ? U32 : r.size, 24);
      h.writeUInt16LE(r.name.length, 28);
      h.writeUInt16LE(extra.length, 30);
      h.writeUInt16LE(0, 32); // comment length
      h.writeUInt16LE(0, 34); // disk number start
      h.writeUInt16LE(0, 36); // internal attributes
      h.writeUInt32LE((FILE_MODE << 16) >>> 0, 38); // regular file, rw-r--r--
      h.writeUInt32LE(bigOffset ? U32 : r.offset, 42);
      parts.push(h, r.name, extra);
    }
    const cd = Buffer.concat(parts);
    await this.write(cd);
    const cdSize = cd.length;
    const count = this.records.length;
    const zip64End = this.forceZip64 || count >= 0xffff || cdStart >= U32 || cdSize >= U32;
    if (zip64End) {
      const recStart = this.pos;
      const rec = Buffer.alloc(56);
      rec.writeUInt32LE(0x06064b50, 0);
      rec.writeBigUInt64LE(44n, 4);
      rec.writeUInt16LE(MADE_BY_UNIX | VERSION_ZIP64, 12);
      rec.writeUInt16LE(VERSION_ZIP64, 14);
      rec.writeUInt32LE(0, 16);
      rec.writeUInt32LE(0, 20);
      rec.writeBigUInt64LE(BigInt(count), 24);
      rec.writeBigUInt64LE(BigInt(count), 32);
      rec.writeBigUInt64LE(BigInt(cdSize), 40);
      rec.writeBigUInt64LE(BigInt(cdStart), 48);
      const loc = Buffer.alloc(20);
      loc.writeUInt32LE(0x07064b50, 0);
      loc.writeUInt32LE(0, 4);
      loc.writeBigUInt64LE(BigInt(recStart), 8);
      loc.writeUInt32LE(1, 16);
      await this.write(Buffer.concat([rec, loc]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(zip64End ? 0xffff : count, 8);
    end.writeUInt16LE(zip64End ? 0xffff : count, 10);
    end.writeUInt32LE(zip64End ? U32 : cdSize, 12);
    end.writeUInt32LE(zip64End ? U32 : cdStart, 16);
    end.writeUInt16LE(0, 20);
    await this.write(end);
    await this.syncing;
    if (this.syncError) throw this.syncError;
    await this.fh.sync();
    return this.pos;
  }

  async close(): Promise<void> {
    await this.syncing;
    await this.fh.close();
  }
}

export class SourceChangedError extends Error {
  constructor() {
    super('source file changed size while being packed');
  }
}
