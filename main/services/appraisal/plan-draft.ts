// Drafts the improvement plan from the council's results: one task per scored criterion that lost
// points (the points lost and the council's reason — its own, else the nearest parent's, as
// document 002 often writes the reason once for a group). A re-import refreshes the drafted words
// and keeps what the leader completed; a task whose criterion no longer loses points is removed
// only while nobody has touched it. Runs inside the import's transaction, audited as one change.
import type { Services, Actor } from '../context';
import type { WriteTx } from '../../db/connection';
import { appendAudit } from '../audit';
import type { AssessmentRow } from '../assessment/common';
import { compareAppraisal } from '../../domain/appraisal-compare';
import { parentOf } from '../../domain/criteria-tree';
import { yearInput } from './year-input';

export interface DraftLine {
  code: string;
  lost: number;
  reason: string | null;
}

/** Every scored criterion that lost points, in criteria order, with its reason. */
export function lostPoints(s: Services, a: AssessmentRow): DraftLine[] {
  const input = yearInput(s, a);
  if (input.appraised.size === 0) return [];
  const c = compareAppraisal([input], a.year);
  const out: DraftLine[] = [];
  for (const r of c.rows) {
    if (!r.isLeaf || r.notApplicable || (r.lost <= 0 && !r.notScored)) continue;
    let reason = r.reason;
    for (let p = parentOf(r.code); !reason && p !== null; p = parentOf(p)) reason = input.appraised.get(p)?.reason ?? null;
    out.push({ code: r.code, lost: r.lost, reason });
  }
  return out;
}

export function draftPlan(w: WriteTx, s: Services, actor: Actor, a: AssessmentRow): number {
  const lines = lostPoints(s, a);
  const now = s.clock.now();
  const existing = new Map(
    s.db
      .all(s.db.q.selectFrom('improvement_task').selectAll().where('assessment_id', '=', a.id).where('criterion_code', 'is not', null))
      .map((t) => [t.criterion_code!, t]),
  );
  const added: string[] = [];
  const updated: string[] = [];
  const removed: string[] = [];
  for (const l of lines) {
    const t = existing.get(l.code);
    existing.delete(l.code);
    if (!t) {
      s.db.run(
        s.db.q.insertInto('improvement_task').values({
          assessment_id: a.id,
          criterion_code: l.code,
          points_lost: l.lost,
          reason: l.reason,
          created_at: now,
          created_by: actor.id,
          updated_at: now,
          updated_by: actor.id,
        }),
      );
      added.push(l.code);
    } else if (t.points_lost !== l.lost || t.reason !== l.reason) {
      s.db.run(
        s.db.q.updateTable('improvement_task').set({ points_lost: l.lost, reason: l.reason, updated_at: now, updated_by: actor.id }).where('id', '=', t.id),
      );
      updated.push(l.code);
    }
  }
  for (const [code, t] of existing) {
    const untouched = t.measure === '' && t.assignee_user_id === null && t.assignee_unit === null && t.due_date === null && t.status === 'todo';
    if (!untouched) continue;
    s.db.run(s.db.q.deleteFrom('improvement_task').where('id', '=', t.id));
    removed.push(code);
  }
  if (added.length || updated.length || removed.length)
    appendAudit(w, s, actor, { action: 'plan.draft', entity: 'plan', entityId: a.year, after: { added, updated, removed } });
  return lines.length;
}
