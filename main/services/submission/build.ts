// Builds the signed submission package of a year's assessment (DESIGN §6): package.json, the
// summary table as XLSX and as a PAdES-signed PDF, and every evidence file once per criterion
// under its convention name — streamed into a signed BagIt zip. The pre-submission check runs
// first; blocking problems stop the build with the list.
import { mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Services, Actor } from '../context';
import type { JobHandle } from '../jobs';
import { requireOffice } from '../office';
import { trustedNow } from '../trusted-time';
import { blobPath } from '../blob-store';
import { requireAssessment } from '../assessment/common';
import { runPrecheck, blockedError } from '../assessment/precheck';
import { criteriaNodes } from '../assessment/criteria-sets';
import { itemViews, totalsFor } from '../assessment/views';
import { summaryModel } from '../assessment/summary-export';
import { extensionFor } from '../assessment/evidence';
import { writeSummaryXlsx, writeSummaryPdf } from '../summary';
import { buildBag, signPdf, certificateInfo, type PayloadItem } from '../package';
import { keyStore, openIdentity } from './identity';
import { packageOutPath, recordPackage, sourceOrganization } from './record';
import { packageStamps } from './stamps';
import { toAscii } from '../../domain/evidence-naming';
import { assessmentPackage, PACKAGE_SCHEMA_VERSION, type AssessmentPackage } from '../../../shared/package-schema';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function bagNameFor(commune: string, year: number): string {
  const c = toAscii(commune).replace(/[^A-Za-z0-9]+/g, '');
  return `KC-${year}-${c || 'UBND'}-CCHC`;
}

function packageJson(s: Services, assessmentId: number, signer: { holder: string; fingerprint: string }): { doc: AssessmentPackage; evidence: PayloadItem[] } {
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
    generatedAt: iso(trustedNow(s))!,
    app: { name: 'Kiểm Chứng', version: s.version },
    office: { province: office.province, district: office.district, commune: office.commune, kind: office.kind },
    assessment: { year: a.year, opensAt: iso(a.opens_at)!, closesAt: iso(a.closes_at)!, status: a.status, sentAt: iso(a.sent_at) },
    criteriaSet: { name: set.name, decision: set.decision, province: set.province, year: set.year, totalMax: set.total_max },
    criteria,
    totals: { points: totals.overall.points, applicableMax: totals.overall.applicableMax, percent: totals.overall.percent, band: totals.band },
    signedBy: signer,
  });
  return { doc, evidence };
}

export interface BuiltPackage {
  id: number;
  bagName: string;
  fileName: string;
  size: number;
  sha256: string;
  payloadFiles: number;
  signerFingerprint: string;
  createdAt: number;
}

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
  const identity = await openIdentity(s, passphrase);
  const now = trustedNow(s);
  const cert = certificateInfo(identity.certificatePem, now);
  const office = requireOffice(s);
  const work = path.join(s.dataDir, 'tmp', `pkg-${randomUUID()}`);
  await mkdir(work, { recursive: true });
  try {
    const { doc, evidence } = packageJson(s, assessmentId, { holder: cert.holder, fingerprint: cert.fingerprint });
    await writeFile(path.join(work, 'package.json'), JSON.stringify(doc, null, 2) + '\n');
    const model = summaryModel(s, assessmentId);
    await writeSummaryXlsx(model, path.join(work, 'summary.xlsx'));
    await writeSummaryPdf(model, path.join(work, 'unsigned.pdf'));
    const signed = await signPdf(await readFile(path.join(work, 'unsigned.pdf')), identity, {
      reason: `Bảng tổng hợp kết quả tự đánh giá Chỉ số CCHC năm ${a.year}`,
      location: `${office.commune}, ${office.province}`,
      name: cert.holder,
    });
    await writeFile(path.join(work, 'summary.pdf'), signed);
    job?.checkCancelled();

    const bagName = bagNameFor(office.commune, a.year);
    const out = await packageOutPath(s, bagName, now);
    const payload: PayloadItem[] = [
      { path: 'package.json', source: { file: path.join(work, 'package.json') } },
      { path: 'summary.pdf', source: { file: path.join(work, 'summary.pdf') } },
      { path: 'summary.xlsx', source: { file: path.join(work, 'summary.xlsx') } },
      ...evidence,
    ];
    const built = await buildBag(
      {
        bagName,
        bagInfo: {
          'Source-Organization': sourceOrganization(s),
          'External-Identifier': `${bagName}-${now}`,
          'Kiemchung-Kind': 'assessment',
          'Kiemchung-Schema-Version': String(PACKAGE_SCHEMA_VERSION),
          'Kiemchung-Year': String(a.year),
          'Kiemchung-Total': `${doc.totals.points}/${doc.totals.applicableMax}`,
          ...packageStamps(s, a.id),
        },
        payload,
        identity,
        signingTime: now,
      },
      out,
      job,
    );
    return recordPackage(s, actor, { kind: 'assessment', refId: a.id, bagName, out, built, now, audit: { year: a.year } });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
