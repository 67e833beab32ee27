// The 6-month rule (doc 000, RECENT_TRANSFER): an officer moved to a new position "chưa quá 06
// tháng" before the exam may choose to be examined in the previous position or the new one — those
// two only. The previous position and the day of the move are entered at the team (or come from
// Mẫu 05's appointment date).
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { canChoosePosition, isExamPositionId } from '../../domain/roster';
import { requireRound, type EntryRow, type RoundRow } from './rounds';
import { startedTeams, teamKey } from './teams';
import { labelOf } from '../../../shared/i18n/label';

const label = (id: string | null) => (id ? labelOf(vi.examUi.positionIds, id) : '');

/** The person's appointment day: on this entry or on another form's row (Mẫu 05) of the same person. */
function appointedAt(s: Services, e: EntryRow): string | null {
  if (e.appointed_at) return e.appointed_at;
  return (
    s.db.first(
      s.db.q
        .selectFrom('roster_entry')
        .select('appointed_at')
        .where('round_id', '=', e.round_id)
        .where('person_key', '=', e.person_key)
        .where('appointed_at', 'is not', null),
    )?.appointed_at ?? null
  );
}

/** The positions this person may be examined in: [previous, new] under the rule, else none (no choice). */
export function positionChoices(s: Services, round: RoundRow, e: EntryRow): string[] {
  if (!e.previous_position_id || !isExamPositionId(e.position_id) || e.previous_position_id === e.position_id) return [];
  const at = appointedAt(s, e);
  if (!at || !round.exam_date || !canChoosePosition(at, round.exam_date)) return [];
  return [e.previous_position_id, e.position_id];
}

function requireEntry(s: Services, entryId: number): EntryRow {
  const entry = s.db.first(s.db.q.selectFrom('roster_entry').selectAll().where('id', '=', entryId));
  if (!entry) throw new ApiError('NOT_FOUND', vi.exam.entryNotFound);
  return entry;
}

function refuseIfRunning(s: Services, entry: EntryRow) {
  if (startedTeams(s, entry.round_id).has(teamKey(entry.commune))) throw new ApiError('CONFLICT', vi.examDay.teamRunningFor(entry.full_name));
}

export function choosePosition(s: Services, actor: Actor, input: { entryId: number; positionId: string }): void {
  s.db.tx((w) => {
    const entry = requireEntry(s, input.entryId);
    const round = requireRound(s, entry.round_id);
    if (!isExamPositionId(input.positionId)) throw new ApiError('VALIDATION', vi.exam.unknownPosition);
    const choices = positionChoices(s, round, entry);
    if (choices.length === 0) {
      throw new ApiError('CONFLICT', entry.previous_position_id ? vi.exam.cannotChoose(entry.full_name) : vi.examDay.noPreviousPosition(entry.full_name));
    }
    if (!choices.includes(input.positionId)) {
      const msg = vi.examDay.chooseOnlyBetween(entry.full_name, label(choices[0]!), label(choices[1]!));
      throw new ApiError('VALIDATION', msg, [{ path: 'positionId', message: msg }]);
    }
    refuseIfRunning(s, entry);
    s.db.run(
      s.db.q
        .updateTable('roster_entry')
        .set({ chosen_position_id: input.positionId === entry.position_id ? null : input.positionId })
        .where('person_key', '=', entry.person_key)
        .where('round_id', '=', entry.round_id),
    );
    appendAudit(w, s, actor, {
      action: 'exam.choosePosition',
      entity: 'roster_entry',
      entityId: entry.id,
      before: { person: entry.full_name, position: label(entry.chosen_position_id ?? entry.position_id) },
      after: { person: entry.full_name, position: label(input.positionId) },
    });
  });
}

/** Records (or clears) the position held before a recent move, and the day of the move. */
export function setMove(s: Services, actor: Actor, input: { entryId: number; previousPositionId: string | null; movedAt: string | null }): void {
  s.db.tx((w) => {
    const entry = requireEntry(s, input.entryId);
    if (input.previousPositionId !== null && !isExamPositionId(input.previousPositionId)) throw new ApiError('VALIDATION', vi.exam.unknownPosition);
    if (input.previousPositionId !== null && input.previousPositionId === entry.position_id) {
      throw new ApiError('VALIDATION', vi.examDay.samePosition, [{ path: 'previousPositionId', message: vi.examDay.samePosition }]);
    }
    refuseIfRunning(s, entry);
    const movedAt = input.movedAt ?? appointedAt(s, entry);
    s.db.run(
      s.db.q
        .updateTable('roster_entry')
        .set({ previous_position_id: input.previousPositionId, appointed_at: movedAt, chosen_position_id: null })
        .where('person_key', '=', entry.person_key)
        .where('round_id', '=', entry.round_id),
    );
    appendAudit(w, s, actor, {
      action: 'exam.previousPosition',
      entity: 'roster_entry',
      entityId: entry.id,
      before: { person: entry.full_name, previous: label(entry.previous_position_id), movedAt: entry.appointed_at },
      after: { person: entry.full_name, previous: label(input.previousPositionId), movedAt },
    });
  });
}
