// One item of the report: the outline's prompt, its text (saved on leaving the field), the
// pre-filled mark, and the documents reused from the evidence library under the item's number.
import { useEffect, useId, useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { vi } from '../../../../shared/i18n/vi';
import type { Output } from '../../../../shared/api/contract';
import type { InspectionDetail, OutlineLineView } from '../../../../shared/api/inspection-schemas';

const t = vi.inspection;
type Item = Extract<OutlineLineView, { kind: 'item' }>;
type Library = Output<'inspection.library'>;

function ReusePicker({ id, item, library, onDone }: { id: number; item: Item; library: Library; onDone: (d: InspectionDetail) => void }) {
  const [sha, setSha] = useState('');
  const [fileName, setFileName] = useState('');
  const { busy, error, fieldErrors, submit } = useSubmit();
  const choose = async (value: string) => {
    setSha(value);
    const doc = library.find((d) => d.sha256 === value);
    if (!doc) return;
    const p = await call('evidence.proposeName', { criterionCode: item.key, docNumber: doc.docNumber, summary: doc.summary ?? doc.originalName }).catch(
      () => null,
    );
    if (p) setFileName(p.fileName);
  };
  const attach = async () => {
    const r = await submit(() => call('inspection.link', { id, key: item.key, sha256: sha, fileName }));
    if (r) onDone(r);
  };
  if (!library.length) return <p className="muted">{t.noLibrary}</p>;
  return (
    <div className="panel reuse">
      <ErrorBox message={error} />
      <Field label={t.chooseDocument}>
        {(fid) => (
          <select id={fid} value={sha} onChange={(e) => void choose(e.target.value)}>
            <option value="" />
            {library.map((d) => (
              <option key={d.sha256} value={d.sha256}>
                {[d.docNumber, d.summary ?? d.originalName].filter(Boolean).join(' — ')}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.fileName} error={fieldErrors['fileName']}>
        {(fid, d) => <input id={fid} aria-describedby={d} value={fileName} onChange={(e) => setFileName(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="button" className="primary" disabled={busy || !sha} onClick={() => void attach()}>
          {t.attach}
        </button>
      </div>
    </div>
  );
}

export function ItemCard({ id, item, library, onChange }: { id: number; item: Item; library: Library; onChange: (d: InspectionDetail) => void }) {
  const [text, setText] = useState(item.text);
  const [picking, setPicking] = useState(false);
  const [saved, setSaved] = useState(false);
  const { error, submit } = useSubmit();
  const headingId = useId();
  useEffect(() => setText(item.text), [item.text]);
  const save = async () => {
    if (text === item.text) return;
    setSaved(false);
    const r = await submit(() => call('inspection.saveItem', { id, key: item.key, text }));
    if (r) {
      onChange(r);
      setSaved(true);
    }
  };
  const unlink = async (documentId: number) => {
    const r = await submit(() => call('inspection.unlink', { documentId }));
    if (r) onChange(r);
  };
  return (
    <article className="inspection-item" aria-labelledby={headingId} data-key={item.key}>
      <h4 id={headingId}>
        {item.key}. {item.prompt || t.itemText(item.key)} {item.optional && <span className="muted">{t.optional}</span>}
      </h4>
      <ErrorBox message={error} />
      {item.prefilled && text === item.text && <p className="badge">{t.prefilled}</p>}
      <label className="sr-only" htmlFor={`${headingId}-text`}>
        {t.itemText(item.key)}
      </label>
      {saved && text === item.text && (
        <p className="muted" role="status">
          {t.saved}
        </p>
      )}
      <textarea
        id={`${headingId}-text`}
        rows={Math.min(10, Math.max(3, text.split('\n').length + 1))}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void save()}
      />
      {item.documents.length > 0 && (
        <ul className="documents" aria-label={t.documents}>
          {item.documents.map((d) => (
            <li key={d.id}>
              {d.fileName}{' '}
              <button type="button" className="link" onClick={() => void unlink(d.id)}>
                {t.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      {picking ? (
        <ReusePicker
          id={id}
          item={item}
          library={library}
          onDone={(d) => {
            setPicking(false);
            onChange(d);
          }}
        />
      ) : (
        <button type="button" onClick={() => setPicking(true)}>
          {t.reuse}
        </button>
      )}
    </article>
  );
}
