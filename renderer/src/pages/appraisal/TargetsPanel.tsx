// Section III's commitments ("50 % hồ sơ trực tuyến"): the target, what has been reached, the due date.
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { formatIsoDate, parseVnDate } from '../../../../shared/vn-time';
import { vi } from '../../../../shared/i18n/vi';
import type { PlanView, TargetView } from '../../../../shared/api/appraisal-schemas';

const t = vi.appraisal.ui;

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
  const remove = async (id: number) => {
    const r = await sub.submit(() => call('plan.removeTarget', { targetId: id }));
    if (r) onChange(r);
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
              <tr key={x.id}>
                <td>{x.text}</td>
                <td>{x.targetValue}</td>
                <td>{x.measuredValue}</td>
                <td>{formatIsoDate(x.dueDate)}</td>
                {isLeader && (
                  <td>
                    <button onClick={() => void remove(x.id)}>{t.removeTarget}</button>
                  </td>
                )}
              </tr>
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
