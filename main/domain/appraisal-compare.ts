// The comparison of self-scores with the appraisal council's points: per criterion and per area
// (lĩnh vực) — maximum, self, appraised, difference and the council's reason — and the totals of
// earlier appraised years for the year-over-year chart. Pure and fast: the screen and the plan's
// PDF are drawn from it, and bench/appraisal.bench.ts holds it to ≤ 16 ms for 200 criteria × 5 years.
import { computeTotals, type LeafScore, type ScoreNode } from './scoring';

export interface CompareNode extends ScoreNode {
  title: string;
  level: number;
}

export interface AppraisedEntry {
  points: number | null;
  notScored: boolean;
  reason: string | null;
}

export interface YearInput {
  year: number;
  nodes: readonly CompareNode[];
  /** Leaf self-scores by code. */
  self: ReadonlyMap<string, LeafScore>;
  /** The council's rows by code (leaves, and parents when the file gave them, for their reasons). */
  appraised: ReadonlyMap<string, AppraisedEntry>;
}

export interface CompareRow {
  code: string;
  title: string;
  level: number;
  isLeaf: boolean;
  max: number | null;
  self: number | null;
  appraised: number | null;
  /** appraised − self; null when either is missing. */
  diff: number | null;
  /** Points the council did not give: applicable maximum − appraised. */
  lost: number;
  notScored: boolean;
  notApplicable: boolean;
  reason: string | null;
  /** The council's points differ from the self-score, or it did not score the criterion. */
  highlight: boolean;
}

export interface AreaBar {
  code: string;
  title: string;
  max: number;
  self: number;
  appraised: number;
}

export interface YearTotals {
  year: number;
  max: number;
  self: number;
  appraised: number;
  areas: { code: string; appraised: number }[];
}

export interface Comparison {
  year: number;
  rows: CompareRow[];
  areas: AreaBar[];
  total: { max: number; self: number; appraised: number; diff: number };
  /** Oldest first, the compared year last; only years with appraisal results. */
  history: YearTotals[];
}

const cents = (n: number) => Math.round(n * 100);
const sub = (a: number, b: number) => (cents(a) - cents(b)) / 100;

/** Leaf scores the council gave, in the form computeTotals takes. */
function appraisedScores(y: YearInput): Map<string, LeafScore> {
  const out = new Map<string, LeafScore>();
  for (const [code, a] of y.appraised) {
    const selfNa = y.self.get(code)?.notApplicable ?? false;
    // "Không chấm" counts as 0 of the maximum; a blank beside a "không phát sinh" stays not applicable.
    if (a.notScored) out.set(code, { points: 0, notApplicable: false });
    else out.set(code, { points: a.points, notApplicable: a.points === null && selfNa });
  }
  return out;
}

function yearTotals(y: YearInput) {
  const self = computeTotals(y.nodes, y.self);
  const appraised = computeTotals(y.nodes, appraisedScores(y));
  return { self, appraised };
}

function areasOf(y: YearInput, t: ReturnType<typeof yearTotals>): AreaBar[] {
  return y.nodes
    .filter((n) => n.parentCode === null)
    .map((n) => {
      const s = t.self.byCode.get(n.code);
      const a = t.appraised.byCode.get(n.code);
      return { code: n.code, title: n.title, max: n.maxPoints ?? s?.applicableMax ?? 0, self: s?.points ?? 0, appraised: a?.points ?? 0 };
    });
}

/** `years` in any order; the comparison is of `year`, history of every year up to it. */
export function compareAppraisal(years: readonly YearInput[], year: number): Comparison {
  const current = years.find((y) => y.year === year);
  if (!current) throw new Error(`no data for ${year}`);
  const t = yearTotals(current);
  const parents = new Set(current.nodes.map((n) => n.parentCode).filter((c): c is string => c !== null));
  const rows: CompareRow[] = current.nodes.map((n) => {
    const isLeaf = !parents.has(n.code);
    const st = t.self.byCode.get(n.code);
    const at = t.appraised.byCode.get(n.code);
    const selfLeaf = current.self.get(n.code);
    const a = current.appraised.get(n.code);
    const notApplicable = isLeaf && (selfLeaf?.notApplicable ?? false);
    const self = isLeaf ? (notApplicable ? null : (selfLeaf?.points ?? null)) : (st?.points ?? null);
    const appraised = isLeaf ? (a?.notScored ? 0 : (a?.points ?? null)) : (at?.points ?? null);
    const diff = self === null || appraised === null ? null : sub(appraised, self);
    const lost = at && appraised !== null ? Math.max(0, sub(at.applicableMax, appraised)) : 0;
    const notScored = a?.notScored ?? false;
    return {
      code: n.code,
      title: n.title,
      level: n.level,
      isLeaf,
      max: n.maxPoints,
      self,
      appraised,
      diff,
      lost,
      notScored,
      notApplicable,
      reason: a?.reason ?? null,
      highlight: notScored || (diff !== null && diff !== 0),
    };
  });
  const history: YearTotals[] = [];
  for (const y of [...years].sort((p, q) => p.year - q.year)) {
    if (y.year > year || y.appraised.size === 0) continue;
    const yt = y === current ? t : yearTotals(y);
    history.push({
      year: y.year,
      max: yt.appraised.overall.applicableMax,
      self: yt.self.overall.points,
      appraised: yt.appraised.overall.points,
      areas: y.nodes.filter((n) => n.parentCode === null).map((n) => ({ code: n.code, appraised: yt.appraised.byCode.get(n.code)?.points ?? 0 })),
    });
  }
  const total = { max: t.appraised.overall.applicableMax, self: t.self.overall.points, appraised: t.appraised.overall.points, diff: 0 };
  total.diff = sub(total.appraised, total.self);
  return { year, rows, areas: areasOf(current, t), total, history };
}
