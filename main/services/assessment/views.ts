// Read models for the assessment screens: items with their evidence, totals, summaries.
import type { Services } from '../context';
import type { AssessmentRow } from './common';
import { criteriaNodes } from './criteria-sets';
import { computeTotals, ratingFor, type LeafScore } from '../../domain/scoring';
import { getSettings } from '../settings';
import type { AssessmentSummary, EvidenceView, ItemView, TotalsView } from '../../../shared/api/assessment-schemas';

/** The document columns every evidence view selects. */
/** A document as evidence: the stored file's facts, and the number/date/summary of this link. */
export const DOCUMENT_COLUMNS = ['d.sha256', 'd.original_name', 'd.media_type', 'd.size', 'd.pdf_signed', 'l.doc_number', 'l.doc_date', 'l.summary'] as const;

interface DocumentRow {
  sha256: string;
  original_name: string;
  media_type: string;
  size: number;
  pdf_signed: number | null;
  doc_number: string | null;
  doc_date: string | null;
  summary: string | null;
}

/** A stored document as the API shows it (shared by an item's evidence and the reuse list). */
export const documentView = (r: DocumentRow) => ({
  sha256: r.sha256,
  originalName: r.original_name,
  mediaType: r.media_type,
  size: r.size,
  pdfSigned: r.pdf_signed === null ? null : r.pdf_signed === 1,
  docNumber: r.doc_number,
  docDate: r.doc_date,
  summary: r.summary,
});

export function evidenceFor(s: Services, itemIds: readonly number[]): Map<number, EvidenceView[]> {
  const out = new Map<number, EvidenceView[]>();
  if (itemIds.length === 0) return out;
  const rows = s.db.all(
    s.db.q
      .selectFrom('item_document as l')
      .innerJoin('document as d', 'd.sha256', 'l.sha256')
      .select(['l.id', 'l.item_id', 'l.file_name', ...DOCUMENT_COLUMNS])
      .where('l.item_id', 'in', itemIds)
      .orderBy('l.id'),
  );
  for (const r of rows) {
    const list = out.get(r.item_id) ?? [];
    list.push({ linkId: r.id, fileName: r.file_name, ...documentView(r) });
    out.set(r.item_id, list);
  }
  return out;
}

export function itemViews(s: Services, assessmentId: number, onlyIds?: readonly number[]): ItemView[] {
  let q = s.db.q
    .selectFrom('assessment_item as i')
    .leftJoin('users as a', 'a.id', 'i.assignee_id')
    .leftJoin('users as u', 'u.id', 'i.updated_by')
    .selectAll('i')
    .select(['a.full_name as assignee_name', 'u.full_name as updated_by_name'])
    .where('i.assessment_id', '=', assessmentId);
  if (onlyIds) q = q.where('i.id', 'in', onlyIds.length ? onlyIds : [-1]);
  const rows = s.db.all(q);
  const evidence = evidenceFor(
    s,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    criterionCode: r.criterion_code,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    points: r.points,
    notApplicable: r.not_applicable === 1,
    naReason: r.na_reason,
    explanation: r.explanation,
    status: r.status,
    reviewComment: r.review_comment,
    updatedAt: r.updated_at,
    updatedByName: r.updated_by_name,
    version: r.version,
    evidence: evidence.get(r.id) ?? [],
  }));
}

export function totalsFor(s: Services, a: AssessmentRow): TotalsView {
  const nodes = criteriaNodes(s, a.set_id);
  const scores = new Map<string, LeafScore>();
  for (const r of s.db.all(s.db.q.selectFrom('assessment_item').select(['criterion_code', 'points', 'not_applicable']).where('assessment_id', '=', a.id))) {
    scores.set(r.criterion_code, { points: r.points, notApplicable: r.not_applicable === 1 });
  }
  const t = computeTotals(
    nodes.map((n, order) => ({ code: n.code, parentCode: n.parentCode, maxPoints: n.maxPoints, order })),
    scores,
  );
  const byCode: TotalsView['byCode'] = {};
  for (const [code, n] of t.byCode) {
    byCode[code] = {
      maxPoints: n.maxPoints,
      applicableMax: n.applicableMax,
      points: n.points,
      percent: n.percent,
      leaves: n.leaves,
      scoredLeaves: n.scoredLeaves,
    };
  }
  return {
    byCode,
    overall: { points: t.overall.points, applicableMax: t.overall.applicableMax, percent: t.overall.percent },
    band: ratingFor(t.overall.percent, getSettings(s).ratingBands)?.label ?? null,
  };
}

export function summaryOf(s: Services, a: AssessmentRow): AssessmentSummary {
  const set = s.db.first(s.db.q.selectFrom('criteria_set').select('name').where('id', '=', a.set_id));
  const counts = s.db.all(
    s.db.q
      .selectFrom('assessment_item')
      .select([
        'status',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>(eb.case().when('assignee_id', 'is', null).then(1).else(0).end()).as('unassigned'),
      ])
      .where('assessment_id', '=', a.id)
      .groupBy('status'),
  );
  const progress = { total: 0, todo: 0, done: 0, returned: 0, approved: 0, unassigned: 0 };
  for (const c of counts) {
    progress[c.status] += Number(c.n);
    progress.total += Number(c.n);
    progress.unassigned += Number(c.unassigned ?? 0);
  }
  return {
    id: a.id,
    year: a.year,
    setId: a.set_id,
    setName: set?.name ?? '',
    opensAt: a.opens_at,
    closesAt: a.closes_at,
    status: a.status,
    sentAt: a.sent_at,
    progress,
  };
}
