// One criterion: self-score, "không phát sinh", explanation (autosaved, with a local draft so
// nothing typed is lost on a crash or a closed window), evidence, and the review actions.
import { useEffect, useRef, useState } from 'react';
import { call, upload, fileUrl } from '../api/client';
import { ErrorBox, Field, Notice } from '../components/form';
import { useSubmit } from '../components/useForm';
import { useApp } from '../store';
import { formatPoints, formatIsoDate, formatTime } from '../../../shared/format';
import { parseVnDate } from '../../../shared/vn-time';
import { DateInput } from '../components/DateTimeInput';
import type { AssessmentDetail, ItemView, EvidenceView } from '../../../shared/api/assessment-schemas';
import { vi } from '../../../shared/i18n/vi';
import { useAutosave, type Change } from './item/useAutosave';
import { ConflictPanel } from './item/ConflictPanel';
import { LastYearNote } from './appraisal/LastYearNote';

const t = vi.ui;

function EvidenceList({ item, canEdit, onChange }: { item: ItemView; canEdit: boolean; onChange: (c: Change) => void }) {
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
                  {e.originalName} · {(e.size / 1024).toFixed(0)} KB{e.docNumber ? t.docNo(e.docNumber) : ''}
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

function AttachForm({ item, assessmentId, onChange }: { item: ItemView; assessmentId: number; onChange: (c: Change) => void }) {
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

export function ItemEditor({
  detail,
  itemId,
  isLeader,
  onChange,
  back,
}: {
  detail: AssessmentDetail;
  itemId: number;
  isLeader: boolean;
  onChange: (c: Change) => void;
  back: string;
}) {
  const item = detail.items.find((i) => i.id === itemId);
  const me = useApp((s) => s.session?.user.id);
  if (!item) return <ErrorBox message={vi.assessment.itemNotFound} />;
  const node = detail.nodes.find((n) => n.code === item.criterionCode)!;
  const mine = item.assigneeId === me;
  const writable = detail.editable.ok && (isLeader || (mine && (item.status === 'todo' || item.status === 'returned')));
  return (
    <ItemForm
      key={item.id}
      detail={detail}
      item={item}
      node={node}
      writable={writable}
      canReopen={detail.editable.ok && (mine || isLeader) && item.status === 'done'}
      isLeader={isLeader}
      onChange={onChange}
      back={back}
    />
  );
}

function ItemForm({
  detail,
  item,
  node,
  writable,
  canReopen,
  isLeader,
  onChange,
  back,
}: {
  detail: AssessmentDetail;
  item: ItemView;
  node: AssessmentDetail['nodes'][number];
  writable: boolean;
  canReopen: boolean;
  isLeader: boolean;
  onChange: (c: Change) => void;
  back: string;
}) {
  const auto = useAutosave(item, writable, onChange, detail.assessment.id);
  const action = useSubmit();
  const [comment, setComment] = useState('');
  const d = auto.draft;
  const run = async (f: () => Promise<Change>) => {
    await auto.save();
    const c = await action.submit(f);
    if (c) {
      auto.reset(c.item);
      onChange(c);
    }
  };
  const stateText =
    auto.state.kind === 'saving'
      ? t.saving
      : auto.state.kind === 'saved'
        ? t.savedAt(formatTime(auto.state.at ?? 0, true))
        : auto.state.kind === 'error'
          ? auto.state.message
          : '';
  return (
    <article className="item-editor" aria-labelledby="item-title">
      <a href={back}>{t.back}</a>
      <h2 id="item-title">
        {node.code}. {node.title}
      </h2>
      <p className="muted">
        {t.maxPoints}: <strong>{node.maxPoints === null ? '?' : formatPoints(node.maxPoints)}</strong> · {t.assignee}: {item.assigneeName ?? t.unassigned} ·{' '}
        {t.status}: <span className={`badge badge--${item.status}`}>{t.itemStatus[item.status]}</span>
      </p>
      {node.guidance && (
        <details className="guidance">
          <summary>{t.guidance}</summary>
          <p className="pre">{node.guidance}</p>
        </details>
      )}
      <LastYearNote assessmentId={detail.assessment.id} code={node.code} />
      {item.status === 'returned' && item.reviewComment && (
        <div className="alert alert--warn" role="status">
          <strong>{t.reviewComment}:</strong> {item.reviewComment}
        </div>
      )}
      {auto.restored && <Notice message={t.draftRestored} />}
      <ConflictPanel
        state={auto.state}
        item={item}
        baseVersion={auto.baseVersion}
        onReload={() => void auto.reload()}
        onKeepMine={() => void auto.keepMine()}
      />
      <div className="panel">
        <div className="grid2">
          <Field
            label={t.pointsRange(t.selfPoints, node.maxPoints === null ? '?' : formatPoints(node.maxPoints))}
            error={auto.state.kind === 'error' && auto.state.field === 'points' ? auto.state.message : undefined}
          >
            {(id, dsc) => (
              <input
                id={id}
                aria-describedby={dsc}
                inputMode="decimal"
                value={d.points}
                disabled={!writable || d.notApplicable}
                onChange={(e) => auto.update({ points: e.target.value })}
                onBlur={() => void auto.save()}
              />
            )}
          </Field>
          <label className="check na">
            <input type="checkbox" checked={d.notApplicable} disabled={!writable} onChange={(e) => auto.update({ notApplicable: e.target.checked })} />
            {t.notApplicable}
          </label>
        </div>
        {d.notApplicable && (
          <Field label={t.naReason}>
            {(id) => (
              <input
                id={id}
                value={d.naReason}
                disabled={!writable}
                onChange={(e) => auto.update({ naReason: e.target.value })}
                onBlur={() => void auto.save()}
              />
            )}
          </Field>
        )}
        <Field label={t.explanation} error={action.fieldErrors['explanation']} hint={vi.precheckList.ui.explanationHint}>
          {(id, dsc) => (
            <textarea
              id={id}
              aria-describedby={dsc}
              rows={6}
              value={d.explanation}
              disabled={!writable}
              onChange={(e) => auto.update({ explanation: e.target.value })}
              onBlur={() => void auto.save()}
            />
          )}
        </Field>
        <div className={`save-state save-state--${auto.state.kind}`} role="status" aria-live="polite">
          {stateText}
        </div>
      </div>
      <section aria-label={t.evidence}>
        <h3>{t.evidence}</h3>
        <EvidenceList item={item} canEdit={writable} onChange={onChange} />
        {writable && <AttachForm item={item} assessmentId={detail.assessment.id} onChange={onChange} />}
      </section>
      <ErrorBox message={action.error} />
      <div className="actions">
        {writable && item.status !== 'done' && item.status !== 'approved' && (
          <button className="primary" onClick={() => void run(() => call('item.markDone', { itemId: item.id }))} disabled={action.busy}>
            {t.markDone}
          </button>
        )}
        {canReopen && (
          <button onClick={() => void run(() => call('item.reopen', { itemId: item.id }))} disabled={action.busy}>
            {t.reopen}
          </button>
        )}
      </div>
      {isLeader && detail.editable.ok && (item.status === 'done' || item.status === 'approved') && (
        <div className="panel review">
          <Field label={t.returnComment} error={action.fieldErrors['comment']}>
            {(id) => <input id={id} value={comment} onChange={(e) => setComment(e.target.value)} />}
          </Field>
          <div className="actions">
            <button onClick={() => void run(() => call('item.return', { itemId: item.id, comment }))} disabled={action.busy}>
              {t.returnItem}
            </button>
            {item.status === 'done' && (
              <button className="primary" onClick={() => void run(() => call('item.approve', { itemId: item.id }))} disabled={action.busy}>
                {t.approve}
              </button>
            )}
          </div>
        </div>
      )}
    </article>
  );
}
