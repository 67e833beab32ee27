// "Kế hoạch khắc phục": one card per criterion that lost points. The leader writes the measure,
// gives it to an officer or a unit, sets the due date; the person given a task updates its
// status and note. Section III's targets below; the plan exports as PDF or Excel.
import { useState } from 'react';
import { call, fileUrl } from '../../api/client';
import { useApp } from '../../store';
import { ErrorBox, Field, Notice } from '../../components/form';
import { Downloads } from '../../components/lists';
import { useSubmit } from '../../components/useForm';
import { useLoad } from '../../components/useLoad';
import { formatIsoDate, parseVnDate } from '../../../../shared/vn-time';
import { formatPoints } from '../../../../shared/format';
import { vi } from '../../../../shared/i18n/vi';
import type { PlanView, TaskView, TaskStatusView } from '../../../../shared/api/appraisal-schemas';
import { TargetsPanel } from './TargetsPanel';
import { AddTaskForm } from './AddTaskForm';
import { AssigneeField, UNIT, assigneeOf } from './AssigneeField';

const t = vi.appraisal.ui;
const STATUSES: TaskStatusView[] = ['todo', 'doing', 'done'];

function TaskCard({
  task,
  plan,
  isLeader,
  mine,
  onSaved,
  onRemoved,
}: {
  task: TaskView;
  plan: PlanView;
  isLeader: boolean;
  mine: boolean;
  onSaved: (t: TaskView) => void;
  onRemoved: (tasks: TaskView[]) => void;
}) {
  const own = task.criterionCode === null;
  const [measure, setMeasure] = useState(task.measure);
  const [who, setWho] = useState(task.assigneeUserId !== null ? String(task.assigneeUserId) : task.assigneeUnit !== null ? UNIT : '');
  const [unit, setUnit] = useState(task.assigneeUnit ?? '');
  const [due, setDue] = useState(formatIsoDate(task.dueDate));
  const [status, setStatus] = useState<TaskStatusView>(task.status);
  const [note, setNote] = useState(task.statusNote ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const sub = useSubmit();
  const canStatus = isLeader || mine;
  const save = async () => {
    setNotice(null);
    const dueDate = due.trim() ? parseVnDate(due) : null;
    if (due.trim() && !dueDate) return sub.setFieldError('dueDate', vi.appraisal.badDate);
    const leaderPart = isLeader ? { measure, ...assigneeOf(who, unit), dueDate } : {};
    const r = await sub.submit(() => call('plan.updateTask', { taskId: task.id, ...leaderPart, status, statusNote: note.trim() || null }));
    if (r) {
      setNotice(t.saved);
      onSaved(r);
    }
  };
  const remove = async () => {
    if (!window.confirm(t.removeTaskConfirm(task.measure))) return;
    const r = await sub.submit(() => call('plan.removeTask', { taskId: task.id }));
    if (r) onRemoved(r);
  };
  // An officer who has left stays visible (with the flag) until someone else is chosen.
  const people = plan.people.some((p) => p.id === task.assigneeUserId)
    ? plan.people
    : task.assigneeUserId !== null
      ? [...plan.people, { id: task.assigneeUserId, fullName: task.assigneeName ?? '', position: t.left }]
      : plan.people;
  return (
    <article
      className={`panel task-card${task.overdue ? ' task-card--overdue' : ''}`}
      data-code={task.criterionCode ?? ''}
      data-task={task.id}
      aria-label={own ? `${t.ownTask}: ${task.measure}` : `${task.criterionCode ?? ''} ${task.criterionTitle ?? ''}`}
    >
      <header className="task-card__head">
        {own ? (
          <strong title={t.ownTaskHint}>{t.ownTask}</strong>
        ) : (
          <>
            <strong>{task.criterionCode}</strong> {task.criterionTitle}{' '}
            <span className="badge badge--returned">{t.lostPoints(formatPoints(task.pointsLost))}</span>
          </>
        )}{' '}
        <span className={`badge badge--${task.status === 'done' ? 'approved' : task.status === 'doing' ? 'done' : 'todo'}`}>
          {vi.appraisal.taskStatus[task.status]}
        </span>
        {task.overdue && <span className="badge badge--overdue">{t.overdue}</span>}
      </header>
      {task.reason && (
        <p className="small">
          <strong>{t.reason}:</strong> {task.reason}
        </p>
      )}
      {task.assigneeInactive && (
        <p className="small field__error">
          {task.assigneeName} {t.left}
        </p>
      )}
      <ErrorBox message={sub.error} />
      <div className="task-card__fields">
        <Field label={own ? t.ownMeasure : t.measure} error={sub.fieldErrors['measure']}>
          {(id, d) => <textarea id={id} aria-describedby={d} rows={2} value={measure} disabled={!isLeader} onChange={(e) => setMeasure(e.target.value)} />}
        </Field>
        <AssigneeField
          people={people}
          who={who}
          unit={unit}
          disabled={!isLeader}
          error={sub.fieldErrors['assigneeUserId'] ?? sub.fieldErrors['assignee']}
          onWho={setWho}
          onUnit={setUnit}
        />
        <Field label={t.due} hint={t.dueHint} error={sub.fieldErrors['dueDate']}>
          {(id, d) => <input id={id} aria-describedby={d} value={due} disabled={!isLeader} inputMode="numeric" onChange={(e) => setDue(e.target.value)} />}
        </Field>
        <Field label={t.status}>
          {(id) => (
            <select id={id} value={status} disabled={!canStatus} onChange={(e) => setStatus(e.target.value as TaskStatusView)}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {vi.appraisal.taskStatus[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.note}>{(id) => <input id={id} value={note} disabled={!canStatus} onChange={(e) => setNote(e.target.value)} />}</Field>
      </div>
      {canStatus && (
        <div className="actions start">
          <button className="primary" disabled={sub.busy} onClick={() => void save()}>
            {t.save}
          </button>
          <Notice message={notice} />
          {own && isLeader && (
            <button className="task-card__remove" disabled={sub.busy} onClick={() => void remove()}>
              {t.removeTask}
            </button>
          )}
        </div>
      )}
    </article>
  );
}

export function PlanTab({ assessmentId, isLeader }: { assessmentId: number; isLeader: boolean }) {
  const { data, setData, error } = useLoad(() => call('plan.get', { assessmentId }), [assessmentId]);
  const me = useApp().session?.user.id ?? null;
  const [links, setLinks] = useState<{ href: string; name: string }[]>([]);
  const sub = useSubmit();
  if (error) return <ErrorBox message={error} />;
  if (!data) return <p>{vi.app.loading}</p>;
  const exportAs = async (format: 'pdf' | 'xlsx') => {
    const f = await sub.submit(() => call('plan.export', { assessmentId, format }));
    if (f) setLinks((l) => [{ href: fileUrl(f.fileId), name: f.fileName }, ...l.filter((x) => x.name !== f.fileName)]);
  };
  const onSaved = (task: TaskView) => setData({ ...data, tasks: data.tasks.map((x) => (x.id === task.id ? task : x)) });
  const onRemoved = (tasks: TaskView[]) => setData({ ...data, tasks });
  // The form sits below every drafted task; the button at the top takes the leader there.
  const goToAddTask = () => {
    const form = document.getElementById('add-task-title')?.closest('section');
    form?.scrollIntoView({ block: 'start' });
    form?.querySelector('textarea')?.focus({ preventScroll: true });
  };
  // Hand-added tasks come after the drafted ones, in the order they were added.
  const onAdded = (task: TaskView) => setData({ ...data, tasks: [...data.tasks, task] });
  return (
    <div className="plan">
      <p className="muted">{t.planIntro(data.year + 1)}</p>
      {!data.appraised ? (
        <p>{t.planNotYet}</p>
      ) : (
        <>
          <div className="actions start">
            <button onClick={() => void exportAs('pdf')} disabled={sub.busy}>
              {t.exportPdf}
            </button>
            <button onClick={() => void exportAs('xlsx')} disabled={sub.busy}>
              {t.exportXlsx}
            </button>
            {isLeader && <button onClick={goToAddTask}>{t.addTaskJump}</button>}
          </div>
          <ErrorBox message={sub.error} />
          <Downloads links={links} />
          {data.tasks.map((task) => (
            <TaskCard key={task.id} task={task} plan={data} isLeader={isLeader} mine={task.assigneeUserId === me} onSaved={onSaved} onRemoved={onRemoved} />
          ))}
          {isLeader && <AddTaskForm plan={data} onAdded={onAdded} />}
          <TargetsPanel plan={data} isLeader={isLeader} onChange={(targets) => setData({ ...data, targets })} />
        </>
      )}
    </div>
  );
}
