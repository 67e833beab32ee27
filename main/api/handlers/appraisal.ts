// Handlers for the appraisal council's results and the improvement plan.
import type { Router } from '../router';
import { appraisalView, importAppraisalFile } from '../../services/appraisal/results';
import { myTasks, overdueTasks, planView, removeTarget, saveTarget, updateTask } from '../../services/appraisal/plan';
import { addTask, removeTask } from '../../services/appraisal/plan-own-tasks';
import { previousResult } from '../../services/appraisal/previous';
// The XLSX/PDF writers are loaded on first use so start-up stays fast.
const exports = () => import('../../services/appraisal/exports');

export function registerAppraisal(r: Router): void {
  r.register('appraisal.get', ({ assessmentId }, { s }) => appraisalView(s, assessmentId));
  r.register('appraisal.template', async ({ assessmentId }, { s }) => (await exports()).exportTemplate(s, assessmentId));
  r.register('appraisal.import', async ({ assessmentId, uploadId }, { s, actor }) => {
    const up = s.uploads.get(uploadId, actor.id ?? -1);
    try {
      return await importAppraisalFile(s, actor, assessmentId, up.path, up.name);
    } finally {
      await s.uploads.discard(uploadId);
    }
  });
  r.register('appraisal.previous', ({ assessmentId, criterionCode }, { s }) => previousResult(s, assessmentId, criterionCode));
  r.register('plan.get', ({ assessmentId }, { s }) => planView(s, assessmentId));
  r.register('plan.updateTask', (input, { s, actor }) => updateTask(s, actor, input));
  r.register('plan.addTask', (input, { s, actor }) => addTask(s, actor, input));
  r.register('plan.removeTask', ({ taskId }, { s, actor }) => removeTask(s, actor, taskId));
  r.register('plan.saveTarget', (input, { s, actor }) => saveTarget(s, actor, input));
  r.register('plan.removeTarget', ({ targetId }, { s, actor }) => removeTarget(s, actor, targetId));
  r.register('plan.export', async ({ assessmentId, format }, { s }) => (await exports()).exportPlan(s, assessmentId, format));
  r.register('plan.mine', (_i, { s, actor }) => ({ tasks: myTasks(s, actor), overdue: overdueTasks(s, actor) }));
}
