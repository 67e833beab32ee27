// USB export (DESIGN.md §6): a package goes onto a stick under a temporary name, is fsynced, read
// back from the stick and compared with the package's SHA-256 — taken when it was built, so every
// byte is checked against the package as signed — and only then renamed. The package itself is
// verified while it is copied (structure and signature; its payload hashes too when no build-time
// hash is known). A pulled stick, a full card or a cancel therefore never leaves a file under the
// final name that looks complete but is not.
import { createHash, randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, statfs as fsStatfs, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ApiError, type Issue } from '../../../shared/errors';
import type { JobHandle } from '../jobs';
import { createLogger } from '../log';
import { detectFsType, isFat32 } from './drives';
import { HashWorker } from './hash-worker';
import { hashFile } from './hash';

const log = createLogger('usb');

/** FAT32 stores a file's size in 32 bits. */
export const FAT32_MAX_FILE_BYTES = 2 ** 32 - 1;
/** Large enough that per-call overhead vanishes, small enough for steady progress on a slow stick. */
export const CHUNK_BYTES = 4 * 1024 * 1024;
/**
 * Flush to the device every so often while copying, so progress follows what is really on the
 * stick (not the page cache) and the final fsync does not stall for minutes on a slow stick.
 */
const SYNC_EVERY_BYTES = 16 * 1024 * 1024;
const PROGRESS_EVERY_MS = 100;
export const MAX_FILE_NAME_CHARS = 120;

/** 4,3 GB — decimal units (as printed on sticks) with a decimal comma. */
export function formatBytes(n: number): string {
  const units: [string, number][] = [
    ['KB', 1e3],
    ['MB', 1e6],
    ['GB', 1e9],
    ['TB', 1e12],
  ];
  if (n < 1000) return `${n} byte`;
  for (let i = 0; i < units.length; i++) {
    const [unit, f] = units[i]!;
    const v = Math.round((n / f) * 10) / 10;
    if (v < 1000 || i === units.length - 1) return `${v.toFixed(1).replace('.', ',')} ${unit}`;
  }
  return `${n} byte`;
}

/** What became of the partial or failed file; the message tells the user honestly. */
export type Cleanup = { kind: 'none' } | { kind: 'removed' } | { kind: 'keptTemp' } | { kind: 'keptFinal'; name: string } | { kind: 'renamed'; name: string };

const cleanupText = (c: Cleanup): string => {
  switch (c.kind) {
    case 'none':
      return 'chưa có gì được ghi lên thẻ nhớ.';
    case 'removed':
      return 'tệp chưa hoàn chỉnh đã bị xoá.';
    case 'renamed':
      return `tệp lỗi đã được đổi tên thành “${c.name}”, đừng dùng tệp này.`;
    case 'keptTemp':
      return 'trên thẻ có thể còn sót một tệp tạm dở dang (tên bắt đầu bằng dấu chấm, đuôi .tmp), lần ghi sau sẽ tự xoá.';
    case 'keptFinal':
      return `chưa xoá được tệp lỗi “${c.name}” trên thẻ nhớ — đừng dùng tệp này, hãy xoá nó.`;
    default: {
      const never: never = c;
      return never;
    }
  }
};

export const messages = {
  badFileName: (name: string, why: string) => `Tên tệp “${name}” không dùng được trên thẻ nhớ: ${why}`,
  nameEmpty: 'tên trống.',
  nameTooLong: (max: number) => `dài quá ${max} ký tự.`,
  nameNonAscii: 'chỉ được dùng chữ cái không dấu, chữ số, dấu cách và các dấu - _ . ( ).',
  nameIllegalChar: (ch: string) => `có ký tự “${ch}” mà Windows không cho phép trong tên tệp.`,
  nameReserved: 'trùng với tên thiết bị dành riêng của Windows (CON, PRN, AUX, NUL, COM1…, LPT1…).',
  nameEdge: 'không được bắt đầu bằng dấu cách hay kết thúc bằng dấu cách hoặc dấu chấm.',
  nameDots: 'không được là “.” hoặc “..”.',
  sourceMissing: (name: string) => `Không tìm thấy tệp gói “${name}” trên máy. Hãy tạo lại gói rồi thử lại.`,
  sourceUnreadable: (name: string, code: string) => `Không đọc được tệp gói “${name}” trên máy (mã lỗi ${code}). Hãy tạo lại gói rồi thử lại.`,
  destMissing: (dir: string) => `Không tìm thấy thư mục “${dir}”. Có thể thẻ nhớ đã bị rút ra; hãy cắm lại và thử lại.`,
  tooBigForFat32: (name: string, size: string) =>
    `Gói “${name}” lớn ${size}, vượt giới hạn 4 GB của thẻ nhớ định dạng FAT32. Hãy dùng thẻ nhớ định dạng exFAT/NTFS hoặc định dạng lại thẻ nhớ này sang exFAT (việc định dạng lại sẽ xoá hết dữ liệu trên thẻ).`,
  notEnoughSpace: (need: string, free: string) =>
    `Thẻ nhớ không đủ chỗ trống: cần ${need} nhưng chỉ còn ${free}. Hãy xoá bớt tệp trên thẻ nhớ hoặc dùng thẻ nhớ khác, rồi thử lại.`,
  pulled: (c: Cleanup) => `Thẻ nhớ bị rút ra hoặc lỗi ghi giữa chừng; ${cleanupText(c)} Hãy cắm lại và thử lại.`,
  full: (c: Cleanup) => `Thẻ nhớ đã đầy giữa chừng; ${cleanupText(c)} Hãy xoá bớt tệp trên thẻ nhớ hoặc dùng thẻ nhớ khác, rồi thử lại.`,
  readOnly: (c: Cleanup) =>
    `Thẻ nhớ đang ở chế độ chỉ đọc (có thể khoá chống ghi trên thẻ đang bật); ${cleanupText(c)} Hãy gạt khoá về phía mở, cắm lại và thử lại.`,
  noPermission: (dir: string, c: Cleanup) => `Không có quyền ghi vào “${dir}”; ${cleanupText(c)} Hãy chọn thư mục hoặc thẻ nhớ khác rồi thử lại.`,
  fileTooBig: (c: Cleanup) =>
    `Thẻ nhớ không nhận tệp lớn như vậy (thẻ định dạng FAT32 chỉ nhận tệp dưới 4 GB); ${cleanupText(c)} Hãy dùng thẻ nhớ định dạng exFAT/NTFS rồi thử lại.`,
  finalInUse: (name: string, c: Cleanup) =>
    `Không thay được tệp “${name}” đã có trên thẻ nhớ, có thể tệp đang được mở bởi chương trình khác; ${cleanupText(c)} Hãy đóng tệp đó rồi thử lại.`,
  finalIsFolder: (name: string, c: Cleanup) =>
    `Trên thẻ nhớ đã có một thư mục tên “${name}”, trùng tên tệp gói; ${cleanupText(c)} Hãy đổi tên hoặc xoá thư mục đó rồi thử lại.`,
  writeFailed: (code: string, c: Cleanup) => `Lỗi khi ghi vào thẻ nhớ (mã lỗi ${code}); ${cleanupText(c)} Hãy thử lại; nếu vẫn lỗi, hãy dùng thẻ nhớ khác.`,
  sourceAltered: (c: Cleanup) =>
    `Tệp gói trên máy đã khác so với lúc tạo (mã băm không khớp), có thể đã bị hỏng, nên không được ghi ra thẻ nhớ; ${cleanupText(c)} Hãy tạo lại gói rồi thử lại.`,
  readBackMismatch: (c: Cleanup) =>
    `Đọc lại tệp vừa ghi thấy không khớp với bản gốc — thẻ nhớ có thể bị hỏng; ${cleanupText(c)} Hãy thử lại; nếu vẫn lỗi, hãy dùng thẻ nhớ khác.`,
  verifyFailed: (c: Cleanup) => `Gói hồ sơ trên máy không vượt qua bước kiểm tra nên không được ghi ra thẻ nhớ; ${cleanupText(c)} Hãy tạo lại gói rồi thử lại.`,
  verifyCrashed: (c: Cleanup) =>
    `Không kiểm tra được gói hồ sơ trên máy nên không ghi ra thẻ nhớ; ${cleanupText(c)} Hãy thử lại; nếu vẫn lỗi, hãy tạo lại gói.`,
  copying: 'Đang ghi vào thẻ nhớ…',
  readingBack: 'Đang đọc lại từ thẻ nhớ để đối chiếu…',
  verifying: 'Đang kiểm tra chữ ký và mã băm của gói…',
} as const;

/** Why a single file or folder name would not survive FAT32/NTFS and the portal, or null when fine. */
export function portableNameProblem(name: string, max = MAX_FILE_NAME_CHARS): string | null {
  if (name === '') return messages.nameEmpty;
  if (name === '.' || name === '..') return messages.nameDots;
  if (name.length > max) return messages.nameTooLong(max);
  const illegal = /[<>:"/\\|?*\x00-\x1f]/.exec(name);
  if (illegal) return messages.nameIllegalChar(illegal[0] < ' ' ? `\\x${illegal[0].charCodeAt(0).toString(16).padStart(2, '0')}` : illegal[0]);
  if (/[^\x20-\x7e]/.test(name)) return messages.nameNonAscii;
  if (/^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i.test(name)) return messages.nameReserved;
  if (name.startsWith(' ') || name.endsWith(' ') || name.endsWith('.')) return messages.nameEdge;
  return null;
}

export interface VerifyResult {
  ok: boolean;
  problems: { message: string }[];
}

export interface ExportOptions {
  /**
   * The package verifier, run on the source while it is copied. A package that fails is not
   * written; one that passes reaches the drive only if it reads back byte-identical. bytesProven:
   * the package's SHA-256 is known (taken when it was built), so the read-back compares every byte
   * with the package as built and the verifier may skip re-hashing the payload.
   */
  verify: (file: string, o: { bytesProven: boolean }) => Promise<VerifyResult>;
  job?: JobHandle;
  /** Name on the drive (default: the source's name). ASCII, short. */
  fileName?: string;
  /** From listDrives(); undefined = look it up when it matters (a package over 4 GiB − 1). */
  fsType?: string | null;
  /** The package's sha256 if already known; see CopyOptions.sha256. */
  sha256?: string;
  /** Free-space lookup (tests use it to simulate a small stick). */
  statfs?: (dir: string) => Promise<{ bavail: number; bsize: number }>;
}

export interface ExportResult {
  path: string;
  bytes: number;
  sha256: string;
}

/** An I/O error tagged with the side it happened on, so the message blames the right thing. */
class StageError extends Error {
  constructor(
    readonly stage: 'source' | 'dest',
    readonly err: unknown,
    /** Set when replacing the final name failed: on Windows that means the old file is open somewhere. */
    readonly op: 'rename' | null = null,
  ) {
    super(err instanceof Error ? err.message : String(err));
  }
  get code(): string {
    return (this.err as NodeJS.ErrnoException | null)?.code ?? 'UNKNOWN';
  }
}
/** The package file on this computer no longer has the SHA-256 it was built with. */
class SourceAlteredError extends Error {
  constructor() {
    super('the source no longer has its recorded hash');
  }
}
class MismatchError extends Error {
  constructor() {
    super('read-back hash differs from the source');
  }
}

const errCode = (e: unknown) => (e as NodeJS.ErrnoException | null)?.code;
const tag = (stage: 'source' | 'dest') => (e: unknown) => {
  throw e instanceof StageError || e instanceof ApiError ? e : new StageError(stage, e);
};

/** Temp files this process is writing; anything else matching the pattern is a leftover. */
const activeTemps = new Set<string>();
const tempPrefix = (name: string) => `.${name.slice(0, 40)}.`;
const tempName = (name: string) => `${tempPrefix(name)}${randomBytes(4).toString('hex')}.tmp`;

/** Removes temp files an earlier, interrupted export of the same name left on the drive. */
async function sweepStaleTemps(dir: string, name: string): Promise<void> {
  const prefix = tempPrefix(name);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const n of names) {
    const full = path.join(dir, n);
    if (n.startsWith(prefix) && /^[0-9a-f]{8}\.tmp$/.test(n.slice(prefix.length)) && !activeTemps.has(full)) {
      await unlink(full).catch(() => undefined);
    }
  }
}

async function removeTemp(tmp: string): Promise<Cleanup> {
  try {
    await unlink(tmp);
    return { kind: 'removed' };
  } catch (e) {
    // ENOENT with the folder still there means the temp was never created or is already gone.
    if (errCode(e) === 'ENOENT' && (await stat(path.dirname(tmp)).catch(() => null))) return { kind: 'removed' };
    return { kind: 'keptTemp' };
  }
}

/** Takes a file that failed read-back or verification off its final name: delete, else rename to .loi. */
async function discardFinal(file: string): Promise<Cleanup> {
  try {
    await unlink(file);
    return { kind: 'removed' };
  } catch (e) {
    if (errCode(e) === 'ENOENT' && (await stat(path.dirname(file)).catch(() => null))) return { kind: 'removed' };
  }
  const loi = `${file}.loi`;
  try {
    await rename(file, loi);
    return { kind: 'renamed', name: path.basename(loi) };
  } catch {
    return { kind: 'keptFinal', name: path.basename(file) };
  }
}

async function syncDir(dir: string): Promise<void> {
  let fh: FileHandle | null = null;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch (e) {
    // Windows cannot open a directory; some file systems refuse fsync on one. A real I/O error
    // is still worth reporting: the read-back would only hit the page cache.
    if (errCode(e) === 'EIO') throw new StageError('dest', e);
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** Calls back at most every PROGRESS_EVERY_MS, plus whenever forced. */
function throttled(fn: ((done: number, message: string) => void) | undefined) {
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
const WORKER_MIN_BYTES = 8 * 1024 * 1024;

/** What the copy needs of a hasher: the worker's, or node's own for small files. */
interface StreamHasher {
  update(chunk: Uint8Array): Promise<void> | undefined;
  digest(): Promise<string>;
  close(): Promise<void>;
}

function inlineHasher(): StreamHasher {
  const h = createHash('sha256');
  return {
    update: (chunk) => void h.update(chunk),
    digest: () => Promise.resolve(h.digest('hex')),
    close: () => Promise.resolve(),
  };
}

/** What the copy wrote and what it expects the read-back to find. */
interface Written {
  bytes: number;
  sha256: string;
}

/**
 * Copies src into a new temp file in dir and fsyncs it. The source is hashed (unless its hash is
 * known) by one worker; a second worker reads back what is already flushed to the drive — after
 * each intermediate datasync — so most of the read-back overlaps the copy instead of following it.
 */
async function writeTemp(src: string | Buffer, tmp: string, o: CopyOptions, back: ReadBack, small: boolean): Promise<Written> {
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

async function writeAll(out: FileHandle, buf: Buffer, len: number, pos: number): Promise<void> {
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
async function copyLoop(inp: FileHandle, out: FileHandle, hasher: StreamHasher | null, o: CopyOptions, back: ReadBack) {
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
class ReadBack {
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

/** Explains an error from writing on the drive (e.g. creating a folder there) when nothing was written. */
export function driveWriteError(e: unknown, dir: string): ApiError {
  return toApiError(e instanceof ApiError ? e : new StageError('dest', e), { kind: 'none' }, { srcName: '', dir });
}

/** Maps a failure, after cleanup, to what the user should know and do. */
function toApiError(e: unknown, cleanup: Cleanup, ctx: { srcName: string; dir: string; name?: string; dirGone?: boolean }): ApiError {
  if (e instanceof ApiError) return e; // CANCELLED, or already explained
  if (e instanceof SourceRefused) return e.explain(cleanup);
  if (e instanceof MismatchError) return new ApiError('CONFLICT', messages.readBackMismatch(cleanup));
  if (e instanceof SourceAlteredError) return new ApiError('CONFLICT', messages.sourceAltered(cleanup));
  if (e instanceof StageError && e.stage === 'source') {
    return e.code === 'ENOENT'
      ? new ApiError('NOT_FOUND', messages.sourceMissing(ctx.srcName))
      : new ApiError('INTERNAL', messages.sourceUnreadable(ctx.srcName, e.code));
  }
  // Whatever the OS called it (Windows says EPERM or UNKNOWN for a vanished device), no folder means no stick.
  if (e instanceof StageError && ctx.dirGone) return new ApiError('CONFLICT', messages.pulled(cleanup));
  if (e instanceof StageError && e.op === 'rename' && ['EPERM', 'EACCES', 'EBUSY'].includes(e.code) && ctx.name) {
    return new ApiError('CONFLICT', messages.finalInUse(ctx.name, cleanup));
  }
  if (e instanceof StageError && e.op === 'rename' && ['EISDIR', 'ENOTEMPTY', 'EEXIST'].includes(e.code) && ctx.name) {
    return new ApiError('CONFLICT', messages.finalIsFolder(ctx.name, cleanup));
  }
  if (e instanceof StageError) {
    switch (e.code) {
      case 'ENOENT':
      case 'ENOTDIR':
      case 'EIO':
      case 'ENXIO':
      case 'ENODEV':
      case 'ESHUTDOWN':
      case 'ENOTCONN':
      case 'ESTALE':
        return new ApiError('CONFLICT', messages.pulled(cleanup));
      case 'ENOSPC':
      case 'EDQUOT':
        return new ApiError('CONFLICT', messages.full(cleanup));
      case 'EROFS':
        return new ApiError('CONFLICT', messages.readOnly(cleanup));
      case 'EACCES':
      case 'EPERM':
        return new ApiError('CONFLICT', messages.noPermission(ctx.dir, cleanup));
      case 'EFBIG':
        return new ApiError('CONFLICT', messages.fileTooBig(cleanup));
      default:
        return new ApiError('CONFLICT', messages.writeFailed(e.code, cleanup));
    }
  }
  return new ApiError('INTERNAL', messages.writeFailed(errCode(e) ?? 'UNKNOWN', cleanup));
}

/**
 * Writes src to finalPath through a temp name in the same folder: copy, fsync, read the temp back
 * from the drive and compare hashes, then rename (replacing an older file only now that the new
 * one is complete and checked) and fsync the folder. On failure nothing is left under the final
 * name, and a file that read back wrong never had it.
 */
export async function copyVerified(src: string | Buffer, finalPath: string, o: CopyOptions = {}): Promise<ExportResult> {
  const dir = path.dirname(finalPath);
  const name = path.basename(finalPath);
  const tmp = path.join(dir, tempName(name));
  const srcName = Buffer.isBuffer(src) ? name : path.basename(src);
  const size = Buffer.isBuffer(src) ? src.length : ((await stat(src).catch(() => null))?.size ?? Infinity);
  const small = size < WORKER_MIN_BYTES;
  const back = new ReadBack(tmp, throttled(o.onProgress), small);
  activeTemps.add(tmp);
  let renamed = false;
  try {
    const written = await writeTemp(src, tmp, o, back, small);
    const readBack = await back.finish(written.bytes);
    if (readBack !== written.sha256) {
      // Against a known hash: is it the stick, or the package on this computer that changed?
      if (o.sha256 && !Buffer.isBuffer(src) && (await hashFile(src).catch(() => null))?.sha256 !== written.sha256) throw new SourceAlteredError();
      throw new MismatchError();
    }
    if ((await stat(tmp).catch(tag('dest'))).size !== written.bytes) throw new MismatchError();
    o.job?.checkCancelled();
    await o.beforeRename?.();
    await rename(tmp, finalPath).catch((e: unknown) => {
      throw new StageError('dest', e, 'rename');
    });
    renamed = true;
    await syncDir(dir);
    return { path: finalPath, bytes: written.bytes, sha256: written.sha256 };
  } catch (e) {
    const cleanup = renamed ? await discardFinal(finalPath) : await removeTemp(tmp);
    const dirGone = !(await stat(dir).catch(() => null));
    const err = toApiError(e, cleanup, { srcName, dir, name, dirGone });
    if (err.code !== 'CANCELLED') log.warn('copy failed', { file: name, error: e instanceof Error ? e.message : String(e), cleanup: cleanup.kind });
    throw err;
  } finally {
    activeTemps.delete(tmp);
    await back.close();
  }
}

export interface RoomCheck {
  /** Sizes of the files to be written. */
  sizes: number[];
  fsType: string | null;
  /** Names the files in the FAT32 message. */
  nameOf: (i: number) => string;
  statfs?: ExportOptions['statfs'];
}

/** Refuses, before a byte is written, what cannot fit: a file over FAT32's limit, or too little free space. */
export async function checkRoom(dir: string, c: RoomCheck): Promise<void> {
  if (isFat32(c.fsType)) {
    const i = c.sizes.findIndex((s) => s > FAT32_MAX_FILE_BYTES);
    if (i >= 0) throw new ApiError('VALIDATION', messages.tooBigForFat32(c.nameOf(i), formatBytes(c.sizes[i]!)));
  }
  let s: { bavail: number; bsize: number };
  try {
    s = await (c.statfs ?? fsStatfs)(dir);
  } catch (e) {
    const code = errCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ApiError('NOT_FOUND', messages.destMissing(dir));
    return; // free space unknown here: the write itself will tell (ENOSPC)
  }
  const bsize = s.bsize > 0 ? s.bsize : 4096;
  // Each file takes whole clusters; one spare cluster per file for the directory entry.
  const need = c.sizes.reduce((sum, n) => sum + (Math.ceil(n / bsize) + 1) * bsize, 0);
  const free = s.bavail * bsize;
  if (need > free) throw new ApiError('VALIDATION', messages.notEnoughSpace(formatBytes(need), formatBytes(free)));
}

/** Copies a finished package file onto a drive and verifies it there; see copyVerified. */
export async function exportToDrive(srcFile: string, destDir: string, opts: ExportOptions): Promise<ExportResult> {
  const name = opts.fileName ?? path.basename(srcFile);
  const bad = portableNameProblem(name);
  if (bad) throw new ApiError('VALIDATION', messages.badFileName(name, bad), [{ path: 'fileName', message: messages.badFileName(name, bad) }]);
  if (opts.sha256 !== undefined && !/^[0-9a-f]{64}$/i.test(opts.sha256)) throw new Error(`exportToDrive: sha256 must be 64 hex digits, got ${opts.sha256}`);
  const st = await stat(srcFile).catch((e: unknown) => {
    const srcName = path.basename(srcFile);
    throw errCode(e) === 'ENOENT'
      ? new ApiError('NOT_FOUND', messages.sourceMissing(srcName))
      : new ApiError('INTERNAL', messages.sourceUnreadable(srcName, errCode(e) ?? 'UNKNOWN'));
  });
  const size = st.size;
  // Looking the file system up costs a process spawn on Windows; it only matters past 4 GiB.
  const fsType = opts.fsType !== undefined ? opts.fsType : size > FAT32_MAX_FILE_BYTES ? await detectFsType(destDir) : null;
  // Leftovers first: they take space the check below counts.
  await sweepStaleTemps(destDir, name);
  // Never create destDir: under an unmounted mount point it would land on the computer's own disk.
  await checkRoom(destDir, { sizes: [size], fsType, nameOf: () => name, statfs: opts.statfs });

  const job = opts.job;
  const total = 2 * size;
  job?.progress(0, total, messages.copying);
  const finalPath = path.join(destDir, name);
  // The package is verified while it is being copied; the copy on the drive is then proven
  // byte-for-byte identical to the package as built by the read-back hash, so it verifies too.
  let verdict: VerifyResult | null = null;
  let verifyError: unknown = null;
  const verifying = opts.verify(srcFile, { bytesProven: opts.sha256 !== undefined }).then(
    (v) => void (verdict = v),
    (e: unknown) => void (verifyError = e),
  );
  const refusal = (): SourceRefused | null => {
    if (verifyError !== null) {
      if (verifyError instanceof ApiError && verifyError.code === 'CANCELLED') return new SourceRefused(() => verifyError as ApiError);
      log.warn('verify threw', { file: name, error: verifyError instanceof Error ? verifyError.message : JSON.stringify(verifyError) });
      return new SourceRefused((c) => new ApiError('CONFLICT', messages.verifyCrashed(c)));
    }
    const v = verdict;
    if (v && !v.ok) {
      const issues: Issue[] = v.problems.map((p) => ({ path: name, message: p.message }));
      return new SourceRefused((c) => new ApiError('CONFLICT', messages.verifyFailed(c), issues));
    }
    return null;
  };
  try {
    return await copyVerified(srcFile, finalPath, {
      job,
      sha256: opts.sha256,
      onProgress: job ? (done, msg) => job.progress(done, total, msg) : undefined,
      checkSource: () => {
        const r = refusal();
        if (r) throw r;
      },
      beforeRename: async () => {
        if (!verdict && verifyError === null) job?.progress(total, total, messages.verifying);
        await verifying;
        const r = refusal();
        if (r) throw r;
      },
    });
  } finally {
    await verifying; // never leave the verifier running after a failed copy
  }
}

/** The package on this computer failed verification: nothing is written; the message says why. */
class SourceRefused extends Error {
  constructor(readonly explain: (c: Cleanup) => ApiError) {
    super('source package refused');
  }
}
