// The "Vị trí dự thi" cell of a roster row: the 6-month rule lets an officer moved recently choose
// between the previous position and the new one — only those two. The previous position and the
// day of the move are entered here ("Ghi vị trí cũ…"); titles outside the six say so.
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { DateInput } from '../../components/DateTimeInput';
import { formatIsoDate } from '../../../../shared/format';
import { parseVnDate } from '../../../../shared/vn-time';
import type { RosterEntryView } from '../../../../shared/api/exam-schemas';
import { vi } from '../../../../shared/i18n/vi';
import { labelOf } from '../../../../shared/i18n/label';

const t = vi.examUi;
const d = vi.examDay;
const label = (id: string | null) => (id ? labelOf(t.positionIds, id) : '');

export function ExamPositionCell({ entry: e, onChange }: { entry: RosterEntryView; onChange: () => void }) {
  const sub = useSubmit();
  const [open, setOpen] = useState(false);
  const [prev, setPrev] = useState(e.previousPositionId ?? '');
  const [movedAt, setMovedAt] = useState(e.movedAt ? formatIsoDate(e.movedAt) : '');
  if (!e.positionId || !(e.positionId in t.positionIds)) return <span className="muted small">{d.notExamined}</span>;
  const choose = async (positionId: string) => {
    if (await sub.submit(() => call('exam.choosePosition', { entryId: e.id, positionId }))) onChange();
  };
  const saveMove = async () => {
    const iso = movedAt.trim() ? parseVnDate(movedAt) : null;
    if (movedAt.trim() && !iso) return sub.setFieldError('movedAt', vi.dateTime.invalidDate);
    const previousPositionId = (prev || null) as 'CT_PCT' | 'VP_TK' | 'TC_KT' | 'VH_XH' | 'TP_HT' | 'DC' | null;
    if (await sub.submit(() => call('exam.setMove', { entryId: e.id, previousPositionId, movedAt: iso }))) {
      setOpen(false);
      onChange();
    }
  };
  // The current (official) position is the one that is not the previous one.
  const current = e.choices.find((c) => c !== e.previousPositionId) ?? e.positionId;
  return (
    <div className="exam-position">
      {e.choices.length === 2 ? (
        <select aria-label={`${t.examPosition} — ${e.fullName}`} value={e.positionId} onChange={(ev) => void choose(ev.target.value)}>
          {e.choices.map((id) => (
            <option key={id} value={id}>
              {label(id)} {id === e.previousPositionId ? `(${d.previousPosition.toLowerCase()})` : ''}
            </option>
          ))}
        </select>
      ) : (
        <span>{label(current)}</span>
      )}{' '}
      {e.form === '02' && !open && (
        <button className="link small" onClick={() => setOpen(true)} aria-label={`${d.recordMove} — ${e.fullName}`}>
          {d.recordMove}
        </button>
      )}
      {e.choices.length === 2 && <div className="muted small">{d.chooseBetween(label(e.previousPositionId), label(current))}</div>}
      <ErrorBox message={sub.error} />
      {open && (
        <form
          className="subpanel"
          aria-label={`${d.moveTitle} — ${e.fullName}`}
          onSubmit={(ev) => {
            ev.preventDefault();
            void saveMove();
          }}
        >
          <Field label={d.previousPosition} error={sub.fieldErrors['previousPositionId']}>
            {(id) => (
              <select id={id} value={prev} onChange={(ev) => setPrev(ev.target.value)}>
                <option value="">{d.noPrevious}</option>
                {Object.entries(t.positionIds)
                  .filter(([pid]) => pid !== current)
                  .map(([pid, l]) => (
                    <option key={pid} value={pid}>
                      {l}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field label={d.movedAt} error={sub.fieldErrors['movedAt']}>
            {(id, desc) => <DateInput id={id} aria-describedby={desc} value={movedAt} onChange={setMovedAt} />}
          </Field>
          <div className="row-actions">
            <button type="submit" className="primary" disabled={sub.busy}>
              {d.saveMove}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {vi.app.cancel}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
