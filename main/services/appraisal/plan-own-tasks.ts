// Tasks the leader adds to the plan by hand, beside those drafted from the council's deductions
// (document 002's section II also has work no single criterion lost points for). A hand-added
// task has no criterion (criterion_code NULL), so a re-import never touches it; only such a task
// can be removed — a drafted one stays as long as its criterion loses points.
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { requireAssessment } from '../assessment/common';
import { checkAssignee, checkDue, contentOf, field, planTasks, requireTask, taskViewOf } from './plan';
import type { TaskView, TaskStatusView } from '../../../shared/api/appraisal-schemas';

const m = vi.appraisal;

export interface NewTask {
  assessmentId: number;
  measure: string;
  assigneeUserId?: number | null | undefined;
  assigneeUnit?: string | null | undefined;
  dueDate?: string | null | undefined;
  status?: TaskStatusView | undefined;
  statusNote?: string | null | undefined;
}

const clean = (v: string | null | undefined) => v?.normalize('NFC').trim() || null;

export function addTask(s: Services, actor: Actor, input: NewTask): TaskView {
  return s.db.tx((w) => {
    const a = requireAssessment(s, input.assessmentId);
    // The plan exists once the council's results are in; a task before that has no plan to belong to.
    if (!s.db.first(s.db.q.selectFrom('appraisal').select('assessment_id').where('assessment_id', '=', a.id)))
      throw new ApiError('CONFLICT', m.noAppraisal(a.year));
    const measure = input.measure.normalize('NFC').trim();
    if (!measure) throw field('measure', m.ownMeasureNeeded);
    const unit = clean(input.assigneeUnit);
    const userId = input.assigneeUserId ?? null;
    if (userId !== null && unit !== null) throw field('assignee', m.assigneeBoth);
    if (userId !== null) checkAssignee(s, userId);
    const now = s.clock.now();
    checkDue(input.dueDate, now);
    const status = input.status ?? 'todo';
    const res = s.db.run(
      s.db.q.insertInto('improvement_task').values({
        assessment_id: a.id,
        criterion_code: null,
        points_lost: 0,
        reason: null,
        measure,
        assignee_user_id: userId,
        assignee_unit: unit,
        due_date: input.dueDate ?? null,
        status,
        status_note: clean(input.statusNote),
        done_at: status === 'done' ? now : null,
        created_at: now,
        created_by: actor.id,
        updated_at: now,
        updated_by: actor.id,
      }),
    );
    const id = res.lastInsertRowid;
    appendAudit(w, s, actor, { action: 'plan.task.add', entity: 'plan_task', entityId: `${a.year}:${id}`, after: contentOf(requireTask(s, id)) });
    return taskViewOf(s, id);
  });
}

/** Removes a hand-added task; returns the plan's tasks left. */
export function removeTask(s: Services, actor: Actor, taskId: number): TaskView[] {
  return s.db.tx((w) => {
    const t = requireTask(s, taskId);
    if (t.criterion_code !== null) throw new ApiError('CONFLICT', m.draftedTaskStays(t.criterion_code));
    const a = requireAssessment(s, t.assessment_id);
    s.db.run(s.db.q.deleteFrom('improvement_task').where('id', '=', t.id));
    appendAudit(w, s, actor, { action: 'plan.task.remove', entity: 'plan_task', entityId: `${a.year}:${t.id}`, before: contentOf(t) });
    return planTasks(s, a.id);
  });
}
