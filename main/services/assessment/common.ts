// Shared lookups and guards for the assessment services: loading rows, who may edit what, and
// the deadline check applied on every write (decided here, never only in the UI).
import type { Selectable } from 'kysely';
import type { Services, Actor } from '../context';
import type { AssessmentTable, AssessmentItemTable } from '../../db/schema';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { canEdit, type SupplementaryWindow } from '../../domain/deadline';
import { hasAnyRole, MANAGER_ROLES } from '../../domain/authz';
import { trustedNow } from '../trusted-time';

export type AssessmentRow = Selectable<AssessmentTable>;
export type ItemRow = Selectable<AssessmentItemTable>;

export const isLeader = (actor: Actor) => hasAnyRole(actor.roles, ['leader']);
export const isManager = (actor: Actor) => hasAnyRole(actor.roles, MANAGER_ROLES);

export function requireAssessment(s: Services, id: number): AssessmentRow {
  const a = s.db.first(s.db.q.selectFrom('assessment').selectAll().where('id', '=', id));
  if (!a) throw new ApiError('NOT_FOUND', vi.assessment.notFound);
  return a;
}

export function requireItem(s: Services, id: number): ItemRow {
  const i = s.db.first(s.db.q.selectFrom('assessment_item').selectAll().where('id', '=', id));
  if (!i) throw new ApiError('NOT_FOUND', vi.assessment.itemNotFound);
  return i;
}

export function supplementaryWindows(
  s: Services,
  assessmentId: number,
): (SupplementaryWindow & { id: number; note: string | null; instructionRef: string | null })[] {
  return s.db.all(s.db.q.selectFrom('supplementary_window').selectAll().where('assessment_id', '=', assessmentId).orderBy('opens_at')).map((w) => ({
    id: w.id,
    opensAt: w.opens_at,
    closesAt: w.closes_at,
    criterionCodes: JSON.parse(w.criterion_codes) as string[],
    note: w.note,
    instructionRef: w.instruction_ref,
  }));
}

/** Whether the assessment (or one criterion of it) may be changed now; the reason if not. */
export function editDecision(s: Services, a: AssessmentRow, criterionCode: string | null): { ok: boolean; message: string | null } {
  if (a.status === 'sent') return { ok: false, message: vi.assessment.alreadySent };
  const d = canEdit(trustedNow(s), { opensAt: a.opens_at, closesAt: a.closes_at }, supplementaryWindows(s, a.id), criterionCode);
  return d.ok ? { ok: true, message: null } : { ok: false, message: d.message };
}

export function guardEdit(s: Services, a: AssessmentRow, criterionCode: string | null): void {
  const d = editDecision(s, a, criterionCode);
  if (!d.ok) throw new ApiError('DEADLINE', d.message ?? vi.assessment.closed);
}

/** Officers change only their own items; leaders change any. */
export function guardItemOwner(actor: Actor, item: ItemRow): void {
  if (isLeader(actor)) return;
  if (item.assignee_id !== actor.id) throw new ApiError('FORBIDDEN', vi.assessment.notYourItem);
}
