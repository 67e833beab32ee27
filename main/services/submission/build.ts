// Builds the signed submission package of a year's assessment (DESIGN §6): package.json, the
// summary table as XLSX and as a PAdES-signed PDF, and every evidence file once per criterion
// under its convention name — streamed into a signed BagIt zip. The pre-submission check runs
// first; blocking problems stop the build with the list.
import path from 'node:path';
import type { Services, Actor } from '../context';
import type { JobHandle } from '../jobs';
import { requireOffice } from '../office';
import { blobPath } from '../blob-store';
import { requireAssessment } from '../assessment/common';
import { runPrecheck, blockedError } from '../assessment/precheck';
import { criteriaNodes } from '../assessment/criteria-sets';
import { itemViews, totalsFor } from '../assessment/views';
import { summaryModel } from '../assessment/summary-export';
import { extensionFor } from '../assessment/evidence';
import { writeSummaryXlsx, writeSummaryPdf } from '../summary';
import type { PayloadItem } from '../package-format';
import { keyStore } from './identity';
import { bagNameOf, type BuiltPackage } from './record';
import { buildSignedPackage } from './seal';
import { vi } from '../../../shared/i18n/vi';
import { assessmentPackage, PACKAGE_SCHEMA_VERSION, type AssessmentPackage } from '../../../shared/package-schema';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const bagNameFor = (commune: string, year: number): string => bagNameOf(commune, year, 'CCHC');

function packageJson(
  s: Services,
  assessmentId: number,
  now: number,
  signer: { holder: string; fingerprint: string },
): { doc: AssessmentPackage; evidence: PayloadItem[] } {
  const a = requireAssessment(s, assessmentId);
  const set = s.db.first(s.db.q.selectFrom('criteria_set').selectAll().where('id', '=', a.set_id))!;
  const office = requireOffice(s);
  const totals = totalsFor(s, a);
  const items = new Map(itemViews(s, a.id).map((i) => [i.criterionCode, i]));
  const evidence: PayloadItem[] = [];
  const criteria = criteriaNodes(s, a.set_id).map((n) => {
    const it = items.get(n.code);
    const t = totals.byCode[n.code];
    return {
      code: n.code,
      parentCode: n.parentCode,
      title: n.title,
      maxPoints: n.maxPoints,
      isLeaf: n.isLeaf,
      total: t ? { points: t.points, applicableMax: t.applicableMax } : null,
      item: it
        ? {
            points: it.points,
            notApplicable: it.notApplicable,
            naReason: it.naReason,
            explanation: it.explanation,
            status: it.status,
            reviewComment: it.reviewComment,
            assignee: it.assigneeName,
            updatedBy: it.updatedByName,
            updatedAt: iso(it.updatedAt)!,
            evidence: it.evidence.map((e) => {
              // One copy per criterion, under that criterion's convention name (doc 001).
              const p = `evidence/${n.code}/${e.fileName}${extensionFor(e.mediaType)}`;
              evidence.push({ path: p, source: { file: blobPath(s.dataDir, e.sha256), sha256: e.sha256 } });
              return {
                fileName: e.fileName,
                path: `data/${p}`,
                sha256: e.sha256,
                size: e.size,
                mediaType: e.mediaType,
                pdfSigned: e.pdfSigned,
                docNumber: e.docNumber,
                docDate: e.docDate,
                summary: e.summary,
                originalName: e.originalName,
              };
            }),
          }
        : null,
    };
  });
  const doc = assessmentPackage.parse({
    format: 'kiemchung-package',
    schemaVersion: PACKAGE_SCHEMA_VERSION,
    kind: 'assessment',
    generatedAt: iso(now)!,
    app: { name: vi.app.name, version: s.version },
    office: { province: office.province, district: office.district, commune: office.commune, kind: office.kind },
    assessment: { year: a.year, opensAt: iso(a.opens_at)!, closesAt: iso(a.closes_at)!, status: a.status, sentAt: iso(a.sent_at) },
    criteriaSet: { name: set.name, decision: set.decision, province: set.province, year: set.year, totalMax: set.total_max },
    criteria,
    totals: { points: totals.overall.points, applicableMax: totals.overall.applicableMax, percent: totals.overall.percent, band: totals.band },
    signedBy: signer,
  });
  return { doc, evidence };
}

export type { BuiltPackage };

export async function buildAssessmentPackage(
  s: Services,
  actor: Actor,
  assessmentId: number,
  passphrase: string | undefined,
  job?: JobHandle,
  opts: { allowWarnings?: boolean } = {},
): Promise<BuiltPackage> {
  const a = requireAssessment(s, assessmentId);
  const blocking = runPrecheck(s, a).filter((e) => e.severity === 'error');
  if (blocking.length && !opts.allowWarnings) throw blockedError('build', blocking, !(await keyStore(s).info()));
  // The zip's path stays in the back end: the package list and the API name it by its file name.
  const { path: _file, ...built } = await buildSignedPackage(
    s,
    actor,
    passphrase,
    async (w) => {
      const { doc, evidence } = packageJson(s, assessmentId, w.now, w.signer);
      const json = await w.writeJson(doc);
      const model = summaryModel(s, assessmentId);
      await writeSummaryXlsx(model, path.join(w.dir, 'summary.xlsx'));
      await writeSummaryPdf(model, path.join(w.dir, 'unsigned.pdf'));
      const pdf = await w.signPdf('unsigned.pdf', 'summary.pdf', vi.packageKinds.summarySignReason(a.year));
      return {
        kind: 'assessment',
        refId: a.id,
        bagName: bagNameFor(w.office.commune, a.year),
        year: a.year,
        bagInfo: { 'Kiemchung-Total': `${doc.totals.points}/${doc.totals.applicableMax}` },
        payload: [json, pdf, w.file('summary.xlsx'), ...evidence],
        stampAssessment: a.id,
        audit: { year: a.year },
      };
    },
    job ? { job } : {},
  );
  return built;
}
