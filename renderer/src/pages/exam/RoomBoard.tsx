// The room view: one full-screen board of every team's current step and remaining time, in
// large type readable from the back of the room. Read-only; refreshes itself.
import { useEffect } from 'react';
import { call } from '../../api/client';
import { useLoad } from '../../components/useLoad';
import { useServerTime, formatRemaining, alertLevel } from './useServerTime';
import { currentStep, remainingOf } from './ConsoleTab';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.examUi;

export function RoomBoard({ roundId }: { roundId: number }) {
  const { data, reload } = useLoad(() => call('exam.console', { roundId }), [roundId]);
  const now = useServerTime(data?.now);
  useEffect(() => {
    const h = window.setInterval(reload, 3_000);
    return () => window.clearInterval(h);
  }, [reload]);
  useEffect(() => {
    document.body.classList.add('board-mode');
    return () => document.body.classList.remove('board-mode');
  }, []);
  if (!data) return <main className="board">{vi.app.loading}</main>;
  return (
    <main className="board" aria-label={t.boardTitle}>
      <header className="board__head">
        <h1>
          {t.boardTitle} — {data.round.name}
        </h1>
        <div className="row-actions">
          <button onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>{vi.shell.menu.fullScreen}</button>
          <a className="button" href={`#/exams/${roundId}/console`}>
            {t.exitBoard}
          </a>
        </div>
      </header>
      <div className="board__grid">
        {data.teams.map((team) => {
          const step = currentStep(team);
          const rem = remainingOf(step, now);
          const level = step?.phase === 'ended' ? 'end' : alertLevel(rem);
          return (
            <section
              key={team.id}
              className={`board__team board--${step?.phase ?? 'pending'} board--${level}${step?.failed ? ' board--failed' : ''}`}
              data-team={team.commune}
            >
              <h2>{team.commune}</h2>
              <div className="board__step">{step ? t.step(step.step) : ''}</div>
              <div className="board__time" data-testid="board-remaining">
                {step?.phase === 'pending' ? '15:00' : formatRemaining(rem ?? 0)}
              </div>
              <div className="board__state">{step?.failed ? t.failed : step?.phase === 'pending' ? t.pending : step?.phase === 'ended' ? t.ended : ''}</div>
            </section>
          );
        })}
      </div>
    </main>
  );
}
