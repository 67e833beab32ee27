// Bồi dưỡng: the register (managers), the caller's own end-of-course tests, and the targets.
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { useLoad } from '../../components/useLoad';
import { DateInput } from '../../components/DateTimeInput';
import { vi } from '../../../../shared/i18n/vi';
import { formatIsoDate, parseVnDate } from '../../../../shared/vn-time';
import { formatPoints } from '../../../../shared/format';
import { Targets } from './Targets';
import { ListTable, PageHead } from '../../components/ListPage';

const t = vi.training;

function CreateCourse({ onCreated }: { onCreated: (id: number) => void }) {
  const [name, setName] = useState('');
  const [organiser, setOrganiser] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { busy, error, fieldErrors, submit, setFieldError } = useSubmit();
  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const a = from.trim() ? parseVnDate(from) : null;
    if (from.trim() && !a) return setFieldError('startsOn', vi.dateTime.invalidDate);
    const b = to.trim() ? parseVnDate(to) : null;
    if (to.trim() && !b) return setFieldError('endsOn', vi.dateTime.invalidDate);
    const r = await submit(() => call('training.createCourse', { name, organiser: organiser || null, startsOn: a, endsOn: b }));
    if (r) onCreated(r.id);
  };
  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-label={t.addCourse}>
      <h2>{t.addCourse}</h2>
      <ErrorBox message={error} />
      <div className="grid2">
        <Field label={t.courseName} error={fieldErrors['name']}>
          {(id, d) => <input id={id} aria-describedby={d} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t.organiser}>{(id) => <input id={id} value={organiser} onChange={(e) => setOrganiser(e.target.value)} />}</Field>
        <Field label={t.startsOn} error={fieldErrors['startsOn']}>
          {(id, d) => <DateInput id={id} aria-describedby={d} value={from} onChange={setFrom} />}
        </Field>
        <Field label={t.endsOn} error={fieldErrors['endsOn']}>
          {(id, d) => <DateInput id={id} aria-describedby={d} value={to} onChange={setTo} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t.addCourse}
        </button>
      </div>
    </form>
  );
}

function MyTests() {
  const { data, error } = useLoad(() => call('training.myTests', {}), []);
  const start = useSubmit();
  if (!data?.length) return <ErrorBox message={error} />;
  const go = async (testId: number) => {
    const a = await start.submit(() => call('training.start', { testId }));
    if (a) window.location.hash = `#/training/attempt/${a.id}`;
  };
  return (
    <section className="panel" aria-labelledby="my-tests">
      <h2 id="my-tests">{t.tests}</h2>
      <ErrorBox message={start.error} />
      <table className="table">
        <tbody>
          {data.map((x) => {
            const open = x.attempts.find((a) => a.submittedAt === null);
            return (
              <tr key={x.id}>
                <td>
                  <strong>{x.name}</strong> · {x.courseName}
                  <div className="muted">
                    {t.questionCount}: {x.questionCount} · {t.timeLimit}: {x.timeLimitMinutes}
                  </div>
                </td>
                <td>
                  {x.attempts
                    .filter((a) => a.submittedAt !== null)
                    .map((a) => (
                      <div key={a.id} data-testid="my-result">
                        {t.attemptNo(a.attemptNo)}: {t.result(a.score ?? 0, a.maxScore)} — {a.passed ? t.passed : t.failed}
                        {a.late ? ` (${t.lateFlag})` : ''}
                      </div>
                    ))}
                </td>
                <td>
                  <button type="button" className="primary" disabled={start.busy} onClick={() => void go(x.id)}>
                    {open ? t.continueAttempt : x.attempts.length ? t.takeAgain : t.take}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function TrainingPage({ canRun, canManage }: { canRun: boolean; canManage: boolean }) {
  const courses = useLoad(() => (canRun ? call('training.courses', {}) : Promise.resolve([])), [canRun]);
  const [creating, setCreating] = useState(false);
  return (
    <section aria-labelledby="training-title">
      <PageHead id="training-title" title={t.title}>
        {canRun && !creating && (
          <button className="primary" onClick={() => setCreating(true)}>
            {t.addCourse}
          </button>
        )}
      </PageHead>
      <p className="muted">{t.intro}</p>
      <MyTests />
      {creating && <CreateCourse onCreated={(id) => (window.location.hash = `#/training/course/${id}`)} />}
      {canRun && (
        <section aria-labelledby="courses-title">
          <h2 id="courses-title">{t.courses}</h2>
          <ErrorBox message={courses.error} />
          <ListTable
            rows={courses.data}
            empty={t.noCourses}
            head={
              <>
                <th>{t.courseName}</th>
                <th>{t.organiser}</th>
                <th>{t.startsOn}</th>
                <th className="num">{t.attendees}</th>
                <th className="num">{t.tests}</th>
              </>
            }
            row={(c) => (
              <tr key={c.id}>
                <td>
                  <a href={`#/training/course/${c.id}`}>{c.name}</a>
                  <div className="muted">{t.questions(c.questions)}</div>
                </td>
                <td>{c.organiser ?? ''}</td>
                <td>{[formatIsoDate(c.startsOn), formatIsoDate(c.endsOn)].filter(Boolean).join(' – ')}</td>
                <td className="num">{formatPoints(c.attendees)}</td>
                <td className="num">{c.tests.length}</td>
              </tr>
            )}
          />
        </section>
      )}
      <Targets canManage={canManage} />
    </section>
  );
}
