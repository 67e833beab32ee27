// The room board: every team's current step and remaining time, one card per team, sized to fill
// the screen (1920×1080 on the room's projector) with timers readable from the back of the room.
// Opened by a read-only link for one round (no login: the link's token is the key), so it runs
// in a second window or tab beside the proctor's console. Refreshes itself.
import { useEffect, useState } from 'react';
import { call, ClientError } from '../../api/client';
import { ErrorBox } from '../../components/form';
import { useServerTime } from './useServerTime';
import { formatRemaining, timerState } from '../../../../shared/exam-timer';
import { formatTime } from '../../../../shared/format';
import type { BoardView } from '../../../../shared/api/exam-schemas';
import { BOARD_RETURN_KEY } from './BoardButton';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.examUi;
const d = vi.examDay;

/** Columns × rows for n cards on a 16:9 screen: as square as the screen allows. */
export function boardGrid(n: number): { cols: number; rows: number } {
  if (n <= 1) return { cols: 1, rows: 1 };
  let best = { cols: n, rows: 1, score: Infinity };
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    // Each card as close to 4:3 as possible on 16:9; fewer empty cells break ties.
    const aspect = 16 / cols / (9 / rows);
    const score = Math.abs(Math.log(aspect / (4 / 3))) + (cols * rows - n) * 0.05;
    if (score < best.score) best = { cols, rows, score };
  }
  return { cols: best.cols, rows: best.rows };
}

function FullScreenButton() {
  const [full, setFull] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const on = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);
  // One button, saying what it will do now.
  return full ? (
    <button onClick={() => void document.exitFullscreen?.().catch(() => undefined)}>{d.exitFullScreen}</button>
  ) : (
    <button onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>{d.fullScreen}</button>
  );
}

function TeamCard({ team, now }: { team: BoardView['teams'][number]; now: number }) {
  const rem = team.phase === 'running' && team.deadlineAt !== null ? team.deadlineAt - now : team.phase === 'ended' ? 0 : null;
  const { level, label } = team.phase === 'running' ? timerState(rem) : { level: team.phase === 'ended' ? ('end' as const) : ('none' as const), label: null };
  const state = team.failed
    ? t.failed
    : team.phase === 'pending'
      ? t.pending
      : team.phase === 'ended'
        ? team.missing > 0
          ? `${d.timeUp} — ${d.missingOnBoard(team.missing)}`
          : team.endedBy === 'time'
            ? d.timeUp
            : t.endedByProctor
        : label
          ? d.labels[label]
          : '';
  return (
    <section
      className={`board__team board--${team.phase} board--${level}${team.failed ? ' board--failed' : ''}${team.missing > 0 ? ' board--missing' : ''}`}
      data-team={team.commune}
      aria-label={t.teamLabel(team.commune)}
    >
      <h2>{team.commune}</h2>
      <div className="board__step">{team.step ? `${t.step(team.step)}: ${team.stepName ?? ''}` : ''}</div>
      <div className="board__time" data-testid="board-remaining" role="timer">
        {team.phase === 'pending' ? '15:00' : formatRemaining(rem ?? 0)}
      </div>
      <div className="board__state">{state}</div>
    </section>
  );
}

export function RoomBoard({ token }: { token: string }) {
  const [data, setData] = useState<BoardView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      call('exam.board', { token }).then(
        (v) => live && (setData(v), setError(null)),
        (e: unknown) => live && setError(e instanceof ClientError ? e.message : vi.errors.network),
      );
    void load();
    const h = window.setInterval(() => void load(), 3_000);
    return () => {
      live = false;
      window.clearInterval(h);
    };
  }, [token]);
  const now = useServerTime(data?.now);
  const [back] = useState(() => sessionStorage.getItem(BOARD_RETURN_KEY));
  useEffect(() => {
    document.body.classList.add('board-mode');
    document.title = `${t.boardTitle} — ${vi.app.name}`;
    return () => document.body.classList.remove('board-mode');
  }, []);
  if (!data) return <main className="board">{error ? <ErrorBox message={error} /> : vi.app.loading}</main>;
  const { cols, rows } = boardGrid(data.teams.length);
  return (
    <main className="board" aria-label={t.boardTitle} style={{ '--cols': cols, '--rows': rows } as React.CSSProperties}>
      <header className="board__head">
        <h1>
          {t.boardTitle} — {data.roundName}
        </h1>
        <div className="board__tools">
          <span className="board__clock">{formatTime(now)}</span>
          <FullScreenButton />
          {back && (
            <a className="button" href={back} onClick={() => sessionStorage.removeItem(BOARD_RETURN_KEY)}>
              {d.backToConsole}
            </a>
          )}
        </div>
      </header>
      {error && <ErrorBox message={error} />}
      {data.teams.length === 0 && <p className="board__empty">{d.boardNoTeams}</p>}
      <div className="board__grid">
        {data.teams.map((team) => (
          <TeamCard key={team.commune} team={team} now={now} />
        ))}
      </div>
    </main>
  );
}

/** The proctor's own route to the board (#/exams/N/board): asks for a link and goes to it. */
export function RoomBoardForRound({ roundId }: { roundId: number }) {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('exam.boardLink', { roundId }).then(
      (l) => window.location.replace(`#/board/${l.token}`),
      (e: unknown) => setError(e instanceof ClientError ? e.message : vi.errors.network),
    );
  }, [roundId]);
  return <main className="board">{error ? <ErrorBox message={error} /> : vi.app.loading}</main>;
}
