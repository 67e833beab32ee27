// Exam rounds and their roster entries.
import type { Selectable } from 'kysely';
import type { Services, Actor } from '../context';
import type { ExamRoundTable, RosterEntryTable } from '../../db/schema';
import { appendAudit } from '../audit';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { RoundSummary, RosterEntryView, FormNo } from '../../../shared/api/exam-schemas';

export type RoundRow = Selectable<ExamRoundTable>;
export type EntryRow = Selectable<RosterEntryTable>;

export function requireRound(s: Services, id: number): RoundRow {
  const r = s.db.first(s.db.q.selectFrom('exam_round').selectAll().where('id', '=', id));
  if (!r) throw new ApiError('NOT_FOUND', vi.exam.roundNotFound);
  return r;
}

export function roundSummary(s: Services, r: RoundRow): RoundSummary {
  const counts: Record<string, number> = {};
  for (const c of s.db.all(
    s.db.q
      .selectFrom('roster_entry')
      .select(['form', (eb) => eb.fn.countAll<number>().as('n')])
      .where('round_id', '=', r.id)
      .groupBy('form'),
  )) {
    counts[c.form] = Number(c.n);
  }
  const teams = s.db.first(
    s.db.q
      .selectFrom('exam_team')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', r.id),
  );
  return { id: r.id, name: r.name, examDate: r.exam_date, venue: r.venue, district: r.district, counts, teams: Number(teams?.n ?? 0), createdAt: r.created_at };
}

export function listRounds(s: Services): RoundSummary[] {
  return s.db.all(s.db.q.selectFrom('exam_round').selectAll().orderBy('id', 'desc')).map((r) => roundSummary(s, r));
}

export function findRoundByName(s: Services, name: string): RoundRow | undefined {
  return s.db.first(s.db.q.selectFrom('exam_round').selectAll().where('name', '=', name.normalize('NFC').trim()));
}

export function createRound(
  s: Services,
  actor: Actor,
  input: { name: string; examDate: string | null; venue: string | null; district: string | null },
): RoundSummary {
  return s.db.tx((w) => {
    const name = input.name.normalize('NFC').trim();
    if (findRoundByName(s, name)) throw new ApiError('CONFLICT', vi.exam.roundExists(name), [{ path: 'name', message: vi.exam.roundExists(name) }]);
    const { lastInsertRowid } = s.db.run(
      s.db.q.insertInto('exam_round').values({ name, exam_date: input.examDate, venue: input.venue, district: input.district, created_at: s.clock.now() }),
    );
    appendAudit(w, s, actor, { action: 'exam.round', entity: 'exam_round', entityId: lastInsertRowid, after: { ...input, name } });
    return roundSummary(s, requireRound(s, lastInsertRowid));
  });
}

/** `choices`: the positions the 6-month rule lets this person choose between (empty: no choice). */
export const entryView = (e: EntryRow, choices: string[] = []): RosterEntryView => ({
  id: e.id,
  form: e.form,
  stt: e.stt,
  fullName: e.full_name,
  gender: e.gender,
  birthYear: e.birth_year,
  positionId: e.chosen_position_id ?? e.position_id,
  positionTitle: e.position_title,
  commune: e.commune,
  phone: e.phone,
  note: e.note,
  exclusion: e.exclusion,
  exclusionNote: e.exclusion_note,
  previousPositionId: e.previous_position_id,
  movedAt: e.appointed_at,
  choices,
});

export function listEntries(s: Services, roundId: number, form?: FormNo): EntryRow[] {
  let q = s.db.q.selectFrom('roster_entry').selectAll().where('round_id', '=', roundId).orderBy('form').orderBy('commune').orderBy('stt').orderBy('id');
  if (form) q = q.where('form', '=', form);
  return s.db.all(q);
}
