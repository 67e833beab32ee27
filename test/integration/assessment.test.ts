// The self-assessment against a real SQLite file and real files: assignment, entry, review,
// totals, deadline, evidence, pre-submission check, sending.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { openTestApp, cleanup, setUpOffice, LEADER, type TestApp } from '../helpers/services';
import { importSmallSet, uploadBytes, fakeDocx, OPENS, CLOSES } from '../helpers/assessment';
import { makeDemoPdf, makeDemoPng } from '../../main/services/demo-files';
import { blobPath } from '../../main/services/blob-store';
import { signPdf } from '../../main/services/package-format/pades';
import { newIdentity } from '../helpers/package';
import type { PrecheckReport } from '../../shared/api/assessment-schemas';

/** The grouped check flattened back to its lines, area by area. */
const entries = (r: PrecheckReport) => r.areas.flatMap((a) => a.criteria.flatMap((c) => c.entries));

let app: TestApp;
afterEach(() => {
  app.close();
  cleanup(app.dir);
});

async function scenario() {
  app = openTestApp();
  app.clock.set(OPENS + 86_400_000); // 15/09/2023, inside the window
  const leader = await setUpOffice(app);
  const officer = await app.call(
    'users.create',
    { fullName: 'Lê Thị Hương', position: 'Văn phòng - Thống kê', username: 'huong', password: 'huong-123456', roles: ['officer'] },
    leader,
  );
  const { token: off } = await app.call('auth.login', { username: 'huong', password: 'huong-123456' });
  const setId = await importSmallSet(app, leader);
  const a = await app.call('assessment.create', { year: 2023, setId, opensAt: OPENS, closesAt: CLOSES }, leader);
  const d = await app.call('assessment.get', { assessmentId: a.id }, leader);
  const item = (code: string) => d.items.find((i) => i.criterionCode === code)!.id;
  return { leader, off, officerId: officer.id, assessmentId: a.id, item };
}

describe('assessment of a year', () => {
  it('creates one item per leaf and assigns a subtree', async () => {
    const { leader, off, officerId, assessmentId } = await scenario();
    const d = await app.call('assessment.get', { assessmentId }, leader);
    expect(d.items.map((i) => i.criterionCode).sort()).toEqual(['1.1', '1.2', '2.1', '2.2.1', '2.2.2']);
    expect(await app.call('assessment.assign', { assessmentId, codes: ['2.2'], assigneeId: officerId }, leader)).toEqual({ changed: 2 });
    const mine = await app.call('assessment.mine', {}, off);
    expect(mine[0]!.items.map((i) => i.criterionCode).sort()).toEqual(['2.2.1', '2.2.2']);
    // An officer cannot assign.
    expect((await app.fail('assessment.assign', { assessmentId, codes: ['1'], assigneeId: officerId }, off)).code).toBe('FORBIDDEN');
  });

  it('refuses a score above the maximum or off the 0.25 grid, and writes nothing', async () => {
    const { leader, off, officerId, assessmentId, item } = await scenario();
    await app.call('assessment.assign', { assessmentId, codes: ['1'], assigneeId: officerId }, leader);
    const above = await app.fail('item.update', { itemId: item('1.1'), points: 2.5 }, off);
    expect(above.code).toBe('VALIDATION');
    expect(above.message).toMatch(/vượt điểm tối đa/);
    const grid = await app.fail('item.update', { itemId: item('1.1'), points: 1.3 }, off);
    expect(grid.message).toMatch(/0,25/);
    const d = await app.call('assessment.get', { assessmentId }, leader);
    expect(d.items.find((i) => i.criterionCode === '1.1')!.points).toBeNull();
    // Someone else's item is not the officer's to change.
    expect((await app.fail('item.update', { itemId: item('2.1'), points: 1 }, off)).code).toBe('FORBIDDEN');
  });

  it('computes totals from leaves only: N/A leaves leave the denominator (hand-computed)', async () => {
    const { leader, item } = await scenario();
    // 1.1 = 2, 1.2 = 1.25 → area 1: 3.25 of 4
    // 2.1 not applicable → area 2 max 6 − 1.5 = 4.5; 2.2.1 = 1, 2.2.2 = 2.75 → area 2: 3.75 of 4.5
    // overall 7 of 8.5 = 82.35 % → "Tốt"
    await app.call('item.update', { itemId: item('1.1'), points: 2 }, leader);
    await app.call('item.update', { itemId: item('1.2'), points: 1.25 }, leader);
    await app.call('item.update', { itemId: item('2.1'), notApplicable: true, naReason: 'Không có TTHC mới' }, leader);
    await app.call('item.update', { itemId: item('2.2.1'), points: 1 }, leader);
    const last = await app.call('item.update', { itemId: item('2.2.2'), points: 2.75 }, leader);
    expect(last.totals.byCode['1']).toMatchObject({ points: 3.25, applicableMax: 4 });
    expect(last.totals.byCode['2']).toMatchObject({ points: 3.75, applicableMax: 4.5 });
    expect(last.totals.byCode['2.2']).toMatchObject({ points: 3.75, applicableMax: 4.5 });
    expect(last.totals.overall.points).toBe(7);
    expect(last.totals.overall.applicableMax).toBe(8.5);
    expect(last.totals.overall.percent).toBeCloseTo(82.35, 2);
    expect(last.totals.band).toBe('Tốt');
    // A province with its own table: 85 % for "Tốt".
    await app.call(
      'settings.update',
      {
        ratingBands: [
          { label: 'Tốt', minPercent: 85 },
          { label: 'Khá', minPercent: 70 },
          { label: 'Chưa đạt', minPercent: 0 },
        ],
      },
      leader,
    );
    const again = await app.call('assessment.get', { assessmentId: (await app.call('assessment.list', {}, leader))[0]!.id }, leader);
    expect(again.totals.band).toBe('Khá');
    const dup = await app.fail(
      'settings.update',
      {
        ratingBands: [
          { label: 'A', minPercent: 50 },
          { label: 'B', minPercent: 50 },
        ],
      },
      leader,
    );
    expect(dup.message).toMatch(/cùng ngưỡng/);
  });

  it('cannot mark done without an explanation; a returned item carries the comment; approval locks it for the officer', async () => {
    const { leader, off, officerId, assessmentId, item } = await scenario();
    await app.call('assessment.assign', { assessmentId, codes: ['1.1'], assigneeId: officerId }, leader);
    await app.call('item.update', { itemId: item('1.1'), points: 2 }, off);
    expect((await app.fail('item.markDone', { itemId: item('1.1') }, off)).message).toMatch(/cần nhập giải trình/);
    // Doc 001: the explanation must say where the proof is — too short is refused, on the field.
    await app.call('item.update', { itemId: item('1.1'), explanation: 'Kế hoạch số 05/KH-UBND.' }, off);
    const short = await app.fail('item.markDone', { itemId: item('1.1') }, off);
    expect(short.code).toBe('VALIDATION');
    expect(short.message).toMatch(/giải trình quá ngắn \(cần ít nhất 30 ký tự\)/);
    expect(short.issues).toEqual([{ path: 'explanation', message: short.message }]);
    await app.call('item.update', { itemId: item('1.1'), explanation: 'Kế hoạch số 05/KH-UBND ngày 10/01/2023, mục II trang 2.' }, off);
    expect((await app.call('item.markDone', { itemId: item('1.1') }, off)).item.status).toBe('done');
    expect((await app.fail('item.update', { itemId: item('1.1'), points: 1 }, off)).code).toBe('CONFLICT');
    const ret = await app.call('item.return', { itemId: item('1.1'), comment: 'Thiếu bản ký số' }, leader);
    expect(ret.item).toMatchObject({ status: 'returned', reviewComment: 'Thiếu bản ký số' });
    await app.call('item.update', { itemId: item('1.1'), explanation: 'Kế hoạch số 05/KH-UBND (bản ký số), mục II trang 2.' }, off);
    await app.call('item.markDone', { itemId: item('1.1') }, off);
    expect((await app.call('item.approve', { itemId: item('1.1') }, leader)).item.status).toBe('approved');
    expect((await app.fail('item.update', { itemId: item('1.1'), explanation: 'x' }, off)).message).toMatch(/đã được lãnh đạo duyệt/);
  });

  it("refuses an explanation that only repeats the criterion's title, whatever its case, accents or code", async () => {
    const { leader, item } = await scenario();
    await app.call('item.update', { itemId: item('2.2.2'), points: 3, explanation: '2.2.2. SO HOA HO SO, ket qua giai quyet TTHC' }, leader);
    const onlyTitle = await app.fail('item.markDone', { itemId: item('2.2.2') }, leader);
    expect(onlyTitle.message).toMatch(/chỉ nhắc lại tên tiêu chí/);
    expect(onlyTitle.issues?.[0]?.path).toBe('explanation');
    await app.call(
      'item.update',
      { itemId: item('2.2.2'), explanation: 'Số hóa hồ sơ, kết quả giải quyết TTHC: Báo cáo số 25/BC-UBND, Phụ lục 2 trang 4.' },
      leader,
    );
    expect((await app.call('item.markDone', { itemId: item('2.2.2') }, leader)).item.status).toBe('done');
  });
});

describe('deadline (enforced in main on every write)', () => {
  it('refuses every edit after the close, and a clock turned back does not reopen the window', async () => {
    const { leader, assessmentId, item } = await scenario();
    await app.call('item.update', { itemId: item('1.1'), points: 1 }, leader);
    app.clock.set(CLOSES); // 17:00 05/10/2023 exactly
    await app.call('auth.unlock', { password: LEADER.password }, leader); // weeks passed: the session locked
    const e = await app.fail('item.update', { itemId: item('1.1'), points: 2 }, leader);
    expect(e).toMatchObject({ code: 'DEADLINE' });
    expect(e.message).toContain('17:00 05/10/2023');
    expect((await app.fail('assessment.assign', { assessmentId, codes: ['1'], assigneeId: null }, leader)).code).toBe('DEADLINE');
    expect((await app.call('assessment.get', { assessmentId }, leader)).editable.ok).toBe(false);
    // Someone sets the PC clock back a day: still closed.
    app.clock.set(CLOSES - 86_400_000);
    await app.call('auth.unlock', { password: LEADER.password }, leader).catch(() => undefined);
    expect((await app.fail('item.update', { itemId: item('1.1'), points: 2 }, leader)).code).toBe('DEADLINE');
    expect((await app.call('assessment.get', { assessmentId }, leader)).items.find((i) => i.criterionCode === '1.1')!.points).toBe(1);
  });

  it('a supplementary window reopens only the chosen criteria', async () => {
    const { leader, assessmentId, item } = await scenario();
    app.clock.set(CLOSES + 86_400_000);
    await app.call('auth.unlock', { password: LEADER.password }, leader);
    await app.call(
      'assessment.addSupplementary',
      {
        assessmentId,
        opensAt: CLOSES + 3_600_000,
        closesAt: CLOSES + 5 * 86_400_000,
        codes: ['2.2'],
        note: 'Hội đồng trả lại',
        instructionRef: 'Công văn số 1234/SNV-CCHC ngày 10/10/2023',
      },
      leader,
    );
    await app.call('item.update', { itemId: item('2.2.2'), points: 3 }, leader);
    expect((await app.fail('item.update', { itemId: item('1.1'), points: 2 }, leader)).code).toBe('DEADLINE');
  });
});

describe('evidence', () => {
  it('accepts PDF and PNG by content, refuses a .docx renamed .pdf, stores one copy for several criteria', async () => {
    const { leader, assessmentId, item } = await scenario();
    const pdf = await makeDemoPdf(['Báo cáo số 25/BC-UBND', 'Công tác CCHC quý I/2023']);
    const up = await uploadBytes(app, leader, 'BC 25.pdf', pdf);
    const r = await app.call(
      'evidence.attach',
      {
        itemId: item('1.2'),
        uploadId: up,
        fileName: '1.2_so 25BC-UBND_BC CCHC quy I.2023',
        docNumber: '25/BC-UBND',
        docDate: '2023-03-25',
        summary: 'BC CCHC quý I/2023',
      },
      leader,
    );
    const ev = r.item.evidence[0]!;
    expect(ev).toMatchObject({ fileName: '1.2_so 25BC-UBND_BC CCHC quy I.2023', mediaType: 'application/pdf', pdfSigned: false });
    expect(existsSync(blobPath(app.dir, ev.sha256))).toBe(true);

    const docx = await uploadBytes(app, leader, 'bao cao.pdf', fakeDocx());
    const refused = await app.fail(
      'evidence.attach',
      { itemId: item('1.1'), uploadId: docx, fileName: '1.1_bao cao', docNumber: null, docDate: null, summary: null },
      leader,
    );
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toMatch(/bao cao\.pdf/);
    expect(refused.message).toMatch(/Word/);

    const png = await uploadBytes(app, leader, 'anh.jpg', makeDemoPng());
    const withPng = await app.call(
      'evidence.attach',
      { itemId: item('1.1'), uploadId: png, fileName: '1.1_so 05KH-UBND_Anh niem yet KH', docNumber: null, docDate: null, summary: null },
      leader,
    );
    expect(withPng.item.evidence[0]!.mediaType).toBe('image/png');

    // The same report used for 2.1 too: linked, not copied, under 2.1's own name.
    await app.call('evidence.link', { itemId: item('2.1'), sha256: ev.sha256, fileName: '2.1_so 25BC-UBND_BC CCHC quy I.2023' }, leader);
    const docs = await app.call('evidence.documents', { assessmentId }, leader);
    expect(docs.find((d) => d.sha256 === ev.sha256)!.usedBy.sort()).toEqual(['1.2', '2.1']);
    expect(app.s.db.sqlite.prepare('SELECT COUNT(*) n FROM document').get()).toEqual({ n: 2 });
  });

  it('validates the file name against the convention and the criterion', async () => {
    const { leader, item } = await scenario();
    const up = await uploadBytes(app, leader, 'x.pdf', await makeDemoPdf(['x']));
    const wrongCode = await app.fail(
      'evidence.attach',
      { itemId: item('1.2'), uploadId: up, fileName: '1.1_so 25BC-UBND_BC', docNumber: null, docDate: null, summary: null },
      leader,
    );
    expect(wrongCode.issues?.[0]?.path).toBe('fileName');
    const diacritics = await app.fail(
      'evidence.attach',
      { itemId: item('1.2'), uploadId: up, fileName: '1.2_Báo cáo', docNumber: null, docDate: null, summary: null },
      leader,
    );
    expect(diacritics.message).toMatch(/quy ước/);
  });
});

describe('pre-submission check and sending', () => {
  it('lists what the council would deduct for, blocks sending until fixed, then sends and withdraws', async () => {
    const { leader, off, officerId, assessmentId, item } = await scenario();
    const first = entries(await app.call('assessment.precheck', { assessmentId }, leader));
    expect(first.filter((e) => e.kind === 'unassigned')).toHaveLength(5);
    const refused = await app.fail('assessment.send', { assessmentId }, leader);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/Chưa gửi được báo cáo: còn \d+ lỗi ở 5 tiêu chí/);
    expect(new Set(refused.issues?.map((i) => i.path))).toEqual(new Set(['precheck.1.1', 'precheck.1.2', 'precheck.2.1', 'precheck.2.2.1', 'precheck.2.2.2']));

    await app.call('assessment.assign', { assessmentId, codes: ['1', '2'], assigneeId: officerId }, leader);
    // The commune's own reports are signed (doc 001); another body's document may be a scan.
    const signed = await signPdf(await makeDemoPdf(['Báo cáo']), await newIdentity(), {
      reason: 'Ban hành',
      location: 'Phú Thượng',
      name: 'UBND xã Phú Thượng',
    });
    for (const code of ['1.1', '1.2', '2.1', '2.2.1', '2.2.2']) {
      await app.call('item.update', { itemId: item(code), points: 1, explanation: `Minh chứng cho ${code}: Báo cáo số 1/BC-UBND, trang 2.` }, off);
      const up = await uploadBytes(app, off, 'bc.pdf', signed);
      await app.call(
        'evidence.attach',
        { itemId: item(code), uploadId: up, fileName: `${code}_so 1BC-UBND_BC`, docNumber: '1/BC-UBND', docDate: null, summary: 'BC' },
        off,
      );
      await app.call('item.markDone', { itemId: item(code) }, off);
    }
    const scan = await uploadBytes(app, leader, 'snv.pdf', await makeDemoPdf(['Sở Nội vụ', 'Công văn số 7/SNV-CCHC']));
    await app.call(
      'evidence.attach',
      { itemId: item('1.2'), uploadId: scan, fileName: '1.2_so 7SNV-CCHC_CV huong dan CCHC', docNumber: '7/SNV-CCHC', docDate: null, summary: 'CV' },
      leader,
    );
    const beforeApprove = entries(await app.call('assessment.precheck', { assessmentId }, leader));
    expect(beforeApprove.filter((e) => e.severity === 'error').map((e) => e.kind)).toEqual(Array(5).fill('not_approved'));
    // An unsigned scan of another body's document is a warning, not a blocker.
    expect(beforeApprove.filter((e) => e.kind === 'unsigned_pdf').map((e) => [e.criterionCode, e.severity])).toEqual([['1.2', 'warning']]);
    for (const code of ['1.1', '1.2', '2.1', '2.2.1', '2.2.2']) await app.call('item.approve', { itemId: item(code) }, leader);
    const sent = await app.call('assessment.send', { assessmentId }, leader);
    expect(sent.status).toBe('sent');
    expect((await app.fail('item.update', { itemId: item('1.1'), points: 2 }, leader)).message).toMatch(/đã được chốt để gửi/);
    expect((await app.call('assessment.withdraw', { assessmentId }, leader)).status).toBe('open');
  });
});

describe('the check, grouped as the screen shows it', () => {
  it('groups by area and criterion with counts, errors first, and refuses building with the key named first', async () => {
    const { leader, off, officerId, assessmentId, item } = await scenario();
    await app.call('assessment.assign', { assessmentId, codes: ['1'], assigneeId: officerId }, leader);
    // 1.1: finished and approved with 0 points and no evidence: only a warning is left.
    await app.call(
      'item.update',
      { itemId: item('1.1'), points: 0, explanation: 'Chưa ban hành kế hoạch CCHC năm 2023; xem Báo cáo số 25/BC-UBND mục I.' },
      off,
    );
    await app.call('item.markDone', { itemId: item('1.1') }, off);
    await app.call('item.approve', { itemId: item('1.1') }, leader);
    // 1.2: an unsigned PDF the commune issued itself, returned with a comment ending in a full stop.
    await app.call('item.update', { itemId: item('1.2'), points: 1, explanation: 'Báo cáo CCHC quý I số 25/BC-UBND, trang 1–3, gửi đúng hạn.' }, off);
    const up = await uploadBytes(app, off, 'bc.pdf', await makeDemoPdf(['Báo cáo']));
    await app.call(
      'evidence.attach',
      { itemId: item('1.2'), uploadId: up, fileName: '1.2_so 25BC-UBND_BC CCHC quy I.2023', docNumber: '25/BC-UBND', docDate: null, summary: 'BC' },
      off,
    );
    await app.call('item.markDone', { itemId: item('1.2') }, off);
    await app.call('item.return', { itemId: item('1.2'), comment: 'Thiếu văn bản đã ký số.' }, leader);

    const r = await app.call('assessment.precheck', { assessmentId }, leader);
    expect(r.areas.map((a) => [a.code, a.title])).toEqual([
      ['1', 'Công tác chỉ đạo, điều hành CCHC'],
      ['2', 'Cải cách thủ tục hành chính'],
    ]);
    const [area1, area2] = r.areas;
    // Criteria with errors first: 1.2 before 1.1 (warnings only).
    expect(area1!.criteria.map((c) => [c.code, c.errors, c.warnings])).toEqual([
      ['1.2', 2, 0],
      ['1.1', 0, 1],
    ]);
    expect(area1).toMatchObject({ errors: 2, warnings: 1 });
    const c12 = area1!.criteria[0]!;
    expect(c12).toMatchObject({ title: 'Báo cáo CCHC', itemId: item('1.2'), assigneeId: officerId, assigneeName: 'Lê Thị Hương' });
    expect(c12.entries.map((e) => [e.severity, e.kind])).toEqual([
      ['error', 'not_done'],
      ['error', 'unsigned_pdf'],
    ]);
    // No "…đã ký số.)." double stops.
    expect(c12.entries[0]!.message).toBe('Đã trả lại, công chức chưa sửa xong (lý do: Thiếu văn bản đã ký số).');
    expect(c12.entries[1]!.message).toContain('do UBND ban hành');
    for (const e of r.areas.flatMap((a) => a.criteria.flatMap((c) => c.entries))) expect(e.message).not.toMatch(/\.\)\.|\.\.$/);
    expect(area2!.criteria.map((c) => c.code)).toEqual(['2.1', '2.2.1', '2.2.2']);
    expect(area2!.criteria[0]!.entries[0]).toMatchObject({ severity: 'error', kind: 'unassigned' });
    expect(r.errors).toBe(area1!.errors + area2!.errors);
    // 1.1's warning and the three untouched criteria of area 2 (no evidence, no score yet).
    expect(r).toMatchObject({ warnings: 4, criteriaWithErrors: 4 });

    // No key yet: the refusal names it first, then one issue per error, by path.
    const blocked = await app.fail('package.build', { assessmentId, passphrase: 'khoa-ky-12345' }, leader);
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.issues?.[0]?.path).toBe('signingKey');
    const rest = blocked.issues!.slice(1);
    expect(rest).toHaveLength(r.errors);
    expect(rest.every((i) => i.path.startsWith('precheck.'))).toBe(true);
    expect(new Set(rest.map((i) => i.path)).size).toBe(4);
    expect(blocked.message).toMatch(/Chưa có khóa ký[\s\S]*Chưa đóng gói được: còn \d+ lỗi ở 4 tiêu chí/);
  });
});
