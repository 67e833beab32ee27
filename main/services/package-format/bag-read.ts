// Reading single files out of a package that passed verifyPackage, e.g. data/package.json at
// import. Each read re-hashes the bytes against the verified manifest hash, so a file swapped
// between verification and reading is refused.
import { createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { ApiError } from '../../../shared/errors';
import { verifyPackage, type VerifyOptions, type VerifyReport } from './bag-verify';
import { messages } from './messages';
import { DEFAULT_LIMITS, SafeZip } from './zip-read';
import { renameDurably } from '../durable';

export interface ReadOptions {
  /** A passing report of this same file from verifyPackage; without it the package is verified first. */
  report?: VerifyReport;
  verify?: VerifyOptions;
  /** Ceiling for reading into memory (default 64 MiB); use extractPackageFile for bigger files. */
  maxBytes?: number;
}

async function locate(zipPath: string, innerPath: string, opts: ReadOptions) {
  const report = opts.report ?? (await verifyPackage(zipPath, opts.verify));
  if (!report.ok || !report.bagName) {
    throw new ApiError(
      'VALIDATION',
      messages.verify.notVerified,
      report.problems.map((p) => ({ path: p.file ?? p.check, message: p.message })),
    );
  }
  const item = report.payload.find((p) => p.path === innerPath);
  if (!item) throw new ApiError('NOT_FOUND', messages.verify.notInPackage(innerPath));
  const zip = await SafeZip.open(zipPath, { ...DEFAULT_LIMITS, ...opts.verify?.limits });
  const entry = zip.entries.find((e) => e.name === `${report.bagName}/${innerPath}`);
  if (zip.problems.length || !entry || entry.size !== item.size) {
    await zip.close();
    throw new ApiError('CONFLICT', messages.verify.changedSinceVerify(innerPath));
  }
  return { zip, entry, item };
}

/**
 * Reads one payload file (e.g. `data/package.json`) of a verified package. The bytes are hashed
 * again and compared with the verified hash, so a file swapped after verification is refused.
 */
export async function readPackageFile(zipPath: string, innerPath: string, opts: ReadOptions = {}): Promise<Buffer> {
  const { zip, entry, item } = await locate(zipPath, innerPath, opts);
  try {
    if (entry.size > (opts.maxBytes ?? 64 * 1024 * 1024)) throw new ApiError('VALIDATION', messages.verify.tooBigToRead(innerPath));
    const { data } = await zip.readSmall(entry);
    if (createHash('sha256').update(data).digest('hex') !== item.sha256) throw new ApiError('CONFLICT', messages.verify.changedSinceVerify(innerPath));
    return data;
  } finally {
    await zip.close();
  }
}

/** Streams one payload file of a verified package to `destPath` (via `.part`, renamed only if its hash matches). */
export async function extractPackageFile(zipPath: string, innerPath: string, destPath: string, opts: ReadOptions = {}): Promise<void> {
  const { zip, entry, item } = await locate(zipPath, innerPath, opts);
  const part = `${destPath}.part`;
  try {
    const out = await open(part, 'w');
    const h = createHash('sha256');
    try {
      let pos = 0;
      await zip.readEntry(entry, async (chunk) => {
        h.update(chunk);
        let off = 0;
        while (off < chunk.length) off += (await out.write(chunk, off, chunk.length - off, pos + off)).bytesWritten;
        pos += chunk.length;
      });
    } finally {
      await out.close();
    }
    if (h.digest('hex') !== item.sha256) throw new ApiError('CONFLICT', messages.verify.changedSinceVerify(innerPath));
    await renameDurably(part, destPath);
  } catch (e) {
    await rm(part, { force: true });
    throw e;
  } finally {
    await zip.close();
  }
}
