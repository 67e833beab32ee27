// The criterion being edited: its heading and guidance, the autosaved score fields, the evidence,
// and the buttons that move it on (mark done, reopen; return or approve for a leader).
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field, Notice } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { formatPoints, formatTime } from '../../../../shared/format';
import type { AssessmentDetail, ItemView } from '../../../../shared/api/assessment-schemas';
import { vi } from '../../../../shared/i18n/vi';
import { useAutosave, type Change } from './useAutosave';
import { ConflictPanel } from './ConflictPanel';
import { EvidenceList } from './EvidenceList';
import { AttachForm } from './AttachForm';
import { LastYearNote } from '../appraisal/LastYearNote';

const t = vi.ui;

export function ItemForm({
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
