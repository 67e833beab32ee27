// One course: who attended (the office's people) with their certificates, the question bank
// import, the end-of-course tests, and the results per person with their exports.
import { useRef, useState } from 'react';
import { call, upload, fileUrl, ClientError } from '../../api/client';
import { ErrorBox, Field, Notice } from '../../components/form';
import { FileButton } from '../../components/FileButton';
import { useSubmit } from '../../components/useForm';
import { useLoad } from '../../components/useLoad';
import { vi } from '../../../../shared/i18n/vi';
import { formatIsoDate } from '../../../../shared/vn-time';
import { formatDateTime, formatPoints } from '../../../../shared/format';
import type { Output } from '../../../../shared/api/contract';
import { SignedPackage } from '../inspection/SignedPackage';

const t = vi.training;
type Detail = Output<'training.course'>;

function Attendees({ d, onChange }: { d: Detail; onChange: (x: Detail) => void }) {
  const [chosen, setChosen] = useState(() => new Set(d.attendees.map((a) => a.userId)));
  const { busy, error, submit } = useSubmit();
  const cert = useSubmit();
  const save = async () => {
    const r = await submit(() => call('training.setAttendees', { courseId: d.course.id, userIds: [...chosen] }));
    if (r) onChange(r);
  };
  const attach = async (userId: number, f: File | undefined) => {
    if (!f) return;
    const r = await cert.submit(async () => call('training.attachCertificate', { courseId: d.course.id, userId, uploadId: (await upload(f)).uploadId }));
    if (r) onChange(r);
  };
  const certOf = new Map(d.attendees.map((a) => [a.userId, a.certificate]));
  return (
    <section className="panel" aria-labelledby="attendees-title">
      <h2 id="attendees-title">{t.attendees}</h2>
      <ErrorBox message={error ?? cert.error} />
      <table className="table">
        <tbody>
          {d.people.map((p) => (
            <tr key={p.id}>
              <td>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(p.id)}
                    onChange={(e) =>
                      setChosen((s) => {
                        const n = new Set(s);
                        if (e.target.checked) n.add(p.id);
                        else n.delete(p.id);
                        return n;
                      })
                    }
                  />{' '}
                  {p.fullName} <span className="muted">· {p.position}</span>
                </label>
              </td>
              <td>
                {certOf.has(p.id) &&
                  (certOf.get(p.id) ? (
                    <span>
                      {t.certificate}: {certOf.get(p.id)}
                    </span>
                  ) : (
                    <FileButton label={t.attachCertificate} accept=".pdf,.jpg,.jpeg,.png" disabled={cert.busy} onFile={(f) => void attach(p.id, f)} />
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void save()}>
          {t.saveAttendees}
        </button>
      </div>
    </section>
  );
}

function QuestionBank({ d, onImported }: { d: Detail; onImported: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ message: string; lines: string[] } | null>(null);
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    setBusy(true);
    setDone(null);
    setProblem(null);
    try {
      const r = await call('training.importQuestions', { courseId: d.course.id, uploadId: (await upload(f)).uploadId });
      setDone(r.message);
      onImported();
    } catch (e) {
      setProblem(e instanceof ClientError ? { message: e.message, lines: e.issues.map((i) => i.message) } : { message: vi.errors.internal, lines: [] });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <section className="panel" aria-labelledby="bank-title">
      <h2 id="bank-title">{t.questions(d.course.questions)}</h2>
      <p className="muted">{t.importHint}</p>
      <Notice message={done} />
      {problem && (
        <div className="alert alert--error" role="alert">
          {problem.message}
          {problem.lines.length > 0 && (
            <ul>
              {problem.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <FileButton label={t.importQuestions} accept=".xlsx" inputRef={input} disabled={busy} onFile={(f) => void onFile(f)} />
    </section>
  );
}

function CreateTest({ d, onCreated }: { d: Detail; onCreated: () => void }) {
  const [name, setName] = useState<string>(t.defaultTestName);
  const [count, setCount] = useState('10');
  const [minutes, setMinutes] = useState('15');
  const [passing, setPassing] = useState('50');
  const { busy, error, fieldErrors, submit } = useSubmit();
  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const r = await submit(() =>
      call('training.createTest', {
        courseId: d.course.id,
        name,
        questionCount: Number(count),
        timeLimitMinutes: Number(minutes),
        passingPercent: Number(passing.replace(',', '.')),
      }),
    );
    if (r) onCreated();
  };
  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-label={t.createTest}>
      <h2>{t.tests}</h2>
      <ul>
        {d.course.tests.map((x) => (
          <li key={x.id}>{t.testLine(x.name, x.questionCount, x.timeLimitMinutes, x.passingPercent)}</li>
        ))}
      </ul>
      <ErrorBox message={error} />
      <div className="grid2">
        <Field label={t.testName} error={fieldErrors['name']}>
          {(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t.questionCount} error={fieldErrors['questionCount']}>
          {(id, dd) => <input id={id} aria-describedby={dd} inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />}
        </Field>
        <Field label={t.timeLimit} error={fieldErrors['timeLimitMinutes']}>
          {(id) => <input id={id} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />}
        </Field>
        <Field label={t.passingPercent} error={fieldErrors['passingPercent']}>
          {(id) => <input id={id} inputMode="decimal" value={passing} onChange={(e) => setPassing(e.target.value)} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t.createTest}
        </button>
      </div>
    </form>
  );
}

function Results({ courseId }: { courseId: number }) {
  const { data } = useLoad(() => call('training.results', { courseId }), [courseId]);
  const ex = useSubmit();
  const [links, setLinks] = useState<{ href: string; name: string }[]>([]);
  const run = async (format: 'pdf' | 'xlsx') => {
    const f = await ex.submit(() => call('training.exportResults', { courseId, format }));
    if (f) setLinks((l) => [{ href: fileUrl(f.fileId), name: f.fileName }, ...l.filter((x) => x.name !== f.fileName)]);
  };
  if (!data) return null;
  return (
    <section className="panel" aria-labelledby="results-title">
      <h2 id="results-title">{t.results}</h2>
      <ErrorBox message={ex.error} />
      <table className="table">
        <thead>
          <tr>
            {t.pdf.columns.slice(1).map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((r) => (
            <tr key={r.attemptId}>
              <td>{r.fullName}</td>
              <td>{r.position}</td>
              <td>{r.testName}</td>
              <td>{t.attemptNo(r.attemptNo)}</td>
              <td>{r.score === null ? '' : `${formatPoints(r.score)}/${formatPoints(r.maxScore)}`}</td>
              <td>{r.passed === null ? '…' : r.passed ? t.passed : t.failed}</td>
              <td>{[r.late ? t.lateFlag : '', r.submittedAt ? formatDateTime(r.submittedAt) : ''].filter(Boolean).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" disabled={ex.busy} onClick={() => void run('pdf')}>
          {t.exportPdf}
        </button>
        <button type="button" disabled={ex.busy} onClick={() => void run('xlsx')}>
          {t.exportXlsx}
        </button>
        {links.map((l) => (
          <a key={l.name} href={l.href} download={l.name}>
            {l.name}
          </a>
        ))}
      </div>
    </section>
  );
}

export function CoursePage({ courseId }: { courseId: number }) {
  const { data, setData, error, reload } = useLoad(() => call('training.course', { courseId }), [courseId]);
  if (error) return <ErrorBox message={error} />;
  if (!data) return null;
  const c = data.course;
  return (
    <section aria-labelledby="course-title">
      <p>
        <a href="#/training">← {t.title}</a>
      </p>
      <h1 id="course-title">{c.name}</h1>
      <p className="muted">{[c.organiser, [formatIsoDate(c.startsOn), formatIsoDate(c.endsOn)].filter(Boolean).join(' – ')].filter(Boolean).join(' · ')}</p>
      <Attendees key={data.attendees.length} d={data} onChange={setData} />
      <QuestionBank d={data} onImported={reload} />
      <CreateTest d={data} onCreated={reload} />
      <Results courseId={courseId} />
      <SignedPackage
        kind="training"
        refId={courseId}
        build={(passphrase) => call('training.buildPackage', { courseId, ...(passphrase !== undefined ? { passphrase } : {}) })}
      />
    </section>
  );
}
