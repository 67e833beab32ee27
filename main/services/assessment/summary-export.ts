// The summary table (Bảng tổng hợp kết quả tự đánh giá, chấm điểm) of one assessment, as XLSX or PDF.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Services } from '../context';
import { requireAssessment } from './common';
import { criteriaNodes } from './criteria-sets';
import { itemViews, totalsFor } from './views';
import { requireOffice } from '../office';
import { trustedNow } from '../trusted-time';
import { writeSummaryPdf, writeSummaryXlsx, type SummaryModel } from '../summary';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { CHAIR_POSITION } from '../../../shared/office';
import type { FileRef } from '../../../shared/api/assessment-schemas';

export function summaryModel(s: Services, assessmentId: number): SummaryModel {
  const a = requireAssessment(s, assessmentId);
  const set = s.db.first(s.db.q.selectFrom('criteria_set').selectAll().where('id', '=', a.set_id))!;
  const nodes = criteriaNodes(s, a.set_id);
  const items = new Map(itemViews(s, a.id).map((i) => [i.criterionCode, i]));
  const totals = totalsFor(s, a);
  // The signer: the leader who sent it, else the office's Chủ tịch, else any active leader.
  const users = s.db.all(s.db.q.selectFrom('users').select(['id', 'full_name', 'position', 'roles']).where('active', '=', 1));
  const leader =
    users.find((u) => u.id === a.sent_by) ??
    users.find((u) => u.position === CHAIR_POSITION) ??
    users.find((u) => (JSON.parse(u.roles) as string[]).includes('leader'));
  const office = requireOffice(s);
  return {
    office: { province: office.province, district: office.district, commune: office.commune, kind: office.kind },
    year: a.year,
    criteriaSet: { name: set.name, decision: set.decision },
    generatedAt: trustedNow(s),
    rows: nodes.map((n) => {
      const it = items.get(n.code);
      const t = totals.byCode[n.code];
      return {
        code: n.code,
        level: n.level,
        title: n.title,
        maxPoints: n.maxPoints,
        selfPoints: n.isLeaf ? (it?.notApplicable ? null : (it?.points ?? null)) : (t?.points ?? null),
        notApplicable: it?.notApplicable ?? false,
        evidenceCount: n.isLeaf ? (it?.evidence.length ?? 0) : 0,
        isLeaf: n.isLeaf,
      };
    }),
    totals: { points: totals.overall.points, applicableMax: totals.overall.applicableMax, percent: totals.overall.percent, band: totals.band },
    signer: leader ? { fullName: leader.full_name, position: leader.position } : null,
  };
}

export const summaryFileName = (year: number, format: 'xlsx' | 'pdf') => `Bang tong hop tu danh gia CCHC ${year}.${format}`;

export async function exportSummaryTo(s: Services, assessmentId: number, format: 'xlsx' | 'pdf', outPath: string): Promise<void> {
  const model = summaryModel(s, assessmentId);
  await mkdir(path.dirname(path.resolve(outPath)), { recursive: true });
  if (format === 'pdf') await writeSummaryPdf(model, outPath);
  else await writeSummaryXlsx(model, outPath);
}

export async function exportSummary(s: Services, assessmentId: number, format: 'xlsx' | 'pdf'): Promise<FileRef> {
  const a = requireAssessment(s, assessmentId);
  const fileName = summaryFileName(a.year, format);
  const out = path.join(s.dataDir, 'exports', `${Date.now()}-${a.year}.${format}`);
  try {
    await exportSummaryTo(s, assessmentId, format, out);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('INTERNAL', vi.export.failed(e instanceof Error ? e.message : String(e)));
  }
  const mediaType = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return { fileId: s.files.register({ path: out, fileName, mediaType, disposition: 'attachment' }), fileName, mediaType };
}
