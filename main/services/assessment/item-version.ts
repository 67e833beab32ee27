// Several people at once (office network mode): every save of an item names the version it was
// based on; a save based on an older version is refused with who changed it and when, and both
// values, instead of silently overwriting the other person's work. Every change of an item is
// also announced on the event stream, so other screens (the leader's progress) follow live.
import type { Services } from '../context';
import type { ItemRow } from './common';
import { ApiError, type Issue } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';

const t = vi.officeNetwork;

export interface ItemEdit {
  points?: number | null | undefined;
  notApplicable?: boolean | undefined;
  naReason?: string | null | undefined;
  explanation?: string | undefined;
}

const text = (v: string | null | undefined) => (v && v.trim() ? v : t.emptyValue);

/**
 * Refuses a save based on `baseVersion` when the item has moved on since. The issues carry both
 * values of each field the save touches — `saved.<field>` (on the server) and `yours.<field>` —
 * and `saved.version`, so the editor can show them and, if the person insists, save again on it.
 */
export function assertBaseVersion(s: Services, item: ItemRow, baseVersion: number | undefined, edit: ItemEdit): void {
  if (baseVersion === undefined || baseVersion === item.version) return;
  const who = item.updated_by === null ? undefined : s.db.first(s.db.q.selectFrom('users').select('full_name').where('id', '=', item.updated_by));
  const issues: Issue[] = [{ path: 'saved.version', message: String(item.version) }];
  if (edit.points !== undefined || edit.notApplicable !== undefined) {
    const na = item.not_applicable === 1;
    issues.push({ path: 'saved.points', message: t.pointsValue(item.points, na) });
    issues.push({ path: 'yours.points', message: t.pointsValue(edit.points === undefined ? item.points : edit.points, edit.notApplicable ?? na) });
  }
  if (edit.naReason !== undefined) {
    issues.push({ path: 'saved.naReason', message: text(item.na_reason) }, { path: 'yours.naReason', message: text(edit.naReason) });
  }
  if (edit.explanation !== undefined) {
    issues.push({ path: 'saved.explanation', message: text(item.explanation) }, { path: 'yours.explanation', message: text(edit.explanation) });
  }
  throw new ApiError('CONFLICT', t.conflict(who?.full_name ?? t.conflictSomeone, item.updated_at), issues);
}

/** Inside the write's transaction: once it commits, screens following the assessment reload it. */
export function announceItemChange(s: Services, item: ItemRow): void {
  s.db.afterCommit(() => s.events.emit({ type: 'item', assessmentId: item.assessment_id, itemId: item.id }));
}
