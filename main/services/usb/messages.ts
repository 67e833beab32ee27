// What the USB export tells the user: what became of a partial file, and each failure mapped to
// an error that blames the right side (this computer, the stick) and says what to do.
import { ApiError } from '../../../shared/errors';
import { MAX_FILE_NAME_CHARS } from './names';
import { viUsb, type UsbCleanup } from '../../../shared/i18n/vi/usb';

/** What became of the partial or failed file; the message tells the user honestly. */
export type Cleanup = UsbCleanup;

// The texts live in the catalogue (shared/i18n/vi/usb.ts).
export const messages = viUsb;

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
