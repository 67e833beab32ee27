// Packages built here: list, verify (any package file, ours or a stick's), open read-only,
// export to a USB drive or for manual upload.
import path from 'node:path';
import type { Services, Actor } from '../context';
import type { JobHandle } from '../jobs';
import { appendAudit } from '../audit';
import { verifyPackage, readPackageFile, type VerifyReport, type VerifyOptions } from '../package-format';
import { listDrives, type Drive } from '../usb/drives';
import { exportToDrive } from '../usb/export';
import { exportManualFolder } from '../usb/manual-export';
import { requireAssessment } from '../assessment/common';
import { itemViews } from '../assessment/views';
import { extensionFor } from '../assessment/evidence';
import { exportSummaryTo } from '../assessment/summary-export';
import { blobPath } from '../blob-store';
import { requireOffice } from '../office';
import { bagNameFor } from './build';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { submissionPackage, type SubmissionPackage } from '../../../shared/package-schema';
import { mkdir } from 'node:fs/promises';

export function listPackages(s: Services) {
  return s.db.all(s.db.q.selectFrom('package').selectAll().orderBy('id', 'desc')).map((p) => ({
    id: p.id,
    kind: p.kind,
    refId: p.ref_id,
    bagName: p.bag_name,
    fileName: path.basename(p.path),
    size: p.size,
    sha256: p.sha256,
    payloadFiles: p.payload_files,
    signerFingerprint: p.signer_fingerprint,
    createdAt: p.created_at,
  }));
}

export function requirePackage(s: Services, id: number) {
  const p = s.db.first(s.db.q.selectFrom('package').selectAll().where('id', '=', id));
  if (!p) throw new ApiError('NOT_FOUND', vi.packages.notFound);
  return p;
}

export interface OpenedPackage {
  report: VerifyReport;
  /** data/package.json of a package that verified, when it is a shape this version reads. */
  content: SubmissionPackage | null;
  /** The package verified but its data/package.json did not parse. */
  contentError?: boolean;
}

/** Who counts as a known signer (trust-store.ts verifyTrustOptions gives the office's anchors). */
export type TrustOptions = Pick<VerifyOptions, 'trustAnchors' | 'extraCaPem' | 'expectedSignerFingerprint'>;

/**
 * Verifies first; reads data/package.json only from a package that verified. Without `trust` every
 * intact package is classified `unknown` (report.trust): pass the office's anchors.
 */
export async function verifyAndOpen(file: string, job?: JobHandle, trust: TrustOptions = {}): Promise<OpenedPackage> {
  const report = await verifyPackage(file, { ...trust, ...(job ? { job } : {}) });
  if (!report.ok) return { report, content: null };
  if (!report.payload.some((p) => p.path === 'data/package.json')) return { report, content: null, contentError: true };
  const raw = await readPackageFile(file, 'data/package.json', { report });
  let json: unknown = null;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return { report, content: null, contentError: true };
  }
  const parsed = submissionPackage.safeParse(json);
  return parsed.success ? { report, content: parsed.data } : { report, content: null, contentError: true };
}

export async function drives(extraFolders: string[] = []): Promise<Drive[]> {
  return listDrives({ extraFolders });
}

export async function exportPackageToDrive(s: Services, actor: Actor, packageId: number, destDir: string, job?: JobHandle) {
  const p = requirePackage(s, packageId);
  const drive = (await listDrives({ extraFolders: [destDir] })).find((d) => path.resolve(d.path) === path.resolve(destDir));
  const r = await exportToDrive(p.path, destDir, {
    // The recorded sha256 was taken as the package was built: the read-back proves every byte.
    verify: async (f, { bytesProven }) => {
      const rep = await verifyPackage(f, { payloadHashes: !bytesProven });
      return { ok: rep.ok, problems: rep.problems };
    },
    fsType: drive?.fsType ?? null,
    sha256: p.sha256,
    ...(job ? { job } : {}),
  });
  s.db.tx((w) => appendAudit(w, s, actor, { action: 'package.export', entity: 'package', entityId: p.id, after: { path: r.path, sha256: r.sha256 } }));
  return r;
}

/** A plain folder of the evidence (one file per criterion, convention names) and the summary files. */
export async function exportForManualUpload(s: Services, assessmentId: number, destDir: string, job?: JobHandle) {
  const a = requireAssessment(s, assessmentId);
  const office = requireOffice(s);
  const work = path.join(s.dataDir, 'exports', `manual-${Date.now()}`);
  await mkdir(work, { recursive: true });
  await exportSummaryTo(s, a.id, 'pdf', path.join(work, 'summary.pdf'));
  await exportSummaryTo(s, a.id, 'xlsx', path.join(work, 'summary.xlsx'));
  const files = [
    { relPath: `Bang tong hop ${a.year}.pdf`, source: path.join(work, 'summary.pdf') },
    { relPath: `Bang tong hop ${a.year}.xlsx`, source: path.join(work, 'summary.xlsx') },
    ...itemViews(s, a.id).flatMap((it) =>
      it.evidence.map((e) => ({ relPath: `${it.criterionCode}/${e.fileName}${extensionFor(e.mediaType)}`, source: blobPath(s.dataDir, e.sha256) })),
    ),
  ];
  return exportManualFolder({ folderName: `${bagNameFor(office.commune, a.year)}-tung-tep`, files }, destDir, job);
}
