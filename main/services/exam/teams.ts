// Teams: one per commune in a round, its performers per step chosen by position and by the
// sub-role the roster's Ghi chú names (doc 000). A team that has started is never touched again:
// a commune arriving late gets its team beside the running ones.
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { STEPS, type StepNo } from '../../domain/exam-steps';
import { assignPerformers } from '../../domain/exam-teams';
import { communeKey, subRoleOf } from '../../domain/roster';
import { requireRound, listEntries, type EntryRow } from './rounds';

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

export const positionOf = (e: EntryRow): string | null => e.chosen_position_id ?? e.position_id;
export const teamKey = (commune: string | null): string => communeKey(commune?.trim() || vi.exam.noCommune);

/** The round's teams that have started a step, by commune key, with the step that started first. */
export function startedTeams(s: Services, roundId: number): Map<string, { id: number; commune: string }> {
  const rows = s.db.all(
    s.db.q
      .selectFrom('exam_team as t')
      .innerJoin('exam_step as st', 'st.team_id', 't.id')
      .select(['t.id', 't.commune'])
      .where('t.round_id', '=', roundId)
      .where('st.started_at', 'is not', null)
      .groupBy('t.id'),
  );
  return new Map(rows.map((r) => [teamKey(r.commune), r]));
}

/** Participants grouped by commune (first spelling seen names the commune). */
export function byCommune(s: Services, roundId: number): Map<string, { commune: string; people: EntryRow[] }> {
  const out = new Map<string, { commune: string; people: EntryRow[] }>();
  for (const e of participants(s, roundId)) {
    const k = teamKey(e.commune);
    const g = out.get(k) ?? { commune: e.commune?.trim() || vi.exam.noCommune, people: [] };
    g.people.push(e);
    out.set(k, g);
  }
  return out;
}

/**
 * (Re)forms the teams of a round from its roster. Before any team starts, every team is formed
 * again. Once one runs, only communes without a team get one (a commune arriving late): the
 * others keep their performers, including the proctor's choices.
 */
export function formTeams(s: Services, actor: Actor, roundId: number): { teams: number; performers: number; kept: number } {
  return s.db.tx((w) => {
    requireRound(s, roundId);
    const running = startedTeams(s, roundId);
    const groups = byCommune(s, roundId);
    if (groups.size === 0) throw new ApiError('CONFLICT', vi.examDay.formTeamsNoRoster);
    const existing = s.db.all(s.db.q.selectFrom('exam_team').select(['id', 'commune']).where('round_id', '=', roundId));
    const kept = running.size ? new Set(existing.map((t) => teamKey(t.commune))) : new Set<string>();
    const todo = [...groups].filter(([k]) => !kept.has(k));
    if (todo.length === 0) throw new ApiError('CONFLICT', vi.examDay.formTeamsAllRunning);
    if (!running.size) s.db.run(s.db.q.deleteFrom('exam_team').where('round_id', '=', roundId));
    let performers = 0;
    const now = s.clock.now();
    for (const [, { commune, people }] of todo.sort(([, a], [, b]) => a.commune.localeCompare(b.commune, 'vi'))) {
      const { lastInsertRowid: teamId } = s.db.run(s.db.q.insertInto('exam_team').values({ round_id: roundId, commune, created_at: now }));
      const plan = assignPerformers(people.map((p) => ({ id: p.id, positionId: positionOf(p), subRole: subRoleOf(p.note, p.position_raw) })));
      for (const step of STEPS) {
        s.db.run(s.db.q.insertInto('exam_step').values({ team_id: teamId, step, started_at: null, deadline_at: null, ended_at: null }));
        for (const entryId of new Set(plan.steps[step])) {
          s.db.run(s.db.q.insertInto('exam_performer').values({ team_id: teamId, step, entry_id: entryId }));
          performers++;
        }
      }
    }
    appendAudit(w, s, actor, {
      action: 'exam.teams',
      entity: 'exam_round',
      entityId: roundId,
      after: { teams: todo.length, performers, kept: kept.size, communes: todo.map(([, g]) => g.commune) },
    });
    return { teams: todo.length, performers, kept: kept.size };
  });
}

/** The proctor adjusts a team before its first step starts (a stand-in, or the choice between two officers). */
export function setPerformer(s: Services, actor: Actor, input: { teamId: number; step: StepNo; entryId: number; add: boolean }): void {
  s.db.tx((w) => {
    const team = s.db.first(s.db.q.selectFrom('exam_team').selectAll().where('id', '=', input.teamId));
    if (!team) throw new ApiError('NOT_FOUND', vi.exam.teamNotFound);
    const started = s.db.first(s.db.q.selectFrom('exam_step').select('id').where('team_id', '=', team.id).where('started_at', 'is not', null));
    if (started) throw new ApiError('CONFLICT', vi.examDay.teamStartedPerformer(team.commune));
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
    appendAudit(w, s, actor, {
      action: input.add ? 'exam.performerAdd' : 'exam.performerRemove',
      entity: 'exam_team',
      entityId: team.id,
      after: { commune: team.commune, step: input.step, person: entry.full_name },
    });
  });
}
