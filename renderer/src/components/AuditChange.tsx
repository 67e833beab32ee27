// One audit row's change, in words: labels for the keys, names for ids (resolved by the back end
// into `refs`), dates for epoch-millisecond times, words for statuses and results.
import { formatDateTime, formatPoints } from '../../../shared/format';
import { vi } from '../../../shared/i18n/vi';
import { labelOf } from '../../../shared/i18n/label';

const w = vi.daily.audit;

/** Times in the log are epoch ms under keys like startedAt, deadlineAt, at, validUntil. */
const isTimeKey = (k: string) => k === 'at' || k === 'now' || k === 'validUntil' || /At$/.test(k);
/**
 * The label of a value; "codes" are appointment codes on an exam record, criterion codes elsewhere;
 * "points" on an appraisal row are the council's, not the self-score.
 */
export const fieldLabel = (k: string, entity = '') =>
  k === 'codes' && entity === 'exam_record'
    ? w.fields['appointmentCodes']!
    : k === 'points' && entity === 'appraisal'
      ? w.fields['appraisedPoints']!
      : k === 'kind' && (entity === 'package' || entity === 'outbox')
        ? vi.packageKinds.title
        : (vi.auditFields[k] ?? w.fields[k] ?? vi.packageKinds.auditFields[k] ?? k);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function auditValue(k: string, v: unknown, refs: Record<string, string>): string {
  if (v === undefined || v === null) return vi.app.none;
  if (typeof v === 'boolean') return v ? vi.app.yes : vi.app.no;
  if (typeof v === 'number') {
    const named = refs[`${k}:${v}`];
    if (named) return named;
    if (isTimeKey(k) && v > 1e11) return formatDateTime(v);
    return formatPoints(v);
  }
  if (typeof v === 'string') {
    // An office's kind (xã, phường…) or a package's (Tự đánh giá CCHC, Báo cáo phục vụ Đoàn kiểm tra…).
    if (k === 'kind') return vi.officeKinds[v as keyof typeof vi.officeKinds] ?? vi.packageKinds.label(v);
    if (k === 'status') return Object.hasOwn(vi.ui.itemStatus, v) ? labelOf(vi.ui.itemStatus, v) : labelOf(w.statuses, v);
    if (k === 'result') return labelOf(w.results, v);
    const iso = ISO_DATE.exec(v);
    return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : v;
  }
  if (k === 'roles' && Array.isArray(v)) return v.map((r) => vi.roles[r as keyof typeof vi.roles] ?? String(r)).join(', ');
  if (Array.isArray(v)) return v.map((x) => auditValue(k, x, refs)).join(', ');
  // A nested record (e.g. totals): "label: value" pairs rather than JSON.
  return Object.entries(v as Record<string, unknown>)
    .map(([kk, vv]) => `${fieldLabel(kk)}: ${auditValue(kk, vv, refs)}`)
    .join('; ');
}

/** Shows what changed between before and after, field by field. */
export function AuditChange({ before, after, refs, entity }: { before: unknown; after: unknown; refs: Record<string, string>; entity: string }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  if (keys.length === 0) return <span className="muted">{vi.app.none}</span>;
  return (
    <ul className="changes">
      {keys.map((k) => (
        <li key={k}>
          <span className="change-key">{fieldLabel(k, entity)}</span>: {before != null && <del>{auditValue(k, b[k], refs)}</del>}{' '}
          {after != null && <ins>{auditValue(k, a[k], refs)}</ins>}
        </li>
      ))}
    </ul>
  );
}
