// One performer's row in the console: appointment codes (step 1, while the step runs), the finish
// time and the result — the result stays open after time-out, the codes do not.
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Notice } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { formatDateTime, formatTime } from '../../../../shared/format';
import type { StepView, RecordView } from '../../../../shared/api/exam-schemas';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.examUi;
const d = vi.examDay;

export function RecordRow({ step, rec, onDone }: { step: StepView; rec: RecordView; onDone: () => void }) {
  const stored = rec.codes.join('\n');
  const [codes, setCodes] = useState(stored);
  const [saved, setSaved] = useState<string | null>(null);
  // Another proctor's save (seen on the next poll) replaces the text unless this one is being edited.
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!dirty) setCodes(stored);
  }, [stored, dirty]);
  const sub = useSubmit();
  const editable = step.phase === 'running';
  const saveCodes = async () => {
    setSaved(null);
    const list = codes
      .split(/[\n,;]+/)
      .map((c) => c.trim())
      .filter(Boolean);
    if (await sub.submit(() => call('exam.setCodes', { recordId: rec.id, codes: list }))) {
      setDirty(false);
      setSaved(d.codesSaved(list.length, formatTime(Date.now(), true)));
      onDone();
    }
  };
  const setResult = async (result: 'dat' | 'khong_dat' | null, finished: boolean) => {
    if (await sub.submit(() => call('exam.setResult', { recordId: rec.id, result, finished, note: rec.note }))) onDone();
  };
  const missing = step.phase === 'ended' && !step.failed && rec.result === null;
  return (
    <tr data-person={rec.fullName} className={missing ? 'row--missing' : undefined}>
      <td>
        <strong>{rec.fullName}</strong>
        <div className="muted small">{rec.positionTitle}</div>
        {/* A code problem is said once, under the codes it is about. */}
        <ErrorBox message={sub.fieldErrors['codes'] ? null : sub.error} />
      </td>
      {step.step === 1 && (
        <td>
          <textarea
            aria-label={`${t.codes} — ${rec.fullName}`}
            aria-describedby={`codes-hint-${rec.id}`}
            aria-invalid={sub.fieldErrors['codes'] ? true : undefined}
            rows={4}
            value={codes}
            onChange={(e) => (setCodes(e.target.value), setDirty(true), setSaved(null))}
            disabled={!editable}
            spellCheck={false}
          />
          {sub.fieldErrors['codes'] ? (
            <div id={`codes-hint-${rec.id}`} className="field__error" role="alert">
              {sub.fieldErrors['codes']}
            </div>
          ) : (
            <span id={`codes-hint-${rec.id}`} className="codes-hint muted">
              {d.codesHint}
            </span>
          )}
          {editable && (
            <button onClick={() => void saveCodes()} disabled={sub.busy}>
              {t.saveCodes}
            </button>
          )}
          <Notice message={saved} />
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
