// USB export (DESIGN.md §6): a package goes onto a stick under a temporary name, is fsynced, read
// back from the stick and compared with the package's SHA-256 — taken when it was built, so every
// byte is checked against the package as signed — and only then renamed. The package itself is
// verified while it is copied (structure and signature; its payload hashes too when no build-time
// hash is known). A pulled stick, a full card or a cancel therefore never leaves a file under the
// final name that looks complete but is not.
import { rename, stat, statfs as fsStatfs } from 'node:fs/promises';
import path from 'node:path';
import { ApiError, type Issue } from '../../../shared/errors';
import type { JobHandle } from '../jobs';
import { createLogger } from '../log';
import { detectFsType, isFat32 } from './drives';
import { hashFile } from '../package-format/hash';
import { FAT32_MAX_FILE_BYTES, formatBytes } from './names';
import { missingDestination } from './missing';
import { messages, StageError, SourceAlteredError, SourceRefused, MismatchError, errCode, tag, toApiError, portableNameProblem } from './messages';
import { activeTemps, tempName, sweepStaleTemps, removeTemp, discardFinal, syncDir } from './temp';
import { throttled, type CopyOptions, WORKER_MIN_BYTES, writeTemp, ReadBack } from './copy';

// What the rest of the app (and the tests) use of the USB export, from one place.
export { FAT32_MAX_FILE_BYTES, MAX_FILE_NAME_CHARS, formatBytes } from './names';
export { messages, driveWriteError, portableNameProblem, type Cleanup } from './messages';
export { CHUNK_BYTES, type CopyOptions } from './copy';

const log = createLogger('usb');

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
    if (code === 'ENOENT' || code === 'ENOTDIR') throw missingDestination(dir);
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
