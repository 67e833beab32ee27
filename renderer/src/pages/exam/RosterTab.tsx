// "Danh sách" tab: importing the official roster forms (Mẫu 01–05) with each row's warning, the
// people of each form with their exam position, and each form's export.
import { useRef, useState } from 'react';
import { call, upload, fileUrl } from '../../api/client';
import { ErrorBox, Notice } from '../../components/form';
import { FileButton } from '../../components/FileButton';
import { Downloads, IssueList } from '../../components/lists';
import { useSubmit } from '../../components/useForm';
import { ExamPositionCell } from './ExamPositionCell';
import type { FormNo, RosterEntryView } from '../../../../shared/api/exam-schemas';
import { vi } from '../../../../shared/i18n/vi';
import { labelOf } from '../../../../shared/i18n/label';

const t = vi.examUi;
const FORMS: FormNo[] = ['01', '02', '03', '04', '05'];

export function RosterTab({ roundId, entries, onChange }: { roundId: number; entries: RosterEntryView[]; onChange: () => void }) {
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
                        {e.birthYear ?? ''} {e.gender ? `(${labelOf(t.genders, e.gender)})` : ''}
                      </td>
                      <td>{e.positionTitle ?? ''}</td>
                      <td>{e.commune ?? ''}</td>
                      <td>{e.phone ?? ''}</td>
                      <td>
                        {form === '03' ? [e.exclusion ? labelOf(t.exclusions, e.exclusion) : '', e.exclusionNote].filter(Boolean).join(': ') : (e.note ?? '')}
                      </td>
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
