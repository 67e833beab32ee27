// Results per person, commune (team) and round.
import type { Services } from '../context';
import { requireRound, roundSummary } from './rounds';
import { teamViews } from './console';
import { trustedNow } from '../trusted-time';
import { personPassed } from '../../domain/exam-steps';
import type { ResultsView } from '../../../shared/api/exam-schemas';

export function roundResults(s: Services, roundId: number): ResultsView {
  const round = requireRound(s, roundId);
  const people = new Map<number, ResultsView['people'][number]>();
  for (const team of teamViews(s, roundId, trustedNow(s))) {
    for (const st of team.steps) {
      for (const p of st.performers) {
        const rec = st.records.find((r) => r.entryId === p.entryId);
        const person = people.get(p.entryId) ?? {
          entryId: p.entryId,
          fullName: p.fullName,
          positionTitle: p.positionTitle,
          commune: team.commune,
          steps: [],
          passed: null,
        };
        person.steps.push({ step: st.step, result: st.failed ? 'khong_dat' : (rec?.result ?? null), codes: rec?.codes ?? [] });
        people.set(p.entryId, person);
      }
    }
  }
  const list = [...people.values()].map((p) => ({ ...p, passed: personPassed(p.steps.map((x) => x.result)) }));
  list.sort((a, b) => a.commune.localeCompare(b.commune, 'vi') || a.fullName.localeCompare(b.fullName, 'vi'));
  const tally = (xs: typeof list) => ({
    people: xs.length,
    passed: xs.filter((p) => p.passed === true).length,
    failed: xs.filter((p) => p.passed === false).length,
    pending: xs.filter((p) => p.passed === null).length,
  });
  const communes = [...new Set(list.map((p) => p.commune))].map((commune) => ({ commune, ...tally(list.filter((p) => p.commune === commune)) }));
  return { round: roundSummary(s, round), people: list, communes, totals: tally(list) };
}
