// Totals of a criteria tree (Chỉ số CCHC self-assessment). Pure.
//
// Rules:
// - Only leaves (criteria with no children) are scored; totals of lĩnh vực / tiêu chí are
//   computed here and never typed by anyone.
// - A leaf's points count only when it is not "không phát sinh" (notApplicable). Points are
//   clamped to [0, maxPoints] so bad stored data cannot push a total past its maximum.
// - A leaf's applicableMax is 0 when notApplicable, else maxPoints ?? 0. A leaf without a
//   maximum cannot be scored (validatePoints refuses it), so any points stored on it are ignored.
// - A parent: points = sum of its children's points, capped at its own maxPoints when it has one;
//   applicableMax = sum of its children's applicableMax, capped the same way.
// - percent = points / applicableMax × 100, null when applicableMax is 0 — so criteria without
//   tasks that year ("không phát sinh") leave the denominator, as doc 001 requires.
// - Overall = the same over the roots (parentCode null), without a cap. A node whose parent is
//   not in the list is treated as a root so its points are not silently lost.
// All arithmetic is in integer hundredths of a point: the grid is 0.25, and 73.25 must come out
// exactly (0.1 + 0.2 style float error would otherwise show up in sums of 100 leaves).
import { viRatingBands, viScoring } from '../../shared/i18n/vi/assessment-rules';

export interface ScoreNode {
  code: string;
  parentCode: string | null;
  maxPoints: number | null;
  order: number;
}

export interface LeafScore {
  points: number | null;
  notApplicable: boolean;
}

export interface NodeTotal {
  code: string;
  maxPoints: number | null;
  applicableMax: number;
  points: number;
  percent: number | null;
  leaves: number;
  scoredLeaves: number;
  notApplicableLeaves: number;
}

export interface Totals {
  byCode: Map<string, NodeTotal>;
  overall: { points: number; applicableMax: number; percent: number | null; leaves: number; scoredLeaves: number };
}

/** Self-scores are given in steps of a quarter point (doc 002). */
export const POINT_STEP = 0.25;

const toCents = (n: number) => Math.round(n * 100);
const fromCents = (c: number) => c / 100;
/** Percent rounded to 2 decimals, computed from integer cents so 7325/10000 gives exactly 73.25. */
const percentOf = (pointsC: number, maxC: number): number | null => (maxC > 0 ? Math.round((pointsC * 10000) / maxC) / 100 : null);

export interface Tree {
  /** Nodes in tree order (pre-order, siblings by `order`, then code). */
  ordered: ScoreNode[];
  roots: ScoreNode[];
  children: Map<string, ScoreNode[]>;
}

const byOrder = (a: ScoreNode, b: ScoreNode) => a.order - b.order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * Child lists and pre-order. Duplicate codes keep the first node; a node whose parent is missing
 * is a root; nodes caught in a parent cycle are unreachable and left out.
 */
export function buildTree(nodes: readonly ScoreNode[]): Tree {
  const known = new Map<string, ScoreNode>();
  for (const n of nodes) if (!known.has(n.code)) known.set(n.code, n);
  const children = new Map<string, ScoreNode[]>();
  const roots: ScoreNode[] = [];
  for (const n of known.values()) {
    if (n.parentCode === null || !known.has(n.parentCode) || n.parentCode === n.code) roots.push(n);
    else {
      const list = children.get(n.parentCode);
      if (list) list.push(n);
      else children.set(n.parentCode, [n]);
    }
  }
  roots.sort(byOrder);
  for (const list of children.values()) list.sort(byOrder);
  const ordered: ScoreNode[] = [];
  const stack = roots.slice().reverse();
  while (stack.length) {
    const n = stack.pop()!;
    ordered.push(n);
    const kids = children.get(n.code);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return { ordered, roots, children };
}

/** Whether `code` has no children among `nodes` (a scored criterion). */
export function isLeaf(code: string, nodes: readonly ScoreNode[]): boolean {
  return !nodes.some((n) => n.parentCode === code && n.code !== code);
}

/** Codes of the scored criteria (no children), in tree order. */
export function leafCodes(nodes: readonly ScoreNode[]): string[] {
  const t = buildTree(nodes);
  return t.ordered.filter((n) => !t.children.has(n.code)).map((n) => n.code);
}

interface Acc {
  pointsC: number;
  maxC: number;
  leaves: number;
  scored: number;
  na: number;
}

export function computeTotals(nodes: readonly ScoreNode[], scores: ReadonlyMap<string, LeafScore>): Totals {
  const tree = buildTree(nodes);
  const acc = new Map<string, Acc>();
  const byCode = new Map<string, NodeTotal>();
  // Reverse pre-order visits every child before its parent: one pass, no recursion.
  for (let i = tree.ordered.length - 1; i >= 0; i--) {
    const n = tree.ordered[i]!;
    const kids = tree.children.get(n.code);
    const capC = n.maxPoints !== null && Number.isFinite(n.maxPoints) ? Math.max(0, toCents(n.maxPoints)) : null;
    let a: Acc;
    if (!kids) {
      const s = scores.get(n.code);
      const na = s?.notApplicable === true;
      const maxC = na || capC === null ? 0 : capC;
      const has = !na && capC !== null && s?.points != null && Number.isFinite(s.points);
      const pointsC = has ? Math.min(Math.max(toCents(s.points!), 0), maxC) : 0;
      a = { pointsC, maxC, leaves: 1, scored: has ? 1 : 0, na: na ? 1 : 0 };
    } else {
      a = { pointsC: 0, maxC: 0, leaves: 0, scored: 0, na: 0 };
      for (const k of kids) {
        const c = acc.get(k.code)!;
        a.pointsC += c.pointsC;
        a.maxC += c.maxC;
        a.leaves += c.leaves;
        a.scored += c.scored;
        a.na += c.na;
      }
      if (capC !== null) {
        a.pointsC = Math.min(a.pointsC, capC);
        a.maxC = Math.min(a.maxC, capC);
      }
    }
    acc.set(n.code, a);
  }
  for (const n of tree.ordered) {
    const a = acc.get(n.code)!;
    byCode.set(n.code, {
      code: n.code,
      maxPoints: n.maxPoints,
      applicableMax: fromCents(a.maxC),
      points: fromCents(a.pointsC),
      percent: percentOf(a.pointsC, a.maxC),
      leaves: a.leaves,
      scoredLeaves: a.scored,
      notApplicableLeaves: a.na,
    });
  }
  let pointsC = 0;
  let maxC = 0;
  let leaves = 0;
  let scored = 0;
  for (const r of tree.roots) {
    const a = acc.get(r.code)!;
    pointsC += a.pointsC;
    maxC += a.maxC;
    leaves += a.leaves;
    scored += a.scored;
  }
  return {
    byCode,
    overall: { points: fromCents(pointsC), applicableMax: fromCents(maxC), percent: percentOf(pointsC, maxC), leaves, scoredLeaves: scored },
  };
}

export interface RatingBand {
  label: string;
  minPercent: number;
}

/**
 * A common five-level table (percent of the applicable maximum). Doc 002 (KH 23/KH-UBND,
 * Phú Thượng) rates 73,25/100 "khá", which this table reproduces; each province sets its own
 * bands in its decision (e.g. QĐ 2204/QĐ-UBND for doc 001), so callers should pass the
 * configured table when there is one.
 */
export const DEFAULT_RATING_BANDS: readonly RatingBand[] = Object.freeze([
  { label: viRatingBands.excellent, minPercent: 90 },
  { label: viRatingBands.good, minPercent: 80 },
  { label: viRatingBands.fair, minPercent: 70 },
  { label: viRatingBands.average, minPercent: 50 },
  { label: viRatingBands.weak, minPercent: 0 },
]);

/** The highest band whose minimum the percent reaches; null when there is no percent or no band fits. */
export function ratingFor(percent: number | null, bands: readonly RatingBand[] = DEFAULT_RATING_BANDS): RatingBand | null {
  if (percent === null || !Number.isFinite(percent)) return null;
  let best: RatingBand | null = null;
  for (const b of bands) if (percent >= b.minPercent && (best === null || b.minPercent > best.minPercent)) best = b;
  return best;
}

export const messages = viScoring;

/** A Vietnamese reason why `points` cannot be a leaf's self-score, or null when it can. */
export function validatePoints(points: number, maxPoints: number | null): string | null {
  if (typeof points !== 'number' || !Number.isFinite(points)) return messages.notANumber;
  if (maxPoints === null || !Number.isFinite(maxPoints)) return messages.noMax;
  if (points < 0) return messages.negative;
  if (points - maxPoints > 1e-9) return messages.aboveMax(points, maxPoints);
  // Tolerance: 2.5000000001 from a float parse is still 2.5.
  const quarters = points / POINT_STEP;
  if (Math.abs(quarters - Math.round(quarters)) > 1e-9) return messages.notOnStep(points);
  return null;
}
