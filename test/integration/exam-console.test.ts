// The proctor console against a real SQLite file: teams, step order, stored deadlines that survive
// a restart, appointment codes, incidents, overrides, clock jumps, results.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, cleanup, setUpOffice, type TestApp } from '../helpers/services';
import { seedRound } from '../helpers/exam';
import { STEP_MS } from '../../main/domain/exam-steps';
import { startClockMonitor } from '../../main/services/clock-monitor';

let app: TestApp;
afterEach(() => {
  app.close();
  cleanup(app.dir);
});

async function setup() {
  app = openTestApp();
  const leader = await setUpOffice(app);
  await app.call(
    'users.create',
    { fullName: 'Ngô Thanh Bình', position: 'Công chức khác', username: 'giamthi', password: 'giam-thi-123', roles: ['proctor'] },
    leader,
  );
  const { token } = await app.call('auth.login', { username: 'giamthi', password: 'giam-thi-123' });
  const roundId = await seedRound(app, token);
  const formed = await app.call('exam.formTeams', { roundId }, token);
  const view = await app.call('exam.console', { roundId }, token);
  const team = view.teams.find((t) => t.commune === 'Đại Tâm')!;
  return { token, roundId, formed, team };
}

describe('teams', () => {
  it('forms one team per commune with performers by position for each step', async () => {
    const { formed, team } = await setup();
    expect(formed).toEqual({ teams: 2, performers: 12, kept: 0 }); // 3 + 1 + 1 + 1 per commune
    const names = (n: number) => team.steps[n - 1]!.performers.map((p) => p.fullName).sort();
    expect(names(1)).toEqual(['Hoàng Tài Đại Tâm', 'Lê Thị Văn Đại Tâm', 'Phạm Tư Đại Tâm']);
    expect(names(2)).toEqual(['Phạm Tư Đại Tâm']);
    expect(names(3)).toEqual(['Trần Văn Chủ Đại Tâm']);
    expect(names(4)).toEqual(['Lê Thị Văn Đại Tâm']);
  });
});

describe('step timing', () => {
  it('runs steps in order; the deadline is stored and survives closing and reopening the app', async () => {
    const { token, roundId, team } = await setup();
    expect((await app.fail('exam.startStep', { teamId: team.id, step: 2 }, token)).message).toBe('Chưa thể bắt đầu bước 2: bước 1 chưa kết thúc.');
    const t0 = app.clock.now();
    await app.call('exam.startStep', { teamId: team.id, step: 1 }, token);
    app.clock.advance(4 * 60_000);
    let step1 = (await app.call('exam.console', { roundId }, token)).teams.find((t) => t.id === team.id)!.steps[0]!;
    expect(step1).toMatchObject({ phase: 'running', deadlineAt: t0 + STEP_MS, remainingMs: 11 * 60_000 });

    // Close the app (the database) and open it again 3 minutes later.
    const dir = app.dir;
    const clock = app.clock;
    app.close();
    app = openTestApp(dir);
    app.clock.set(clock.now() + 3 * 60_000);
    const { token: again } = await app.call('auth.login', { username: 'giamthi', password: 'giam-thi-123' });
    step1 = (await app.call('exam.console', { roundId }, again)).teams.find((t) => t.id === team.id)!.steps[0]!;
    expect(step1.remainingMs).toBe(8 * 60_000);

    // Time runs out while nobody watches: the step shows as ended by time.
    app.clock.advance(9 * 60_000);
    step1 = (await app.call('exam.console', { roundId }, again)).teams.find((t) => t.id === team.id)!.steps[0]!;
    expect(step1).toMatchObject({ phase: 'ended', endedBy: 'time', remainingMs: 0 });
    await app.call('exam.startStep', { teamId: team.id, step: 2 }, again);
  });

  it('an explicit override with a reason is the only extension, and it is audited', async () => {
    const { token, roundId, team } = await setup();
    await app.call('exam.startStep', { teamId: team.id, step: 1 }, token);
    const stepId = team.steps[0]!.id;
    expect((await app.fail('exam.override', { stepId, deltaMs: 120_000, reason: '' }, token)).code).toBe('VALIDATION');
    await app.call('exam.override', { stepId, deltaMs: 120_000, reason: 'Mất điện 2 phút tại phòng thi' }, token);
    const st = (await app.call('exam.console', { roundId }, token)).teams.find((t) => t.id === team.id)!.steps[0]!;
    expect(st.remainingMs).toBe(STEP_MS + 120_000);
    const audit = await app.call('audit.list', { limit: 5 }, token);
    expect(audit.entries[0]).toMatchObject({ action: 'exam.override', after: { reason: 'Mất điện 2 phút tại phòng thi' } });
  });
});

describe('appointment codes and results', () => {
  it('takes at most 4 unique, well-formed codes per person; steps 2–4 see them', async () => {
    const { token, roundId, team } = await setup();
    await app.call('exam.startStep', { teamId: team.id, step: 1 }, token);
    let view = await app.call('exam.console', { roundId }, token);
    const recs = view.teams.find((t) => t.id === team.id)!.steps[0]!.records;
    const [a, b] = recs;
    await app.call(
      'exam.setCodes',
      { recordId: a!.id, codes: ['g22.99-230920-0001', 'G22.99-230920-0002', 'G22.99-230920-0003', 'G22.99-230920-0004'] },
      token,
    );
    const fifth = await app.fail(
      'exam.setCodes',
      { recordId: a!.id, codes: ['G22.99-230920-0001', 'G22.99-230920-0002', 'G22.99-230920-0003', 'G22.99-230920-0004', 'G22.99-230920-0005'] },
      token,
    );
    expect(fifth.message).toMatch(/tối đa 4 hồ sơ/);
    const dup = await app.fail('exam.setCodes', { recordId: b!.id, codes: ['G22.99-230920-0002'] }, token);
    expect(dup.message).toMatch(/đã được ghi cho/);
    expect((await app.fail('exam.setCodes', { recordId: b!.id, codes: ['ab'] }, token)).message).toMatch(/không đúng dạng/);
    view = await app.call('exam.console', { roundId }, token);
    expect(view.teams.find((t) => t.id === team.id)!.codes.map((c) => c.code)).toEqual([
      'G22.99-230920-0001',
      'G22.99-230920-0002',
      'G22.99-230920-0003',
      'G22.99-230920-0004',
    ]);
  });

  it('an Internet failure is recorded with its time and fails the step for everyone in it', async () => {
    const { token, roundId, team } = await setup();
    await app.call('exam.startStep', { teamId: team.id, step: 1 }, token);
    const stepId = team.steps[0]!.id;
    let st = (await app.call('exam.console', { roundId }, token)).teams.find((t) => t.id === team.id)!.steps[0]!;
    await app.call('exam.setResult', { recordId: st.records[0]!.id, result: 'dat', finished: true, note: null }, token);
    app.clock.advance(6 * 60_000);
    await app.call('exam.addIncident', { stepId, kind: 'internet', description: 'Mất kết nối Internet 4 phút' }, token);
    st = (await app.call('exam.console', { roundId }, token)).teams.find((t) => t.id === team.id)!.steps[0]!;
    expect(st.failed).toBe(true);
    expect(st.incidents[0]).toMatchObject({ kind: 'internet', at: app.clock.now() });
    expect(st.records.every((r) => r.result === 'khong_dat')).toBe(true);
    expect((await app.fail('exam.setResult', { recordId: st.records[0]!.id, result: 'dat', finished: true, note: null }, token)).message).toMatch(/Internet/);
    const results = await app.call('exam.results', { roundId }, token);
    expect(results.people.find((p) => p.fullName === 'Hoàng Tài Đại Tâm')!.passed).toBe(false);
  });

  it('results per person, commune and round', async () => {
    const { token, roundId, team } = await setup();
    for (const n of [1, 2, 3, 4] as const) {
      await app.call('exam.startStep', { teamId: team.id, step: n }, token);
      const st = (await app.call('exam.console', { roundId }, token)).teams.find((t) => t.id === team.id)!.steps[n - 1]!;
      for (const r of st.records) await app.call('exam.setResult', { recordId: r.id, result: 'dat', finished: true, note: null }, token);
      await app.call('exam.endStep', { stepId: st.id }, token);
    }
    const r = await app.call('exam.results', { roundId }, token);
    expect(r.communes).toEqual([
      { commune: 'Đại Tâm', people: 4, passed: 4, failed: 0, pending: 0 },
      { commune: 'Tham Đôn', people: 4, passed: 0, failed: 0, pending: 4 },
    ]);
    expect(r.totals).toEqual({ people: 8, passed: 4, failed: 0, pending: 4 });
  });
});

describe('clock jumps', () => {
  it('a wall clock that jumps against the monotonic clock is logged and shown', async () => {
    const { token, roundId } = await setup();
    const stop = startClockMonitor(app.s, 5);
    // Wall time jumps an hour ahead while monotonic time does not.
    const clock = app.clock;
    const realNow = clock.now.bind(clock);
    let jump = 0;
    clock.now = () => realNow() + jump;
    const seen = new Promise<void>((resolve) => {
      const off = app.s.events.on((e) => {
        if (e.type === 'clock') {
          off();
          resolve();
        }
      });
    });
    jump = 3_600_000;
    await seen; // the monitor's next sample records the jump
    stop();
    // An hour has passed on the wall clock, so the session has locked (lock after 15 minutes).
    expect((await app.fail('exam.console', { roundId }, token)).code).toBe('LOCKED');
    await app.call('auth.unlock', { password: 'giam-thi-123' }, token);
    const view = await app.call('exam.console', { roundId }, token);
    expect(view.clockEvents[0]!.note).toMatch(/nhảy tới 60 phút/);
  });
});

describe('the 6-month rule', () => {
  it('lets an officer moved to a new position within 6 months choose where to be examined, and refuses others', async () => {
    app = openTestApp();
    const leader = await setUpOffice(app);
    const { storeRoster } = await import('../../main/services/exam/roster-io');
    const { SYSTEM_ACTOR } = await import('../../main/services/context');
    const { person } = await import('../helpers/exam');
    const round = await app.call('exam.createRound', { name: 'Đợt 2', examDate: '2023-09-20', venue: null, district: null }, leader);
    const moved = person('Lê Văn Mới', 'VP_TK', 'Văn phòng - Thống kê', 'Đại Tâm');
    const old = person('Trần Văn Cũ', 'TC_KT', 'Tài chính - Kế toán', 'Đại Tâm');
    storeRoster(
      app.s,
      SYSTEM_ACTOR,
      round.id,
      [
        { form: '02', rows: [moved, old] },
        {
          form: '05',
          rows: [
            { ...moved, appointedAt: '2023-05-01' },
            { ...old, appointedAt: '2022-12-01' },
          ],
        },
      ],
      'test',
    );
    const entries = (await app.call('exam.round', { roundId: round.id }, leader)).entries.filter((e) => e.form === '02');
    const idOf = (n: string) => entries.find((e) => e.fullName === n)!.id;
    // The previous position is entered at the team; then only the previous and the new one are offered.
    await app.call('exam.setMove', { entryId: idOf('Lê Văn Mới'), previousPositionId: 'TP_HT', movedAt: null }, leader);
    const mine = (await app.call('exam.round', { roundId: round.id }, leader)).entries.find((e) => e.form === '02' && e.fullName === 'Lê Văn Mới')!;
    expect(mine.choices).toEqual(['TP_HT', 'VP_TK']);
    const signing = await app.fail('exam.choosePosition', { entryId: idOf('Lê Văn Mới'), positionId: 'CT_PCT' }, leader);
    expect(signing.message).toBe(
      'Lê Văn Mới chỉ được chọn giữa vị trí cũ (Tư pháp - Hộ tịch) và vị trí mới (Văn phòng - Thống kê) theo quy định chuyển vị trí chưa quá 06 tháng.',
    );
    await app.call('exam.choosePosition', { entryId: idOf('Lê Văn Mới'), positionId: 'TP_HT' }, leader);
    // Moved more than 6 months before the exam: no choice, whatever previous position is entered.
    await app.call('exam.setMove', { entryId: idOf('Trần Văn Cũ'), previousPositionId: 'TP_HT', movedAt: null }, leader);
    const refused = await app.fail('exam.choosePosition', { entryId: idOf('Trần Văn Cũ'), positionId: 'TP_HT' }, leader);
    expect(refused.message).toMatch(/chưa quá 06 tháng/);
    await app.call('exam.formTeams', { roundId: round.id }, leader);
    const team = (await app.call('exam.console', { roundId: round.id }, leader)).teams[0]!;
    expect(team.steps[1]!.performers.map((p) => p.fullName)).toEqual(['Lê Văn Mới']); // step 2 is Tư pháp - Hộ tịch
  });
});
