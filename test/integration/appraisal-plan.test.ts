// The improvement plan (issue 10): the leader completes drafted tasks, officers see theirs in
// "Việc của tôi", late tasks stand out, bad dates and departed assignees are refused or flagged,
// every change is audited; the plan exports as PDF/XLSX read back by outside tools; next year's
// assessment shows last year's result and the pre-submission check warns where nothing was done.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { makeDemoPng } from '../../main/services/demo-files';
import { cleanup, openTestApp, setUpOffice, type TestApp } from '../helpers/services';
import { uploadBytes } from '../helpers/assessment';
import { docRows, phuThuong2021, writeResultsXlsx } from '../helpers/appraisal';

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

  it.skipIf(!existsSync('/usr/bin/soffice'))('the plan XLSX converts with LibreOffice, Vietnamese intact', async () => {
    const ref = await app.call('plan.export', { assessmentId, format: 'xlsx' }, leader);
    const src = app.s.files.get(ref.fileId)!.path;
    execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', app.dir, src]);
    const csv = readFileSync(path.join(app.dir, path.basename(src).replace(/\.xlsx$/, '.csv')), 'utf8');
    expect(csv).toContain('II. NHIỆM VỤ, GIẢI PHÁP');
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
  it('shows last year’s result and measure, and the check warns until evidence is added', async () => {
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
