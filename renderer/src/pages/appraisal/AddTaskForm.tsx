// "Thêm nhiệm vụ khác": the leader adds a task the council's deductions did not draft (training,
// equipment, …) with its measure, an officer or a unit, a due date and a status.
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field, Notice } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { parseVnDate } from '../../../../shared/vn-time';
import { vi } from '../../../../shared/i18n/vi';
import type { PlanView, TaskView, TaskStatusView } from '../../../../shared/api/appraisal-schemas';
import { AssigneeField, assigneeOf } from './AssigneeField';

const t = vi.appraisal.ui;
const STATUSES: TaskStatusView[] = ['todo', 'doing', 'done'];

export function AddTaskForm({ plan, onAdded }: { plan: PlanView; onAdded: (task: TaskView) => void }) {
  const [measure, setMeasure] = useState('');
  const [who, setWho] = useState('');
  const [unit, setUnit] = useState('');
  const [due, setDue] = useState('');
  const [status, setStatus] = useState<TaskStatusView>('todo');
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const sub = useSubmit();
  const add = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setNotice(null);
    const dueDate = due.trim() ? parseVnDate(due) : null;
    if (due.trim() && !dueDate) return sub.setFieldError('dueDate', vi.appraisal.badDate);
    const r = await sub.submit(() =>
      call('plan.addTask', { assessmentId: plan.assessmentId, measure, ...assigneeOf(who, unit), dueDate, status, statusNote: note.trim() || null }),
    );
    if (!r) return;
    onAdded(r);
    setMeasure('');
    setWho('');
    setUnit('');
    setDue('');
    setStatus('todo');
    setNote('');
    setNotice(t.added);
  };
  return (
    <section className="panel" aria-labelledby="add-task-title">
      <h2 id="add-task-title">{t.addTaskTitle}</h2>
      <p className="muted small">{t.addTaskIntro}</p>
      <form onSubmit={(e) => void add(e)} noValidate aria-label={t.addTaskTitle}>
        <ErrorBox message={sub.error} />
        <div className="task-card__fields">
          <Field label={t.ownMeasure} error={sub.fieldErrors['measure']}>
            {(id, d) => (
              <textarea
                id={id}
                aria-describedby={d}
                rows={2}
                value={measure}
                onChange={(e) => setMeasure(e.target.value)}
                placeholder={t.ownMeasurePlaceholder}
              />
            )}
          </Field>
          <AssigneeField
            people={plan.people}
            who={who}
            unit={unit}
            error={sub.fieldErrors['assigneeUserId'] ?? sub.fieldErrors['assignee']}
            onWho={setWho}
            onUnit={setUnit}
          />
          <Field label={t.due} hint={t.dueHint} error={sub.fieldErrors['dueDate']}>
            {(id, d) => <input id={id} aria-describedby={d} value={due} inputMode="numeric" onChange={(e) => setDue(e.target.value)} />}
          </Field>
          <Field label={t.status}>
            {(id) => (
              <select id={id} value={status} onChange={(e) => setStatus(e.target.value as TaskStatusView)}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {vi.appraisal.taskStatus[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t.note}>{(id) => <input id={id} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
        </div>
        <div className="actions start">
          <button type="submit" className="primary" disabled={sub.busy}>
            {t.addTask}
          </button>
          <Notice message={notice} />
        </div>
      </form>
    </section>
  );
}
