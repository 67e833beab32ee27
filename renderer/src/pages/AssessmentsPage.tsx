import { useState } from 'react';
import { call } from '../api/client';
import { ErrorBox, Field } from '../components/form';
import { useSubmit } from '../components/useForm';
import { useLoad } from '../components/useLoad';
import { formatDateTime } from '../../../shared/format';
import { parseVnDateTime } from '../../../shared/vn-time';
import { DateTimeInput } from '../components/DateTimeInput';
import { ListPage } from '../components/ListPage';
import type { AssessmentSummary } from '../../../shared/api/assessment-schemas';
import { vi } from '../../../shared/i18n/vi';

const t = vi.ui;

export function Progress({ p }: { p: AssessmentSummary['progress'] }) {
  const pct = (n: number) => (p.total ? (n / p.total) * 100 : 0);
  return (
    <div className="progress" title={t.progressTitle(p)}>
      <div className="bar">
        <span className="bar--approved" style={{ width: `${pct(p.approved)}%` }} />
        <span className="bar--done" style={{ width: `${pct(p.done)}%` }} />
        <span className="bar--returned" style={{ width: `${pct(p.returned)}%` }} />
      </div>
      <span className="small" data-testid="progress-text">
        {vi.daily.progress.line(p)}
      </span>
    </div>
  );
}

function CreateForm({ onCreated }: { onCreated: (id: number) => void }) {
  const sets = useLoad(() => call('criteria.list', {}), []);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [setId, setSetId] = useState('');
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const { busy, error, fieldErrors, submit, setError } = useSubmit();
  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const o = parseVnDateTime(opensAt);
    const c = parseVnDateTime(closesAt);
    if (!setId) return setError(t.chooseSet);
    if (o === null || c === null) return setError(t.needWindow);
    const a = await submit(() => call('assessment.create', { year: Number(year), setId: Number(setId), opensAt: o, closesAt: c }));
    if (a) onCreated(a.id);
  };
  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-label={t.createAssessment}>
      <h2>{t.createAssessment}</h2>
      <ErrorBox message={error} />
      <div className="grid2">
        <Field label={t.year} error={fieldErrors['year']}>
          {(id) => <input id={id} type="number" value={year} onChange={(e) => setYear(e.target.value)} />}
        </Field>
        <Field label={t.criteriaSet}>
          {(id) => (
            <select id={id} value={setId} onChange={(e) => setSetId(e.target.value)}>
              <option value="">{vi.app.choose}</option>
              {sets.data?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.opensAt} error={fieldErrors['opensAt']}>
          {(id, d) => <DateTimeInput id={id} aria-describedby={d} value={opensAt} onChange={setOpensAt} />}
        </Field>
        <Field label={t.closesAt} error={fieldErrors['closesAt']}>
          {(id, d) => <DateTimeInput id={id} aria-describedby={d} value={closesAt} onChange={setClosesAt} />}
        </Field>
      </div>
      {sets.data?.length === 0 && <p className="muted">{t.noSets}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t.create}
        </button>
      </div>
    </form>
  );
}

export function AssessmentsPage({ isLeader }: { isLeader: boolean }) {
  const { data, error } = useLoad(() => call('assessment.list', {}), []);
  const sets = useLoad(() => call('criteria.list', {}), []);
  const noSet = sets.data?.length === 0;
  const [creating, setCreating] = useState(false);
  return (
    <ListPage
      id="assessments-title"
      title={t.assessmentTitle}
      actions={
        isLeader &&
        !creating && (
          <button className="primary" onClick={() => setCreating(true)} disabled={noSet} aria-describedby={noSet ? 'need-set' : undefined}>
            {t.createAssessment}
          </button>
        )
      }
      error={error}
      rows={data}
      empty={t.noAssessments}
      head={
        <>
          <th>{t.year}</th>
          <th>{t.criteriaSet}</th>
          <th>{t.window}</th>
          <th>{t.status}</th>
          <th>{t.progress}</th>
        </>
      }
      row={(a) => (
        <tr key={a.id}>
          <td>
            <a href={`#/assessment/${a.id}`}>{vi.app.yearOf(a.year)}</a>
          </td>
          <td>{a.setName}</td>
          <td className="nowrap">
            {formatDateTime(a.opensAt)} → {formatDateTime(a.closesAt)}
          </td>
          <td>{a.status === 'sent' ? t.sent : t.open}</td>
          <td>
            <Progress p={a.progress} />
          </td>
        </tr>
      )}
    >
      {noSet && (
        // An assessment is built from a criteria set: say so before the user fills a form in vain.
        <div className="alert alert--warn" id="need-set" role="status">
          {vi.daily.next.needSetFirst} <a href="#/criteria">{vi.daily.next.importSet}</a>
        </div>
      )}
      {creating && <CreateForm onCreated={(id) => (window.location.hash = `#/assessment/${id}`)} />}
    </ListPage>
  );
}
