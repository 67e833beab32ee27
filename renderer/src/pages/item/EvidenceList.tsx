// The files attached to one criterion: opened from the office's store, removed while editable.
import { call, fileUrl } from '../../api/client';
import { ErrorBox } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { formatBytes, formatIsoDate } from '../../../../shared/format';
import type { ItemView, EvidenceView } from '../../../../shared/api/assessment-schemas';
import { vi } from '../../../../shared/i18n/vi';
import type { Change } from './useAutosave';

const t = vi.ui;

export function EvidenceList({ item, canEdit, onChange }: { item: ItemView; canEdit: boolean; onChange: (c: Change) => void }) {
  const sub = useSubmit();
  const open = async (e: EvidenceView) => {
    const f = await sub.submit(() => call('evidence.open', { linkId: e.linkId }));
    if (f) window.open(fileUrl(f.fileId), '_blank', 'noopener');
  };
  const remove = async (e: EvidenceView) => {
    const c = await sub.submit(() => call('evidence.remove', { linkId: e.linkId }));
    if (c) onChange(c);
  };
  if (item.evidence.length === 0) return <p className="muted">{t.noEvidence}</p>;
  return (
    <>
      <ErrorBox message={sub.error} />
      <table className="table" aria-label={t.evidence}>
        <tbody>
          {item.evidence.map((e) => (
            <tr key={e.linkId}>
              <td>
                <strong className="filename">{e.fileName}</strong>
                <div className="muted small">
                  {e.originalName} · {formatBytes(e.size)}
                  {e.docNumber ? t.docNo(e.docNumber) : ''}
                  {e.docDate ? ` · ${formatIsoDate(e.docDate)}` : ''}
                </div>
              </td>
              <td>
                {e.mediaType === 'application/pdf' ? (
                  <span className={`badge ${e.pdfSigned ? 'badge--approved' : 'badge--returned'}`}>{e.pdfSigned ? t.signed : t.unsigned}</span>
                ) : (
                  <span className="badge">{t.image}</span>
                )}
              </td>
              <td className="row-actions">
                <button onClick={() => void open(e)}>{t.openFile}</button>
                {canEdit && (
                  <button onClick={() => void remove(e)} aria-label={`${t.remove} ${e.fileName}`}>
                    {t.remove}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
