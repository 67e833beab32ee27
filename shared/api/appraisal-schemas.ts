// Schemas of the appraisal results (Kết quả thẩm định), the comparison with the self-scores and
// the improvement plan (Kế hoạch nâng cao Chỉ số CCHC).
import { z } from 'zod';
import { viAppraisal } from '../i18n/vi/appraisal';

const id = z.number().int();
const ms = z.number();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: viAppraisal.badDate });

export const taskStatus = z.enum(['todo', 'doing', 'done']);
export type TaskStatusView = z.infer<typeof taskStatus>;

export const compareRow = z.object({
  code: z.string(),
  title: z.string(),
  level: z.number().int(),
  isLeaf: z.boolean(),
  max: z.number().nullable(),
  self: z.number().nullable(),
  appraised: z.number().nullable(),
  diff: z.number().nullable(),
  lost: z.number(),
  notScored: z.boolean(),
  notApplicable: z.boolean(),
  reason: z.string().nullable(),
  highlight: z.boolean(),
});
export type CompareRowView = z.infer<typeof compareRow>;

export const areaBar = z.object({ code: z.string(), title: z.string(), max: z.number(), self: z.number(), appraised: z.number() });
export const yearTotals = z.object({
  year: z.number().int(),
  max: z.number(),
  self: z.number(),
  appraised: z.number(),
  areas: z.array(z.object({ code: z.string(), appraised: z.number() })),
});

export const appraisalView = z.object({
  assessmentId: id,
  year: z.number().int(),
  /** null until the council's results are imported. */
  imported: z.object({ source: z.enum(['file', 'receiver']), sourceName: z.string(), at: ms, byName: z.string().nullable() }).nullable(),
  comparison: z
    .object({
      rows: z.array(compareRow),
      areas: z.array(areaBar),
      total: z.object({ max: z.number(), self: z.number(), appraised: z.number(), diff: z.number() }),
      history: z.array(yearTotals),
    })
    .nullable(),
});
export type AppraisalView = z.infer<typeof appraisalView>;

export const taskView = z.object({
  id,
  assessmentId: id,
  year: z.number().int(),
  /** null for a task the leader added by hand (only those can be removed). */
  criterionCode: z.string().nullable(),
  criterionTitle: z.string().nullable(),
  pointsLost: z.number(),
  reason: z.string().nullable(),
  measure: z.string(),
  assigneeUserId: id.nullable(),
  assigneeName: z.string().nullable(),
  /** The assigned officer's account is disabled (left the office): the task needs someone else. */
  assigneeInactive: z.boolean(),
  assigneeUnit: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: taskStatus,
  statusNote: z.string().nullable(),
  doneAt: ms.nullable(),
  createdAt: ms,
  overdue: z.boolean(),
});
export type TaskView = z.infer<typeof taskView>;

export const targetView = z.object({
  id,
  text: z.string(),
  targetValue: z.string().nullable(),
  measuredValue: z.string().nullable(),
  dueDate: z.string().nullable(),
});
export type TargetView = z.infer<typeof targetView>;

export const planView = z.object({
  assessmentId: id,
  year: z.number().int(),
  appraised: z.boolean(),
  tasks: z.array(taskView),
  targets: z.array(targetView),
  /** Who a task can be given to: the office's active officers and leaders. */
  people: z.array(z.object({ id, fullName: z.string(), position: z.string() })),
  today: z.string(),
});
export type PlanView = z.infer<typeof planView>;

const text = (max: number) => z.string().max(max, { error: viAppraisal.tooLong(max) });

export const taskUpdate = z.object({
  taskId: id,
  measure: text(2000).optional(),
  assigneeUserId: id.nullable().optional(),
  assigneeUnit: text(200).nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  status: taskStatus.optional(),
  statusNote: text(1000).nullable().optional(),
});

/** A task the leader adds by hand (not tied to a deduction): the measure is its content. */
export const taskNew = z.object({
  assessmentId: id,
  measure: text(2000),
  assigneeUserId: id.nullable().optional(),
  assigneeUnit: text(200).nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  status: taskStatus.optional(),
  statusNote: text(1000).nullable().optional(),
});

export const targetInput = z.object({
  assessmentId: id,
  /** Omitted: a new target. */
  targetId: id.optional(),
  text: text(500),
  targetValue: text(100).nullable(),
  measuredValue: text(100).nullable(),
  dueDate: isoDate.nullable(),
});

/** Last year's council result for one criterion of this year's assessment (shown in the item editor). */
export const previousView = z
  .object({
    year: z.number().int(),
    max: z.number().nullable(),
    self: z.number().nullable(),
    appraised: z.number().nullable(),
    notScored: z.boolean(),
    reason: z.string().nullable(),
    measure: z.string().nullable(),
    taskStatus: taskStatus.nullable(),
  })
  .nullable();
export type PreviousView = z.infer<typeof previousView>;
