// The comparison's arithmetic (domain/appraisal-compare.ts): differences, points lost, "không
// chấm", "không phát sinh" left blank by the council, per-area bars and the years before.
import { describe, expect, it } from 'vitest';
import { compareAppraisal, type CompareNode, type YearInput } from '../../main/domain/appraisal-compare';

const nodes: CompareNode[] = [
  { code: '1', parentCode: null, maxPoints: 4, order: 0, title: 'Chỉ đạo, điều hành', level: 1 },
  { code: '1.1', parentCode: '1', maxPoints: 2, order: 1, title: 'Kế hoạch CCHC', level: 2 },
  { code: '1.2', parentCode: '1', maxPoints: 1, order: 2, title: 'Báo cáo CCHC', level: 2 },
  { code: '1.3', parentCode: '1', maxPoints: 1, order: 3, title: 'Tuyên truyền', level: 2 },
  { code: '2', parentCode: null, maxPoints: 6, order: 4, title: 'Thủ tục hành chính', level: 1 },
  { code: '2.1', parentCode: '2', maxPoints: 6, order: 5, title: 'Một cửa', level: 2 },
];

function year(y: number, self: [string, number | null, boolean?][], appraised: [string, number | null, boolean, string | null][]): YearInput {
  return {
    year: y,
    nodes,
    self: new Map(self.map(([c, p, na]) => [c, { points: p, notApplicable: na ?? false }])),
    appraised: new Map(appraised.map(([c, p, ns, r]) => [c, { points: p, notScored: ns, reason: r }])),
  };
}

describe('compareAppraisal', () => {
  const y2024 = year(
    2024,
    [
      ['1.1', 2],
      ['1.2', 1],
      ['1.3', null, true],
      ['2.1', 5],
    ],
    [
      ['1.1', 1.5, false, 'Kế hoạch ban hành chậm'],
      ['1.2', null, true, 'Báo cáo không ký số'],
      ['1.3', null, false, null],
      ['2.1', 5, false, null],
    ],
  );
  const y2023 = year(
    2023,
    [['2.1', 6]],
    [
      ['2.1', 4, false, null],
      ['1.1', 2, false, null],
      ['1.2', 1, false, null],
      ['1.3', 1, false, null],
    ],
  );

  it('per criterion: self beside the council, the difference, points lost, highlights', () => {
    const c = compareAppraisal([y2024, y2023], 2024);
    const row = (code: string) => c.rows.find((r) => r.code === code)!;
    expect(row('1.1')).toMatchObject({ self: 2, appraised: 1.5, diff: -0.5, lost: 0.5, highlight: true, reason: 'Kế hoạch ban hành chậm' });
    expect(row('1.2')).toMatchObject({ self: 1, appraised: 0, notScored: true, lost: 1, highlight: true });
    // "Không phát sinh" left blank by the council: out of the maximum, nothing lost.
    expect(row('1.3')).toMatchObject({ self: null, appraised: null, notApplicable: true, lost: 0, highlight: false });
    expect(row('2.1')).toMatchObject({ diff: 0, lost: 1, highlight: false });
    expect(row('1')).toMatchObject({ isLeaf: false, self: 3, appraised: 1.5 });
    expect(c.areas).toEqual([
      { code: '1', title: 'Chỉ đạo, điều hành', max: 4, self: 3, appraised: 1.5 },
      { code: '2', title: 'Thủ tục hành chính', max: 6, self: 5, appraised: 5 },
    ]);
    expect(c.total).toEqual({ max: 9, self: 8, appraised: 6.5, diff: -1.5 });
  });

  it('year over year: every appraised year up to the one compared, oldest first', () => {
    const c = compareAppraisal([y2024, y2023, year(2025, [], [])], 2024);
    expect(c.history.map((h) => [h.year, h.appraised, h.areas.map((a) => a.appraised)])).toEqual([
      [2023, 8, [4, 4]],
      [2024, 6.5, [1.5, 5]],
    ]);
  });
});
