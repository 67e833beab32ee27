// Teams: one per commune in a round, its performers per step chosen by position (doc 000).
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { STEPS, STEP_PERFORMERS, type StepNo } from '../../domain/exam-steps';
import { requireRound, listEntries, type EntryRow } from './rounds';
import { canChoosePosition, EXAM_POSITION_IDS } from '../../domain/roster';

/** People who take the exam: forms 01 and 02, minus anyone listed as not taking part (form 03). */
export function participants(s: Services, roundId: number): EntryRow[] {
  const entries = listEntries(s, roundId);
  const excluded = new Set(entries.filter((e) => e.form === '03').map((e) => e.person_key));
  const seen = new Set<string>();
  return entries.filter((e) => {
    if ((e.form !== '01' && e.form !== '02') || excluded.has(e.person_key) || seen.has(e.person_key)) return false;
    seen.add(e.person_key);
    return true;
  });
}

const positionOf = (e: EntryRow) => e.chosen_position_id ?? e.position_id ?? '';

/** (Re)forms the teams of a round from its roster. Refused once any step has started. */
export function formTeams(s: Services, actor: Actor, roundId: number): { teams: number; performers: number } {
  return s.db.tx(() => {
    requireRound(s, roundId);
    const started = s.db.first(
      s.db.q
        .selectFrom('exam_step as st')
        .innerJoin('exam_team as t', 't.id', 'st.team_id')
        .select('st.id')
        .where('t.round_id', '=', roundId)
        .where('st.started_at', 'is not', null),
    );
    if (started) throw new ApiError('CONFLICT', vi.exam.alreadyRunning);
    s.db.run(s.db.q.deleteFrom('exam_team').where('round_id', '=', roundId));
    const byCommune = new Map<string, EntryRow[]>();
    for (const e of participants(s, roundId)) {
      const c = e.commune?.trim() || vi.exam.noCommune;
      byCommune.set(c, [...(byCommune.get(c) ?? []), e]);
    }
    let performers = 0;
    const now = s.clock.now();
    for (const [commune, people] of [...byCommune].sort(([a], [b]) => a.localeCompare(b, 'vi'))) {
      const { lastInsertRowid: teamId } = s.db.run(s.db.q.insertInto('exam_team').values({ round_id: roundId, commune, created_at: now }));
      for (const step of STEPS) {
        s.db.run(s.db.q.insertInto('exam_step').values({ team_id: teamId, step, started_at: null, deadline_at: null, ended_at: null }));
        for (const p of people.filter((e) => STEP_PERFORMERS[step].includes(positionOf(e)))) {
          s.db.run(s.db.q.insertInto('exam_performer').values({ team_id: teamId, step, entry_id: p.id }));
          performers++;
        }
      }
    }
    appendAudit(s, actor, { action: 'exam.teams', entity: 'exam_round', entityId: roundId, after: { teams: byCommune.size, performers } });
    return { teams: byCommune.size, performers };
  });
}

/** The proctor adjusts a team before its first step starts (e.g. a stand-in for an absent officer). */
export function setPerformer(s: Services, actor: Actor, input: { teamId: number; step: StepNo; entryId: number; add: boolean }): void {
  s.db.tx(() => {
    const team = s.db.first(s.db.q.selectFrom('exam_team').selectAll().where('id', '=', input.teamId));
    if (!team) throw new ApiError('NOT_FOUND', vi.exam.teamNotFound);
    const started = s.db.first(s.db.q.selectFrom('exam_step').select('id').where('team_id', '=', team.id).where('started_at', 'is not', null));
    if (started) throw new ApiError('CONFLICT', vi.exam.teamStarted);
    const entry = s.db.first(s.db.q.selectFrom('roster_entry').selectAll().where('id', '=', input.entryId).where('round_id', '=', team.round_id));
    if (!entry) throw new ApiError('NOT_FOUND', vi.exam.entryNotFound);
    if (input.add) {
      s.db.run(
        s.db.q
          .insertInto('exam_performer')
          .values({ team_id: team.id, step: input.step, entry_id: entry.id })
          .onConflict((oc) => oc.doNothing()),
      );
    } else {
      s.db.run(s.db.q.deleteFrom('exam_performer').where('team_id', '=', team.id).where('step', '=', input.step).where('entry_id', '=', entry.id));
    }
    appendAudit(s, actor, {
      action: input.add ? 'exam.performerAdd' : 'exam.performerRemove',
      entity: 'exam_team',
      entityId: team.id,
      after: { step: input.step, person: entry.full_name },
    });
  });
}

/**
 * Doc 000: an officer moved to a new position no more than 6 months before the exam may choose
 * which position to be examined in. The appointment date comes from Mẫu 05 (or the entry itself).
 */
export function choosePosition(s: Services, actor: Actor, input: { entryId: number; positionId: string }): void {
  s.db.tx(() => {
    const entry = s.db.first(s.db.q.selectFrom('roster_entry').selectAll().where('id', '=', input.entryId));
    if (!entry) throw new ApiError('NOT_FOUND', vi.exam.entryNotFound);
    const round = requireRound(s, entry.round_id);
    if (!(EXAM_POSITION_IDS as readonly string[]).includes(input.positionId)) throw new ApiError('VALIDATION', vi.exam.unknownPosition);
    const appointedAt =
      entry.appointed_at ??
      s.db.first(
        s.db.q
          .selectFrom('roster_entry')
          .select('appointed_at')
          .where('round_id', '=', entry.round_id)
          .where('person_key', '=', entry.person_key)
          .where('appointed_at', 'is not', null),
      )?.appointed_at ??
      null;
    if (!appointedAt || !round.exam_date || !canChoosePosition(appointedAt, round.exam_date)) {
      throw new ApiError('CONFLICT', vi.exam.cannotChoose(entry.full_name));
    }
    const started = s.db.first(
      s.db.q
        .selectFrom('exam_step as st')
        .innerJoin('exam_team as t', 't.id', 'st.team_id')
        .select('st.id')
        .where('t.round_id', '=', entry.round_id)
        .where('st.started_at', 'is not', null),
    );
    if (started) throw new ApiError('CONFLICT', vi.exam.alreadyRunning);
    s.db.run(
      s.db.q
        .updateTable('roster_entry')
        .set({ chosen_position_id: input.positionId === entry.position_id ? null : input.positionId })
        .where('person_key', '=', entry.person_key)
        .where('round_id', '=', entry.round_id),
    );
    appendAudit(s, actor, {
      action: 'exam.choosePosition',
      entity: 'roster_entry',
      entityId: entry.id,
      before: { position: entry.chosen_position_id ?? entry.position_id },
      after: { position: input.positionId, appointedAt },
    });
  });
}
