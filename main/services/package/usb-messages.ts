// What the USB export tells the user: what became of a partial file, and each failure mapped to
// an error that blames the right side (this computer, the stick) and says what to do.
import { ApiError } from '../../../shared/errors';
import { MAX_FILE_NAME_CHARS } from './usb-names';
import { viDaily } from '../../../shared/i18n/vi/daily';

/** What became of the partial or failed file; the message tells the user honestly. */
export type Cleanup = { kind: 'none' } | { kind: 'removed' } | { kind: 'keptTemp' } | { kind: 'keptFinal'; name: string } | { kind: 'renamed'; name: string };

export const cleanupText = (c: Cleanup): string => {
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
  folderMissing: viDaily.usb.folderMissing,
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

/** An I/O error tagged with the side it happened on, so the message blames the right thing. */
export class StageError extends Error {
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
export class SourceAlteredError extends Error {
  constructor() {
    super('the source no longer has its recorded hash');
  }
}
export class MismatchError extends Error {
  constructor() {
    super('read-back hash differs from the source');
  }
}

export const errCode = (e: unknown) => (e as NodeJS.ErrnoException | null)?.code;
export const tag = (stage: 'source' | 'dest') => (e: unknown) => {
  throw e instanceof StageError || e instanceof ApiError ? e : new StageError(stage, e);
};

/** Explains an error from writing on the drive (e.g. creating a folder there) when nothing was written. */
export function driveWriteError(e: unknown, dir: string): ApiError {
  return toApiError(e instanceof ApiError ? e : new StageError('dest', e), { kind: 'none' }, { srcName: '', dir });
}

/** Maps a failure, after cleanup, to what the user should know and do. */
export function toApiError(e: unknown, cleanup: Cleanup, ctx: { srcName: string; dir: string; name?: string; dirGone?: boolean }): ApiError {
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

/** The package on this computer failed verification: nothing is written; the message says why. */
export class SourceRefused extends Error {
  constructor(readonly explain: (c: Cleanup) => ApiError) {
    super('source package refused');
  }
}

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
