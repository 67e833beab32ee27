// Attaching evidence to one criterion: a new file with its document number, date and summary (the
// file name proposed by the naming convention until edited by hand), or a document the assessment
// already holds, linked again without a second copy.
import { useEffect, useRef, useState } from 'react';
import { call, upload } from '../../api/client';
import { ErrorBox, Field, Notice } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { parseVnDate } from '../../../../shared/vn-time';
import { DateInput } from '../../components/DateTimeInput';
import type { ItemView } from '../../../../shared/api/assessment-schemas';
import { vi } from '../../../../shared/i18n/vi';
import type { Change } from './useAutosave';

const t = vi.ui;

export function AttachForm({ item, assessmentId, onChange }: { item: ItemView; assessmentId: number; onChange: (c: Change) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const [docNumber, setDocNumber] = useState('');
  const [docDate, setDocDate] = useState('');
  const [summary, setSummary] = useState('');
  const [fileName, setFileName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [reuse, setReuse] = useState('');
  const [docs, setDocs] = useState<{ sha256: string; originalName: string; usedBy: string[]; docNumber: string | null; summary: string | null }[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const sub = useSubmit();

  useEffect(() => {
    call('evidence.documents', { assessmentId }).then(setDocs, () => undefined);
  }, [assessmentId, item.evidence.length]);

  // Propose the convention name from the metadata until the user edits it by hand.
  useEffect(() => {
    if (nameTouched || !summary.trim()) return;
    const h = window.setTimeout(() => {
      call('evidence.proposeName', { criterionCode: item.criterionCode, docNumber: docNumber || null, summary }).then(
        (r) => setFileName(r.fileName),
        () => undefined,
      );
    }, 250);
    return () => window.clearTimeout(h);
  }, [docNumber, summary, nameTouched, item.criterionCode]);

  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setUploaded(null);
    if (!file) return sub.setError(t.chooseFileFirst);
    const isoDate = docDate.trim() ? parseVnDate(docDate) : null;
    if (docDate.trim() && !isoDate) return sub.setError(vi.dateTime.invalidDate);
    const c = await sub.submit(async () => {
      const up = await upload(file);
      return call('evidence.attach', {
        itemId: item.id,
        uploadId: up.uploadId,
        fileName,
        docNumber: docNumber || null,
        docDate: isoDate,
        summary: summary || null,
      });
    });
    if (c) {
      onChange(c);
      setUploaded(vi.daily.feedback.uploaded(fileName || file.name));
      setFile(null);
      setDocNumber('');
      setDocDate('');
      setSummary('');
      setFileName('');
      setNameTouched(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };
  const onLink = async () => {
    const d = docs.find((x) => x.sha256 === reuse);
    if (!d) return;
    const name =
      (
        await call('evidence.proposeName', { criterionCode: item.criterionCode, docNumber: d.docNumber, summary: d.summary ?? d.originalName }).catch(
          () => null,
        )
      )?.fileName ?? '';
    const c = await sub.submit(() => call('evidence.link', { itemId: item.id, sha256: d.sha256, fileName: name }));
    if (c) {
      onChange(c);
      setReuse('');
    }
  };
  const reusable = docs.filter((d) => !item.evidence.some((e) => e.sha256 === d.sha256));
  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-label={t.attach}>
      <h3>{t.attach}</h3>
      <ErrorBox message={sub.error} />
      <div className="grid2">
        <Field label={t.chooseFile} error={sub.fieldErrors['file']}>
          {(id) => (
            <input
              id={id}
              ref={fileInput}
              type="file"
              accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Field label={t.docNumber}>{(id) => <input id={id} value={docNumber} onChange={(e) => setDocNumber(e.target.value)} />}</Field>
        <Field label={t.docDate}>{(id, d) => <DateInput id={id} aria-describedby={d} value={docDate} onChange={setDocDate} />}</Field>
        <Field label={t.summary}>{(id) => <input id={id} value={summary} onChange={(e) => setSummary(e.target.value)} />}</Field>
      </div>
      <Field label={t.fileName} error={sub.fieldErrors['fileName']} hint={t.fileNameHint}>
        {(id, d) => (
          <input
            id={id}
            aria-describedby={d}
            value={fileName}
            spellCheck={false}
            onChange={(e) => {
              setNameTouched(true);
              setFileName(e.target.value);
            }}
          />
        )}
      </Field>
      <div className="actions start">
        <button type="submit" className="primary" disabled={sub.busy}>
          {t.upload}
        </button>
        {/* The outcome next to the button that caused it (the form is taller than the screen). */}
        <Notice message={uploaded} />
      </div>
      {reusable.length > 0 && (
        <div className="reuse">
          <Field label={t.reuse}>
            {(id) => (
              <select id={id} value={reuse} onChange={(e) => setReuse(e.target.value)}>
                <option value="">{t.reuseChoose}</option>
                {reusable.map((d) => (
                  <option key={d.sha256} value={d.sha256}>
                    {d.originalName} ({d.usedBy.join(', ')})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" onClick={() => void onLink()} disabled={!reuse || sub.busy}>
            {t.link}
          </button>
        </div>
      )}
    </form>
  );
}
