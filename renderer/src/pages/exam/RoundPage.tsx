import { useCallback, useRef, useState } from 'react';
import { call, upload, fileUrl } from '../../api/client';
import { ErrorBox, Notice } from '../../components/form';
import { FileButton } from '../../components/FileButton';
import { Downloads, IssueList } from '../../components/lists';
import { useSubmit } from '../../components/useForm';
import { useLoad } from '../../components/useLoad';
import { ConsoleTab } from './ConsoleTab';
import { ExamPackagePanel } from './ExamPackagePanel';
import { CommuneTallyTable, PeopleResultsTable } from '../../components/ExamResultTables';
import { formatIsoDate } from '../../../../shared/format';
import type { FormNo, RosterEntryView, TeamView } from '../../../../shared/api/exam-schemas';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.examUi;
const FORMS: FormNo[] = ['01', '02', '03', '04', '05'];

function RosterTab({ roundId, entries, onChange }: { roundId: number; entries: RosterEntryView[]; onChange: () => void }) {
  const sub = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const [links, setLinks] = useState<{ href: string; name: string }[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    setNotice(null);
    const r = await sub.submit(async () => call('exam.importRoster', { uploadId: (await upload(f)).uploadId, roundId }));
    if (input.current) input.current.value = '';
    if (r) {
      setNotice(t.imported(Object.values(r.imported).reduce((a, b) => a + b, 0)) + (r.warnings.length ? ` ${r.warnings.join(' ')}` : ''));
      onChange();
    }
  };
  const choose = async (entryId: number, positionId: string) => {
    if (await sub.submit(() => call('exam.choosePosition', { entryId, positionId }))) onChange();
  };
  const exportForm = async (form: FormNo, format: 'xlsx' | 'pdf') => {
    const f = await sub.submit(() => call('exam.exportRoster', { roundId, form, format }));
    if (f) setLinks((l) => [{ href: fileUrl(f.fileId), name: f.fileName }, ...l.filter((x) => x.name !== f.fileName)]);
  };
  return (
    <div>
      <div className="row-actions">
        <FileButton className="primary" label={t.importRoster} accept=".xlsx" inputRef={input} onFile={(f) => void onFile(f)} />
      </div>
      <Notice message={notice} />
      <ErrorBox message={sub.error} />
      {sub.error && <IssueList issues={sub.fieldErrors} />}
      <Downloads links={links} />
      {FORMS.map((form) => {
        const rows = entries.filter((e) => e.form === form);
        return (
          <details key={form} className="panel" open={rows.length > 0 && rows.length <= 60}>
            <summary>
              <strong>{t.forms[form]}</strong> ({rows.length})
              {rows.length > 0 && (
                <span className="row-actions inline">
                  <button onClick={() => void exportForm(form, 'xlsx')}>{t.exportXlsx}</button>
                  <button onClick={() => void exportForm(form, 'pdf')}>{t.exportPdf}</button>
                </span>
              )}
            </summary>
            {rows.length > 0 && (
              <table className="table compact" aria-label={t.forms[form]}>
                <thead>
                  <tr>
                    <th>{t.stt}</th>
                    <th>{t.fullName}</th>
                    <th>{t.birthYear}</th>
                    <th>{t.position}</th>
                    <th>{t.commune}</th>
                    <th>{t.phone}</th>
                    <th>{form === '03' ? t.reason : t.note}</th>
                    {(form === '01' || form === '02') && <th title={t.examPositionHint}>{t.examPosition}</th>}
                  </tr>
                </thead>
                <tbody>
                  {rows.slice(0, 500).map((e) => (
                    <tr key={e.id}>
                      <td>{e.stt ?? ''}</td>
                      <td>{e.fullName}</td>
                      <td>
                        {e.birthYear ?? ''} {e.gender ? `(${t.genders[e.gender] ?? e.gender})` : ''}
                      </td>
                      <td>{e.positionTitle ?? ''}</td>
                      <td>{e.commune ?? ''}</td>
                      <td>{e.phone ?? ''}</td>
                      <td>{form === '03' ? [e.exclusion ? t.exclusions[e.exclusion] : '', e.exclusionNote].filter(Boolean).join(': ') : (e.note ?? '')}</td>
                      {(form === '01' || form === '02') && (
                        <td>
                          <select
                            aria-label={`${t.examPosition} — ${e.fullName}`}
                            value={e.positionId ?? ''}
                            onChange={(ev) => void choose(e.id, ev.target.value)}
                          >
                            {Object.entries(t.positionIds).map(([id, label]) => (
                              <option key={id} value={id}>
                                {label}
                              </option>
                            ))}
                          </select>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {rows.length > 500 && <p className="muted small">{t.morePeople(rows.length - 500)}</p>}
          </details>
        );
      })}
    </div>
  );
}

function TeamsTab({ roundId, teams, entries, onChange }: { roundId: number; teams: TeamView[]; entries: RosterEntryView[]; onChange: () => void }) {
  const sub = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const form = async () => {
    const r = await sub.submit(() => call('exam.formTeams', { roundId }));
    if (r) {
      setNotice(t.teamsFormed(r.teams, r.performers));
      onChange();
    }
  };
  const setPerformer = async (teamId: number, step: 1 | 2 | 3 | 4, entryId: number, add: boolean) => {
    if (await sub.submit(() => call('exam.setPerformer', { teamId, step, entryId, add }))) onChange();
  };
  const started = teams.some((tm) => tm.steps.some((s) => s.phase !== 'pending'));
  return (
    <div>
      <div className="row-actions">
        <button className="primary" onClick={() => void form()} disabled={sub.busy || started}>
          {t.formTeams}
        </button>
      </div>
      <Notice message={notice} />
      <ErrorBox message={sub.error} />
      {teams.length === 0 && <p>{t.noTeams}</p>}
      <div className="team-grid">
        {teams.map((team) => {
          const locked = team.steps.some((s) => s.phase !== 'pending');
          const candidates = entries.filter((e) => (e.form === '01' || e.form === '02') && e.commune === team.commune);
          return (
            <article key={team.id} className="team-card" aria-label={t.teamLabel(team.commune)}>
              <h2>{team.commune}</h2>
              {team.steps.map((s) => (
                <div key={s.id} className="team-step">
                  <div className="step-name">
                    {t.step(s.step)}: {s.name}
                  </div>
                  <ul>
                    {s.performers.map((p) => (
                      <li key={p.entryId}>
                        {p.fullName} <span className="muted small">{p.positionTitle}</span>{' '}
                        {!locked && (
                          <button
                            className="link"
                            onClick={() => void setPerformer(team.id, s.step as 1 | 2 | 3 | 4, p.entryId, false)}
                            aria-label={`${t.remove} ${p.fullName} ${t.step(s.step)}`}
                          >
                            {t.remove}
                          </button>
                        )}
                      </li>
                    ))}
                    {s.performers.length === 0 && <li className="warn-text small">{t.noPerformer}</li>}
                  </ul>
                  {!locked && (
                    <select
                      aria-label={`${t.addPerformer} — ${team.commune} ${t.step(s.step)}`}
                      value=""
                      onChange={(e) => e.target.value && void setPerformer(team.id, s.step as 1 | 2 | 3 | 4, Number(e.target.value), true)}
                    >
                      <option value="">+ {t.addPerformer}</option>
                      {candidates
                        .filter((c) => !s.performers.some((p) => p.entryId === c.id))
                        .map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.fullName} — {c.positionTitle}
                          </option>
                        ))}
                    </select>
                  )}
                </div>
              ))}
            </article>
          );
        })}
      </div>
    </div>
  );
}

function ResultsTab({ roundId }: { roundId: number }) {
  const { data, error } = useLoad(() => call('exam.results', { roundId }), [roundId]);
  const sub = useSubmit();
  const [links, setLinks] = useState<{ href: string; name: string }[]>([]);
  const exportAs = async (format: 'xlsx' | 'pdf') => {
    const f = await sub.submit(() => call('exam.exportResults', { roundId, format }));
    if (f) setLinks((l) => [{ href: fileUrl(f.fileId), name: f.fileName }, ...l.filter((x) => x.name !== f.fileName)]);
  };
  if (error) return <ErrorBox message={error} />;
  if (!data) return <p>{vi.app.loading}</p>;
  return (
    <div>
      <div className="row-actions">
        <button onClick={() => void exportAs('xlsx')}>{t.exportXlsx}</button>
        <button onClick={() => void exportAs('pdf')}>{t.exportPdf}</button>
      </div>
      <ErrorBox message={sub.error} />
      <Downloads links={links} />
      <CommuneTallyTable communes={data.communes} totals={data.totals} />
      <PeopleResultsTable people={data.people} />
      <ExamPackagePanel roundId={roundId} pending={data.totals.pending} />
    </div>
  );
}

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
        <a className="button" href={`${base}/board`}>
          {t.board}
        </a>
      </div>
      <nav className="tabs" aria-label={vi.app.sections}>
        {tabs.map((tab) => (
          <a key={tab.key} href={tab.key ? `${base}/${tab.key}` : base} aria-current={sub === tab.key ? 'page' : undefined}>
            {tab.label}
          </a>
        ))}
      </nav>
      {sub === '' && <RosterTab roundId={roundId} entries={round.data.entries} onChange={reload} />}
      {sub === 'teams' && <TeamsTab roundId={roundId} teams={cons.data.teams} entries={round.data.entries} onChange={reload} />}
      {sub === 'console' && <ConsoleTab data={cons.data} reload={cons.reload} />}
      {sub === 'results' && <ResultsTab roundId={roundId} />}
    </section>
  );
}
