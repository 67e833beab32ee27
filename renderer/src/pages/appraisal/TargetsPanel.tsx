// Section III's commitments ("50 % hồ sơ trực tuyến"): the target, what has been reached, the due date.
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { formatIsoDate, parseVnDate } from '../../../../shared/vn-time';
import { vi } from '../../../../shared/i18n/vi';
import type { PlanView, TargetView } from '../../../../shared/api/appraisal-schemas';

const t = vi.appraisal.ui;

/** One target; the leader edits it in place as the year goes on (the value reached changes). */
function TargetRow({
  x,
  assessmentId,
  isLeader,
  onChange,
}: {
  x: TargetView;
  assessmentId: number;
  isLeader: boolean;
  onChange: (targets: TargetView[]) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(x.text);
  const [target, setTarget] = useState(x.targetValue ?? '');
  const [measured, setMeasured] = useState(x.measuredValue ?? '');
  const [due, setDue] = useState(formatIsoDate(x.dueDate));
  const sub = useSubmit();
  const save = async () => {
    const dueDate = due.trim() ? parseVnDate(due) : null;
    if (due.trim() && !dueDate) return sub.setFieldError('dueDate', vi.appraisal.badDate);
    const r = await sub.submit(() =>
      call('plan.saveTarget', { assessmentId, targetId: x.id, text, targetValue: target || null, measuredValue: measured || null, dueDate }),
    );
    if (r) {
      setEditing(false);
      onChange(r);
    }
  };
  const remove = async () => {
    const r = await sub.submit(() => call('plan.removeTarget', { targetId: x.id }));
    if (r) onChange(r);
  };
  if (!editing)
    return (
      <tr>
        <td>{x.text}</td>
        <td>{x.targetValue}</td>
        <td>{x.measuredValue}</td>
        <td>{formatIsoDate(x.dueDate)}</td>
        {isLeader && (
          <td className="nowrap">
            <button onClick={() => setEditing(true)}>{t.editTarget}</button> <button onClick={() => void remove()}>{t.removeTarget}</button>
            <ErrorBox message={sub.error} />
          </td>
        )}
      </tr>
    );
  const cell = (label: string, value: string, set: (v: string) => void, path?: string) => (
    <td>
      <Field label={label} error={path ? sub.fieldErrors[path] : undefined}>
        {(id, d) => <input id={id} aria-describedby={d} value={value} onChange={(e) => set(e.target.value)} />}
      </Field>
    </td>
  );
  return (
    <tr className="target-editing">
      {cell(t.targetText, text, setText, 'text')}
      {cell(t.targetValue, target, setTarget)}
      {cell(t.measured, measured, setMeasured)}
      {cell(t.due, due, setDue, 'dueDate')}
      <td className="nowrap">
        <button className="primary" disabled={sub.busy} onClick={() => void save()}>
          {t.save}
        </button>{' '}
        <button onClick={() => setEditing(false)}>{t.cancel}</button>
        <ErrorBox message={sub.error} />
      </td>
    </tr>
  );
}

export function TargetsPanel({ plan, isLeader, onChange }: { plan: PlanView; isLeader: boolean; onChange: (targets: TargetView[]) => void }) {
  const [text, setText] = useState('');
  const [target, setTarget] = useState('');
  const [measured, setMeasured] = useState('');
  const [due, setDue] = useState('');
  const sub = useSubmit();
  const add = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const dueDate = due.trim() ? parseVnDate(due) : null;
    if (due.trim() && !dueDate) return sub.setFieldError('dueDate', vi.appraisal.badDate);
    const r = await sub.submit(() =>
      call('plan.saveTarget', { assessmentId: plan.assessmentId, text, targetValue: target || null, measuredValue: measured || null, dueDate }),
    );
    if (r) {
      onChange(r);
      setText('');
      setTarget('');
      setMeasured('');
      setDue('');
    }
  };
  return (
    <section className="panel" aria-labelledby="targets-title">
      <h2 id="targets-title">{t.targets}</h2>
      {plan.targets.length === 0 ? (
        <p className="muted">{t.noTargets}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t.targetText}</th>
              <th>{t.targetValue}</th>
              <th>{t.measured}</th>
              <th>{t.due}</th>
              {isLeader && <th />}
            </tr>
          </thead>
          <tbody>
            {plan.targets.map((x) => (
              <TargetRow key={x.id} x={x} assessmentId={plan.assessmentId} isLeader={isLeader} onChange={onChange} />
            ))}
          </tbody>
        </table>
      )}
      {isLeader && (
        <form onSubmit={(e) => void add(e)} noValidate aria-label={t.addTarget}>
          <ErrorBox message={sub.error} />
          <div className="grid2">
            <Field label={t.targetText} error={sub.fieldErrors['text']}>
              {(id, d) => <input id={id} aria-describedby={d} value={text} onChange={(e) => setText(e.target.value)} placeholder={t.targetPlaceholder} />}
            </Field>
            <Field label={t.targetValue}>{(id) => <input id={id} value={target} onChange={(e) => setTarget(e.target.value)} placeholder="50 %" />}</Field>
            <Field label={t.measured}>{(id) => <input id={id} value={measured} onChange={(e) => setMeasured(e.target.value)} />}</Field>
            <Field label={t.due} hint={t.dueHint} error={sub.fieldErrors['dueDate']}>
              {(id, d) => <input id={id} aria-describedby={d} value={due} onChange={(e) => setDue(e.target.value)} />}
            </Field>
          </div>
          <div className="actions start">
            <button type="submit" disabled={sub.busy}>
              {t.addTarget}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
