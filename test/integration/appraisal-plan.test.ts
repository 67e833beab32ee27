// The improvement plan (issue 10): the leader completes drafted tasks, officers see theirs in
// "Việc của tôi", late tasks stand out, bad dates and departed assignees are refused or flagged,
// every change is audited; the plan exports as PDF/XLSX read back by outside tools; next year's
// assessment shows last year's result and the pre-submission check warns where nothing was done.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { makeDemoPng } from '../../main/services/demo-files';
import { cleanup, openTestApp, setUpOffice, type TestApp } from '../helpers/services';
import { uploadBytes } from '../helpers/assessment';
import { DOC_002, SAMPLE_CODES, docRows, phuThuong2021, writeResultsXlsx } from '../helpers/appraisal';
import { sofficeConvert, xlsxRowsByLibreOffice } from '../helpers/libreoffice';

let app: TestApp;
let leader: string;
let assessmentId: number;
const DAY = 86_400_000;

async function officer(username: string, fullName: string) {
  const u = await app.call('users.create', { username, fullName, position: 'Văn hóa - Xã hội', roles: ['officer'], password: 'mat-khau-manh' }, leader);
  const { token } = await app.call('auth.login', { username, password: 'mat-khau-manh' });
  return { id: u.id, token };
}

beforeEach(async () => {
  app = openTestApp();
  leader = await setUpOffice(app);
  assessmentId = await phuThuong2021(app, leader);
  const file = path.join(app.dir, 'kq.xlsx');
  await writeResultsXlsx(file, docRows({ leavesOnly: true }));
  await app.call('appraisal.import', { assessmentId, uploadId: await uploadBytes(app, leader, 'kq.xlsx', readFileSync(file)) }, leader);
});
afterEach(() => {
  app.close();
  cleanup(app.dir);
});

const taskOf = async (code: string) => (await app.call('plan.get', { assessmentId }, leader)).tasks.find((t) => t.criterionCode === code)!;

describe('completing the plan', () => {
  it('the leader gives tasks to an officer and to a unit; the officer sees theirs and updates the status', async () => {
    const ly = await officer('nguyenly', 'Nguyễn Thị Ly');
    const t18 = await taskOf('1.8');
    const today = (await app.call('plan.get', { assessmentId }, leader)).today;
    const due = new Date(Date.parse(today) + 60 * DAY).toISOString().slice(0, 10);
    await app.call('plan.updateTask', { taskId: t18.id, measure: 'Theo dõi tiến độ nhiệm vụ hằng tháng', assigneeUserId: ly.id, dueDate: due }, leader);
    const t21 = await taskOf('3.2.1');
    const unit = await app.call(
      'plan.updateTask',
      { taskId: t21.id, measure: 'Công khai TTHC', assigneeUnit: 'Văn phòng HĐND và UBND xã', dueDate: due },
      leader,
    );
    expect(unit).toMatchObject({ assigneeUnit: 'Văn phòng HĐND và UBND xã', assigneeUserId: null });

    const mine = await app.call('plan.mine', {}, ly.token);
    expect(mine.tasks.map((t) => t.criterionCode)).toEqual(['1.8']);
    const done = await app.call('plan.updateTask', { taskId: t18.id, status: 'done', statusNote: 'Đã lập sổ theo dõi' }, ly.token);
    expect(done).toMatchObject({ status: 'done', statusNote: 'Đã lập sổ theo dõi' });
    expect(done.doneAt).toBe(app.clock.now());
    // An officer may not change what the leader decided, nor touch someone else's task.
    expect((await app.fail('plan.updateTask', { taskId: t18.id, dueDate: due, measure: 'khác' }, ly.token)).code).toBe('FORBIDDEN');
    expect((await app.fail('plan.updateTask', { taskId: t21.id, status: 'doing' }, ly.token)).code).toBe('FORBIDDEN');
    const audit = await app.call('audit.list', { limit: 20 }, leader);
    expect(audit.entries.filter((e) => e.action === 'plan.task')).toHaveLength(3);
    // The audit page names the criterion and the year, not the log's key "2021:1.8".
    expect(audit.entries.filter((e) => e.action === 'plan.task').map((e) => e.subject)).toContain('Tiêu chí 1.8 — năm 2021');
    expect(audit.entries.find((e) => e.action === 'plan.draft')?.subject).toBe('Kế hoạch khắc phục năm 2021');
  });

  it('refuses a due date before the task was created, and an assignee who has left; flags one who left later', async () => {
    const t = await taskOf('1.8');
    const created = new Date(t.createdAt + 7 * 3600_000).toISOString().slice(0, 10);
    const before = new Date(Date.parse(created) - DAY).toISOString().slice(0, 10);
    const err = await app.fail('plan.updateTask', { taskId: t.id, dueDate: before }, leader);
    expect(err.issues).toEqual([{ path: 'dueDate', message: expect.stringMatching(/^Thời hạn không được trước ngày lập nhiệm vụ \(\d\d\/\d\d\/\d{4}\)\.$/) }]);

    const ly = await officer('nguyenly', 'Nguyễn Thị Ly');
    const cuong = await officer('tranvcuong', 'Trần Văn Cường');
    await app.call('users.setActive', { id: cuong.id, active: false }, leader);
    const left = await app.fail('plan.updateTask', { taskId: t.id, assigneeUserId: cuong.id }, leader);
    expect(left.issues![0]).toEqual({ path: 'assigneeUserId', message: expect.stringMatching(/^Trần Văn Cường đã ngừng hoạt động/) });

    await app.call('plan.updateTask', { taskId: t.id, assigneeUserId: ly.id }, leader);
    await app.call('users.setActive', { id: ly.id, active: false }, leader);
    expect(await taskOf('1.8')).toMatchObject({ assigneeName: 'Nguyễn Thị Ly', assigneeInactive: true });
    expect((await app.call('plan.get', { assessmentId }, leader)).people.map((p) => p.fullName)).not.toContain('Nguyễn Thị Ly');
  });

  it('late tasks stand out: the officer sees their own, the leader everyone’s', async () => {
    const ly = await officer('nguyenly', 'Nguyễn Thị Ly');
    const t = await taskOf('1.8');
    const today = (await app.call('plan.get', { assessmentId }, leader)).today;
    const due = new Date(Date.parse(today) + 3 * DAY).toISOString().slice(0, 10);
    await app.call('plan.updateTask', { taskId: t.id, measure: 'Lập sổ theo dõi', assigneeUserId: ly.id, dueDate: due }, leader);
    expect((await app.call('plan.mine', {}, ly.token)).overdue).toEqual([]);
    app.clock.advance(5 * DAY);
    // Five days later: both log in again (sessions lock when idle).
    const lyAgain = (await app.call('auth.login', { username: 'nguyenly', password: 'mat-khau-manh' })).token;
    const boss = (await app.call('auth.login', { username: 'chutich', password: 'mat-khau-manh' })).token;
    expect((await app.call('plan.mine', {}, lyAgain)).overdue.map((x) => x.criterionCode)).toEqual(['1.8']);
    expect((await app.call('plan.mine', {}, boss)).overdue.map((x) => x.criterionCode)).toEqual(['1.8']);
    await app.call('plan.updateTask', { taskId: t.id, status: 'done' }, lyAgain);
    expect((await app.call('plan.mine', {}, boss)).overdue).toEqual([]);
  });

  it('targets of section III: added, measured, refused without words', async () => {
    const list = await app.call(
      'plan.saveTarget',
      { assessmentId, text: 'Tỷ lệ hồ sơ trực tuyến', targetValue: '50 %', measuredValue: null, dueDate: null },
      leader,
    );
    const saved = await app.call(
      'plan.saveTarget',
      { assessmentId, targetId: list[0]!.id, text: 'Tỷ lệ hồ sơ trực tuyến', targetValue: '50 %', measuredValue: '38 %', dueDate: null },
      leader,
    );
    expect(saved).toEqual([{ id: list[0]!.id, text: 'Tỷ lệ hồ sơ trực tuyến', targetValue: '50 %', measuredValue: '38 %', dueDate: null }]);
    expect(
      (await app.fail('plan.saveTarget', { assessmentId, text: '  ', targetValue: null, measuredValue: null, dueDate: null }, leader)).issues![0]!.path,
    ).toBe('text');
    const log = await app.call('audit.list', { limit: 5 }, leader);
    expect(log.entries.find((e) => e.action === 'plan.target.update')?.subject).toBe('Chỉ tiêu “Tỷ lệ hồ sơ trực tuyến” — năm 2021');
  });
});

describe('tasks the leader adds by hand', () => {
  it('adds a task with a measure, a unit or an officer, a due date and a status; a re-import keeps it; only it can be removed', async () => {
    const ly = await officer('nguyenly', 'Nguyễn Thị Ly');
    const today = (await app.call('plan.get', { assessmentId }, leader)).today;
    const due = new Date(Date.parse(today) + 30 * DAY).toISOString().slice(0, 10);
    const training = await app.call(
      'plan.addTask',
      { assessmentId, measure: ' Tập huấn sử dụng chữ ký số cho cán bộ, công chức ', assigneeUnit: 'Văn phòng HĐND và UBND xã', dueDate: due, status: 'doing' },
      leader,
    );
    expect(training).toMatchObject({
      criterionCode: null,
      pointsLost: 0,
      measure: 'Tập huấn sử dụng chữ ký số cho cán bộ, công chức',
      assigneeUnit: 'Văn phòng HĐND và UBND xã',
      dueDate: due,
      status: 'doing',
    });
    const scanner = await app.call('plan.addTask', { assessmentId, measure: 'Mua máy quét tài liệu', assigneeUserId: ly.id }, leader);
    // The officer finds it in "Việc của tôi" beside the drafted ones and updates its status.
    expect((await app.call('plan.mine', {}, ly.token)).tasks.map((t) => t.measure)).toEqual(['Mua máy quét tài liệu']);
    expect(await app.call('plan.updateTask', { taskId: scanner.id, status: 'done' }, ly.token)).toMatchObject({ status: 'done' });

    // Re-importing the council's file redrafts the deductions and leaves the hand-added tasks alone.
    const file = path.join(app.dir, 'kq2.xlsx');
    await writeResultsXlsx(file, docRows({ leavesOnly: true }));
    await app.call('appraisal.import', { assessmentId, uploadId: await uploadBytes(app, leader, 'kq2.xlsx', readFileSync(file)) }, leader);
    const own = (await app.call('plan.get', { assessmentId }, leader)).tasks.filter((t) => t.criterionCode === null);
    expect(own.map((t) => [t.measure, t.status])).toEqual([
      ['Tập huấn sử dụng chữ ký số cho cán bộ, công chức', 'doing'],
      ['Mua máy quét tài liệu', 'done'],
    ]);

    // The PDF lists it under its unit, without a criterion.
    const ref = await app.call('plan.export', { assessmentId, format: 'pdf' }, leader);
    const text = execFileSync('pdftotext', ['-layout', app.s.files.get(ref.fileId)!.path, '-'], { encoding: 'utf8' })
      .normalize('NFC')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Văn phòng HĐND và UBND xã');
    expect(text).toContain('- Tập huấn sử dụng chữ ký số cho cán bộ, công chức. Thời hạn:');

    // A drafted task stays while its criterion loses points; an officer cannot remove anything.
    const drafted = await app.fail('plan.removeTask', { taskId: (await taskOf('1.8')).id }, leader);
    expect(drafted).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^Nhiệm vụ của tiêu chí 1.8 được lập từ kết quả thẩm định nên không xóa được/),
    });
    expect((await app.fail('plan.removeTask', { taskId: training.id }, ly.token)).code).toBe('FORBIDDEN');
    expect((await app.fail('plan.addTask', { assessmentId, measure: 'Việc của tôi' }, ly.token)).code).toBe('FORBIDDEN');
    const left = await app.call('plan.removeTask', { taskId: training.id }, leader);
    expect(left.some((t) => t.id === training.id)).toBe(false);
    expect(left.some((t) => t.id === scanner.id)).toBe(true);

    const log = (await app.call('audit.list', { limit: 30 }, leader)).entries;
    expect(log.filter((e) => e.action === 'plan.task.add').map((e) => e.subject)).toEqual(['Kế hoạch khắc phục năm 2021', 'Kế hoạch khắc phục năm 2021']);
    expect(log.find((e) => e.action === 'plan.task.remove')).toBeDefined();
  });

  it('refuses a task without words, a due date before today, an assignee who has left, or both an officer and a unit; nothing is stored', async () => {
    const cuong = await officer('tranvcuong', 'Trần Văn Cường');
    await app.call('users.setActive', { id: cuong.id, active: false }, leader);
    const today = (await app.call('plan.get', { assessmentId }, leader)).today;
    const yesterday = new Date(Date.parse(today) - DAY).toISOString().slice(0, 10);
    const issues = async (input: Record<string, unknown>) => (await app.fail('plan.addTask', { assessmentId, measure: 'Tập huấn', ...input }, leader)).issues;
    expect(await issues({ measure: '   ' })).toEqual([{ path: 'measure', message: expect.stringMatching(/^Cần ghi nội dung nhiệm vụ/) }]);
    expect(await issues({ dueDate: yesterday })).toEqual([
      { path: 'dueDate', message: `Thời hạn không được trước ngày lập nhiệm vụ (${today.split('-').reverse().join('/')}).` },
    ]);
    expect(await issues({ dueDate: '31/12/2022' })).toEqual([{ path: 'dueDate', message: 'Ngày không hợp lệ; nhập dạng dd/mm/yyyy, ví dụ 30/06/2025.' }]);
    expect(await issues({ assigneeUserId: cuong.id })).toEqual([
      { path: 'assigneeUserId', message: expect.stringMatching(/^Trần Văn Cường đã ngừng hoạt động/) },
    ]);
    expect(await issues({ assigneeUserId: cuong.id, assigneeUnit: 'Văn phòng' })).toEqual([
      { path: 'assignee', message: 'Chọn một người thực hiện hoặc ghi tên một bộ phận, không cả hai.' },
    ]);
    expect((await app.call('plan.get', { assessmentId }, leader)).tasks.filter((t) => t.criterionCode === null)).toEqual([]);
  });
});

describe('exports read back by outside tools', () => {
  it('the plan PDF reads back with pdftotext, Vietnamese intact, with results, tasks by person and the signature block', async () => {
    const ly = await officer('nguyenly', 'Nguyễn Thị Ly');
    await app.call('plan.updateTask', { taskId: (await taskOf('1.8')).id, measure: 'Theo dõi tiến độ nhiệm vụ hằng tháng', assigneeUserId: ly.id }, leader);
    await app.call(
      'plan.saveTarget',
      { assessmentId, text: '100 % văn bản số hóa và ký số', targetValue: '100 %', measuredValue: null, dueDate: null },
      leader,
    );
    const ref = await app.call('plan.export', { assessmentId, format: 'pdf' }, leader);
    expect(ref.fileName).toBe('Ke hoach nang cao chi so CCHC 2022.pdf');
    const text = execFileSync('pdftotext', ['-layout', app.s.files.get(ref.fileId)!.path, '-'], { encoding: 'utf8' })
      .normalize('NFC')
      .replace(/\s+/g, ' ');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'KẾ HOẠCH',
      'Nâng cao Chỉ số cải cách hành chính năm 2022',
      'I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021',
      'Hội đồng thẩm định',
      'II. NHIỆM VỤ, GIẢI PHÁP',
      'Nguyễn Thị Ly — Văn hóa - Xã hội',
      'Theo dõi tiến độ nhiệm vụ hằng tháng',
      '100 % văn bản số hóa và ký số',
      'III. TỔ CHỨC THỰC HIỆN',
      'CHỦ TỊCH',
      'Nguyễn Văn Hùng',
    ])
      expect(text).toContain(s);
    expect(text).toMatch(/1\.8 .*trừ 0,5 điểm/);
  });

  it('the plan XLSX reads back with LibreOffice, Vietnamese intact: deductions with reasons, tasks by person and unit', async () => {
    const ly = await officer('nguyenly', 'Nguyễn Thị Ly');
    await app.call(
      'plan.updateTask',
      { taskId: (await taskOf('1.8')).id, measure: 'Theo dõi tiến độ nhiệm vụ hằng tháng', assigneeUserId: ly.id, dueDate: '2030-06-30', status: 'doing' },
      leader,
    );
    await app.call('plan.addTask', { assessmentId, measure: 'Tập huấn sử dụng chữ ký số', assigneeUnit: 'Văn phòng HĐND và UBND xã' }, leader);
    await app.call(
      'plan.saveTarget',
      { assessmentId, text: 'Tỷ lệ hồ sơ trực tuyến', targetValue: '50 %', measuredValue: '38 %', dueDate: '2030-12-31' },
      leader,
    );
    const ref = await app.call('plan.export', { assessmentId, format: 'xlsx' }, leader);
    const rows = xlsxRowsByLibreOffice(app.s.files.get(ref.fileId)!.path);
    const firsts = rows.map((r) => r[0]);
    for (const s of ['KẾ HOẠCH', 'Nâng cao Chỉ số cải cách hành chính năm 2022', 'I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021', 'II. NHIỆM VỤ, GIẢI PHÁP'])
      expect(firsts).toContain(s);
    expect(firsts).toContain('III. TỔ CHỨC THỰC HIỆN');
    expect(firsts[0]).toBe('UBND HUYỆN VÕ NHAI — UBND XÃ PHÚ THƯỢNG');
    const row = (first: string, second: string) => rows.find((r) => r[0] === first && r[1] === second);
    // Section I: the area with its points, its deductions with the council's reason (numbers stay numbers).
    expect(rows).toContainEqual(['Lĩnh vực', 'Mã', 'Tiêu chí', 'Điểm tối đa', 'Tự đánh giá', 'Thẩm định', 'Lý do trừ điểm', 'Điểm bị trừ']);
    expect(row('Công tác chỉ đạo, điều hành CCHC', '1')!.slice(3)).toEqual(['10', '8', '7.5', '', '2.5']);
    const d18 = row('', '1.8')!;
    expect(d18.slice(2, 7)).toEqual([
      'Báo cáo phân tích, đánh giá hạn chế, tồn tại Chỉ số CCHC, chỉ số hài lòng về sự phục vụ hành chính',
      '',
      '',
      '',
      expect.stringMatching(/quá hạn/),
    ]);
    expect(Number(d18[7])).toBe(0.5);
    // Section II: the target, then the tasks by person and by unit (the hand-added one has no criterion).
    expect(rows).toContainEqual(['1', '', 'Tỷ lệ hồ sơ trực tuyến', '50 %', '38 %', '31/12/2030', '', '']);
    const t18 = row('Nguyễn Thị Ly — Văn hóa - Xã hội', '1.8')!;
    expect([t18[4], t18[5], t18[6]]).toEqual(['30/06/2030', 'Đang làm', 'Theo dõi tiến độ nhiệm vụ hằng tháng']);
    expect(rows).toContainEqual(['Văn phòng HĐND và UBND xã', '', '', '', '', 'Chưa làm', 'Tập huấn sử dụng chữ ký số', '']);
  });

  it('the council’s template reads back with LibreOffice, and a copy saved by LibreOffice imports', async () => {
    const ref = await app.call('appraisal.template', { assessmentId }, leader);
    const template = app.s.files.get(ref.fileId)!.path;
    const rows = xlsxRowsByLibreOffice(template);
    expect(rows.slice(0, 4).map((r) => r[0])).toEqual([
      'KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021',
      'Đơn vị: UBND xã Phú Thượng, huyện Võ Nhai, tỉnh Thái Nguyên',
      'Năm: 2021',
      'Bộ tiêu chí: Bộ tiêu chí mẫu — theo KH 23/KH-UBND xã Phú Thượng',
    ]);
    const header = rows.findIndex((r) => r[0] === 'Mã');
    expect(rows[header]).toEqual(['Mã', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự chấm', 'Điểm thẩm định', 'Lý do trừ điểm']);
    const body = rows.slice(header + 1).filter((r) => r[0] !== '');
    expect(body.map((r) => r[0])).toEqual(SAMPLE_CODES);
    // Titles as the criteria set writes them; self-scores as numbers; the council's columns empty.
    expect(body.find((r) => r[0] === '1.8')).toEqual(['1.8', DOC_002.find((n) => n.code === '1.8')!.title, '1', '1', '', '']);
    expect(body.find((r) => r[0] === '3.2.10')![1]).toBe('Phân công lãnh đạo “trực tại bộ phận một cửa” để ký văn bản, giấy tờ phục vụ cá nhân, tổ chức');
    expect(body.every((r) => r[4] === '' && r[5] === '')).toBe(true);

    // The council fills it in and saves it with LibreOffice Calc: that file imports.
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const ws = wb.worksheets[0]!;
    const byCode = new Map(docRows({ leavesOnly: true }).map(([code, points, reason]) => [String(code), { points, reason }]));
    ws.eachRow((r, n) => {
      const d = n > header + 1 ? byCode.get(r.getCell(1).text) : undefined;
      if (d?.points != null) r.getCell(5).value = d.points;
      if (d?.reason) r.getCell(6).value = d.reason;
    });
    const filled = path.join(app.dir, 'dien.xlsx');
    await wb.xlsx.writeFile(filled);
    const outDir = path.join(app.dir, 'calc');
    mkdirSync(outDir);
    const saved = sofficeConvert(filled, 'xlsx:Calc MS Excel 2007 XML', outDir);
    const r = await app.call('appraisal.import', { assessmentId, uploadId: await uploadBytes(app, leader, 'dien.xlsx', readFileSync(saved)) }, leader);
    expect(r.drafted).toBe((await app.call('plan.get', { assessmentId }, leader)).tasks.length);
    const view = await app.call('appraisal.get', { assessmentId }, leader);
    expect(view.comparison!.rows.find((x) => x.code === '1.8')).toMatchObject({ self: 1, appraised: 0.5, reason: expect.stringMatching(/quá hạn/) });
  });

  it('the council’s template imports back as soon as it is filled in', async () => {
    const ref = await app.call('appraisal.template', { assessmentId }, leader);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(app.s.files.get(ref.fileId)!.path);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(7).values).toEqual([undefined, 'Mã', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự chấm', 'Điểm thẩm định', 'Lý do trừ điểm']);
    ws.eachRow((row, r) => {
      if (r <= 7) return;
      const isLeaf = !ws
        .getRow(r + 1)
        .getCell(1)
        .text.startsWith(`${row.getCell(1).text}.`);
      if (isLeaf && typeof row.getCell(3).value === 'number') row.getCell(5).value = row.getCell(3).value;
    });
    const filled = path.join(app.dir, 'filled.xlsx');
    await wb.xlsx.writeFile(filled);
    const r = await app.call('appraisal.import', { assessmentId, uploadId: await uploadBytes(app, leader, 'filled.xlsx', readFileSync(filled)) }, leader);
    expect(r.drafted).toBe(0);
  });
});

describe('next year', () => {
  it('shows last year’s result and measure, and the check warns until evidence is added (after the task was done, too)', async () => {
    await app.call('plan.updateTask', { taskId: (await taskOf('1.8')).id, measure: 'Theo dõi tiến độ nhiệm vụ hằng tháng' }, leader);
    const set = (await app.call('criteria.list', {}, leader))[0]!;
    const now = app.clock.now();
    const next = await app.call('assessment.create', { year: 2022, setId: set.id, opensAt: now - DAY, closesAt: now + 30 * DAY }, leader);
    const prev = await app.call('appraisal.previous', { assessmentId: next.id, criterionCode: '1.8' }, leader);
    expect(prev).toMatchObject({ year: 2021, max: 1, self: 1, appraised: 0.5, measure: 'Theo dõi tiến độ nhiệm vụ hằng tháng', taskStatus: 'todo' });
    expect(prev!.reason).toMatch(/quá hạn/);

    const warn = async () =>
      (await app.call('assessment.precheck', { assessmentId: next.id }, leader)).areas
        .flatMap((a) => a.criteria)
        .find((c) => c.code === '1.8')!
        .entries.find((e) => e.kind === 'last_year_deduction');
    expect(await warn()).toMatchObject({
      severity: 'warning',
      message: expect.stringMatching(/^Năm 2021 Hội đồng thẩm định trừ điểm tiêu chí này \(lý do: .*quá hạn/),
    });
    // Marking last year's task done is not enough: the check wants this year's evidence.
    await app.call('plan.updateTask', { taskId: (await taskOf('1.8')).id, status: 'done' }, leader);
    expect(await warn()).toBeDefined();
    const item = (await app.call('assessment.get', { assessmentId: next.id }, leader)).items.find((i) => i.criterionCode === '1.8')!;
    const png = makeDemoPng();
    const uploadId = await uploadBytes(app, leader, 'so theo doi.png', png);
    await app.call(
      'evidence.attach',
      { itemId: item.id, uploadId, docNumber: '12/TB-UBND', docDate: null, summary: 'So theo doi', fileName: '1.8_so 12TB-UBND_So theo doi' },
      leader,
    );
    expect(await warn()).toBeUndefined();
  });
});
