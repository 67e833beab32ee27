// Kiểm tra CCHC: the inspections, creating one, and the office's rule for the report's due date.
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field, Notice } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { useLoad } from '../../components/useLoad';
import { DateInput } from '../../components/DateTimeInput';
import { ListPage } from '../../components/ListPage';
import { vi } from '../../../../shared/i18n/vi';
import { formatIsoDate, parseVnDate } from '../../../../shared/vn-time';

const t = vi.inspection;
type Method = keyof typeof t.methods;

function CreateInspection({ onCreated }: { onCreated: (id: number) => void }) {
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [planNumber, setPlanNumber] = useState('');
  const [planDate, setPlanDate] = useState('');
  const [method, setMethod] = useState<Method>('scheduled');
  const [visitDate, setVisitDate] = useState('');
  const { busy, error, fieldErrors, submit, setFieldError } = useSubmit();
  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const pd = planDate.trim() ? parseVnDate(planDate) : null;
    if (planDate.trim() && !pd) return setFieldError('planDate', vi.dateTime.invalidDate);
    const vd = visitDate.trim() ? parseVnDate(visitDate) : null;
    if (visitDate.trim() && !vd) return setFieldError('visitDate', vi.dateTime.invalidDate);
    const r = await submit(() => call('inspection.create', { year: Number(year), planNumber, planDate: pd, method, visitDate: vd }));
    if (r) onCreated(r.inspection.id);
  };
  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-label={t.create}>
      <h2>{t.create}</h2>
      <ErrorBox message={error} />
      <div className="grid2">
        <Field label={t.planNumber} hint={t.planNumberHint} error={fieldErrors['planNumber']}>
          {(id, d) => <input id={id} aria-describedby={d} value={planNumber} onChange={(e) => setPlanNumber(e.target.value)} />}
        </Field>
        <Field label={t.planDate} error={fieldErrors['planDate']}>
          {(id, d) => <DateInput id={id} aria-describedby={d} value={planDate} onChange={setPlanDate} />}
        </Field>
        <Field label={t.method}>
          {(id) => (
            <select id={id} value={method} onChange={(e) => setMethod(e.target.value as Method)}>
              {(Object.keys(t.methods) as Method[]).map((k) => (
                <option key={k} value={k}>
                  {t.methods[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.visitDate} error={fieldErrors['visitDate']}>
          {(id, d) => <DateInput id={id} aria-describedby={d} value={visitDate} onChange={setVisitDate} />}
        </Field>
        <Field label={t.year} error={fieldErrors['year']}>
          {(id, d) => <input id={id} aria-describedby={d} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t.create}
        </button>
      </div>
    </form>
  );
}

/** The due-date rule is an office setting (Cài đặt): days before the visit, calendar or working days. */
function DueRule() {
  const { data, setData } = useLoad(() => call('settings.get', {}), []);
  const { busy, error, submit } = useSubmit();
  const [saved, setSaved] = useState<string | null>(null);
  if (!data) return null;
  const rule = data.inspectionDue;
  const save = async (next: typeof rule) => {
    setSaved(null);
    const r = await submit(() => call('settings.update', { inspectionDue: next }));
    if (r) {
      setData(r);
      setSaved(t.saved);
    }
  };
  return (
    <section className="panel" aria-labelledby="due-rule">
      <h2 id="due-rule">{t.settingsTitle}</h2>
      <ErrorBox message={error} />
      <Notice message={saved} />
      <div className="grid2">
        <Field label={t.dueDays}>
          {(id) => (
            <input id={id} inputMode="numeric" defaultValue={rule.days} disabled={busy} onBlur={(e) => void save({ ...rule, days: Number(e.target.value) })} />
          )}
        </Field>
        <Field label={t.dueKind}>
          {(id) => (
            <select id={id} value={rule.kind} disabled={busy} onChange={(e) => void save({ ...rule, kind: e.target.value as typeof rule.kind })}>
              <option value="calendar">{t.dueKinds.calendar}</option>
              <option value="working">{t.dueKinds.working}</option>
            </select>
          )}
        </Field>
      </div>
    </section>
  );
}

export function InspectionsPage({ isLeader, canManage }: { isLeader: boolean; canManage: boolean }) {
  const { data, error } = useLoad(() => call('inspection.list', {}), []);
  const [creating, setCreating] = useState(false);
  return (
    <ListPage
      id="inspections-title"
      title={t.title}
      actions={
        isLeader &&
        !creating && (
          <button className="primary" onClick={() => setCreating(true)}>
            {t.create}
          </button>
        )
      }
      intro={t.intro}
      error={error}
      rows={data}
      empty={t.none}
      head={
        <>
          <th>{t.planNumber}</th>
          <th>{t.method}</th>
          <th>{t.visitDate}</th>
          <th>{t.dueDate}</th>
        </>
      }
      row={(i) => (
        <tr key={i.id}>
          <td>
            <a href={`#/inspection/${i.id}`}>
              {i.planNumber} ({i.year})
            </a>
          </td>
          <td>{t.methods[i.method]}</td>
          <td>{formatIsoDate(i.visitDate)}</td>
          <td>{i.dueDate ? `${formatIsoDate(i.dueDate)} — ${t.daysLeft(i.daysLeft ?? 0)}` : ''}</td>
        </tr>
      )}
      after={canManage && <DueRule />}
    >
      {creating && <CreateInspection onCreated={(id) => (window.location.hash = `#/inspection/${id}`)} />}
    </ListPage>
  );
}
