// What the console and the results read: every team of a round with its steps, performers,
// records, incidents and overrides, and the choices the proctor still has to make.
import type { Services } from '../context';
import { trustedNow } from '../trusted-time';
import { STEP_NAMES, stepPhase, type StepNo } from '../../domain/exam-steps';
import { SPLIT, isSplitPosition } from '../../domain/exam-teams';
import { subRoleOf, SUB_ROLE_LABELS } from '../../domain/roster';
import { requireRound, roundSummary } from './rounds';
import { byCommune, positionOf, teamKey } from './teams';
import type { ConsoleView, StepView, TeamView } from '../../../shared/api/exam-schemas';

export const timing = (st: { started_at: number | null; deadline_at: number | null; ended_at: number | null }) => ({
  startedAt: st.started_at,
  deadlineAt: st.deadline_at,
  endedAt: st.ended_at,
});

function teamSteps(s: Services, teamId: number) {
  return s.db.all(s.db.q.selectFrom('exam_step').selectAll().where('team_id', '=', teamId).orderBy('step'));
}

export function teamViews(s: Services, roundId: number, now: number): TeamView[] {
  const teams = s.db.all(s.db.q.selectFrom('exam_team').selectAll().where('round_id', '=', roundId).orderBy('commune'));
  const groups = byCommune(s, roundId);
  return teams.map((t) => {
    const steps = teamSteps(s, t.id);
    const performers = s.db.all(
      s.db.q
        .selectFrom('exam_performer as p')
        .innerJoin('roster_entry as e', 'e.id', 'p.entry_id')
        .select(['p.step', 'e.id', 'e.full_name', 'e.position_title', 'e.position_id', 'e.chosen_position_id', 'e.note', 'e.position_raw'])
        .where('p.team_id', '=', t.id)
        .orderBy('e.full_name'),
    );
    const stepViews: StepView[] = steps.map((st) => {
      const ph = stepPhase({ ...timing(st), failed: st.failed === 1 }, now);
      const records = s.db.all(
        s.db.q
          .selectFrom('exam_record as r')
          .innerJoin('roster_entry as e', 'e.id', 'r.entry_id')
          .select(['r.id', 'r.entry_id', 'r.codes', 'r.finished_at', 'r.result', 'r.note', 'e.full_name', 'e.position_title'])
          .where('r.step_id', '=', st.id)
          .orderBy('e.full_name'),
      );
      return {
        id: st.id,
        step: st.step,
        name: STEP_NAMES[st.step as StepNo],
        startedAt: st.started_at,
        deadlineAt: st.deadline_at,
        endedAt: st.ended_at,
        phase: ph.phase,
        endedBy: ph.endedBy,
        remainingMs: ph.remainingMs,
        failed: st.failed === 1,
        performers: performers
          .filter((p) => p.step === st.step)
          .map((p) => {
            const role = subRoleOf(p.note, p.position_raw);
            return { entryId: p.id, fullName: p.full_name, positionTitle: p.position_title, subRole: role ? SUB_ROLE_LABELS[role] : null };
          }),
        records: records.map((r) => ({
          id: r.id,
          entryId: r.entry_id,
          fullName: r.full_name,
          positionTitle: r.position_title,
          codes: JSON.parse(r.codes) as string[],
          finishedAt: r.finished_at,
          result: r.result,
          note: r.note,
        })),
        incidents: s.db.all(s.db.q.selectFrom('exam_incident').select(['id', 'at', 'kind', 'description']).where('step_id', '=', st.id).orderBy('at')),
        overrides: s.db
          .all(s.db.q.selectFrom('exam_override').select(['at', 'delta_ms', 'reason']).where('step_id', '=', st.id).orderBy('at'))
          .map((o) => ({ at: o.at, deltaMs: o.delta_ms, reason: o.reason })),
      };
    });
    const codes = stepViews[0]?.records.flatMap((r) => r.codes.map((code) => ({ code, by: r.fullName }))) ?? [];
    // A split title with two or more officers and nobody of it on its step: the proctor chooses.
    const people = groups.get(teamKey(t.commune))?.people ?? [];
    const choices: TeamView['choices'] = [];
    for (const pos of ['TP_HT', 'VP_TK'] as const) {
      const officers = people.filter((p) => positionOf(p) === pos);
      if (officers.length < 2) continue;
      for (const { step } of [SPLIT[pos].first, SPLIT[pos].second]) {
        const on = performers.some(
          (p) => p.step === step && isSplitPosition(p.chosen_position_id ?? p.position_id) && (p.chosen_position_id ?? p.position_id) === pos,
        );
        if (!on) choices.push({ step, positionId: pos, candidates: officers.map((o) => ({ entryId: o.id, fullName: o.full_name })) });
      }
    }
    return { id: t.id, commune: t.commune, steps: stepViews, codes, choices };
  });
}

export function consoleView(s: Services, roundId: number): ConsoleView {
  const round = requireRound(s, roundId);
  const now = trustedNow(s);
  const clockEvents = s.db
    .all(s.db.q.selectFrom('clock_event').select(['at', 'delta_ms', 'note']).orderBy('at', 'desc').limit(20))
    .map((e) => ({ at: e.at, deltaMs: e.delta_ms, note: e.note }));
  return { round: roundSummary(s, round), now, teams: teamViews(s, roundId, now), clockEvents };
}
