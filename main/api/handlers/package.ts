// Handlers for the signing identity and submission packages.
import path from 'node:path';
import type { Router } from '../router';
// The signing and zip libraries are large: loaded on first use so start-up stays fast.
const identity = () => import('../../services/submission/identity');
const builder = () => import('../../services/submission/build');
const packages = () => import('../../services/submission/packages');
const received = () => import('../../services/submission/received');
import { vi } from '../../../shared/i18n/vi';
import type { VerifyView, PackageCriterionView, PackageExamView } from '../../../shared/api/package-api-schemas';
import type { AssessmentPackage, ExamPackage } from '../../../shared/package-schema';
import type { OpenedPackage } from '../../services/submission/packages';

const LEADERS = ['leader', 'admin'] as const;
const WORKERS = ['leader', 'officer', 'admin'] as const;

const officeName = (o: { kind: 'xa' | 'phuong' | 'thi_tran'; commune: string; district: string; province: string }) =>
  `UBND ${vi.officeKinds[o.kind].toLowerCase()} ${o.commune}, ${o.district}, ${o.province}`;

/** The criteria as a flat list in tree order (each node followed by its children), with depths. */
function criteriaTree(content: AssessmentPackage, inPackage: (p: string) => boolean): PackageCriterionView[] {
  const children = new Map<string | null, AssessmentPackage['criteria']>();
  for (const c of content.criteria) {
    const k = c.parentCode !== null && content.criteria.some((p) => p.code === c.parentCode) ? c.parentCode : null;
    children.set(k, [...(children.get(k) ?? []), c]);
  }
  const out: PackageCriterionView[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      if (seen.has(c.code)) continue;
      seen.add(c.code);
      out.push({
        code: c.code,
        parentCode: depth === 0 ? null : c.parentCode,
        depth,
        title: c.title,
        maxPoints: c.maxPoints,
        isLeaf: c.isLeaf,
        total: c.total,
        item: c.item && {
          points: c.item.points,
          notApplicable: c.item.notApplicable,
          naReason: c.item.naReason,
          explanation: c.item.explanation,
          status: c.item.status,
          statusLabel: vi.ui.itemStatus[c.item.status] ?? c.item.status,
          reviewComment: c.item.reviewComment,
          assignee: c.item.assignee,
          updatedBy: c.item.updatedBy,
          updatedAt: c.item.updatedAt,
          evidence: c.item.evidence.map((e) => ({
            fileName: e.fileName,
            path: e.path,
            size: e.size,
            mediaType: e.mediaType,
            pdfSigned: e.pdfSigned,
            docNumber: e.docNumber,
            docDate: e.docDate,
            summary: e.summary,
            originalName: e.originalName,
            inPackage: inPackage(e.path),
          })),
        },
      });
      walk(c.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

function examView(c: ExamPackage): PackageExamView {
  return {
    office: officeName(c.office),
    round: { name: c.round.name, examDate: c.round.examDate, venue: c.round.venue, district: c.round.district },
    people: c.people,
    communes: c.communes,
    totals: c.totals,
    incidents: c.teams.flatMap((t) =>
      t.steps.flatMap((st) => st.incidents.map((i) => ({ commune: t.commune, step: st.step, stepName: st.name, at: i.at, description: i.description }))),
    ),
  };
}

/** What the app shows of a checked package; the full content only for one that verified. */
export function verifyView(o: OpenedPackage, kept: { packageKey: string; fileName: string } | null = null): VerifyView {
  const { report } = o;
  const content = report.ok ? o.content : null;
  const payload = new Map(report.payload.map((p) => [p.path, p]));
  const assessment = content?.kind === 'assessment' ? content : null;
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
    packageKey: report.ok ? (kept?.packageKey ?? null) : null,
    fileName: kept?.fileName ?? null,
    kind: content?.kind ?? null,
    contentError: report.ok && o.contentError ? vi.received.unreadableContent : null,
    documents: report.ok
      ? report.payload.filter((p) => !p.path.startsWith('data/evidence/') && p.path !== 'data/package.json').map((p) => ({ path: p.path, size: p.size }))
      : [],
    content: assessment && {
      office: officeName(assessment.office),
      year: assessment.assessment.year,
      criteriaSet: assessment.criteriaSet.name,
      points: assessment.totals.points,
      applicableMax: assessment.totals.applicableMax,
      percent: assessment.totals.percent,
      band: assessment.totals.band,
      evidence: assessment.criteria.reduce((a, c) => a + (c.item?.evidence.length ?? 0), 0),
      areas: assessment.criteria
        .filter((c) => c.parentCode === null)
        .map((c) => ({ code: c.code, title: c.title, points: c.total?.points ?? 0, applicableMax: c.total?.applicableMax ?? 0 })),
      criteria: criteriaTree(assessment, (p) => payload.has(p)),
    },
    exam: content?.kind === 'exam' ? examView(content) : null,
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
  // The office's key signs, so the office's leaders build it (like package.build); proctors export the unsigned results.
  r.register('package.buildExam', LEADERS, async ({ roundId, passphrase, allowIncomplete }, { s, actor }) => {
    const { buildExamPackage } = await import('../../services/submission/build-exam');
    const built = await s.jobs.run(vi.examPackages.building, (job) => buildExamPackage(s, actor, roundId, passphrase, job, { allowIncomplete }));
    return (await packages()).listPackages(s).find((p) => p.id === built.id)!;
  });
  r.register('package.list', WORKERS, async (_i, { s }) => (await packages()).listPackages(s));
  r.register('package.download', WORKERS, async ({ packageId }, { s }) => {
    const p = (await packages()).requirePackage(s, packageId);
    const fileName = path.basename(p.path);
    return {
      fileId: s.files.register({ path: p.path, fileName, mediaType: 'application/zip', disposition: 'attachment' }),
      fileName,
      mediaType: 'application/zip',
    };
  });
  r.register('package.verify', 'user', async ({ uploadId }, { s, actor }) => {
    const up = s.uploads.get(uploadId, actor.id ?? -1);
    try {
      const { verifyAndOpen } = await packages();
      const opened = await s.jobs.run(vi.packagesUi.verifying, (job) => verifyAndOpen(up.path, job));
      if (!opened.report.ok) return verifyView(opened);
      // Kept (moved, content-addressed) so its files can be opened and it can be reopened later.
      const packageKey = await (await received()).tryKeepReceived(s, up, opened);
      if (!packageKey) return verifyView(opened);
      s.uploads.forget(uploadId);
      return verifyView(opened, { packageKey, fileName: up.name });
    } finally {
      await s.uploads.discard(uploadId);
    }
  });
  r.register('package.received', 'user', async (_i, { s }) => (await received()).listReceived(s));
  r.register('package.reopen', 'user', async ({ packageKey }, { s }) => {
    const { reopenReceived, listReceived } = await received();
    const opened = await s.jobs.run(vi.packagesUi.verifying, (job) => reopenReceived(s, packageKey, job));
    if (opened.discarded) return { ...verifyView(opened), message: vi.received.failedOnReopen(opened.report.problems.length) };
    const meta = (await listReceived(s)).find((m) => m.packageKey === packageKey);
    return verifyView(opened, { packageKey, fileName: meta?.fileName ?? `${packageKey.slice(0, 12)}.zip` });
  });
  r.register('package.forget', 'user', async ({ packageKey }, { s }) => {
    await (await received()).forgetReceived(s, packageKey);
    return { ok: true as const };
  });
  r.register('package.openFile', 'user', async ({ packageKey, path: inner }, { s }) => (await received()).openReceivedFile(s, packageKey, inner));
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
