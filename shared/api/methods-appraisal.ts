// API methods: the appraisal council's results and the improvement plan (issue 10). Merged into the one contract by ./contract.ts.
import { z } from 'zod';
import { method } from './define';
import { empty } from './common-io';
import * as a from './assessment-schemas';
import * as ap from './appraisal-schemas';

export const appraisalMethods = {
  // Appraisal council's results (Kết quả thẩm định) and the improvement plan (issue 10)
  'appraisal.get': method(z.object({ assessmentId: z.number().int() }), ap.appraisalView),
  /** The XLSX form the council fills: codes, titles, maxima, self-scores, empty appraisal columns. */
  'appraisal.template': method(z.object({ assessmentId: z.number().int() }), a.fileRef),
  /** Imports an uploaded results XLSX, all or nothing (every problem by row), and drafts the plan. */
  'appraisal.import': method(
    z.object({ assessmentId: z.number().int(), uploadId: z.string() }),
    z.object({ imported: z.number().int(), drafted: z.number().int(), message: z.string() }),
  ),
  /** Last year's council result, reason and measure for one criterion of this year's assessment. */
  'appraisal.previous': method(z.object({ assessmentId: z.number().int(), criterionCode: z.string().max(40) }), ap.previousView),
  'plan.get': method(z.object({ assessmentId: z.number().int() }), ap.planView),
  /** Leaders complete any task; an officer only updates the status and note of a task given to them. */
  'plan.updateTask': method(ap.taskUpdate, ap.taskView),
  /** A task added by hand, not tied to a deduction; only such a task can be removed (returns the tasks left). */
  'plan.addTask': method(ap.taskNew, ap.taskView),
  'plan.removeTask': method(z.object({ taskId: z.number().int() }), z.array(ap.taskView)),
  'plan.saveTarget': method(ap.targetInput, z.array(ap.targetView)),
  'plan.removeTarget': method(z.object({ targetId: z.number().int() }), z.array(ap.targetView)),
  'plan.export': method(z.object({ assessmentId: z.number().int(), format: z.enum(['xlsx', 'pdf']) }), a.fileRef),
  /** "Việc của tôi" and the home page: the user's plan tasks, and the late ones (a leader's: everyone's). */
  'plan.mine': method(empty, z.object({ tasks: z.array(ap.taskView), overdue: z.array(ap.taskView) })),
} as const;
