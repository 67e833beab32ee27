// A year's criteria, self-scores and council results in the form the comparison takes.
import type { Services } from '../context';
import type { AssessmentRow } from '../assessment/common';
import { criteriaNodes } from '../assessment/criteria-sets';
import type { AppraisedEntry, YearInput } from '../../domain/appraisal-compare';
import type { LeafScore } from '../../domain/scoring';

export function appraisedEntries(s: Services, assessmentId: number): Map<string, AppraisedEntry> {
  const rows = s.db.all(s.db.q.selectFrom('appraisal_result').selectAll().where('assessment_id', '=', assessmentId));
  return new Map(rows.map((r) => [r.criterion_code, { points: r.points, notScored: r.not_scored === 1, reason: r.reason }]));
}

export function yearInput(s: Services, a: AssessmentRow): YearInput {
  const nodes = criteriaNodes(s, a.set_id).map((n, order) => ({
    code: n.code,
    parentCode: n.parentCode,
    maxPoints: n.maxPoints,
    order,
    title: n.title,
    level: n.level,
  }));
  const self = new Map<string, LeafScore>();
  for (const r of s.db.all(s.db.q.selectFrom('assessment_item').select(['criterion_code', 'points', 'not_applicable']).where('assessment_id', '=', a.id)))
    self.set(r.criterion_code, { points: r.points, notApplicable: r.not_applicable === 1 });
  return { year: a.year, nodes, self, appraised: appraisedEntries(s, a.id) };
}
