// "Export for manual upload": for provinces whose portal takes files one by one (no archives),
// the package's files go into a plain folder tree, one subfolder per criterion, each written
// like a USB export (temp name, fsync, rename, read-back hash), with a list the office can tick
// off in Notepad.
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError, type Issue } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import type { JobHandle } from '../jobs';
import { createLogger } from '../log';
import { viManualExport } from '../../../shared/i18n/vi/usb';
import { missingDestination } from './missing';
import { checkRoom, copyVerified, driveWriteError, formatBytes, messages as usbMessages, portableNameProblem, type ExportOptions } from './export';

const log = createLogger('manual-export');

export const LIST_FILE_NAME = 'DANH SACH TEP.txt';
export const MAX_REL_PATH_CHARS = 200;
const MAX_FOLDER_NAME_CHARS = 100;
const MAX_COPIES = 999;

/** 1.234.567 — exact byte counts with Vietnamese digit grouping. */
const groupDigits = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

// The texts live in the catalogue (shared/i18n/vi/usb.ts); the list file's name is bound in.
export const messages = { ...viManualExport, clashesWithList: viManualExport.clashesWithList(LIST_FILE_NAME) };

export interface ManualExportSpec {
  /** Name of the folder created in destDir, e.g. "Minh chung CCHC 2026". ASCII. */
  folderName: string;
  files: { relPath: string; source: string }[];
}

export interface ManualExportFile {
  relPath: string;
  path: string;
  bytes: number;
  sha256: string;
}

export interface ManualExportResult {
  /** The folder actually written: destDir/folderName, or "folderName (2)" … when that existed. */
  folder: string;
  listFile: string;
  files: ManualExportFile[];
  totalBytes: number;
}

export interface ManualExportOptions {
  /** When the export happened, for the list file (default now). */
  now?: number;
  /** From listDrives(); FAT32 refuses any single file over 4 GiB − 1. */
  fsType?: string | null;
  statfs?: ExportOptions['statfs'];
}

/** Why relPath cannot be written under the export folder (or uploaded to a portal), or null when fine. */
export function relPathProblem(relPath: string): string | null {
  if (relPath === '') return usbMessages.nameEmpty;
  if (/^[/\\]/.test(relPath) || /^[a-zA-Z]:/.test(relPath)) return messages.absolute;
  const segments = relPath.split('/');
  if (relPath.split(/[/\\]/).some((s) => s === '..')) return messages.dotDot;
  if (relPath.length > MAX_REL_PATH_CHARS) return messages.tooLong(MAX_REL_PATH_CHARS);
  for (const seg of segments) {
    if (seg === '') return messages.emptySegment;
    const why = portableNameProblem(seg, MAX_REL_PATH_CHARS);
    if (why) return why;
  }
  return null;
}

function validate(spec: ManualExportSpec): void {
  const folderWhy = portableNameProblem(spec.folderName, MAX_FOLDER_NAME_CHARS);
  if (folderWhy) {
    const msg = messages.badFolderName(spec.folderName, folderWhy);
    throw new ApiError('VALIDATION', msg, [{ path: 'folderName', message: msg }]);
  }
  if (spec.files.length === 0) throw new ApiError('VALIDATION', messages.noFiles);
  const issues: Issue[] = [];
  const files = new Map<string, string>(); // lower-cased → as given: FAT/NTFS ignore case
  spec.files.forEach((f, i) => {
    const why = relPathProblem(f.relPath) ?? (f.relPath.toLowerCase() === LIST_FILE_NAME.toLowerCase() ? messages.clashesWithList : null);
    if (why) issues.push({ path: `files.${i}.relPath`, message: messages.badPath(f.relPath, why) });
    else {
      const other = files.get(f.relPath.toLowerCase());
      if (other !== undefined) issues.push({ path: `files.${i}.relPath`, message: messages.badPath(f.relPath, messages.duplicate(other)) });
      else files.set(f.relPath.toLowerCase(), f.relPath);
    }
  });
  // A file "1.1" and a file "1.1/a.pdf" cannot both exist.
  spec.files.forEach((f, i) => {
    const segs = f.relPath.split('/');
    for (let k = 1; k < segs.length; k++) {
      const parent = files.get(segs.slice(0, k).join('/').toLowerCase());
      if (parent !== undefined) {
        issues.push({ path: `files.${i}.relPath`, message: messages.badPath(f.relPath, messages.insideFile(parent)) });
        break;
      }
    }
  });
  if (issues.length) throw new ApiError('VALIDATION', messages.badPaths(issues.length, issues[0]!.message), issues);
}

/** Makes a new folder for this export; never writes into one that already exists. */
async function makeFreshFolder(destDir: string, folderName: string): Promise<string> {
  for (let n = 1; n <= MAX_COPIES; n++) {
    const dir = path.join(destDir, n === 1 ? folderName : `${folderName} (${n})`);
    try {
      // Not recursive: creating destDir itself could write onto the computer's disk under an unmounted stick.
      await mkdir(dir);
      return dir;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw missingDestination(destDir);
      throw driveWriteError(e, destDir);
    }
  }
  throw new ApiError('CONFLICT', messages.noRoomForFolder(destDir));
}

export function listFileText(folderName: string, files: ManualExportFile[], now: number): Buffer {
  const total = files.reduce((s, f) => s + f.bytes, 0);
  const L = messages.list;
  const lines = [
    L.title,
    L.folder(folderName),
    L.exportedAt(formatDateTime(now)),
    L.summary(files.length, formatBytes(total), groupDigits(total)),
    '',
    L.howTo,
    '',
  ];
  files.forEach((f, i) => {
    lines.push(`${i + 1}. ${f.relPath}`, `   ${L.size(formatBytes(f.bytes), groupDigits(f.bytes))}`, `   ${L.sha256(f.sha256)}`, '');
  });
  // BOM + CRLF: Notepad on older Windows guesses the encoding and expects CRLF.
  return Buffer.from('\uFEFF' + lines.join('\r\n'), 'utf8');
}

export async function exportManualFolder(
  spec: ManualExportSpec,
  destDir: string,
  job?: JobHandle,
  opts: ManualExportOptions = {},
): Promise<ManualExportResult> {
  validate(spec);
  const sizes = await Promise.all(
    spec.files.map(async (f) => {
      const st = await stat(f.source).catch(() => null);
      if (!st?.isFile()) throw new ApiError('NOT_FOUND', messages.sourceMissing(f.relPath));
      return st.size;
    }),
  );
  // +64 KiB for the list file.
  await checkRoom(destDir, {
    sizes: [...sizes, 64 * 1024],
    fsType: opts.fsType ?? null,
    nameOf: (i) => spec.files[i]?.relPath ?? LIST_FILE_NAME,
    statfs: opts.statfs,
  });

  const folder = await makeFreshFolder(destDir, spec.folderName);
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const total = 2 * totalBytes;
  let base = 0;
  const written: ManualExportFile[] = [];
  try {
    for (const [i, f] of spec.files.entries()) {
      job?.checkCancelled();
      const final = path.join(folder, ...f.relPath.split('/'));
      await mkdir(path.dirname(final), { recursive: true }).catch((e: unknown) => {
        throw driveWriteError(e, folder);
      });
      const msg = messages.copyingFile(i + 1, spec.files.length, f.relPath);
      job?.progress(base, total, msg);
      const r = await copyVerified(f.source, final, { job, onProgress: job ? (done) => job.progress(base + done, total, msg) : undefined });
      written.push({ relPath: f.relPath, ...r });
      base += 2 * r.bytes;
    }
    job?.progress(total, total, messages.writingList);
    const listFile = path.join(folder, LIST_FILE_NAME);
    await copyVerified(listFileText(path.basename(folder), written, opts.now ?? Date.now()), listFile, { job });
    return { folder, listFile, files: written, totalBytes };
  } catch (e) {
    // The folder is ours alone (made fresh above); a half-filled one would be mistaken for an export.
    await rm(folder, { recursive: true, force: true }).catch((err: unknown) =>
      log.warn('could not remove partial export folder', { folder, error: err instanceof Error ? err.message : String(err) }),
    );
    throw e;
  }
}
