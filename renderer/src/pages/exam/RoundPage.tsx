// One exam round: its head (name, date, venue, the room board) and its tabs, each in its own file.
import { useCallback } from 'react';
import { call } from '../../api/client';
import { ErrorBox } from '../../components/form';
import { useLoad } from '../../components/useLoad';
import { Tabs } from '../../components/Tabs';
import { RosterTab } from './RosterTab';
import { TeamsTab } from './TeamsTab';
import { ConsoleTab } from './ConsoleTab';
import { ResultsTab } from './ResultsTab';
import { BoardButton } from './BoardButton';
import { formatIsoDate } from '../../../../shared/format';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.examUi;

export function RoundPage({ roundId, sub }: { roundId: number; sub: string }) {
  const round = useLoad(() => call('exam.round', { roundId }), [roundId]);
  const cons = useLoad(() => call('exam.console', { roundId }), [roundId]);
  const reload = useCallback(() => {
    round.reload();
    cons.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round.reload, cons.reload]);
  if (round.error && !round.data) return <ErrorBox message={round.error} />;
  if (!round.data || !cons.data) return <p>{vi.app.loading}</p>;
  const r = round.data.round;
  const base = `#/exams/${roundId}`;
  const tabs = [
    { key: '', label: t.tabRoster },
    { key: 'teams', label: t.tabTeams },
    { key: 'console', label: t.tabConsole },
    { key: 'results', label: t.tabResults },
  ];
  return (
    <section aria-labelledby="round-title">
      <div className="page-head">
        <div>
          <h1 id="round-title">{r.name}</h1>
          <div className="muted small">{[formatIsoDate(r.examDate), r.venue, r.district].filter(Boolean).join(' · ')}</div>
        </div>
        <BoardButton roundId={roundId} />
      </div>
      <Tabs base={base} current={sub} tabs={tabs} />
      {sub === '' && <RosterTab roundId={roundId} entries={round.data.entries} onChange={reload} />}
      {sub === 'teams' && <TeamsTab roundId={roundId} teams={cons.data.teams} entries={round.data.entries} onChange={reload} />}
      {sub === 'console' && <ConsoleTab data={cons.data} reload={cons.reload} />}
      {sub === 'results' && <ResultsTab roundId={roundId} />}
    </section>
  );
}
