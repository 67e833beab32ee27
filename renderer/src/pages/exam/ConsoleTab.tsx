// The proctor console: every team side by side, the current step's timer (from the back end's
// stored deadline), appointment codes, results, incidents and the audited time override. A step
// that ran out of time stays on screen, amber and not green, until everyone has a result.
import { useEffect, useRef } from 'react';
import { useServerTime, beep } from './useServerTime';
import { RecordRow } from './RecordRow';
import { StepActions } from './StepActions';
import { formatDateTime } from '../../../../shared/format';
import { formatMinutes, formatRemaining, timerState } from '../../../../shared/exam-timer';
import type { ConsoleView, StepView, TeamView } from '../../../../shared/api/exam-schemas';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.examUi;
const d = vi.examDay;

export const missingResults = (step: StepView): number => (step.phase === 'ended' && !step.failed ? step.records.filter((r) => r.result === null).length : 0);

/**
 * The step to show (as main/services/exam/board.ts shownStep): the running one; else one that
 * timed out with results missing; else one an incident failed, until the next starts; else the
 * next pending one; else the last.
 */
export function currentStep(team: TeamView): StepView | undefined {
  const next = (s: StepView) => team.steps.find((x) => x.step === s.step + 1);
  return (
    team.steps.find((s) => s.phase === 'running') ??
    team.steps.find((s) => missingResults(s) > 0) ??
    team.steps.find((s) => s.failed && s.phase === 'ended' && next(s)?.phase === 'pending') ??
    team.steps.find((s) => s.phase === 'pending') ??
    team.steps.at(-1)
  );
}

export function remainingOf(step: StepView | undefined, now: number): number | null {
  if (!step || step.phase === 'pending' || step.deadlineAt === null) return null;
  if (step.phase === 'ended') return 0;
  return step.deadlineAt - now;
}

function Timer({ step, now }: { step: StepView; now: number }) {
  const rem = remainingOf(step, now);
  const state = timerState(rem);
  const level = step.phase === 'ended' ? 'end' : state.level;
  const last = useRef(level);
  useEffect(() => {
    if (level !== last.current && level !== 'none' && step.phase !== 'pending') beep(level);
    last.current = level;
  }, [level, step.phase]);
  const label =
    step.phase === 'pending'
      ? t.pending
      : step.phase === 'ended'
        ? step.endedBy === 'incident'
          ? d.stoppedByIncident
          : step.endedBy === 'proctor'
            ? t.endedByProctor
            : d.timeUp
        : d.labels[state.label];
  return (
    <div className={`timer timer--${step.phase} timer--${level}`} role="timer" aria-label={`${t.step(step.step)}: ${label}`}>
      <span className="timer__label">{label}</span>
      <span className="timer__value" data-testid="remaining">
        {rem === null ? '15:00' : formatRemaining(rem)}
      </span>
    </div>
  );
}

export function TeamCard({ team, now, onDone }: { team: TeamView; now: number; onDone: () => void }) {
  const step = currentStep(team);
  if (!step) return null;
  const next = team.steps.find((s) => s.step === step.step + 1);
  const missing = missingResults(step);
  return (
    <article className={`team-card${step.failed ? ' team-card--failed' : ''}`} aria-label={t.teamLabel(team.commune)} data-team={team.commune}>
      <header className="team-card__head">
        <h2>{team.commune}</h2>
        <ol className="step-pills" aria-label={vi.dateTime.stepsLabel}>
          {team.steps.map((s) => {
            const incomplete = missingResults(s) > 0;
            return (
              <li
                key={s.id}
                className={`pill pill--${incomplete ? 'incomplete' : s.phase}${s.failed ? ' pill--failed' : ''}${s.id === step.id ? ' pill--current' : ''}`}
                aria-current={s.id === step.id ? 'step' : undefined}
              >
                <span aria-hidden="true">{s.step}</span>
                <span className="sr-only">
                  {vi.dateTime.stepDot(s.step, s.phase, s.failed, s.id === step.id)}
                  {incomplete ? `, ${d.pillMissing}` : ''}
                </span>
              </li>
            );
          })}
        </ol>
      </header>
      <div className="team-card__step">
        <div>
          <div className="step-name">
            {t.step(step.step)}: {step.name}
          </div>
          {step.failed && <div className="alert alert--error small">{t.failed}</div>}
          {step.phase === 'ended' && step.endedBy === 'time' && !step.failed && (
            <div className={`alert ${missing ? 'alert--warn' : 'alert--ok'} small timeout-banner`} role="status">
              {missing ? d.timeUpEnter(missing) : d.timeUpDone}
            </div>
          )}
          {step.incidents.map((i) => (
            <div key={i.id} className="small incident">
              {formatDateTime(i.at, true)} — {i.kind === 'internet' ? t.incidentInternet : t.incidentOther}: {i.description}
            </div>
          ))}
          {step.overrides.map((o, i) => (
            <div key={i} className="small muted">
              {formatDateTime(o.at, true)} — {t.override} {d.overrideLine(`${o.deltaMs > 0 ? '+' : ''}${formatMinutes(o.deltaMs)}`, o.reason)}
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
              <RecordRow key={`${r.id}-${r.result}-${r.finishedAt}`} step={step} rec={r} onDone={onDone} />
            ))}
          </tbody>
        </table>
      )}
      {step.phase === 'pending' && step.performers.length > 0 && <p className="small muted">{step.performers.map((p) => p.fullName).join(', ')}</p>}
      <StepActions team={team} step={step} next={next} onDone={onDone} />
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
