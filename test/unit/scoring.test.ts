import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RATING_BANDS,
  POINT_STEP,
  computeTotals,
  isLeaf,
  leafCodes,
  ratingFor,
  validatePoints,
  type LeafScore,
  type ScoreNode,
} from '../../main/domain/scoring';

const node = (code: string, parentCode: string | null, maxPoints: number | null, order = 0): ScoreNode => ({ code, parentCode, maxPoints, order });
const score = (points: number | null, notApplicable = false): LeafScore => ({ points, notApplicable });

describe('computeTotals', () => {
  // Hand-computed example (3 levels):
  //   1 (max 10)
  //     1.1   (max 2)    1.5
  //     1.2   (max 3)
  //       1.2.a (max 1)  1
  //       1.2.b (max 2)  không phát sinh          → 1.2 = 1 / 1 (100 %), leaves 2, scored 1, N/A 1
  //     1.3   (max 5)    4.25                     → 1 = 1.5 + 1 + 4.25 = 6.75 / (2 + 1 + 5 = 8) = 84.375 → 84.38 %
  //   2 (max 5)
  //     2.1   (max 2.5)  2.5
  //     2.2   (max 2.5)  not scored yet           → 2 = 2.5 / 5 = 50 % (an unscored leaf stays in the denominator)
  //   overall = 6.75 + 2.5 = 9.25 / (8 + 5 = 13) = 71.1538… → 71.15 %, leaves 6, scored 4
  const nodes = [
    node('2', null, 5, 2),
    node('1', null, 10, 1),
    node('1.3', '1', 5, 3),
    node('1.1', '1', 2, 1),
    node('1.2', '1', 3, 2),
    node('1.2.b', '1.2', 2, 2),
    node('1.2.a', '1.2', 1, 1),
    node('2.1', '2', 2.5, 1),
    node('2.2', '2', 2.5, 2),
  ];
  const scores = new Map([
    ['1.1', score(1.5)],
    ['1.2.a', score(1)],
    ['1.2.b', score(null, true)],
    ['1.3', score(4.25)],
    ['2.1', score(2.5)],
    ['2.2', score(null)],
  ]);

  it('reproduces the hand-computed example', () => {
    const t = computeTotals(nodes, scores);
    expect(t.byCode.get('1.2')).toEqual({
      code: '1.2',
      maxPoints: 3,
      applicableMax: 1,
      points: 1,
      percent: 100,
      leaves: 2,
      scoredLeaves: 1,
      notApplicableLeaves: 1,
    });
    expect(t.byCode.get('1')).toEqual({
      code: '1',
      maxPoints: 10,
      applicableMax: 8,
      points: 6.75,
      percent: 84.38,
      leaves: 4,
      scoredLeaves: 3,
      notApplicableLeaves: 1,
    });
    expect(t.byCode.get('2')).toMatchObject({ applicableMax: 5, points: 2.5, percent: 50, leaves: 2, scoredLeaves: 1, notApplicableLeaves: 0 });
    expect(t.byCode.get('1.2.b')).toMatchObject({ applicableMax: 0, points: 0, percent: null, leaves: 1, scoredLeaves: 0, notApplicableLeaves: 1 });
    expect(t.overall).toEqual({ points: 9.25, applicableMax: 13, percent: 71.15, leaves: 6, scoredLeaves: 4 });
    expect([...t.byCode.keys()]).toEqual(['1', '1.1', '1.2', '1.2.a', '1.2.b', '1.3', '2', '2.1', '2.2']);
  });

  it('a "không phát sinh" leaf leaves the denominator and ignores any points stored on it', () => {
    const t = computeTotals(
      [node('1', null, 4), node('1.1', '1', 2, 1), node('1.2', '1', 2, 2)],
      new Map([
        ['1.1', score(2)],
        ['1.2', score(1.5, true)],
      ]),
    );
    expect(t.byCode.get('1')).toMatchObject({ points: 2, applicableMax: 2, percent: 100, notApplicableLeaves: 1 });
    expect(t.overall.percent).toBe(100);
  });

  it('every leaf not applicable gives a null percent, not NaN', () => {
    const t = computeTotals([node('1', null, 2), node('1.1', '1', 2)], new Map([['1.1', score(null, true)]]));
    expect(t.byCode.get('1')!.percent).toBeNull();
    expect(t.overall).toEqual({ points: 0, applicableMax: 0, percent: null, leaves: 1, scoredLeaves: 0 });
  });

  it("caps a parent's points and applicable maximum at its own maximum", () => {
    // Children can add up to more than the parent allows (3 > 2): the parent shows 2 / 2.
    const t = computeTotals(
      [node('3', null, 2), node('3.1', '3', 1.5, 1), node('3.2', '3', 1.5, 2)],
      new Map([
        ['3.1', score(1.5)],
        ['3.2', score(1.25)],
      ]),
    );
    expect(t.byCode.get('3')).toMatchObject({ points: 2, applicableMax: 2, percent: 100 });
    expect(t.overall).toMatchObject({ points: 2, applicableMax: 2 });
  });

  it('a parent without a maximum is the plain sum of its children', () => {
    const t = computeTotals(
      [node('A', null, null), node('A.1', 'A', 1, 1), node('A.2', 'A', 2, 2)],
      new Map([
        ['A.1', score(1)],
        ['A.2', score(0.75)],
      ]),
    );
    expect(t.byCode.get('A')).toMatchObject({ points: 1.75, applicableMax: 3, percent: 58.33 });
  });

  it('a leaf without a maximum cannot be scored: no denominator, its points ignored', () => {
    const t = computeTotals(
      [node('1', null, 3), node('1.1', '1', 2, 1), node('1.2', '1', null, 2)],
      new Map([
        ['1.1', score(1)],
        ['1.2', score(1)],
      ]),
    );
    expect(t.byCode.get('1.2')).toMatchObject({ points: 0, applicableMax: 0, percent: null, scoredLeaves: 0 });
    expect(t.byCode.get('1')).toMatchObject({ points: 1, applicableMax: 2, percent: 50, leaves: 2, scoredLeaves: 1 });
  });

  it('clamps a stored leaf score to [0, max]', () => {
    const t = computeTotals([node('1', null, 1)], new Map([['1', score(5)]]));
    expect(t.byCode.get('1')!.points).toBe(1);
    expect(computeTotals([node('1', null, 1)], new Map([['1', score(-1)]])).overall.points).toBe(0);
  });

  it('gives 73,25 exactly for the Phú Thượng area maxima (10/7/20/20/10/5/12/16 = 100)', () => {
    // Doc 002 states 73.25/100. Its per-area scores 8.5/6.5/11.25/13.5/9/5/7.5/12.5 add up to 73.75,
    // so area 8 uses 12 here. Each area is split into quarter-point leaves so floats would drift.
    const maxima = [10, 7, 20, 20, 10, 5, 12, 16];
    const got = [8.5, 6.5, 11.25, 13.5, 9, 5, 7.5, 12];
    const nodes: ScoreNode[] = [];
    const scores = new Map<string, LeafScore>();
    maxima.forEach((max, a) => {
      const area = String(a + 1);
      nodes.push(node(area, null, max, a));
      const leaves = max / POINT_STEP; // one leaf per quarter point
      for (let k = 0; k < leaves; k++) {
        const code = `${area}.${k + 1}`;
        nodes.push(node(code, area, POINT_STEP, k));
        scores.set(code, score(k < got[a]! / POINT_STEP ? 0.25 : 0));
      }
    });
    const t = computeTotals(nodes, scores);
    expect(t.overall.points).toBe(73.25);
    expect(t.overall.applicableMax).toBe(100);
    expect(t.overall.percent).toBe(73.25);
    expect(ratingFor(t.overall.percent)!.label).toBe('Khá');
    expect(t.byCode.get('3')!.points).toBe(11.25);
  });

  it('sums tenths without float error', () => {
    const nodes = [node('R', null, null), ...Array.from({ length: 10 }, (_, k) => node(`R.${k}`, 'R', 0.1, k))];
    const t = computeTotals(nodes, new Map(nodes.slice(1).map((n) => [n.code, score(0.1)])));
    expect(t.overall.points).toBe(1);
  });

  it('treats a node whose parent is missing as a root', () => {
    const t = computeTotals(
      [node('1', null, 2), node('9.9', '9', 1)],
      new Map([
        ['1', score(2)],
        ['9.9', score(1)],
      ]),
    );
    expect(t.overall).toMatchObject({ points: 3, applicableMax: 3, leaves: 2 });
  });

  it('computes a 200-node set (per area: 24 leaves, 3 not applicable, 7 more unscored, 14 × 0,75)', () => {
    const nodes: ScoreNode[] = [];
    const scores = new Map<string, LeafScore>();
    for (let a = 1; a <= 8; a++) {
      nodes.push(node(String(a), null, 25, a));
      for (let b = 1; b <= 24; b++) {
        const code = `${a}.${b}`;
        nodes.push(node(code, String(a), 1, b));
        scores.set(code, score(b % 3 === 0 ? null : 0.75, b % 7 === 0));
      }
    }
    expect(nodes.length).toBe(200);
    // How fast it runs is bench/assessment.bench.ts's to print (a timed assertion here was flaky).
    const t = computeTotals(nodes, scores);
    expect(t.overall).toMatchObject({ points: 8 * 14 * 0.75, applicableMax: 8 * 21, leaves: 192 });
  });
});

describe('tree helpers', () => {
  const nodes = [node('2', null, 5, 2), node('1', null, 5, 1), node('1.2', '1', 2, 2), node('1.1', '1', 3, 1), node('1.1.a', '1.1', 3, 1)];
  it('lists leaf codes in tree order', () => {
    expect(leafCodes(nodes)).toEqual(['1.1.a', '1.2', '2']);
  });
  it('tells leaves from parents', () => {
    expect(isLeaf('1.1.a', nodes)).toBe(true);
    expect(isLeaf('1.1', nodes)).toBe(false);
    expect(isLeaf('2', nodes)).toBe(true);
  });
});

describe('rating bands', () => {
  it('uses the default five bands, 73,25 being "Khá" as in doc 002', () => {
    expect(ratingFor(73.25)?.label).toBe('Khá');
    expect(ratingFor(90)?.label).toBe('Xuất sắc');
    expect(ratingFor(89.99)?.label).toBe('Tốt');
    expect(ratingFor(80)?.label).toBe('Tốt');
    expect(ratingFor(70)?.label).toBe('Khá');
    expect(ratingFor(69.75)?.label).toBe('Trung bình');
    expect(ratingFor(50)?.label).toBe('Trung bình');
    expect(ratingFor(49.75)?.label).toBe('Yếu');
    expect(ratingFor(0)?.label).toBe('Yếu');
    expect(ratingFor(null)).toBeNull();
    expect(DEFAULT_RATING_BANDS.map((b) => b.label)).toEqual(['Xuất sắc', 'Tốt', 'Khá', 'Trung bình', 'Yếu']);
  });
  it("accepts a province's own table in any order; null below its lowest band", () => {
    const bands = [
      { label: 'Đạt', minPercent: 60 },
      { label: 'Tốt', minPercent: 85 },
    ];
    expect(ratingFor(86, bands)?.label).toBe('Tốt');
    expect(ratingFor(60, bands)?.label).toBe('Đạt');
    expect(ratingFor(59.75, bands)).toBeNull();
  });
});

describe('validatePoints', () => {
  it('accepts quarter points from 0 to the maximum', () => {
    for (const p of [0, 0.25, 0.5, 0.75, 1.75, 2]) expect(validatePoints(p, 2)).toBeNull();
  });
  it('refuses points above the maximum, naming both with a decimal comma', () => {
    expect(validatePoints(2.5, 2)).toBe('Điểm tự chấm 2,5 vượt điểm tối đa 2 của tiêu chí.');
    expect(validatePoints(1.25, 0.5)).toBe('Điểm tự chấm 1,25 vượt điểm tối đa 0,5 của tiêu chí.');
  });
  it('refuses points off the 0,25 grid', () => {
    expect(validatePoints(0.3, 2)).toContain('phải là bội số của 0,25');
    expect(validatePoints(0.3, 2)).toContain('0,3');
    expect(validatePoints(1.1, 2)).toContain('bội số của 0,25');
  });
  it('refuses negative points, a missing maximum, NaN and Infinity', () => {
    expect(validatePoints(-0.25, 2)).toBe('Điểm tự chấm không được âm.');
    expect(validatePoints(1, null)).toContain('chưa có điểm tối đa');
    expect(validatePoints(Number.NaN, 2)).toContain('không hợp lệ');
    expect(validatePoints(Number.POSITIVE_INFINITY, 2)).toContain('không hợp lệ');
  });
});
