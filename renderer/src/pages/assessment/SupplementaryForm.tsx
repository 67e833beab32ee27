// Supplementary windows (bổ sung): reopening named criteria for a while, on a written instruction
// (imported from a file or typed), listed with the ones already given.
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { DateTimeInput } from '../../components/DateTimeInput';
import { formatDateTime } from '../../../../shared/format';
import { parseVnDateTime } from '../../../../shared/vn-time';
import type { AssessmentDetail } from '../../../../shared/api/assessment-schemas';
import { vi } from '../../../../shared/i18n/vi';
import { InstructionImport } from './InstructionImport';

const t = vi.ui;

export function SupplementaryForm({ d, onDone }: { d: AssessmentDetail; onDone: () => void }) {
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [codes, setCodes] = useState('');
  const [note, setNote] = useState('');
  const [instructionRef, setInstructionRef] = useState('');
  const { busy, error, fieldErrors, submit, setError } = useSubmit();
  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const o = parseVnDateTime(opensAt);
    const c = parseVnDateTime(closesAt);
    const list = codes.split(/[,;\s]+/).filter(Boolean);
    if (o === null || c === null || list.length === 0) return setError(t.needWindowAndCodes);
    if (
      await submit(() =>
        call('assessment.addSupplementary', { assessmentId: d.assessment.id, opensAt: o, closesAt: c, codes: list, note: note || null, instructionRef }),
      )
    )
      onDone();
  };
  return (
    <details className="panel">
      <summary>
        {t.supplementary} ({d.assessment.supplementary.length})
      </summary>
      <ul>
        {d.assessment.supplementary.map((w) => (
          <li key={w.id}>
            {formatDateTime(w.opensAt)} → {formatDateTime(w.closesAt)}: {w.codes.join(', ')} {w.note && `(${w.note})`}
            {w.instructionRef && ` — ${w.instructionRef}`}
          </li>
        ))}
      </ul>
      <InstructionImport assessmentId={d.assessment.id} onDone={onDone} />
      <form onSubmit={onSubmit} noValidate aria-label={t.addSupplementary}>
        <ErrorBox message={error} />
        <div className="grid2">
          <Field label={t.opensAt}>{(id, d) => <DateTimeInput id={id} aria-describedby={d} value={opensAt} onChange={setOpensAt} />}</Field>
          <Field label={t.closesAt}>{(id, d) => <DateTimeInput id={id} aria-describedby={d} value={closesAt} onChange={setClosesAt} />}</Field>
          <Field label={t.supplementaryCodes}>{(id) => <input id={id} value={codes} onChange={(e) => setCodes(e.target.value)} />}</Field>
          <Field label={t.note}>{(id) => <input id={id} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
          <Field label={vi.clock.instructionLabel} error={fieldErrors['instructionRef']}>
            {(id) => <input id={id} value={instructionRef} onChange={(e) => setInstructionRef(e.target.value)} required />}
          </Field>
        </div>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t.addSupplementary}
          </button>
        </div>
      </form>
    </details>
  );
}
