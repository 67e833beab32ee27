import { useCallback, useRef, useState } from 'react';
import { call, upload, fileUrl } from '../../api/client';
import { ErrorBox, Notice } from '../../components/form';
import { FileButton } from '../../components/FileButton';
import { Downloads, IssueList } from '../../components/lists';
import { useSubmit } from '../../components/useForm';
import { useLoad } from '../../components/useLoad';
import { ConsoleTab } from './ConsoleTab';
import { TeamsTab } from './TeamsTab';
import { BoardButton } from './BoardButton';
import { ExamPackagePanel } from './ExamPackagePanel';
import { ExamPositionCell } from './ExamPositionCell';
import { CommuneTallyTable, PeopleResultsTable } from '../../components/ExamResultTables';
import { formatIsoDate } from '../../../../shared/format';
import type { FormNo, RosterEntryView } from '../../../../shared/api/exam-schemas';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.examUi;
const FORMS: FormNo[] = ['01', '02', '03', '04', '05'];

function RosterTab({ roundId, entries, onChange }: { roundId: number; entries: RosterEntryView[]; onChange: () => void }) {
  const sub = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [links, setLinks] = useState<{ href: string; name: string }[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    setNotice(null);
    setWarnings([]);
    const r = await sub.submit(async () => call('exam.importRoster', { uploadId: (await upload(f)).uploadId, roundId }));
    if (input.current) input.current.value = '';
    if (r) {
      setNotice(t.imported(Object.values(r.imported).reduce((a, b) => a + b, 0)));
      // One line per row (its place said once), not a run-on paragraph.
      setWarnings(r.warnings);
      onChange();
    }
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
      {warnings.length > 0 && (
        <ul className="issues issues--warn" aria-label={vi.examDay.importWarnings}>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
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
                          <ExamPositionCell entry={e} onChange={onChange} />
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
        <BoardButton roundId={roundId} />
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
