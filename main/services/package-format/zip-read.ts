// Reading an untrusted zip safely. Only the central directory and the local headers are parsed
// (with yauzl) before anything else; every entry must be a plain STORED file with a clean ASCII
// relative name. Data is then read by byte range from the file — never inflated — so a zip bomb
// cannot expand, and a size that lies cannot make us read past the entry or the file.
//
// yauzl runs with decodeStrings:false (we judge the raw name bytes ourselves, naming each bad
// entry, instead of yauzl aborting the whole listing on the first one) and validateEntrySizes:false
// for the same reason: the stored-size check is made here per entry, with its name, and the data
// reads below count the bytes exactly.
import { open as openFile, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { CHUNK_BYTES } from './hash';
import { messages } from './messages';
import { createLogger } from '../log';
import { formatBytes } from '../../../shared/format';

const log = createLogger('zip-read');

export type ZipCheck = 'zip' | 'limits' | 'entry-name' | 'symlink' | 'encrypted' | 'compressed' | 'entry-size' | 'entry-header';

export interface ZipProblem {
  check: ZipCheck;
  file: string | null;
  message: string;
}

export interface SafeEntry {
  name: string;
  isDir: boolean;
  size: number;
  crc32: number;
  localHeaderOffset: number;
  /** Set once the local header has been read: where the data starts. */
  dataStart: number;
  raw: yauzl.Entry;
}

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
}

export const DEFAULT_LIMITS: ZipLimits = { maxEntries: 100_000, maxTotalBytes: 16 * 1024 ** 3 };

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** A printable version of a raw name for messages (control characters shown as `?`). */
const display = (raw: Buffer, utf8: boolean) => (utf8 ? raw.toString('utf8') : raw.toString('latin1')).replace(/[\x00-\x1f\x7f]/g, '?');

const openZip = (file: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false, strictFileNames: true }, (err, zf) =>
      err || !zf ? reject(err ?? new Error('open failed')) : resolve(zf),
    ),
  );

function nameProblem(name: string, rawName: Buffer, utf8: boolean): ZipProblem | null {
  const shown = display(rawName, utf8);
  if (!/^[\x20-\x7e]*$/.test(rawName.toString('latin1'))) return { check: 'entry-name', file: shown, message: messages.verify.nonAsciiName(shown) };
  if (name.includes('\\')) return { check: 'entry-name', file: shown, message: messages.verify.backslash(shown) };
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return { check: 'entry-name', file: shown, message: messages.verify.absolutePath(shown) };
  const segs = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segs.some((s) => s === '' || s === '.' || s === '..')) return { check: 'entry-name', file: shown, message: messages.verify.dotSegment(shown) };
  return null;
}

/** An opened zip whose structure has been checked; read data with readEntry only if `problems` is empty. */
export class SafeZip {
  private fh: FileHandle | null = null;
  private constructor(
    private readonly zf: yauzl.ZipFile,
    readonly file: string,
    readonly entries: SafeEntry[],
    readonly problems: ZipProblem[],
  ) {}

  static async open(file: string, limits: ZipLimits = DEFAULT_LIMITS): Promise<SafeZip> {
    let zf: yauzl.ZipFile;
    try {
      zf = await openZip(file);
    } catch (e) {
      // yauzl's English reason goes to the log; the user is told what it means.
      log.warn('not a readable zip', { detail: detail(e) });
      return new SafeZip(null as unknown as yauzl.ZipFile, file, [], [{ check: 'zip', file: null, message: messages.verify.notZip }]);
    }
    const problems: ZipProblem[] = [];
    const entries: SafeEntry[] = [];
    const out = new SafeZip(zf, file, entries, problems);
    if (zf.entryCount > limits.maxEntries) {
      problems.push({ check: 'limits', file: null, message: messages.verify.tooManyEntries(zf.entryCount, limits.maxEntries) });
      return out;
    }
    try {
      await out.scanCentralDirectory(limits);
      if (problems.length === 0) await out.checkLocalHeaders();
    } catch (e) {
      log.warn('zip structure unreadable', { detail: detail(e) });
      problems.push({ check: 'zip', file: null, message: messages.verify.notZip });
    }
    return out;
  }

  private async scanCentralDirectory(limits: ZipLimits): Promise<void> {
    const { zf, problems, entries } = this;
    const seen = new Set<string>();
    let totalStored = 0;
    let totalSize = 0;
    await new Promise<void>((resolve, reject) => {
      zf.on('error', reject);
      zf.on('end', () => resolve());
      zf.on('entry', (e: yauzl.Entry) => {
        const rawName = e.fileNameRaw;
        const utf8 = (e.generalPurposeBitFlag & 0x800) !== 0;
        const name = rawName.toString('latin1');
        const shown = display(rawName, utf8);
        const bad = nameProblem(name, rawName, utf8);
        if (bad) problems.push(bad);
        // Case-insensitive: on Windows two such entries extract onto one file.
        const key = name.toLowerCase();
        if (seen.has(key)) problems.push({ check: 'entry-name', file: shown, message: messages.verify.duplicateEntry(shown) });
        seen.add(key);
        if (((e.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) problems.push({ check: 'symlink', file: shown, message: messages.verify.symlink(shown) });
        if (e.generalPurposeBitFlag & 0x1) problems.push({ check: 'encrypted', file: shown, message: messages.verify.encrypted(shown) });
        if (e.compressionMethod !== 0) problems.push({ check: 'compressed', file: shown, message: messages.verify.compressed(shown, e.compressionMethod) });
        else if (e.compressedSize !== e.uncompressedSize) {
          problems.push({ check: 'entry-size', file: shown, message: messages.verify.sizeMismatch(shown, e.uncompressedSize, e.compressedSize) });
        }
        if (name.endsWith('/') && e.uncompressedSize > 0) problems.push({ check: 'entry-size', file: shown, message: messages.verify.dirWithData(shown) });
        if (e.relativeOffsetOfLocalHeader + 30 + e.compressedSize > zf.fileSize) {
          problems.push({ check: 'entry-size', file: shown, message: messages.verify.outOfBounds(shown) });
        }
        totalStored += e.compressedSize;
        totalSize += e.uncompressedSize;
        entries.push({
          name,
          isDir: name.endsWith('/'),
          size: e.uncompressedSize,
          crc32: e.crc32,
          localHeaderOffset: e.relativeOffsetOfLocalHeader,
          dataStart: -1,
          raw: e,
        });
        zf.readEntry();
      });
      zf.readEntry();
    });
    // Stored entries cannot hold more than the file: more means overlapping entries or lying sizes.
    if (totalStored > zf.fileSize) problems.push({ check: 'entry-size', file: null, message: messages.verify.sizesExceedFile });
    if (totalSize > limits.maxTotalBytes) {
      problems.push({ check: 'limits', file: null, message: messages.verify.tooLarge(formatBytes(limits.maxTotalBytes, { units: 'iec', up: true })) });
    }
  }

  /** The local header of each entry must agree with the central directory, and entries must not overlap. */
  private async checkLocalHeaders(): Promise<void> {
    for (const entry of this.entries) {
      const lh = await new Promise<yauzl.LocalFileHeader>((resolve, reject) =>
        this.zf.readLocalFileHeader(entry.raw, (err, h) => (err ? reject(err) : resolve(h))),
      );
      const field = messages.verify.headerField;
      const mismatch = !Buffer.from(lh.fileName).equals(entry.raw.fileNameRaw)
        ? field.name
        : lh.compressionMethod !== entry.raw.compressionMethod
          ? field.method
          : !(lh.generalPurposeBitFlag & 0x8) && lh.crc32 !== entry.crc32
            ? field.crc
            : !(lh.generalPurposeBitFlag & 0x8) && lh.uncompressedSize !== 0xffffffff && lh.uncompressedSize !== entry.size
              ? field.size
              : null;
      if (mismatch) this.problems.push({ check: 'entry-header', file: entry.name, message: messages.verify.localHeader(entry.name, mismatch) });
      entry.dataStart = lh.fileDataStart;
    }
    const sorted = [...this.entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
    for (let i = 0; i + 1 < sorted.length; i++) {
      if (sorted[i]!.dataStart + sorted[i]!.size > sorted[i + 1]!.localHeaderOffset) {
        this.problems.push({ check: 'entry-size', file: sorted[i]!.name, message: messages.verify.outOfBounds(sorted[i]!.name) });
      }
    }
  }

  /**
   * Streams an entry's bytes (two buffers: the next read is in flight while this chunk is used) and
   * returns its CRC-32 check. Only for a zip whose `problems` is empty. A chunk is valid until the
   * promise onChunk returns (if any) settles.
   */
  async readEntry(entry: SafeEntry, onChunk: (chunk: Buffer) => void | Promise<void>, checkCrc = true): Promise<{ crcOk: boolean }> {
    if (this.problems.length || entry.dataStart < 0) throw new Error('zip not verified');
    this.fh ??= await openFile(this.file, 'r');
    const fh = this.fh;
    const end = entry.dataStart + entry.size;
    const bufs = [Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(entry.size, 1))), Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(entry.size, 1)))];
    let which = 0;
    let pos = entry.dataStart;
    let crc = 0;
    const readNext = () => fh.read(bufs[which]!, 0, Math.min(bufs[which]!.length, end - pos), pos);
    let pending = pos < end ? readNext() : null;
    try {
      while (pending) {
        const { bytesRead } = await pending;
        if (bytesRead === 0) throw new ShortReadError(entry.name);
        const chunk = bufs[which]!.subarray(0, bytesRead);
        pos += bytesRead;
        which ^= 1;
        pending = pos < end ? readNext() : null;
        if (checkCrc) crc = crc32(chunk, crc);
        // The chunk's buffer is refilled only after onChunk settles, so it may be written as is.
        await onChunk(chunk);
      }
    } finally {
      await pending?.catch(() => undefined);
    }
    return { crcOk: !checkCrc || crc >>> 0 === entry.crc32 >>> 0 };
  }

  /** Reads a small entry whole (tag files). */
  async readSmall(entry: SafeEntry): Promise<{ data: Buffer; crcOk: boolean }> {
    const parts: Buffer[] = [];
    const { crcOk } = await this.readEntry(entry, (c) => void parts.push(Buffer.from(c)));
    return { data: Buffer.concat(parts), crcOk };
  }

  async close(): Promise<void> {
    await this.fh?.close().catch(() => undefined);
    this.fh = null;
    this.zf?.close();
  }
}

export class ShortReadError extends Error {
  constructor(readonly entry: string) {
    super(`short read: ${entry}`);
  }
}

const detail = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 200);
