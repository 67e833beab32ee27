// Entry and review of one leaf criterion: self-score, "không phát sinh", explanation, status.
//   todo/returned --(officer: Hoàn thành)--> done --(leader: Duyệt)--> approved
//   done --(officer: Sửa lại)--> todo;  done/approved --(leader: Trả lại + comment)--> returned
import type { WriteTx } from '../../db/connection';
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { validatePoints } from '../../domain/scoring';
import { guardEdit, guardItemOwner, requireAssessment, requireItem, isLeader, type ItemRow } from './common';
import { criteriaNodes } from './criteria-sets';
import { itemViews, totalsFor } from './views';
import type { ItemStatusView } from '../../../shared/api/assessment-schemas';
import { explanationProblem, MIN_EXPLANATION_LENGTH } from '../../domain/explanation';
import { announceItemChange, assertBaseVersion } from './item-version';

type ItemChange = ReturnType<typeof itemChange>;

export function itemChange(s: Services, item: ItemRow) {
  const a = requireAssessment(s, item.assessment_id);
  const [view] = itemViews(s, a.id, [item.id]);
  announceItemChange(s, item);
  return { item: view!, totals: totalsFor(s, a) };
}

const contentOf = (i: ItemRow) => ({
  points: i.points,
  notApplicable: i.not_applicable === 1,
  naReason: i.na_reason,
  explanation: i.explanation,
  status: i.status,
  reviewComment: i.review_comment,
});

/** Loads the item and applies the checks every officer write needs (owner, deadline, status). */
export function beginItemWrite(s: Services, actor: Actor, itemId: number, opts: { allowDone?: boolean } = {}) {
  const item = requireItem(s, itemId);
  const a = requireAssessment(s, item.assessment_id);
  guardItemOwner(actor, item);
  guardEdit(s, a, item.criterion_code);
  if (item.status === 'approved' && !isLeader(actor)) throw new ApiError('CONFLICT', vi.assessment.approvedLocked);
  if (item.status === 'done' && !opts.allowDone && !isLeader(actor)) throw new ApiError('CONFLICT', vi.assessment.doneLocked);
  return { item, a };
}

export function updateItem(
  s: Services,
  actor: Actor,
  input: {
    itemId: number;
    points?: number | null | undefined;
    notApplicable?: boolean | undefined;
    naReason?: string | null | undefined;
    explanation?: string | undefined;
    /** The version the editor's copy was loaded at; a newer one on the server is a conflict. */
    baseVersion?: number | undefined;
  },
): ItemChange {
  return s.db.tx((w) => {
    const { item, a } = beginItemWrite(s, actor, input.itemId);
    assertBaseVersion(s, item, input.baseVersion, input);
    if (input.points !== undefined && input.points !== null) {
      const max = criteriaNodes(s, a.set_id).find((n) => n.code === item.criterion_code)?.maxPoints ?? null;
      const problem = validatePoints(input.points, max);
      if (problem) throw new ApiError('VALIDATION', problem, [{ path: 'points', message: problem }]);
    }
    const before = contentOf(item);
    s.db.run(
      s.db.q
        .updateTable('assessment_item')
        .set({
          ...(input.points !== undefined && { points: input.points }),
          ...(input.notApplicable !== undefined && { not_applicable: input.notApplicable ? 1 : 0 }),
          ...(input.naReason !== undefined && { na_reason: input.naReason?.trim() || null }),
          ...(input.explanation !== undefined && { explanation: input.explanation.normalize('NFC') }),
          // An approved criterion that changes goes back to review: the approval was of the old content.
          ...(item.status === 'approved' && { status: 'done' as const }),
          updated_at: s.clock.now(),
          updated_by: actor.id,
          version: item.version + 1,
        })
        .where('id', '=', item.id),
    );
    const after = requireItem(s, item.id);
    appendAudit(w, s, actor, { action: 'item.update', entity: 'item', entityId: `${a.year}:${item.criterion_code}`, before, after: contentOf(after) });
    return itemChange(s, after);
  });
}

/**
 * After a change to an approved criterion's evidence: it goes back to review ("Hoàn thành",
 * awaiting the leader's approval again), recorded as a change of the item.
 */
export function backToReview(w: WriteTx, s: Services, actor: Actor, item: ItemRow): void {
  if (item.status !== 'approved') return;
  const before = contentOf(item);
  s.db.run(
    s.db.q
      .updateTable('assessment_item')
      .set({ status: 'done', updated_at: s.clock.now(), updated_by: actor.id, version: item.version + 1 })
      .where('id', '=', item.id),
  );
  const a = requireAssessment(s, item.assessment_id);
  appendAudit(w, s, actor, {
    action: 'item.backToReview',
    entity: 'item',
    entityId: `${a.year}:${item.criterion_code}`,
    before,
    after: contentOf(requireItem(s, item.id)),
  });
}

function setStatus(w: WriteTx, s: Services, actor: Actor, item: ItemRow, status: ItemStatusView, action: string, comment: string | null = null): ItemChange {
  const before = contentOf(item);
  s.db.run(
    s.db.q
      .updateTable('assessment_item')
      .set({
        status,
        review_comment: comment ?? (status === 'approved' ? null : item.review_comment),
        updated_at: s.clock.now(),
        updated_by: actor.id,
        version: item.version + 1,
      })
      .where('id', '=', item.id),
  );
  const after = requireItem(s, item.id);
  const a = requireAssessment(s, item.assessment_id);
  appendAudit(w, s, actor, { action, entity: 'item', entityId: `${a.year}:${item.criterion_code}`, before, after: contentOf(after) });
  return itemChange(s, after);
}

/**
 * "Hoàn thành": blocked without an explanation that says where the proof is (doc 001: at least
 * MIN_EXPLANATION_LENGTH characters, not only the criterion's title), without points or a reason for N/A.
 */
export function markDone(s: Services, actor: Actor, itemId: number): ItemChange {
  return s.db.tx((w) => {
    const { item, a } = beginItemWrite(s, actor, itemId);
    if (item.not_applicable === 1) {
      if (!item.na_reason?.trim()) throw new ApiError('VALIDATION', vi.assessment.needNaReason, [{ path: 'naReason', message: vi.assessment.needNaReason }]);
    } else if (item.points === null) {
      throw new ApiError('VALIDATION', vi.assessment.needPoints, [{ path: 'points', message: vi.assessment.needPoints }]);
    }
    const title = criteriaNodes(s, a.set_id).find((n) => n.code === item.criterion_code)?.title ?? '';
    const problem = explanationProblem(item.explanation, { code: item.criterion_code, title });
    if (problem) {
      const message =
        problem === 'missing'
          ? vi.assessment.needExplanation
          : problem === 'tooShort'
            ? vi.precheckList.explanationTooShort(MIN_EXPLANATION_LENGTH)
            : vi.precheckList.explanationOnlyTitle;
      throw new ApiError('VALIDATION', message, [{ path: 'explanation', message }]);
    }
    return setStatus(w, s, actor, item, 'done', 'item.done');
  });
}

export function reopen(s: Services, actor: Actor, itemId: number): ItemChange {
  return s.db.tx((w) => {
    const { item } = beginItemWrite(s, actor, itemId, { allowDone: true });
    return setStatus(w, s, actor, item, 'todo', 'item.reopen');
  });
}

function beginReview(s: Services, itemId: number) {
  const item = requireItem(s, itemId);
  const a = requireAssessment(s, item.assessment_id);
  guardEdit(s, a, item.criterion_code);
  return item;
}

export function approve(s: Services, actor: Actor, itemId: number): ItemChange {
  return s.db.tx((w) => {
    const item = beginReview(s, itemId);
    if (item.status !== 'done') throw new ApiError('CONFLICT', vi.assessment.notDone);
    return setStatus(w, s, actor, item, 'approved', 'item.approve');
  });
}

export function returnItem(s: Services, actor: Actor, itemId: number, comment: string): ItemChange {
  return s.db.tx((w) => {
    const item = beginReview(s, itemId);
    if (item.status !== 'done' && item.status !== 'approved') throw new ApiError('CONFLICT', vi.assessment.notDone);
    return setStatus(w, s, actor, item, 'returned', 'item.return', comment.normalize('NFC'));
  });
}
