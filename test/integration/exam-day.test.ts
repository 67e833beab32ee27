// Exam day against a real SQLite file (document 000): teams by the sub-role in Ghi chú and the
// proctor's choice, a late commune imported and formed while another team runs, time-out (results
// still open, no new codes), an Internet incident that stops the clock and names whom it fails, an
// override of 2,5 minutes, the read-only board link, and the results PDF read back by pdftotext.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { openTestApp, cleanup, setUpOffice, type TestApp } from '../helpers/services';
import { person } from '../helpers/exam';
import { writeRawXlsx, row02, TITLE_02 } from '../helpers/roster';
import { storeRoster, checkRosterFile, rosterWarnings } from '../../main/services/exam/roster-io';
import { SYSTEM_ACTOR } from '../../main/services/context';
import { STEP_MS } from '../../main/domain/exam-steps';
import type { RosterRow } from '../../main/services/roster';

let app: TestApp;
afterEach(() => {
  app.close();
  cleanup(app.dir);
});

const T0 = Date.UTC(2023, 8, 20, 1, 0); // 08:00 20/09/2023 in Vietnam

function commune(name: string, notes: { vp: [string | null, string | null]; tp: [string | null, string | null] }): RosterRow[] {
  return [
    person(`Trần Văn Chủ ${name}`, 'CT_PCT', 'Chủ tịch', name),
    person(`Lê Thị Hành ${name}`, 'VP_TK', 'Văn phòng - Thống kê', name, { note: notes.vp[0] }),
    person(`Lê Văn Cửa ${name}`, 'VP_TK', 'Văn phòng - Thống kê', name, { note: notes.vp[1] }),
    person(`Phạm Chứng ${name}`, 'TP_HT', 'Tư pháp - Hộ tịch', name, { note: notes.tp[0] }),
    person(`Phạm Hộ ${name}`, 'TP_HT', 'Tư pháp - Hộ tịch', name, { note: notes.tp[1] }),
  ];
}

async function setup(rows: RosterRow[]) {
  app = openTestApp();
  app.clock.set(T0);
  const leader = await setUpOffice(app);
  await app.call(
    'users.create',
    { fullName: 'Ngô Thanh Bình', position: 'Công chức khác', username: 'giamthi', password: 'giam-thi-123', roles: ['proctor'] },
    leader,
  );
  const { token } = await app.call('auth.login', { username: 'giamthi', password: 'giam-thi-123' });
  const round = await app.call('exam.createRound', { name: 'Đợt 1 — Mỹ Xuyên 2023', examDate: '2023-09-20', venue: 'Hội trường', district: 'Mỹ Xuyên' }, token);
  const store = (r: RosterRow[]) =>
    storeRoster(
      app.s,
      SYSTEM_ACTOR,
      round.id,
      [
        { form: '01' as const, rows: r.filter((p) => p.positionId === 'CT_PCT') },
        { form: '02' as const, rows: r.filter((p) => p.positionId !== 'CT_PCT') },
      ].filter((f) => f.rows.length),
      'test',
    );
  store(rows);
  const view = async () => app.call('exam.console', { roundId: round.id }, token);
  const team = async (c: string) => (await view()).teams.find((t) => t.commune === c)!;
  const names = (st: { performers: { fullName: string }[] }) => st.performers.map((p) => p.fullName).sort();
  return { token, roundId: round.id, store, view, team, names };
}

describe('team forming follows the sub-roles of document 000', () => {
  it('books step 1 with the chứng thực TP-HT and the HĐND-UBND VP-TK; step 2 hộ tịch; step 4 một cửa', async () => {
    const { token, roundId, team, names } = await setup(
      commune('Đại Tâm', { vp: ['Phụ trách HĐND và UBND', 'Phụ trách một cửa'], tp: ['Phụ trách chứng thực', 'Phụ trách hộ tịch'] }),
    );
    await app.call('exam.formTeams', { roundId }, token);
    const t = await team('Đại Tâm');
    expect(names(t.steps[0]!)).toEqual(['Lê Thị Hành Đại Tâm', 'Phạm Chứng Đại Tâm']);
    expect(names(t.steps[1]!)).toEqual(['Phạm Hộ Đại Tâm']);
    expect(names(t.steps[2]!)).toEqual(['Trần Văn Chủ Đại Tâm']);
    expect(names(t.steps[3]!)).toEqual(['Lê Văn Cửa Đại Tâm']);
    expect(t.steps[3]!.performers[0]!.subRole).toBe('phụ trách một cửa');
    expect(t.choices).toEqual([]);
  });

  it('two officers and no note that decides: the proctor chooses, and the choice is gone once made', async () => {
    const { token, roundId, team } = await setup(commune('Đại Tâm', { vp: ['Phụ trách một cửa', null], tp: [null, null] }));
    await app.call('exam.formTeams', { roundId }, token);
    let t = await team('Đại Tâm');
    // VP-TK: the one without a note takes the role nobody has; TP-HT: both steps wait for the proctor.
    expect(t.choices.map((c) => [c.step, c.positionId, c.candidates.map((x) => x.fullName).sort()])).toEqual([
      [1, 'TP_HT', ['Phạm Chứng Đại Tâm', 'Phạm Hộ Đại Tâm']],
      [2, 'TP_HT', ['Phạm Chứng Đại Tâm', 'Phạm Hộ Đại Tâm']],
    ]);
    const chung = t.choices[0]!.candidates.find((c) => c.fullName === 'Phạm Chứng Đại Tâm')!;
    const ho = t.choices[0]!.candidates.find((c) => c.fullName === 'Phạm Hộ Đại Tâm')!;
    await app.call('exam.setPerformer', { teamId: t.id, step: 1, entryId: chung.entryId, add: true }, token);
    await app.call('exam.setPerformer', { teamId: t.id, step: 2, entryId: ho.entryId, add: true }, token);
    t = await team('Đại Tâm');
    expect(t.choices).toEqual([]);
    expect(t.steps[3]!.performers.map((p) => p.fullName)).toEqual(['Lê Thị Hành Đại Tâm']);
  });
});

describe('a commune arriving late', () => {
  it('is imported and gets its team while another team runs; the running team is untouched', async () => {
    const notes = {
      vp: ['Phụ trách HĐND và UBND', 'Phụ trách một cửa'] as [string, string],
      tp: ['Phụ trách chứng thực', 'Phụ trách hộ tịch'] as [string, string],
    };
    const { token, roundId, store, team } = await setup(commune('Đại Tâm', notes));
    await app.call('exam.formTeams', { roundId }, token);
    const first = await team('Đại Tâm');
    await app.call('exam.startStep', { teamId: first.id, step: 1 }, token);
    app.clock.advance(3 * 60_000);

    // The late commune's own file: accepted; only its rows are added.
    expect(store(commune('Tham Đôn', notes))).toEqual({ '01': 1, '02': 4 });
    const formed = await app.call('exam.formTeams', { roundId }, token);
    expect(formed).toMatchObject({ teams: 1, kept: 1 });
    const running = await team('Đại Tâm');
    expect(running.id).toBe(first.id);
    expect(running.steps[0]).toMatchObject({ phase: 'running', deadlineAt: T0 + STEP_MS, remainingMs: 12 * 60_000 });
    expect((await team('Tham Đôn')).steps[0]!.performers).toHaveLength(2);
    const counts = (await app.call('exam.round', { roundId }, token)).round.counts;
    expect(counts).toEqual({ '01': 2, '02': 8 });

    // A file that also lists the running commune is refused whole, and says why.
    const e = await Promise.resolve()
      .then(() => store(commune('Đại Tâm', notes)))
      .catch((x: { code: string; message: string }) => x);
    expect(e).toMatchObject({ code: 'CONFLICT' });
    expect((e as { message: string }).message).toMatch(/^Không nhập được: tệp có danh sách Mẫu 01–03 của xã đang thi \(Đại Tâm\)\./);
    expect((await app.call('exam.round', { roundId }, token)).round.counts).toEqual({ '01': 2, '02': 8 });
    // Nothing left to form: the refusal talks about the import, not about teams in general.
    const again = await app.fail('exam.formTeams', { roundId }, token);
    expect(again.message).toBe(
      'Các đội đang thi và mọi xã trong danh sách đã có đội: không còn xã nào để lập đội. Xã đến muộn: nhập danh sách của xã đó trước.',
    );
  });
});

describe('time-out, incidents and overrides', () => {
  it('after time-out results are still entered but no new code; the view says who has none', async () => {
    const { token, roundId, team } = await setup(commune('Đại Tâm', { vp: ['Phụ trách HĐND', 'Phụ trách một cửa'], tp: ['chứng thực', 'hộ tịch'] }));
    await app.call('exam.formTeams', { roundId }, token);
    const t = await team('Đại Tâm');
    await app.call('exam.startStep', { teamId: t.id, step: 1 }, token);
    let st = (await team('Đại Tâm')).steps[0]!;
    const [a, b] = st.records;
    expect((await app.fail('exam.setCodes', { recordId: a!.id, codes: ['ABC123'] }, token)).message).toMatch(/không đúng dạng mã hồ sơ/);
    await app.call('exam.setCodes', { recordId: a!.id, codes: ['G22.99-230920-0001'] }, token);
    app.clock.advance(STEP_MS - 60_000);
    await team('Đại Tâm'); // the proctor is at the console (the session stays open)
    app.clock.advance(61_000);
    st = (await team('Đại Tâm')).steps[0]!;
    expect(st).toMatchObject({ phase: 'ended', endedBy: 'time' });
    expect(st.records.filter((r) => r.result === null)).toHaveLength(2);
    const late = await app.fail('exam.setCodes', { recordId: b!.id, codes: ['G22.99-230920-0002'] }, token);
    expect(late).toMatchObject({ code: 'CONFLICT', message: 'Bước 1 đã hết giờ: không ghi thêm mã lịch hẹn; chỉ còn nhập kết quả.' });
    await app.call('exam.setResult', { recordId: a!.id, result: 'dat', finished: true, note: null }, token);
    await app.call('exam.setResult', { recordId: b!.id, result: 'khong_dat', finished: false, note: null }, token);
    st = (await team('Đại Tâm')).steps[0]!;
    expect(st.records.map((r) => r.result).sort()).toEqual(['dat', 'khong_dat']);
  });

  it('an Internet failure names whom it fails and stops that step’s clock; an override of 2,5 minutes is logged as 2,5', async () => {
    const { token, roundId, team } = await setup(commune('Đại Tâm', { vp: ['Phụ trách HĐND', 'Phụ trách một cửa'], tp: ['chứng thực', 'hộ tịch'] }));
    await app.call('exam.formTeams', { roundId }, token);
    const t = await team('Đại Tâm');
    await app.call('exam.startStep', { teamId: t.id, step: 1 }, token);
    const stepId = t.steps[0]!.id;
    await app.call('exam.override', { stepId, deltaMs: 150_000, reason: 'Mất điện 2 phút rưỡi tại phòng thi' }, token);
    const audit = await app.call('audit.list', { limit: 1 }, token);
    expect(audit.entries[0]).toMatchObject({ action: 'exam.override', after: { minutes: '+2,5', reason: 'Mất điện 2 phút rưỡi tại phòng thi' } });

    app.clock.advance(4 * 60_000);
    const r = await app.call('exam.addIncident', { stepId, kind: 'internet', description: 'Mất kết nối Internet' }, token);
    expect(r.failed).toEqual(['Lê Thị Hành Đại Tâm', 'Phạm Chứng Đại Tâm']);
    app.clock.advance(60_000);
    const st = (await team('Đại Tâm')).steps[0]!;
    expect(st).toMatchObject({ phase: 'ended', endedBy: 'incident', remainingMs: 0, failed: true, endedAt: T0 + 4 * 60_000 });
    expect((await app.fail('exam.override', { stepId, deltaMs: 60_000, reason: 'Thử gia hạn sau sự cố' }, token)).message).toMatch(/sự cố Internet/);
    // The next step can start: the failed step is over.
    await app.call('exam.startStep', { teamId: t.id, step: 2 }, token);
  });
});

describe('the read-only room board link', () => {
  it('shows that round’s board without a login until the end of the exam day, and nothing else', async () => {
    const { token, roundId, team } = await setup(commune('Đại Tâm', { vp: ['Phụ trách HĐND', 'Phụ trách một cửa'], tp: ['chứng thực', 'hộ tịch'] }));
    await app.call('exam.formTeams', { roundId }, token);
    await app.call('exam.startStep', { teamId: (await team('Đại Tâm')).id, step: 1 }, token);
    const link = await app.call('exam.boardLink', { roundId }, token);
    expect(link.validUntil).toBe(Date.UTC(2023, 8, 20, 17, 0));
    app.clock.advance(60_000);
    const board = await app.call('exam.board', { token: link.token }); // no session
    expect(board.roundName).toBe('Đợt 1 — Mỹ Xuyên 2023');
    expect(board.teams).toEqual([expect.objectContaining({ commune: 'Đại Tâm', step: 1, phase: 'running', remainingMs: STEP_MS - 60_000 })]);
    expect(JSON.stringify(board)).not.toMatch(/Lê Thị Hành|G22/);
    // The link opens nothing else: other methods still need a login.
    expect((await app.fail('exam.console', { roundId }, link.token)).code).toBe('UNAUTHENTICATED');
    expect((await app.fail('exam.board', { token: 'x'.repeat(32) })).code).toBe('NOT_FOUND');
    // Not the next day.
    app.clock.set(Date.UTC(2023, 8, 20, 17, 0));
    expect(await app.fail('exam.board', { token: link.token })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/không còn hiệu lực/) });
    // Only proctors (and leaders, admins) make links.
    expect((await app.fail('exam.boardLink', { roundId })).code).toBe('UNAUTHENTICATED');
  });
});

describe('the results PDF', () => {
  it('has the national heading, title and signature blocks, and codes never split across lines', async () => {
    const { token, roundId, team } = await setup(commune('Đại Tâm', { vp: ['Phụ trách HĐND', 'Phụ trách một cửa'], tp: ['chứng thực', 'hộ tịch'] }));
    await app.call('exam.formTeams', { roundId }, token);
    await app.call('exam.startStep', { teamId: (await team('Đại Tâm')).id, step: 1 }, token);
    const rec = (await team('Đại Tâm')).steps[0]!.records[0]!;
    const codes = ['000.00.21.H56-230920-000101', '000.00.21.H56-230920-000102', '000.00.21.H56-230920-000103', '000.00.21.H56-230920-000104'];
    await app.call('exam.setCodes', { recordId: rec.id, codes }, token);
    const ref = await app.call('exam.exportResults', { roundId, format: 'pdf' }, token);
    const text = execFileSync('pdftotext', ['-layout', app.s.files.get(ref.fileId)!.path, '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UBND HUYỆN VÕ NHAI',
      'UBND XÃ PHÚ THƯỢNG',
      'Phú Thượng, ngày 20 tháng 9 năm 2023',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/KẾT QUẢ KIỂM TRA, ĐÁNH GIÁ NĂNG LỰC LÀM VIỆC/);
    expect(text).toContain('NGƯỜI LẬP BẢNG');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(text).toContain('Ngô Thanh Bình');
    for (const c of codes) expect(text).toContain(c);
  });
});

describe('roster titles', () => {
  it('a title outside the six is reported as not examined; a Địa chính title of the other kind is a warning naming the row', async () => {
    app = openTestApp();
    const file = path.join(app.dir, 'mau-02.xlsx');
    await writeRawXlsx(file, [
      {
        name: 'Mẫu 02',
        titleRows: TITLE_02,
        rows: [
          row02('Nguyễn Văn An', 'nam', 1980, 'Văn phòng - Thống kê', 'Xã Đại Tâm', '0912345678'),
          row02('Lê Văn Công', 'nam', 1985, 'Công an xã', 'Xã Đại Tâm', '0912345670'),
          row02('Trần Văn Hội', 'nam', 1975, 'Chủ tịch HĐND', 'Xã Đại Tâm', '0912345671'),
          row02('Lê Văn Đất', 'nam', 1985, 'ĐC-NN-XD-MT', 'Phường 5', '0912345672'),
        ],
      },
    ]);
    const r = await checkRosterFile(file, 'mau-02.xlsx');
    expect(r.forms[0]!.rows.map((x) => [x.fullName, x.positionId])).toEqual([
      ['Nguyễn Văn An', 'VP_TK'],
      ['Lê Văn Công', null],
      ['Trần Văn Hội', null],
      ['Lê Văn Đất', 'DC'],
    ]);
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^Mẫu 02, dòng \d+: Chức danh "Công an xã" \(Công an xã\) không thuộc đối tượng kiểm tra, đánh giá của kế hoạch; người này được ghi nhận là không dự kiểm tra\.$/,
      ),
      expect.stringMatching(/^Mẫu 02, dòng \d+: Chức danh "Chủ tịch HĐND" \(Chủ tịch, Phó Chủ tịch HĐND\)/),
      expect.stringMatching(
        /^Mẫu 02, dòng \d+: Chức danh "ĐC-NN-XD-MT" không khớp loại đơn vị của Phường 5: công chức Địa chính ở đây là "Địa chính - Xây dựng - Đô thị và Môi trường"\.$/,
      ),
    ]);
  });
});

describe('roster messages', () => {
  it('name a row’s place once, however many things are said about the row', () => {
    expect(
      rosterWarnings([
        { sheet: 'Mẫu 02', row: 11, message: 'Mẫu 02, dòng 11: chức danh "Công an xã" không thuộc đối tượng kiểm tra.' },
        { sheet: 'Mẫu 02', row: 11, message: 'Mẫu 02, dòng 11: "Lê Văn Công" không có trong Mẫu 05.' },
        { sheet: 'Mẫu 02', row: 12, message: 'Mẫu 02, dòng 12: "Lê Văn Đất" không có trong Mẫu 05.' },
        { sheet: 'Sheet3', row: null, message: 'Trang tính "Sheet3" trống; đã bỏ qua.' },
      ]),
    ).toEqual([
      'Mẫu 02, dòng 11: Chức danh "Công an xã" không thuộc đối tượng kiểm tra. "Lê Văn Công" không có trong Mẫu 05.',
      'Mẫu 02, dòng 12: "Lê Văn Đất" không có trong Mẫu 05.',
      'Trang tính "Sheet3" trống; đã bỏ qua.',
    ]);
  });
});
