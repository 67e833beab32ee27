// Importing the appraisal council's results (issue 10) against real SQLite and real XLSX files:
// document 002's Phú Thượng numbers reproduce where they add up and are reported by code where
// they don't; the drafted plan lists every criterion that lost points with its reason; every bad
// file is refused whole with its problems by row, and nothing is half-imported.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { cleanup, openTestApp, setUpOffice, type TestApp } from '../helpers/services';
import { uploadBytes } from '../helpers/assessment';
import { DOC_002, SAMPLE_CODES, councilPoints, docRows, phuThuong2021, reasonOf, writeResultsXlsx, type ResultRow } from '../helpers/appraisal';

let app: TestApp;
let leader: string;
let assessmentId: number;

beforeEach(async () => {
  app = openTestApp();
  leader = await setUpOffice(app);
  assessmentId = await phuThuong2021(app, leader);
});
afterEach(() => {
  app.close();
  cleanup(app.dir);
});

async function importRows(rows: ResultRow[], titleRows?: string[], name = 'ket-qua-tham-dinh.xlsx') {
  const file = path.join(app.dir, name);
  const first = await writeResultsXlsx(file, rows, titleRows ? { titleRows } : {});
  const uploadId = await uploadBytes(app, leader, name, readFileSync(file));
  return {
    first,
    run: () => app.call('appraisal.import', { assessmentId, uploadId }, leader),
    fail: () => app.fail('appraisal.import', { assessmentId, uploadId }, leader),
  };
}

const parentsOf = (codes: string[]) => new Set(codes.map((c) => c.split('.').slice(0, -1).join('.')).filter(Boolean));
const kidsOf = (code: string) => SAMPLE_CODES.filter((c) => c.split('.').slice(0, -1).join('.') === code);
const doc = (code: string) => DOC_002.find((n) => n.code === code)!;
const PARENTS = parentsOf(SAMPLE_CODES);

/** The document's own arithmetic, independent of the app: a node is its stated number, or the sum below it. */
function stated(code: string): number {
  const n = doc(code);
  if (!PARENTS.has(code)) return n.maxPoints === null ? 0 : (councilPoints(n) ?? 0);
  return councilPoints(n) ?? kidsOf(code).reduce((a, c) => a + stated(c), 0);
}
const leafSum = (code: string): number => (PARENTS.has(code) ? kidsOf(code).reduce((a, c) => a + leafSum(c), 0) : stated(code));

describe('document 002 (Phú Thượng 2021) as the council’s file', () => {
  it('reports by code every parent whose children do not add up, and stores nothing', async () => {
    const expected = [...PARENTS].filter((p) => councilPoints(doc(p)) !== null && Math.abs(kidsOf(p).reduce((a, c) => a + stated(c), 0) - stated(p)) > 1e-9);
    expect(expected.length).toBeGreaterThan(0); // the document really has such places (area 1, 4.2 …)
    const err = await (await importRows(docRows())).fail();
    expect(err.code).toBe('VALIDATION');
    const sumIssues = err.issues!.filter((i) => /tổng các tiêu chí con/.test(i.message));
    expect(sumIssues.map((i) => i.path.split(' · ')[1]).sort()).toEqual(expected.sort());
    for (const i of sumIssues) expect(i.path).toMatch(/^dòng \d+ · /);
    expect((await app.call('appraisal.get', { assessmentId }, leader)).imported).toBeNull();
  });

  it('reproduces each area’s appraised points where the document is consistent', async () => {
    const r = await (await importRows(docRows({ leavesOnly: true }))).run();
    expect(r.imported).toBeGreaterThan(80);
    const view = await app.call('appraisal.get', { assessmentId }, leader);
    const areas = new Map(view.comparison!.areas.map((a) => [a.code, a.appraised]));
    const consistent = SAMPLE_CODES.filter((c) => !c.includes('.') && Math.abs(leafSum(c) - councilPoints(doc(c))!) < 1e-9);
    expect(consistent.length).toBeGreaterThanOrEqual(4);
    for (const code of consistent) expect({ code, points: areas.get(code) }).toEqual({ code, points: councilPoints(doc(code)) });
    // 1.8: self 1, council 0,5 — the difference is highlighted, the self-score kept beside it.
    const r18 = view.comparison!.rows.find((x) => x.code === '1.8')!;
    expect(r18).toMatchObject({ self: 1, appraised: 0.5, diff: -0.5, highlight: true });
    const item = (await app.call('assessment.get', { assessmentId }, leader)).items.find((i) => i.criterionCode === '1.8')!;
    expect(item.points).toBe(1);
  });

  it('drafts a plan with every criterion that lost points and its reason', async () => {
    await (await importRows(docRows({ leavesOnly: true }))).run();
    const plan = await app.call('plan.get', { assessmentId }, leader);
    const detail = await app.call('assessment.get', { assessmentId }, leader);
    const lost = detail.nodes
      .filter((n) => n.isLeaf && n.maxPoints !== null && (councilPoints(doc(n.code)) ?? 0) < n.maxPoints)
      .map((n) => ({ code: n.code, lost: n.maxPoints! - (councilPoints(doc(n.code)) ?? 0) }));
    expect(plan.tasks.map((t) => ({ code: t.criterionCode, lost: t.pointsLost }))).toEqual(lost);
    for (const t of plan.tasks) {
      // Its own reason, or the nearest parent's when the document wrote it once for the group.
      let reason = reasonOf(t.criterionCode!);
      for (let p = t.criterionCode!.split('.').slice(0, -1).join('.'); !reason && p; p = p.split('.').slice(0, -1).join('.')) reason = reasonOf(p);
      expect({ code: t.criterionCode, reason: t.reason }).toEqual({ code: t.criterionCode, reason });
    }
    expect(plan.tasks.find((t) => t.criterionCode === '1.8')!.reason).toMatch(/quá hạn/);
  });
});

describe('bad input is refused whole, each problem named by row', () => {
  const good = () => docRows({ leavesOnly: true });
  const withRow = (code: string, points: ResultRow[1], reason: string | null = null): ResultRow[] =>
    good().map((r) => (r[0] === code ? [code, points, reason] : r));
  const rowOf = (rows: ResultRow[], first: number, code: string) => `dòng ${first + rows.findIndex((r) => r[0] === code)}`;

  it.each([
    ['points above the maximum', '1.1', 2.5, /cao hơn điểm tối đa 2/],
    ['points off the 0,25 grid', '1.1', 1.3, /không phải bội số của 0,25/],
    ['text in the points column', '1.1', 'hai điểm', /"hai điểm", không phải là số/],
    ['a negative score', '1.1', -1, /không được âm/],
    ['a leaf left blank', '1.1', null, /Thiếu điểm thẩm định của tiêu chí 1.1/],
  ])('%s', async (_what, code, points, message) => {
    const rows = withRow(code, points);
    const { first, fail } = await importRows(rows);
    const err = await fail();
    expect(err.issues).toContainEqual({ path: `${rowOf(rows, first, code)} · ${code}`, message: expect.stringMatching(message) });
    expect((await app.call('appraisal.get', { assessmentId }, leader)).imported).toBeNull();
  });

  it('unknown and duplicate codes', async () => {
    const rows: ResultRow[] = [...good(), ['9.9', 1, null], ['1.2', 1, null]];
    const { first, fail } = await importRows(rows);
    const err = await fail();
    expect(err.issues).toContainEqual({ path: `dòng ${first + rows.length - 2} · 9.9`, message: 'Mã 9.9 không có trong bộ tiêu chí của đợt đánh giá.' });
    expect(err.issues).toContainEqual({
      path: `dòng ${first + rows.length - 1} · 1.2`,
      message: expect.stringMatching(/Mã 1.2 bị trùng \(đã có ở dòng \d+\)/),
    });
    expect((await app.call('appraisal.get', { assessmentId }, leader)).imported).toBeNull();
  });

  it('a parent that disagrees with its children', async () => {
    const rows = withRow('2', 7);
    const { first, fail } = await importRows(rows);
    const err = await fail();
    expect(err.issues).toContainEqual({
      path: `${rowOf(rows, first, '2')} · 2`,
      message: expect.stringMatching(/Điểm thẩm định của 2 là 7 nhưng tổng các tiêu chí con .* là 6,5/),
    });
    expect((await app.call('appraisal.get', { assessmentId }, leader)).imported).toBeNull();
  });

  it('a file for another office, another year or another criteria set: named by the title row it comes from', async () => {
    const other = await (
      await importRows(good(), ['KẾT QUẢ', 'Đơn vị: UBND xã Phú Mỹ', 'Năm: 2022', 'Bộ tiêu chí: Bộ chỉ số CCHC cấp xã tỉnh Bắc Kạn'])
    ).fail();
    expect(other.message).toBe('Chưa nhập tệp "ket-qua-tham-dinh.xlsx": có 3 lỗi, chưa lưu gì. Sửa từng dòng dưới đây rồi nhập lại.');
    expect(other.issues).toEqual([
      { path: 'Đơn vị', message: 'Tệp này là kết quả của "UBND xã Phú Mỹ", không phải của UBND xã Phú Thượng.' },
      { path: 'Năm', message: 'Tệp này là kết quả thẩm định năm 2022, không phải năm 2021.' },
      {
        path: 'Bộ tiêu chí',
        message:
          'Tệp này theo bộ tiêu chí "Bộ chỉ số CCHC cấp xã tỉnh Bắc Kạn", khác bộ tiêu chí của đợt đánh giá ("Bộ tiêu chí mẫu — theo KH 23/KH-UBND xã Phú Thượng").',
      },
    ]);
    // The right office written in full ("UBND xã Phú Thượng, huyện …") and the right set pass.
    const ours = [
      'KẾT QUẢ',
      'Đơn vị: UBND xã Phú Thượng, huyện Võ Nhai, tỉnh Thái Nguyên',
      'Năm: 2021',
      'Bộ tiêu chí: Bộ tiêu chí mẫu — theo KH 23/KH-UBND xã Phú Thượng',
    ];
    expect((await (await importRows(good(), ours)).run()).imported).toBeGreaterThan(80);
  });

  it('a file whose codes are another criteria set’s: said once for the whole file, then each code by row', async () => {
    const rows = ['9', '9.1', '9.2', '1.1'].map((c): ResultRow => [c, 1, null]);
    const { first, fail } = await importRows(rows);
    const foreign = await fail();
    expect(foreign.issues![0]).toEqual({
      path: 'cả tệp',
      message: '3/4 mã trong tệp không có trong bộ tiêu chí của đợt đánh giá: tệp theo một bộ tiêu chí khác. Hãy tải mẫu của đúng năm rồi nhập lại.',
    });
    expect(foreign.issues).toContainEqual({ path: `dòng ${first + 1} · 9.1`, message: 'Mã 9.1 không có trong bộ tiêu chí của đợt đánh giá.' });
    expect(foreign.issues!.some((i) => i.path === 'tiêu chí còn thiếu' && /^Tệp thiếu các tiêu chí được chấm điểm: /.test(i.message))).toBe(true);
    expect((await app.call('appraisal.get', { assessmentId }, leader)).imported).toBeNull();
  });

  it('a file that is not a workbook, and keeps the earlier results when a new file is bad', async () => {
    await (await importRows(good())).run();
    const before = await app.call('appraisal.get', { assessmentId }, leader);
    const junk = path.join(app.dir, 'ket-qua.xlsx');
    writeFileSync(junk, 'Mã;Điểm thẩm định\n1.1;2\n');
    const err = await app.fail('appraisal.import', { assessmentId, uploadId: await uploadBytes(app, leader, 'ket-qua.xlsx', readFileSync(junk)) }, leader);
    expect(err.message).toMatch(/không phải bảng tính Excel/);
    await (await importRows(withRow('1.1', 3))).fail();
    expect(await app.call('appraisal.get', { assessmentId }, leader)).toEqual(before);
  });

  it('"không chấm" is stored as not scored and loses the whole maximum', async () => {
    await (await importRows(withRow('1.1', 'Không chấm', 'Tài liệu kiểm chứng không hợp lệ'))).run();
    const row = (await app.call('appraisal.get', { assessmentId }, leader)).comparison!.rows.find((r) => r.code === '1.1')!;
    expect(row).toMatchObject({ notScored: true, appraised: 0, lost: 2, highlight: true, reason: 'Tài liệu kiểm chứng không hợp lệ' });
  });
});
