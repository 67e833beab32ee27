import { describe, expect, it } from 'vitest';
import { checkCriteria, compareCodes, parentOf, type CriterionRow } from '../../main/domain/criteria-tree';

/** A consistent little set: two areas of 60 + 40 points. */
const good: CriterionRow[] = [
  { code: '1', title: 'Công tác chỉ đạo, điều hành CCHC', maxPoints: 60 },
  { code: '1.1', title: 'Kế hoạch CCHC', maxPoints: 59.5 },
  { code: '1.2', title: 'Báo cáo CCHC', maxPoints: '0,5' },
  { code: '2', title: 'Cải cách TTHC', maxPoints: 40 },
  { code: '2.1', title: 'Kiểm soát TTHC', maxPoints: 40 },
];

const rows = (list: [string, string, number | string | null][]): CriterionRow[] =>
  list.map(([code, title, maxPoints], i) => ({ code, title, maxPoints, source: `dòng ${i + 2}` }));

describe('criteria codes', () => {
  it('finds the parent of a code', () => {
    expect(parentOf('3.2.12')).toBe('3.2');
    expect(parentOf('4.3.2.1')).toBe('4.3.2');
    expect(parentOf('1.3.a')).toBe('1.3');
    expect(parentOf('1')).toBeNull();
  });

  it('orders codes naturally', () => {
    const codes = ['2', '1.10.a', '1.10', '1', '1.2', '1.3.b', '1.3.a', '1.3.1', '10', '3.2.12', '3.2.2', '1.3'];
    expect([...codes].sort(compareCodes)).toEqual(['1', '1.2', '1.3', '1.3.1', '1.3.a', '1.3.b', '1.10', '1.10.a', '2', '3.2.2', '3.2.12', '10']);
    expect(compareCodes('1', '1.2')).toBeLessThan(0);
    expect(compareCodes('1.2', '1.10')).toBeLessThan(0);
    expect(compareCodes('1.10', '1.10.a')).toBeLessThan(0);
    expect(compareCodes('1.10.a', '2')).toBeLessThan(0);
    expect(compareCodes('3.2', '3.2')).toBe(0);
  });
});

describe('checkCriteria', () => {
  it('builds a sorted tree with levels, parents and order', () => {
    const shuffled = [good[3]!, good[2]!, good[0]!, good[4]!, good[1]!];
    const check = checkCriteria(shuffled);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([]);
    expect(check.totalMax).toBe(100);
    expect(check.nodes.map((n) => [n.code, n.parentCode, n.level, n.order])).toEqual([
      ['1', null, 1, 0],
      ['1.1', '1', 2, 1],
      ['1.2', '1', 2, 2],
      ['2', null, 1, 3],
      ['2.1', '2', 2, 4],
    ]);
    expect(check.nodes[0]).toEqual({
      code: '1',
      parentCode: null,
      level: 1,
      title: 'Công tác chỉ đạo, điều hành CCHC',
      maxPoints: 60,
      guidance: null,
      evidenceHints: null,
      order: 0,
    });
  });

  it('reads points with a decimal comma or point, and trims codes and text', () => {
    const check = checkCriteria([
      { code: ' 1 ', title: '  Lĩnh vực  ', maxPoints: ' 100 ', guidance: '  ', evidenceHints: ' Kế hoạch ' },
      { code: '1.1', title: 'A', maxPoints: '1,5' },
      { code: '1.2', title: 'B', maxPoints: '1.5' },
      { code: '1.3.', title: 'C', maxPoints: 97 }, // a trailing dot, as documents number headings
    ]);
    expect(check.errors).toEqual([]);
    expect(check.nodes.map((n) => [n.code, n.maxPoints])).toEqual([
      ['1', 100],
      ['1.1', 1.5],
      ['1.2', 1.5],
      ['1.3', 97],
    ]);
    expect(check.nodes[0]).toMatchObject({ title: 'Lĩnh vực', guidance: null, evidenceHints: 'Kế hoạch' });
  });

  it('lists every hard error with its source, in file order', () => {
    const check = checkCriteria(
      rows([
        ['1', 'Lĩnh vực 1', 100], //           dòng 2
        ['1.1', 'Tiêu chí', 'hai điểm'], //    dòng 3
        ['', 'Không mã', 1], //               dòng 4
        ['1,2', 'Mã sai', 1], //               dòng 5
        ['1.1', 'Trùng', 1], //               dòng 6
        ['3.2.12', 'Thiếu cha', 1], //         dòng 7
        ['1.2', '', 1], //                    dòng 8
        ['1.3', 'Điểm âm', -1], //             dòng 9
        ['1.4', 'Điểm lẻ', 0.3], //            dòng 10
        ['1.5', 'Có chữ', '1,5đ'], //          dòng 11
      ]),
    );
    expect(check.errors.map((e) => [e.source, e.code, e.severity])).toEqual([
      ['dòng 3', '1.1', 'error'],
      ['dòng 4', null, 'error'],
      ['dòng 5', '1,2', 'error'],
      ['dòng 6', '1.1', 'error'],
      ['dòng 7', '3.2.12', 'error'],
      ['dòng 8', '1.2', 'error'],
      ['dòng 9', '1.3', 'error'],
      ['dòng 10', '1.4', 'error'],
      ['dòng 11', '1.5', 'error'],
    ]);
    expect(check.errors.map((e) => e.message)).toEqual([
      'Điểm tối đa của tiêu chí 1.1 là "hai điểm", không phải là số. Ghi một số, ví dụ 1,5; để trống nếu chưa có.',
      'Thiếu mã tiêu chí.',
      'Mã tiêu chí "1,2" không hợp lệ. Mã gồm các số cách nhau bởi dấu chấm; từ cấp thứ hai có thể là một chữ cái thường (ví dụ 1, 1.3, 3.2.12, 1.3.a).',
      'Mã tiêu chí 1.1 bị trùng: dòng 3 và dòng 6.',
      'Tiêu chí 3.2.12 không có tiêu chí cha 3.2 trong bộ tiêu chí.',
      'Tiêu chí 1.2 chưa có tên (nội dung tiêu chí).',
      'Điểm tối đa của tiêu chí 1.3 là -1, không được âm.',
      'Điểm tối đa của tiêu chí 1.4 là 0,3, không phải bội số của 0,25 (điểm được chấm theo bậc 0,25).',
      'Điểm tối đa của tiêu chí 1.5 là "1,5đ", không phải là số. Ghi một số, ví dụ 1,5; để trống nếu chưa có.',
    ]);
    // The first of two duplicate rows is kept; the rejected points don't also warn "no maximum".
    expect(check.nodes.find((n) => n.code === '1.1')?.title).toBe('Tiêu chí');
    expect(check.warnings.filter((w) => w.code === '1.1')).toEqual([]);
  });

  it('rejects malformed codes', () => {
    const bad = ['A', '1.B', '1..2', '.1', 'a.1', '1.ab', '01', '1.02', '1-2', 'I.1', '1 .2'];
    const check = checkCriteria(bad.map((code) => ({ code, title: 'x', maxPoints: 1 })));
    expect(check.errors.map((e) => e.code)).toEqual(bad);
    expect(check.nodes).toEqual([]);
  });

  it('names the missing parent for each orphan, at every level', () => {
    const check = checkCriteria(
      rows([
        ['3', 'Cải cách TTHC', 100],
        ['3.2.12', 'Một cửa', 1],
        ['4.1.a', 'X', 0],
      ]),
    );
    expect(check.errors.map((e) => e.message)).toEqual([
      'Tiêu chí 3.2.12 không có tiêu chí cha 3.2 trong bộ tiêu chí.',
      'Tiêu chí 4.1.a không có tiêu chí cha 4.1 trong bộ tiêu chí.',
    ]);
  });

  it('reports an empty set', () => {
    expect(checkCriteria([]).errors).toEqual([{ severity: 'error', code: null, source: null, message: 'Bộ tiêu chí không có tiêu chí nào.' }]);
  });

  it('names rows without a source by their position', () => {
    const check = checkCriteria([
      { code: '1', title: 'A', maxPoints: 100 },
      { code: '1', title: 'B', maxPoints: 1 },
    ]);
    expect(check.errors).toEqual([{ severity: 'error', code: '1', source: 'mục 2', message: 'Mã tiêu chí 1 bị trùng: mục 1 và mục 2.' }]);
  });

  it('warns about a criterion without maximum points', () => {
    const check = checkCriteria([
      ...good.slice(0, 3),
      good[3]!,
      { ...good[4]!, maxPoints: 38 },
      { code: '2.2', title: 'Liên thông', maxPoints: null, source: 'dòng 9' },
    ]);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([
      {
        severity: 'warning',
        code: '2',
        source: 'mục 4',
        message: 'Tiêu chí 2: điểm tối đa 40 nhưng tổng điểm tối đa các tiêu chí con (2.1, 2.2) là 38 (chưa tính 2.2 vì chưa có điểm tối đa).',
      },
      { severity: 'warning', code: '2.2', source: 'dòng 9', message: 'Tiêu chí 2.2 chưa có điểm tối đa; không thể chấm điểm cho đến khi bổ sung.' },
    ]);
    // Empty text is "no maximum", not an error.
    expect(checkCriteria([{ code: '1', title: 'A', maxPoints: '  ' }]).warnings[0]?.message).toBe(
      'Tiêu chí 1 chưa có điểm tối đa; không thể chấm điểm cho đến khi bổ sung.',
    );
  });

  it('warns when a parent differs from the sum of its children, with decimal commas', () => {
    const check = checkCriteria([
      { code: '1', title: 'Chỉ đạo, điều hành', maxPoints: 100 },
      { code: '1.3', title: 'Kiểm tra, giám sát', maxPoints: 2 },
      { code: '1.3.a', title: 'HĐND giám sát', maxPoints: 0.5 },
      { code: '1.4', title: 'Tuyên truyền', maxPoints: 98 },
    ]);
    expect(check.warnings.map((w) => w.message)).toEqual(['Tiêu chí 1.3: điểm tối đa 2 nhưng tổng điểm tối đa các tiêu chí con (1.3.a) là 0,5.']);
    expect(check.warnings[0]).toMatchObject({ code: '1.3', source: 'mục 2' });
  });

  it('abbreviates a long list of children', () => {
    const kids = Array.from({ length: 8 }, (_, i) => ({ code: `1.${i + 1}`, title: `Tiêu chí ${i + 1}`, maxPoints: 12.25 }));
    const check = checkCriteria([{ code: '1', title: 'Lĩnh vực', maxPoints: 100 }, ...kids]);
    expect(check.warnings.map((w) => w.message)).toEqual([
      'Tiêu chí 1: điểm tối đa 100 nhưng tổng điểm tối đa các tiêu chí con (8 tiêu chí: 1.1, 1.2, 1.3, …, 1.8) là 98.',
    ]);
  });

  it('accepts 0 and any quarter step', () => {
    const check = checkCriteria([
      { code: '1', title: 'A', maxPoints: 99 },
      { code: '1.1', title: 'x', maxPoints: 0 },
      { code: '1.2', title: 'x', maxPoints: '0,25' },
      { code: '1.3', title: 'x', maxPoints: 98.75 },
      { code: '2', title: 'B', maxPoints: '1.0' },
    ]);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([]);
    expect(check.nodes.map((n) => n.maxPoints)).toEqual([99, 0, 0.25, 98.75, 1]);
  });

  it('warns when the areas do not total 100, counting a missing maximum as 0', () => {
    const check = checkCriteria([
      { code: '1', title: 'A', maxPoints: 60 },
      { code: '2', title: 'B', maxPoints: 37.5 },
      { code: '3', title: 'C', maxPoints: null },
    ]);
    expect(check.totalMax).toBe(97.5);
    expect(check.warnings.map((w) => w.message)).toEqual([
      'Tiêu chí 3 chưa có điểm tối đa; không thể chấm điểm cho đến khi bổ sung.',
      'Tổng điểm tối đa các lĩnh vực là 97,5, không phải 100.',
    ]);
    expect(check.warnings[1]).toMatchObject({ code: null, source: null, severity: 'warning' });
  });
});
