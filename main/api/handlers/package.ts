// Handlers for the signing identity and submission packages.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { ApiError } from '../../../shared/errors';
import type { Router } from '../router';
// The signing and zip libraries are large: loaded on first use so start-up stays fast.
const identity = () => import('../../services/submission/identity');
const builder = () => import('../../services/submission/build');
const packages = () => import('../../services/submission/packages');
const received = () => import('../../services/submission/received');
const trustStore = () => import('../../services/submission/trust-store');
import { vi } from '../../../shared/i18n/vi';
import { observeSigningTime } from '../../services/trusted-time';
import { verifyView } from '../../services/submission/package-view';

export function registerPackage(r: Router): void {
  r.register('keys.status', async (_i, { s }) => (await identity()).identityStatus(s));
  r.register('keys.create', async ({ passphrase, replace }, { s, actor }) => (await identity()).createIdentity(s, actor, passphrase, replace));
  r.register('keys.import', async ({ uploadId, p12Password, passphrase }, { s, actor }) => {
    const up = s.uploads.get(uploadId, actor.id ?? -1);
    try {
      return await (await identity()).importIdentity(s, actor, up.path, p12Password, passphrase);
    } finally {
      await s.uploads.discard(uploadId);
    }
  });
  r.register('package.build', async ({ assessmentId, passphrase }, { s, actor }) => {
    const { buildAssessmentPackage } = await builder();
    const built = await s.jobs.run(vi.packagesUi.building, (job) => buildAssessmentPackage(s, actor, assessmentId, passphrase, job), actor);
    return (await packages()).listPackages(s).find((p) => p.id === built.id)!;
  });
  // The office's key signs, so the office's leaders build it (like package.build); proctors export the unsigned results.
  r.register('package.buildExam', async ({ roundId, passphrase, allowIncomplete }, { s, actor }) => {
    const { buildExamPackage } = await import('../../services/submission/build-exam');
    const built = await s.jobs.run(vi.examPackages.building, (job) => buildExamPackage(s, actor, roundId, passphrase, job, { allowIncomplete }), actor);
    return (await packages()).listPackages(s).find((p) => p.id === built.id)!;
  });
  r.register('package.list', async (_i, { s }) => (await packages()).listPackages(s));
  r.register('package.download', async ({ packageId }, { s }) => {
    const p = (await packages()).requirePackage(s, packageId);
    const fileName = path.basename(p.path);
    return {
      fileId: s.files.register({ path: p.path, fileName, mediaType: 'application/zip', disposition: 'attachment' }),
      fileName,
      mediaType: 'application/zip',
    };
  });
  r.register('package.verify', async ({ uploadId }, { s, actor }) => {
    const up = s.uploads.get(uploadId, actor.id ?? -1);
    try {
      const { verifyAndOpen } = await packages();
      const trust = await (await trustStore()).verifyTrustOptions(s);
      const opened = await s.jobs.run(vi.packagesUi.verifying, (job) => verifyAndOpen(up.path, job, trust), actor);
      if (!opened.report.ok) return verifyView(opened);
      // A known signer's signing time is a time from outside this PC: it feeds the trusted clock
      // (bounded, so one signer's wrong clock cannot push deadlines far ahead).
      const signed = opened.report.signingTime;
      if (opened.report.trust?.level === 'known' && signed !== null) observeSigningTime(s, signed);
      // Kept (moved, content-addressed) so its files can be opened and it can be reopened later.
      const packageKey = await (await received()).tryKeepReceived(s, up, opened);
      if (!packageKey) return verifyView(opened);
      s.uploads.forget(uploadId);
      return verifyView(opened, { packageKey, fileName: up.name });
    } finally {
      await s.uploads.discard(uploadId);
    }
  });
  r.register('package.received', async (_i, { s }) => (await received()).listReceived(s));
  r.register('package.reopen', async ({ packageKey }, { s, actor }) => {
    const { reopenReceived, listReceived } = await received();
    const opened = await s.jobs.run(vi.packagesUi.verifying, (job) => reopenReceived(s, packageKey, job), actor);
    if (opened.discarded) return { ...verifyView(opened), message: vi.received.failedOnReopen(opened.report.problems.length) };
    const meta = (await listReceived(s)).find((m) => m.packageKey === packageKey);
    return verifyView(opened, { packageKey, fileName: meta?.fileName ?? `${packageKey.slice(0, 12)}.zip` });
  });
  // Kept packages are the office's record of what it received: only leaders may forget one.
  r.register('package.forget', async ({ packageKey }, { s }) => {
    await (await received()).forgetReceived(s, packageKey);
    return { ok: true as const };
  });
  r.register('package.openFile', async ({ packageKey, path: inner }, { s }) => (await received()).openReceivedFile(s, packageKey, inner));
  r.register('trust.list', async (_i, { s }) => (await trustStore()).listTrustAnchors(s));
  r.register('trust.add', async (input, { s, actor }) => {
    const store = await trustStore();
    let added;
    if ('packageKey' in input) {
      // The certificate comes from the kept package itself, verified again; the fingerprint the
      // leader compared by phone must be that certificate's.
      const opened = await (await received()).reopenReceived(s, input.packageKey);
      const signer = opened.report.signer;
      if (opened.discarded || !opened.report.ok || !signer || !opened.report.signerCertificatePem) throw new ApiError('CONFLICT', vi.trust.packageNotIntact);
      if (signer.fingerprint !== input.fingerprint.replace(/[^0-9a-f]/gi, '').toLowerCase()) throw new ApiError('CONFLICT', vi.trust.fingerprintMismatch);
      added = store.addTrustAnchor(s, actor, { certificatePem: opened.report.signerCertificatePem, source: 'imported' });
    } else {
      const up = s.uploads.get(input.uploadId, actor.id ?? -1);
      try {
        if (up.size > 64 * 1024) throw new ApiError('VALIDATION', vi.trust.notCertificate);
        const bytes = await readFile(up.path);
        added = store.addTrustAnchor(s, actor, {
          certificatePem: store.toCertificatePem(bytes),
          source: 'imported',
          ...(input.name ? { name: input.name } : {}),
        });
      } finally {
        await s.uploads.discard(input.uploadId);
      }
    }
    await (await received()).refreshKeptTrust(s);
    return added;
  });
  r.register('trust.remove', async ({ fingerprint }, { s, actor }) => {
    await (await trustStore()).removeTrustAnchor(s, actor, fingerprint);
    await (await received()).refreshKeptTrust(s);
    return { ok: true as const };
  });
  r.register('package.drives', async ({ extraFolders }) => (await packages()).drives(extraFolders));
  r.register('package.exportToDrive', async ({ packageId, destDir }, { s, actor }) => {
    const { exportPackageToDrive } = await packages();
    return s.jobs.run(vi.packagesUi.exporting, (job) => exportPackageToDrive(s, actor, packageId, destDir, job), actor);
  });
  r.register('package.exportManual', async ({ assessmentId, destDir }, { s, actor }) => {
    const { exportForManualUpload } = await packages();
    const res = await s.jobs.run(vi.packagesUi.exporting, (job) => exportForManualUpload(s, assessmentId, destDir, job), actor);
    return { folder: res.folder, files: res.files.length, totalBytes: res.totalBytes };
  });
}
