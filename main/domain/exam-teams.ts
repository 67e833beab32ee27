// Who performs which step in a commune's team (doc 000): by position, and for the two titles the
// plan splits between steps, by the sub-role written in the roster's Ghi chú. Pure.
import type { StepNo } from './exam-steps';
import type { SubRole } from './exam-positions';

export interface TeamCandidate {
  id: number;
  positionId: string | null;
  subRole: SubRole | null;
}

/** Positions whose every officer performs one step. */
const WHOLE: Record<string, StepNo> = { CT_PCT: 3, TC_KT: 1, VH_XH: 1, DC: 1 };

/** The split titles: the sub-role that books in step 1 and the one that performs the later step. */
export const SPLIT: Record<'TP_HT' | 'VP_TK', { first: { role: SubRole; step: StepNo }; second: { role: SubRole; step: StepNo } }> = {
  TP_HT: { first: { role: 'chung_thuc', step: 1 }, second: { role: 'ho_tich', step: 2 } },
  VP_TK: { first: { role: 'hdnd_ubnd', step: 1 }, second: { role: 'mot_cua', step: 4 } },
};
export type SplitPosition = keyof typeof SPLIT;
export const isSplitPosition = (p: string | null): p is SplitPosition => p === 'TP_HT' || p === 'VP_TK';

export interface Assignment {
  /** Entry ids per step. */
  steps: Record<StepNo, number[]>;
  /** Steps the proctor must fill by choosing among officers of that position (two, none with a sub-role that decides). */
  choices: { step: StepNo; positionId: SplitPosition; candidates: number[] }[];
}

/**
 * One officer of a split title does both of its steps (the plan's observation: "in a commune with
 * one TP_HT or one VP_TK official, the same person does both steps"). With several, each goes
 * to the step of the sub-role their note names; one officer without a note takes the role nobody
 * else has; a step still without anyone is left to the proctor's choice. Officers of other titles
 * perform their one step; titles outside the six perform none.
 */
export function assignPerformers(people: readonly TeamCandidate[]): Assignment {
  const steps: Record<StepNo, number[]> = { 1: [], 2: [], 3: [], 4: [] };
  const choices: Assignment['choices'] = [];
  for (const p of people) {
    const step = p.positionId ? WHOLE[p.positionId] : undefined;
    if (step) steps[step].push(p.id);
  }
  for (const pos of ['TP_HT', 'VP_TK'] as const) {
    const all = people.filter((p) => p.positionId === pos);
    if (all.length === 0) continue;
    const { first, second } = SPLIT[pos];
    if (all.length === 1) {
      steps[first.step].push(all[0]!.id);
      steps[second.step].push(all[0]!.id);
      continue;
    }
    let a = all.filter((p) => p.subRole === first.role);
    let b = all.filter((p) => p.subRole === second.role);
    const rest = all.filter((p) => p.subRole !== first.role && p.subRole !== second.role);
    if (a.length === 0 && b.length > 0 && rest.length === 1) a = rest;
    else if (b.length === 0 && a.length > 0 && rest.length === 1) b = rest;
    for (const [list, step] of [
      [a, first.step],
      [b, second.step],
    ] as const) {
      if (list.length) steps[step].push(...list.map((p) => p.id));
      else choices.push({ step, positionId: pos, candidates: all.map((p) => p.id) });
    }
  }
  return { steps, choices };
}
