// Next year: what the council said last time about each criterion — the appraised points, the
// reason and the measure the plan set — shown where the officer enters evidence, and the
// pre-submission check's warning where last year's deduction has no evidence this year yet.
import type { Services } from '../context';
import { vi } from '../../../shared/i18n/vi';
import { requireAssessment, type AssessmentRow } from '../assessment/common';
import { criteriaNodes } from '../assessment/criteria-sets';
import type { PreviousView } from '../../../shared/api/appraisal-schemas';

/** The latest appraised assessment before `a`, with when its results arrived. */
export function previousAppraised(s: Services, a: AssessmentRow): { id: number; year: number; setId: number; importedAt: number } | null {
  const r = s.db.first(
    s.db.q
      .selectFrom('assessment as x')
      .innerJoin('appraisal as p', 'p.assessment_id', 'x.id')
      .select(['x.id', 'x.year', 'x.set_id', 'p.imported_at'])
      .where('x.year', '<', a.year)
      .orderBy('x.year', 'desc')
      .limit(1),
  );
  return r ? { id: r.id, year: r.year, setId: r.set_id, importedAt: r.imported_at } : null;
}

export function previousResult(s: Services, assessmentId: number, code: string): PreviousView {
  const a = requireAssessment(s, assessmentId);
  const prev = previousAppraised(s, a);
  if (!prev) return null;
  const node = criteriaNodes(s, prev.setId).find((n) => n.code === code);
  const res = s.db.first(s.db.q.selectFrom('appraisal_result').selectAll().where('assessment_id', '=', prev.id).where('criterion_code', '=', code));
  if (!node || !res) return null;
  const item = s.db.first(
    s.db.q.selectFrom('assessment_item').select(['points', 'not_applicable']).where('assessment_id', '=', prev.id).where('criterion_code', '=', code),
  );
  const task = s.db.first(
    s.db.q.selectFrom('improvement_task').select(['measure', 'status', 'reason']).where('assessment_id', '=', prev.id).where('criterion_code', '=', code),
  );
  return {
    year: prev.year,
    max: node.maxPoints,
    self: item && item.not_applicable === 0 ? item.points : null,
    appraised: res.not_scored ? 0 : res.points,
    notScored: res.not_scored === 1,
    // The drafted task carries the reason found on a parent row when the criterion's own was blank.
    reason: res.reason ?? task?.reason ?? null,
    measure: task?.measure || null,
    taskStatus: task?.status ?? null,
  };
}

/**
 * Criteria of `a` that lost points last year and have no evidence linked since last year's results
 * came in (evidence added after the task was marked done counts as well): code → warning.
 */
export function unaddressedDeductions(s: Services, a: AssessmentRow): Map<string, string> {
  const out = new Map<string, string>();
  const prev = previousAppraised(s, a);
  if (!prev) return out;
  const tasks = s.db.all(
    s.db.q.selectFrom('improvement_task').select(['criterion_code', 'reason']).where('assessment_id', '=', prev.id).where('criterion_code', 'is not', null),
  );
  if (tasks.length === 0) return out;
  const fresh = new Set(
    s.db
      .all(
        s.db.q
          .selectFrom('item_document as l')
          .innerJoin('assessment_item as i', 'i.id', 'l.item_id')
          .select('i.criterion_code')
          .where('i.assessment_id', '=', a.id)
          .where('l.created_at', '>=', prev.importedAt),
      )
      .map((r) => r.criterion_code),
  );
  for (const t of tasks) {
    if (fresh.has(t.criterion_code!)) continue;
    out.set(t.criterion_code!, vi.appraisal.lastYearNotAddressed(prev.year, t.reason ?? vi.appraisal.lastYearNoReason));
  }
  return out;
}
