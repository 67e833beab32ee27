// Taking an end-of-course test. The deadline is the server's (set when the attempt started); the
// page counts down from the server's "now", advanced by the page's own monotonic clock, so a
// reload or a wrong PC clock shows the same remaining time. Each choice is saved at once.
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox } from '../../components/form';
import { useLoad } from '../../components/useLoad';
import { useSubmit } from '../../components/useForm';
import { useServerTime, formatRemaining } from '../exam/useServerTime';
import { vi } from '../../../../shared/i18n/vi';
import { formatDateTime } from '../../../../shared/format';
import type { AttemptView } from '../../../../shared/api/inspection-schemas';

const t = vi.training;
type Letter = 'A' | 'B' | 'C' | 'D';

function Finished({ a }: { a: AttemptView }) {
  return (
    <div className={`alert ${a.passed ? 'alert--ok' : 'alert--warn'}`} role="status" data-testid="attempt-result">
      <p>
        <strong>{t.result(a.score ?? 0, a.maxScore)}</strong> — {a.passed ? t.passed : t.failed}
      </p>
      <p>
        {t.attemptNo(a.attemptNo)} · {t.submittedAt} {a.submittedAt ? formatDateTime(a.submittedAt) : ''}
        {a.late ? ` · ${t.lateFlag}` : ''}
      </p>
      <a href="#/training">← {t.title}</a>
    </div>
  );
}

export function AttemptPage({ attemptId }: { attemptId: number }) {
  const { data, setData, error } = useLoad(() => call('training.attempt', { attemptId }), [attemptId]);
  const [answers, setAnswers] = useState<Map<number, Letter>>(new Map());
  const [saveError, setSaveError] = useState<string | null>(null);
  const sub = useSubmit();
  const now = useServerTime(data?.now);
  useEffect(() => {
    if (data) setAnswers(new Map(data.questions.filter((q) => q.answer).map((q) => [q.id, q.answer!])));
  }, [data]);
  const remaining = data ? data.deadlineAt - now : 0;
  const running = !!data && data.submittedAt === null;
  // Time is up: ask the server, which closes the attempt at its deadline with the saved answers.
  useEffect(() => {
    if (running && remaining <= 0) void call('training.attempt', { attemptId }).then(setData, () => undefined);
  }, [running, remaining <= 0, attemptId, setData]); // eslint-disable-line react-hooks/exhaustive-deps
  if (error) return <ErrorBox message={error} />;
  if (!data) return null;
  const choose = async (questionId: number, answer: Letter) => {
    setAnswers((m) => new Map(m).set(questionId, answer));
    setSaveError(null);
    try {
      await call('training.answer', { attemptId, questionId, answer });
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : vi.errors.internal);
    }
  };
  const submit = async () => {
    if (!window.confirm(t.confirmSubmit)) return;
    const r = await sub.submit(() => call('training.submit', { attemptId }));
    if (r) setData(r);
  };
  return (
    <section aria-labelledby="attempt-title">
      <h1 id="attempt-title">
        {data.testName} · {data.courseName}
      </h1>
      {!running ? (
        <Finished a={data} />
      ) : (
        <div className="timer-bar" role="timer" aria-label={t.remaining}>
          {t.remaining}: <strong data-testid="remaining">{formatRemaining(remaining)}</strong> · {t.answered(answers.size, data.questions.length)}
        </div>
      )}
      <ErrorBox message={saveError ?? sub.error} />
      <ol className="questions">
        {data.questions.map((q, i) => (
          <li key={q.id}>
            <fieldset disabled={!running}>
              <legend>
                {t.question(i + 1, data.questions.length)}: {q.text}
              </legend>
              {(['A', 'B', 'C', 'D'] as const).map((l) => (
                <label key={l} className="option">
                  <input type="radio" name={`q-${q.id}`} value={l} checked={answers.get(q.id) === l} onChange={() => void choose(q.id, l)} /> {l}.{' '}
                  {q.options[l]}
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ol>
      {running && (
        <div className="actions">
          <button type="button" className="primary" disabled={sub.busy} onClick={() => void submit()}>
            {t.submit}
          </button>
        </div>
      )}
    </section>
  );
}
