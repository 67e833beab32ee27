// The appraisal council's results of one assessment: import (all or nothing, audited, then the
// improvement plan is drafted in the same transaction) and the comparison view.
import path from 'node:path';
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { ApiError, type Issue } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { requireAssessment, type AssessmentRow } from '../assessment/common';
import { criteriaNodes } from '../assessment/criteria-sets';
import { requireOffice } from '../office';
import { foldText } from '../../../shared/vietnamese';
import { checkAppraisalRows, type AppraisalResultOut } from '../../domain/appraisal-check';
import { compareAppraisal } from '../../domain/appraisal-compare';
import { yearInput } from './year-input';
import type { AppraisalFile } from './read-file';
import { draftPlan } from './plan-draft';
import type { AppraisalView } from '../../../shared/api/appraisal-schemas';

const m = vi.appraisal;

export function assessmentOfYear(s: Services, year: number): AssessmentRow {
  const a = s.db.first(s.db.q.selectFrom('assessment').selectAll().where('year', '=', year));
  if (!a) throw new ApiError('NOT_FOUND', m.noAssessmentYear(year));
  return a;
}

/** "UBND xã Phú Thượng" for messages; the office's commune name for matching a file's "Đơn vị". */
function officeName(s: Services): { label: string; commune: string } {
  const o = requireOffice(s);
  const kind = vi.officeKinds[o.kind].toLowerCase();
  return { label: `UBND ${kind} ${o.commune}`, commune: o.commune };
}

function metaProblems(s: Services, a: AssessmentRow, meta: AppraisalFile['meta']): Issue[] {
  const issues: Issue[] = [];
  const office = officeName(s);
  // The commune's name must appear in the stated unit ("UBND xã Phú Thượng, huyện …").
  if (meta.office && !foldText(meta.office).includes(foldText(office.commune)))
    issues.push({ path: m.where.office, message: m.file.otherOffice(meta.office, office.label) });
  if (meta.year !== null && meta.year !== a.year) issues.push({ path: m.where.year, message: m.file.otherYear(meta.year, a.year) });
  const set = s.db.first(s.db.q.selectFrom('criteria_set').select('name').where('id', '=', a.set_id));
  if (meta.setName && set && foldText(meta.setName) !== foldText(set.name))
    issues.push({ path: m.where.set, message: m.file.otherSet(meta.setName, set.name) });
  return issues;
}

function notApplicableCodes(s: Services, assessmentId: number): Set<string> {
  return new Set(
    s.db
      .all(s.db.q.selectFrom('assessment_item').select('criterion_code').where('assessment_id', '=', assessmentId).where('not_applicable', '=', 1))
      .map((r) => r.criterion_code),
  );
}

/** Checks the file's rows against the assessment; throws VALIDATION with every problem, by row. */
export function checkAppraisalFile(s: Services, a: AssessmentRow, file: AppraisalFile, sourceName: string): AppraisalResultOut[] {
  const nodes = criteriaNodes(s, a.set_id);
  const check = checkAppraisalRows(file.rows, nodes, notApplicableCodes(s, a.id));
  const issues: Issue[] = [
    ...metaProblems(s, a, file.meta),
    ...check.errors.map((e) => ({ path: [e.source, e.code].filter(Boolean).join(' · '), message: e.message })),
  ];
  if (issues.length) throw new ApiError('VALIDATION', m.file.rejected(sourceName, issues.length), issues);
  return check.results;
}

/** Replaces the assessment's results with `results` and drafts the plan, in one transaction. */
export function storeAppraisal(
  s: Services,
  actor: Actor,
  a: AssessmentRow,
  results: readonly AppraisalResultOut[],
  source: { kind: 'file' | 'receiver'; name: string },
): { imported: number; drafted: number } {
  return s.db.tx((w) => {
    const before = s.db.first(s.db.q.selectFrom('appraisal').selectAll().where('assessment_id', '=', a.id));
    const beforeRows = before ? s.db.all(s.db.q.selectFrom('appraisal_result').selectAll().where('assessment_id', '=', a.id)) : [];
    s.db.run(s.db.q.deleteFrom('appraisal_result').where('assessment_id', '=', a.id));
    s.db.run(s.db.q.deleteFrom('appraisal').where('assessment_id', '=', a.id));
    s.db.run(
      s.db.q
        .insertInto('appraisal')
        .values({ assessment_id: a.id, source: source.kind, source_name: source.name, imported_at: s.clock.now(), imported_by: actor.id }),
    );
    for (const r of results) {
      s.db.run(
        s.db.q.insertInto('appraisal_result').values({
          assessment_id: a.id,
          criterion_code: r.code,
          points: r.points,
          not_scored: r.notScored ? 1 : 0,
          reason: r.reason,
          source_row: r.row,
        }),
      );
    }
    const summary = (rows: { criterion_code: string; points: number | null; not_scored: number; reason: string | null }[]) =>
      Object.fromEntries(rows.map((r) => [r.criterion_code, r.not_scored ? m.auditNotScored : r.points]));
    appendAudit(w, s, actor, {
      action: 'appraisal.import',
      entity: 'appraisal',
      entityId: a.year,
      before: before ? { source: before.source_name, points: summary(beforeRows) } : null,
      after: {
        source: source.name,
        points: summary(results.map((r) => ({ criterion_code: r.code, points: r.points, not_scored: r.notScored ? 1 : 0, reason: r.reason }))),
      },
    });
    const drafted = draftPlan(w, s, actor, a);
    return { imported: results.length, drafted };
  });
}

export async function importAppraisalFile(
  s: Services,
  actor: Actor,
  assessmentId: number,
  filePath: string,
  sourceName = path.basename(filePath),
): Promise<{ imported: number; drafted: number; message: string }> {
  const a = requireAssessment(s, assessmentId);
  const { readAppraisalFile } = await import('./read-file');
  const file = await readAppraisalFile(filePath, sourceName);
  const results = checkAppraisalFile(s, a, file, sourceName);
  const r = storeAppraisal(s, actor, a, results, { kind: 'file', name: sourceName });
  return { ...r, message: m.imported(r.imported, r.drafted) };
}

export function appraisalView(s: Services, assessmentId: number): AppraisalView {
  const a = requireAssessment(s, assessmentId);
  const head = s.db.first(
    s.db.q
      .selectFrom('appraisal as p')
      .leftJoin('users as u', 'u.id', 'p.imported_by')
      .select(['p.source', 'p.source_name', 'p.imported_at', 'u.full_name'])
      .where('p.assessment_id', '=', a.id),
  );
  if (!head) return { assessmentId: a.id, year: a.year, imported: null, comparison: null };
  // Earlier appraised years for the year-over-year chart.
  const earlier = s.db.all(
    s.db.q.selectFrom('assessment as x').innerJoin('appraisal as p', 'p.assessment_id', 'x.id').selectAll('x').where('x.year', '<', a.year).orderBy('x.year'),
  );
  const c = compareAppraisal([...earlier.map((e) => yearInput(s, e)), yearInput(s, a)], a.year);
  return {
    assessmentId: a.id,
    year: a.year,
    imported: { source: head.source, sourceName: head.source_name, at: head.imported_at, byName: head.full_name },
    comparison: { rows: c.rows, areas: c.areas, total: c.total, history: c.history },
  };
}
