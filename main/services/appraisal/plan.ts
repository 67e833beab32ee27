// The improvement plan of an appraised year: the leader completes each drafted task (measure,
// an officer or a unit, due date, status) and enters section III's targets; officers see and
// update the status of their own tasks. Every change is audited in its own transaction.
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { formatIsoDate, vnIsoDate } from '../../../shared/vn-time';
import { isLeader, requireAssessment } from '../assessment/common';
import { criteriaNodes } from '../assessment/criteria-sets';
import { compareCodes } from '../../domain/criteria-tree';
import type { PlanView, TargetView, TaskView } from '../../../shared/api/appraisal-schemas';
import type { ImprovementTaskTable, TaskStatus } from '../../db/schema';
import type { Selectable } from 'kysely';

const m = vi.appraisal;
type TaskRow = Selectable<ImprovementTaskTable>;

export const todayOf = (s: Services) => vnIsoDate(s.clock.now());

/** Not done and past its due date (a task due today is not late yet). */
export const isOverdue = (t: { status: TaskStatus; due_date: string | null }, today: string) =>
  t.status !== 'done' && t.due_date !== null && t.due_date < today;

function taskQuery(s: Services) {
  return s.db.q
    .selectFrom('improvement_task as t')
    .innerJoin('assessment as a', 'a.id', 't.assessment_id')
    .leftJoin('users as u', 'u.id', 't.assignee_user_id')
    .selectAll('t')
    .select(['a.year', 'a.set_id', 'u.full_name as assignee_name', 'u.active as assignee_active']);
}

type Joined = TaskRow & { year: number; set_id: number; assignee_name: string | null; assignee_active: number | null };

function views(s: Services, rows: Joined[]): TaskView[] {
  const today = todayOf(s);
  const titles = new Map<number, Map<string, string>>();
  const titleOf = (setId: number, code: string | null) => {
    if (code === null) return null;
    let t = titles.get(setId);
    if (!t) titles.set(setId, (t = new Map(criteriaNodes(s, setId).map((n) => [n.code, n.title]))));
    return t.get(code) ?? null;
  };
  return rows
    .sort((x, y) => x.year - y.year || compareCodes(x.criterion_code ?? '~', y.criterion_code ?? '~') || x.id - y.id)
    .map((r) => ({
      id: r.id,
      assessmentId: r.assessment_id,
      year: r.year,
      criterionCode: r.criterion_code,
      criterionTitle: titleOf(r.set_id, r.criterion_code),
      pointsLost: r.points_lost,
      reason: r.reason,
      measure: r.measure,
      assigneeUserId: r.assignee_user_id,
      assigneeName: r.assignee_name,
      assigneeInactive: r.assignee_user_id !== null && r.assignee_active === 0,
      assigneeUnit: r.assignee_unit,
      dueDate: r.due_date,
      status: r.status,
      statusNote: r.status_note,
      doneAt: r.done_at,
      createdAt: r.created_at,
      overdue: isOverdue(r, today),
    }));
}

export function planTasks(s: Services, assessmentId: number): TaskView[] {
  return views(s, s.db.all(taskQuery(s).where('t.assessment_id', '=', assessmentId)));
}

export function planTargets(s: Services, assessmentId: number): TargetView[] {
  return s.db
    .all(s.db.q.selectFrom('improvement_target').selectAll().where('assessment_id', '=', assessmentId).orderBy('id'))
    .map((t) => ({ id: t.id, text: t.text, targetValue: t.target_value, measuredValue: t.measured_value, dueDate: t.due_date }));
}

export function activePeople(s: Services) {
  return s.db
    .all(s.db.q.selectFrom('users').select(['id', 'full_name', 'position', 'roles']).where('active', '=', 1).orderBy('full_name'))
    .filter((u) => (JSON.parse(u.roles) as string[]).some((r) => r === 'officer' || r === 'leader'))
    .map((u) => ({ id: u.id, fullName: u.full_name, position: u.position }));
}

export function planView(s: Services, assessmentId: number): PlanView {
  const a = requireAssessment(s, assessmentId);
  const appraised = !!s.db.first(s.db.q.selectFrom('appraisal').select('assessment_id').where('assessment_id', '=', a.id));
  return { assessmentId: a.id, year: a.year, appraised, tasks: planTasks(s, a.id), targets: planTargets(s, a.id), people: activePeople(s), today: todayOf(s) };
}

export function requireTask(s: Services, id: number): TaskRow {
  const t = s.db.first(s.db.q.selectFrom('improvement_task').selectAll().where('id', '=', id));
  if (!t) throw new ApiError('NOT_FOUND', m.taskNotFound);
  return t;
}

/** One task as the screens show it. */
export const taskViewOf = (s: Services, id: number): TaskView => views(s, s.db.all(taskQuery(s).where('t.id', '=', id)))[0]!;

export const contentOf = (t: TaskRow) => ({
  measure: t.measure,
  assigneeUserId: t.assignee_user_id,
  assigneeUnit: t.assignee_unit,
  dueDate: t.due_date,
  status: t.status,
  statusNote: t.status_note,
});

export const field = (path: string, message: string) => new ApiError('VALIDATION', message, [{ path, message }]);

/** An officer can be given a task only while their account is active (one who left is refused, by name). */
export function checkAssignee(s: Services, userId: number): void {
  const u = s.db.first(s.db.q.selectFrom('users').select(['full_name', 'active']).where('id', '=', userId));
  if (!u) throw field('assigneeUserId', m.assigneeUnknown);
  if (u.active !== 1) throw field('assigneeUserId', m.assigneeLeft(u.full_name));
}

/** A due date may not fall before the day the task was made (Vietnam calendar). */
export function checkDue(dueDate: string | null | undefined, createdAt: number): void {
  if (dueDate == null) return;
  const created = vnIsoDate(createdAt);
  if (dueDate < created) throw field('dueDate', m.dueBeforeCreated(formatIsoDate(created)));
}

export interface TaskUpdate {
  taskId: number;
  measure?: string | undefined;
  assigneeUserId?: number | null | undefined;
  assigneeUnit?: string | null | undefined;
  dueDate?: string | null | undefined;
  status?: TaskStatus | undefined;
  statusNote?: string | null | undefined;
}

export function updateTask(s: Services, actor: Actor, input: TaskUpdate): TaskView {
  return s.db.tx((w) => {
    const t = requireTask(s, input.taskId);
    const leader = isLeader(actor);
    if (!leader) {
      if (t.assignee_user_id !== actor.id) throw new ApiError('FORBIDDEN', m.notYourTask);
      const leaderOnly = [input.measure, input.assigneeUserId, input.assigneeUnit, input.dueDate].some((v) => v !== undefined);
      if (leaderOnly) throw new ApiError('FORBIDDEN', m.officerOnlyStatus);
    }
    const clean = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : v.normalize('NFC').trim() || null);
    const next = {
      measure: input.measure === undefined ? t.measure : input.measure.normalize('NFC').trim(),
      assigneeUserId: input.assigneeUserId === undefined ? t.assignee_user_id : input.assigneeUserId,
      assigneeUnit: input.assigneeUnit === undefined ? t.assignee_unit : clean(input.assigneeUnit)!,
      dueDate: input.dueDate === undefined ? t.due_date : input.dueDate,
      status: input.status ?? t.status,
      statusNote: input.statusNote === undefined ? t.status_note : clean(input.statusNote)!,
    };
    // Choosing an officer clears a unit typed before, and the other way round, when only one is sent.
    if (input.assigneeUserId != null && input.assigneeUnit === undefined) next.assigneeUnit = null;
    if (input.assigneeUnit != null && input.assigneeUserId === undefined) next.assigneeUserId = null;
    if (next.assigneeUserId !== null && next.assigneeUnit !== null) throw field('assignee', m.assigneeBoth);
    if (input.assigneeUserId != null && input.assigneeUserId !== t.assignee_user_id) checkAssignee(s, input.assigneeUserId);
    checkDue(input.dueDate, t.created_at);
    if (next.status !== 'todo' && !next.measure) throw field('measure', m.measureNeeded);
    const now = s.clock.now();
    s.db.run(
      s.db.q
        .updateTable('improvement_task')
        .set({
          measure: next.measure,
          assignee_user_id: next.assigneeUserId,
          assignee_unit: next.assigneeUnit,
          due_date: next.dueDate,
          status: next.status,
          status_note: next.statusNote,
          done_at: next.status === 'done' ? (t.status === 'done' ? t.done_at : now) : null,
          updated_at: now,
          updated_by: actor.id,
        })
        .where('id', '=', t.id),
    );
    const a = requireAssessment(s, t.assessment_id);
    const after = requireTask(s, t.id);
    appendAudit(w, s, actor, {
      action: 'plan.task',
      entity: 'plan_task',
      entityId: `${a.year}:${t.criterion_code ?? t.id}`,
      before: contentOf(t),
      after: contentOf(after),
    });
    return taskViewOf(s, t.id);
  });
}

export interface TargetInput {
  assessmentId: number;
  targetId?: number | undefined;
  text: string;
  targetValue: string | null;
  measuredValue: string | null;
  dueDate: string | null;
}

export function saveTarget(s: Services, actor: Actor, input: TargetInput): TargetView[] {
  return s.db.tx((w) => {
    const a = requireAssessment(s, input.assessmentId);
    const text = input.text.normalize('NFC').trim();
    if (!text) throw field('text', m.targetTextNeeded);
    const v = (x: string | null) => x?.normalize('NFC').trim() || null;
    const values = { text, target_value: v(input.targetValue), measured_value: v(input.measuredValue), due_date: input.dueDate };
    const now = s.clock.now();
    if (input.targetId === undefined) {
      if (input.dueDate !== null && input.dueDate < vnIsoDate(now)) throw field('dueDate', m.dueBeforeCreated(formatIsoDate(vnIsoDate(now))));
      s.db.run(
        s.db.q
          .insertInto('improvement_target')
          .values({ assessment_id: a.id, ...values, created_at: now, created_by: actor.id, updated_at: now, updated_by: actor.id }),
      );
      appendAudit(w, s, actor, { action: 'plan.target.add', entity: 'plan_target', entityId: a.year, after: values });
    } else {
      const t = s.db.first(s.db.q.selectFrom('improvement_target').selectAll().where('id', '=', input.targetId).where('assessment_id', '=', a.id));
      if (!t) throw new ApiError('NOT_FOUND', m.targetNotFound);
      if (input.dueDate !== null && input.dueDate < vnIsoDate(t.created_at)) throw field('dueDate', m.dueBeforeCreated(formatIsoDate(vnIsoDate(t.created_at))));
      s.db.run(
        s.db.q
          .updateTable('improvement_target')
          .set({ ...values, updated_at: now, updated_by: actor.id })
          .where('id', '=', t.id),
      );
      const before = { text: t.text, target_value: t.target_value, measured_value: t.measured_value, due_date: t.due_date };
      appendAudit(w, s, actor, { action: 'plan.target.update', entity: 'plan_target', entityId: `${a.year}:${t.id}`, before, after: values });
    }
    return planTargets(s, a.id);
  });
}

export function removeTarget(s: Services, actor: Actor, targetId: number): TargetView[] {
  return s.db.tx((w) => {
    const t = s.db.first(s.db.q.selectFrom('improvement_target').selectAll().where('id', '=', targetId));
    if (!t) throw new ApiError('NOT_FOUND', m.targetNotFound);
    const a = requireAssessment(s, t.assessment_id);
    s.db.run(s.db.q.deleteFrom('improvement_target').where('id', '=', t.id));
    appendAudit(w, s, actor, {
      action: 'plan.target.remove',
      entity: 'plan_target',
      entityId: `${a.year}:${t.id}`,
      before: { text: t.text, target_value: t.target_value },
    });
    return planTargets(s, a.id);
  });
}

/** "Việc của tôi": the plan tasks given to the current user, not yet done first. */
export function myTasks(s: Services, actor: Actor): TaskView[] {
  if (actor.id === null) return [];
  return views(s, s.db.all(taskQuery(s).where('t.assignee_user_id', '=', actor.id))).sort((x, y) => Number(x.status === 'done') - Number(y.status === 'done'));
}

/** Late tasks for the home page: a leader sees every one, anybody else their own. */
export function overdueTasks(s: Services, actor: Actor): TaskView[] {
  const today = todayOf(s);
  let q = taskQuery(s).where('t.status', '!=', 'done').where('t.due_date', '<', today);
  if (!isLeader(actor)) q = q.where('t.assignee_user_id', '=', actor.id ?? -1);
  return views(s, s.db.all(q));
}
