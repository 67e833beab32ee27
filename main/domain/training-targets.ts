// The targets of Đề án 04/ĐA-UBND (Sóc Trăng, document 004) computed from the training register.
// T1: "Trên 95%" of the officials who advise on CCHC given the needed knowledge (strictly above);
// T2: "Từ 90% trở lên" of those doing CCHC / at the one-stop desk trained (at or above). The
// operators are the document's; the thresholds are settings (the province may change them).
export interface TargetThresholds {
  advisingPercent: number;
  oneStopPercent: number;
}
export const DEFAULT_TARGETS: TargetThresholds = { advisingPercent: 95, oneStopPercent: 90 };

export interface Person {
  userId: number;
  fullName: string;
  advises: boolean;
  oneStop: boolean;
}

export interface TargetFigure {
  id: 'T1' | 'T2';
  operator: '>' | '>=';
  threshold: number;
  eligible: number;
  trained: number;
  /** null when nobody is in the population yet. */
  percent: number | null;
  met: boolean;
  /** Percentage points still missing (0 when met). */
  gap: number | null;
  missing: { userId: number; fullName: string }[];
}

const pct = (a: number, b: number) => Math.round((a / b) * 10000) / 100;

function figure(id: 'T1' | 'T2', operator: '>' | '>=', threshold: number, people: Person[], trained: ReadonlySet<number>): TargetFigure {
  const done = people.filter((p) => trained.has(p.userId));
  const percent = people.length ? pct(done.length, people.length) : null;
  const met = percent !== null && (operator === '>' ? percent > threshold : percent >= threshold);
  return {
    id,
    operator,
    threshold,
    eligible: people.length,
    trained: done.length,
    percent,
    met,
    gap: percent === null ? null : met ? 0 : Math.round((threshold - percent) * 100) / 100,
    missing: people.filter((p) => !trained.has(p.userId)).map((p) => ({ userId: p.userId, fullName: p.fullName })),
  };
}

/** `trained`: the people who attended at least one course in the year. */
export function trainingTargets(people: readonly Person[], trained: ReadonlySet<number>, t: TargetThresholds): TargetFigure[] {
  return [
    figure(
      'T1',
      '>',
      t.advisingPercent,
      people.filter((p) => p.advises),
      trained,
    ),
    figure(
      'T2',
      '>=',
      t.oneStopPercent,
      people.filter((p) => p.oneStop),
      trained,
    ),
  ];
}

/** Automatic scoring: the points of each question answered with its correct letter. */
export function scoreAnswers(questions: readonly { id: number; correct: string; points: number }[], answers: ReadonlyMap<number, string>) {
  let score = 0;
  let max = 0;
  for (const q of questions) {
    max += q.points;
    if (answers.get(q.id) === q.correct) score += q.points;
  }
  return { score: Math.round(score * 100) / 100, max: Math.round(max * 100) / 100 };
}

export const passed = (score: number, max: number, passingPercent: number) => max > 0 && (score / max) * 100 >= passingPercent;
