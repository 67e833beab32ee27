// Handlers for the signing identity and submission packages.
import path from 'node:path';
import type { Router } from '../router';
// The signing and zip libraries are large: loaded on first use so start-up stays fast.
const identity = () => import('../../services/submission/identity');
const builder = () => import('../../services/submission/build');
const packages = () => import('../../services/submission/packages');
import { vi } from '../../../shared/i18n/vi';
import type { VerifyView } from '../../../shared/api/package-api-schemas';
import type { OpenedPackage } from '../../services/submission/packages';

const LEADERS = ['leader', 'admin'] as const;
const WORKERS = ['leader', 'officer', 'admin'] as const;

export function verifyView(o: OpenedPackage): VerifyView {
  const { report, content } = o;
  return {
    ok: report.ok,
    message: report.ok ? vi.packages.valid : vi.packages.invalid(report.problems.length),
    problems: report.problems.map((p) => ({ check: p.check, file: p.file, message: p.message })),
    bagName: report.bagName,
    bagInfo: report.bagInfo,
    signer: report.signer,
    signingTime: report.signingTime,
    payloadFiles: report.payload.length,
    payloadBytes: report.payload.reduce((a, p) => a + p.size, 0),
    content: content && {
      office: `UBND ${vi.officeKinds[content.office.kind].toLowerCase()} ${content.office.commune}, ${content.office.district}, ${content.office.province}`,
      year: content.assessment.year,
      criteriaSet: content.criteriaSet.name,
      points: content.totals.points,
      applicableMax: content.totals.applicableMax,
      percent: content.totals.percent,
      band: content.totals.band,
      criteria: content.criteria.length,
      evidence: content.criteria.reduce((a, c) => a + (c.item?.evidence.length ?? 0), 0),
      areas: content.criteria.filter((c) => c.parentCode === null).map((c) => ({ code: c.code, title: c.title, points: c.total?.points ?? 0, applicableMax: c.total?.applicableMax ?? 0 })),
    },
  };
}

export function registerPackage(r: Router): void {
  r.register('keys.status', 'user', async (_i, { s }) => (await identity()).identityStatus(s));
  r.register('keys.create', LEADERS, async ({ passphrase, replace }, { s, actor }) => (await identity()).createIdentity(s, actor, passphrase, replace));
  r.register('keys.import', LEADERS, async ({ uploadId, p12Password, passphrase }, { s, actor }) => {
    const up = s.uploads.get(uploadId, actor.id ?? -1);
    try {
      return await (await identity()).importIdentity(s, actor, up.path, p12Password, passphrase);
    } finally {
      await s.uploads.discard(uploadId);
    }
  });
  r.register('package.build', LEADERS, async ({ assessmentId, passphrase }, { s, actor }) => {
    const { buildAssessmentPackage } = await builder();
    const built = await s.jobs.run(vi.packagesUi.building, (job) => buildAssessmentPackage(s, actor, assessmentId, passphrase, job));
    return (await packages()).listPackages(s).find((p) => p.id === built.id)!;
  });
  r.register('package.list', WORKERS, async (_i, { s }) => (await packages()).listPackages(s));
  r.register('package.download', WORKERS, async ({ packageId }, { s }) => {
    const p = (await packages()).requirePackage(s, packageId);
    const fileName = path.basename(p.path);
    return { fileId: s.files.register({ path: p.path, fileName, mediaType: 'application/zip', disposition: 'attachment' }), fileName, mediaType: 'application/zip' };
  });
  r.register('package.verify', 'user', async ({ uploadId }, { s, actor }) => {
    const up = s.uploads.get(uploadId, actor.id ?? -1);
    try {
      const { verifyAndOpen } = await packages();
      return verifyView(await s.jobs.run(vi.packagesUi.verifying, (job) => verifyAndOpen(up.path, job)));
    } finally {
      await s.uploads.discard(uploadId);
    }
  });
  r.register('package.drives', LEADERS, async ({ extraFolders }) => (await packages()).drives(extraFolders));
  r.register('package.exportToDrive', LEADERS, async ({ packageId, destDir }, { s, actor }) => {
    const { exportPackageToDrive } = await packages();
    return s.jobs.run(vi.packagesUi.exporting, (job) => exportPackageToDrive(s, actor, packageId, destDir, job));
  });
  r.register('package.exportManual', LEADERS, async ({ assessmentId, destDir }, { s }) => {
    const { exportForManualUpload } = await packages();
    const res = await s.jobs.run(vi.packagesUi.exporting, (job) => exportForManualUpload(s, assessmentId, destDir, job));
    return { folder: res.folder, files: res.files.length, totalBytes: res.totalBytes };
  });
}
