// The proctor console: every team side by side, the current step's timer (from the back end's
// stored deadline), appointment codes, results, incidents and the audited time override.
import { useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { useServerTime, formatRemaining, alertLevel, beep } from './useServerTime';
import { formatDateTime } from '../../../../shared/format';
import type { ConsoleView, StepView, TeamView, RecordView } from '../../../../shared/api/exam-schemas';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.examUi;

/** The step to show: the running one, else the next pending one, else the last. */
export function currentStep(team: TeamView): StepView | undefined {
  return team.steps.find((s) => s.phase === 'running') ?? team.steps.find((s) => s.phase === 'pending') ?? team.steps.at(-1);
}

export function remainingOf(step: StepView | undefined, now: number): number | null {
  if (!step || step.phase === 'pending' || step.deadlineAt === null) return null;
  if (step.phase === 'ended') return 0;
  return step.deadlineAt - now;
}

function Timer({ step, now }: { step: StepView; now: number }) {
  const rem = remainingOf(step, now);
  const level = step.phase === 'ended' ? 'end' : alertLevel(rem);
  const last = useRef(level);
  useEffect(() => {
    if (level !== last.current && level !== 'none' && step.phase !== 'pending') beep(level);
    last.current = level;
  }, [level, step.phase]);
  const label =
    step.phase === 'pending'
      ? t.pending
      : step.phase === 'ended'
        ? step.endedBy === 'proctor'
          ? t.endedByProctor
          : t.ended
        : level === 'warn1'
          ? t.warn1
          : level === 'warn5'
            ? t.warn5
            : t.remaining;
  return (
    <div className={`timer timer--${step.phase} timer--${level}`} role="timer" aria-label={`${t.step(step.step)}: ${label}`}>
      <span className="timer__label">{label}</span>
      <span className="timer__value" data-testid="remaining">
        {rem === null ? '15:00' : formatRemaining(rem)}
      </span>
    </div>
  );
}

function RecordRow({ step, rec, onDone }: { step: StepView; rec: RecordView; onDone: () => void }) {
  const [codes, setCodes] = useState(rec.codes.join('\n'));
  const sub = useSubmit();
  const editable = step.phase === 'running';
  const saveCodes = async () => {
    if (
      await sub.submit(() =>
        call('exam.setCodes', {
          recordId: rec.id,
          codes: codes
            .split(/[\n,;]+/)
            .map((c) => c.trim())
            .filter(Boolean),
        }),
      )
    )
      onDone();
  };
  const setResult = async (result: 'dat' | 'khong_dat' | null, finished: boolean) => {
    if (await sub.submit(() => call('exam.setResult', { recordId: rec.id, result, finished, note: rec.note }))) onDone();
  };
  return (
    <tr data-person={rec.fullName}>
      <td>
        <strong>{rec.fullName}</strong>
        <div className="muted small">{rec.positionTitle}</div>
        <ErrorBox message={sub.error} />
      </td>
      {step.step === 1 && (
        <td>
          <textarea
            aria-label={`${t.codes} — ${rec.fullName}`}
            rows={4}
            value={codes}
            onChange={(e) => setCodes(e.target.value)}
            disabled={!editable}
            spellCheck={false}
          />
          {editable && (
            <button onClick={() => void saveCodes()} disabled={sub.busy}>
              {t.saveCodes}
            </button>
          )}
        </td>
      )}
      <td className="nowrap">
        {rec.finishedAt ? (
          formatDateTime(rec.finishedAt, true).slice(0, 8)
        ) : editable ? (
          <button onClick={() => void setResult(rec.result, true)} disabled={sub.busy} aria-label={`${t.markFinished} — ${rec.fullName}`}>
            {t.markFinished}
          </button>
        ) : (
          ''
        )}
      </td>
      <td>
        <select
          aria-label={`${t.result} — ${rec.fullName}`}
          value={rec.result ?? ''}
          disabled={step.phase === 'pending' || step.failed}
          onChange={(e) => void setResult((e.target.value || null) as 'dat' | 'khong_dat' | null, rec.finishedAt !== null || e.target.value !== '')}
        >
          <option value="">—</option>
          <option value="dat">{t.results.dat}</option>
          <option value="khong_dat">{t.results.khong_dat}</option>
        </select>
      </td>
    </tr>
  );
}

function StepActions({ team, step, onDone }: { team: TeamView; step: StepView; onDone: () => void }) {
  const sub = useSubmit();
  const [panel, setPanel] = useState<'none' | 'incident' | 'override'>('none');
  const [kind, setKind] = useState<'internet' | 'other'>('internet');
  const [desc, setDesc] = useState('');
  const [minutes, setMinutes] = useState('5');
  const [reason, setReason] = useState('');
  const act = async (f: () => Promise<unknown>) => {
    if (await sub.submit(f)) {
      setPanel('none');
      setDesc('');
      setReason('');
      onDone();
    }
  };
  return (
    <div className="step-actions">
      <ErrorBox message={sub.error} />
      <div className="row-actions">
        {step.phase === 'pending' && (
          <button
            className="primary"
            disabled={sub.busy || step.performers.length === 0}
            onClick={() => void act(() => call('exam.startStep', { teamId: team.id, step: step.step as 1 | 2 | 3 | 4 }))}
          >
            {t.start(step.step)}
          </button>
        )}
        {step.phase === 'running' && (
          <button onClick={() => void act(() => call('exam.endStep', { stepId: step.id }))} disabled={sub.busy}>
            {t.end}
          </button>
        )}
        {step.phase !== 'pending' && (
          <>
            <button onClick={() => setPanel(panel === 'incident' ? 'none' : 'incident')}>{t.incident}</button>
            <button onClick={() => setPanel(panel === 'override' ? 'none' : 'override')}>{t.override}</button>
          </>
        )}
      </div>
      {panel === 'incident' && (
        <form
          className="subpanel"
          aria-label={`${t.incident} — ${team.commune}`}
          onSubmit={(e) => (e.preventDefault(), void act(() => call('exam.addIncident', { stepId: step.id, kind, description: desc })))}
        >
          <label className="check">
            <input type="radio" name={`kind-${step.id}`} checked={kind === 'internet'} onChange={() => setKind('internet')} />
            {t.incidentInternet}
          </label>
          <label className="check">
            <input type="radio" name={`kind-${step.id}`} checked={kind === 'other'} onChange={() => setKind('other')} />
            {t.incidentOther}
          </label>
          <Field label={t.incidentDescription} error={sub.fieldErrors['description']}>
            {(id) => <input id={id} value={desc} onChange={(e) => setDesc(e.target.value)} />}
          </Field>
          {kind === 'internet' && <p className="small warn-text">{t.incidentFails}</p>}
          <button type="submit" className="primary" disabled={sub.busy}>
            {t.incident}
          </button>
        </form>
      )}
      {panel === 'override' && (
        <form
          className="subpanel"
          aria-label={`${t.override} — ${team.commune}`}
          onSubmit={(e) => (
            e.preventDefault(),
            void act(() => call('exam.override', { stepId: step.id, deltaMs: Math.round(Number(minutes.replace(',', '.')) * 60_000), reason }))
          )}
        >
          <Field label={t.overrideMinutes}>{(id) => <input id={id} value={minutes} onChange={(e) => setMinutes(e.target.value)} inputMode="decimal" />}</Field>
          <Field label={t.overrideReason} error={sub.fieldErrors['reason']}>
            {(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button type="submit" className="primary" disabled={sub.busy}>
            {t.override}
          </button>
        </form>
      )}
    </div>
  );
}

export function TeamCard({ team, now, onDone }: { team: TeamView; now: number; onDone: () => void }) {
  const step = currentStep(team);
  if (!step) return null;
  return (
    <article className={`team-card${step.failed ? ' team-card--failed' : ''}`} aria-label={t.teamLabel(team.commune)} data-team={team.commune}>
      <header className="team-card__head">
        <h2>{team.commune}</h2>
        <ol className="step-pills" aria-label={vi.dateTime.stepsLabel}>
          {team.steps.map((s) => (
            <li
              key={s.id}
              className={`pill pill--${s.phase}${s.failed ? ' pill--failed' : ''}${s.id === step.id ? ' pill--current' : ''}`}
              aria-current={s.id === step.id ? 'step' : undefined}
            >
              <span aria-hidden="true">{s.step}</span>
              <span className="sr-only">{vi.dateTime.stepDot(s.step, s.phase, s.failed, s.id === step.id)}</span>
            </li>
          ))}
        </ol>
      </header>
      <div className="team-card__step">
        <div>
          <div className="step-name">
            {t.step(step.step)}: {step.name}
          </div>
          {step.failed && <div className="alert alert--error small">{t.failed}</div>}
          {step.incidents.map((i) => (
            <div key={i.id} className="small incident">
              {formatDateTime(i.at, true)} — {i.kind === 'internet' ? t.incidentInternet : t.incidentOther}: {i.description}
            </div>
          ))}
          {step.overrides.map((o, i) => (
            <div key={i} className="small muted">
              {formatDateTime(o.at, true)} — {t.override} {o.deltaMs > 0 ? '+' : ''}
              {t.overrideLine(Math.round(o.deltaMs / 60_000), o.reason)}
            </div>
          ))}
        </div>
        <Timer step={step} now={now} />
      </div>
      {step.step > 1 && team.codes.length > 0 && (
        <div className="handed-codes">
          <strong>{t.codesFromStep1}:</strong>{' '}
          {team.codes.map((c) => (
            <code key={c.code} title={c.by}>
              {c.code}
            </code>
          ))}
        </div>
      )}
      {step.performers.length === 0 && <p className="warn-text small">{t.noPerformer}</p>}
      {step.records.length > 0 && (
        <table className="table compact">
          <thead>
            <tr>
              <th>{t.performers}</th>
              {step.step === 1 && <th>{t.codes}</th>}
              <th>{t.finished}</th>
              <th>{t.result}</th>
            </tr>
          </thead>
          <tbody>
            {step.records.map((r) => (
              <RecordRow key={`${r.id}-${r.codes.join()}-${r.result}-${r.finishedAt}`} step={step} rec={r} onDone={onDone} />
            ))}
          </tbody>
        </table>
      )}
      {step.phase === 'pending' && step.performers.length > 0 && <p className="small muted">{step.performers.map((p) => p.fullName).join(', ')}</p>}
      <StepActions team={team} step={step} onDone={onDone} />
    </article>
  );
}

export function ConsoleTab({ data, reload }: { data: ConsoleView; reload: () => void }) {
  const now = useServerTime(data.now);
  // Poll so several proctors (or the room board) see each other's changes and times stay in step.
  useEffect(() => {
    const h = window.setInterval(reload, 5_000);
    return () => window.clearInterval(h);
  }, [reload]);
  return (
    <div>
      {data.clockEvents.slice(0, 3).map((e, i) => (
        <div key={i} className="alert alert--warn" role="status">
          <strong>{t.clockWarning}:</strong> {e.note}
        </div>
      ))}
      {data.teams.length === 0 && <p>{t.noTeams}</p>}
      <div className="team-grid">
        {data.teams.map((team) => (
          <TeamCard key={team.id} team={team} now={now} onDone={reload} />
        ))}
      </div>
    </div>
  );
}
