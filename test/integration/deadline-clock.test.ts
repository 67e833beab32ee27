// The deadline clock against a real SQLite file, through the real router, with a clock the test
// sets (and restarts on the same data folder): a closed window never reopens by turning the PC
// clock back — not even when the only contact after the close was a refused save — and a trusted
// time that ran a year ahead is brought back only by a leader, audited and stamped into packages.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, cleanup, setUpOffice, LEADER, type TestApp } from '../helpers/services';
import { importSmallSet, OPENS, CLOSES } from '../helpers/assessment';
import { packageStamps } from '../../main/services/submission/stamps';

let app: TestApp;
let dir: string | undefined;
afterEach(() => {
  app.close();
  cleanup(dir);
  dir = undefined;
});

const DAY = 86_400_000;
const OFFICER = {
  fullName: 'Lê Thị Hương',
  position: 'Văn phòng - Thống kê' as const,
  username: 'huong',
  password: 'huong-123456',
  roles: ['officer' as const],
};

async function scenario(at: number) {
  app = openTestApp();
  dir = app.dir;
  app.clock.set(at);
  const leader = await setUpOffice(app);
  await app.call('users.create', OFFICER, leader);
  const setId = await importSmallSet(app, leader);
  const a = await app.call('assessment.create', { year: 2023, setId, opensAt: OPENS, closesAt: CLOSES }, leader);
  const d = await app.call('assessment.get', { assessmentId: a.id }, leader);
  const item = (code: string) => d.items.find((i) => i.criterionCode === code)!.id;
  return { leader, assessmentId: a.id, item };
}

/** Closes the app and opens the same data folder again at `at` (a restart with the clock set). */
async function restart(at: number): Promise<string> {
  app.close();
  app = openTestApp(dir);
  app.clock.set(at);
  return (await app.call('auth.login', { username: LEADER.username, password: LEADER.password })).token;
}

const points = async (leader: string, assessmentId: number, code: string) =>
  (await app.call('assessment.get', { assessmentId }, leader)).items.find((i) => i.criterionCode === code)!.points;

describe('a closed window stays closed', () => {
  it('when the only contact after the close was a refused save, and the clock is then set back — after a restart too', async () => {
    const { leader, assessmentId, item } = await scenario(CLOSES - 2_000);
    await app.call('item.update', { itemId: item('1.1'), points: 1 }, leader);
    app.clock.set(CLOSES + 1_000); // one second late: less than the usual 5-second persisting step
    const late = await app.fail('item.update', { itemId: item('1.1'), points: 2 }, leader);
    expect(late.code).toBe('DEADLINE');
    expect(late.message).toMatch(/^Đã hết hạn tự đánh giá lúc 17:00 05\/10\/2023/);

    app.clock.set(CLOSES - 3_600_000); // an hour before the close
    expect((await app.fail('item.update', { itemId: item('1.1'), points: 2 }, leader)).code).toBe('DEADLINE');
    const status = await app.call('clock.status', {}, leader);
    expect(status.aheadMs).toBe(3_600_000 + 1_000);

    const again = await restart(CLOSES - 3_600_000);
    expect((await app.fail('item.update', { itemId: item('1.1'), points: 2 }, again)).code).toBe('DEADLINE');
    expect(await points(again, assessmentId, '1.1')).toBe(1); // nothing changed
  });

  it('after the close the commune cannot move the close date; a supplementary window needs the province’s document, stamped into packages', async () => {
    const { leader, assessmentId, item } = await scenario(OPENS + DAY);
    // Before the close the leader may still correct the window as the province announced it.
    await app.call('assessment.setWindow', { assessmentId, opensAt: OPENS, closesAt: CLOSES + 3_600_000 }, leader);
    await app.call('assessment.setWindow', { assessmentId, opensAt: OPENS, closesAt: CLOSES }, leader);

    app.clock.set(CLOSES + DAY);
    const token = (await app.call('auth.login', { username: LEADER.username, password: LEADER.password })).token;
    const moved = await app.fail('assessment.setWindow', { assessmentId, opensAt: OPENS, closesAt: CLOSES + 10 * DAY }, token);
    expect(moved).toEqual({
      code: 'DEADLINE',
      message:
        'Hạn nộp 17:00 05/10/2023 do tỉnh quy định đã qua: xã không thể dời hạn. Để làm tiếp, cần tỉnh cho mở đợt bổ sung (nhập số văn bản của tỉnh khi mở).',
    });
    const supp = { assessmentId, opensAt: CLOSES + DAY, closesAt: CLOSES + 5 * DAY, codes: ['2.2'], note: null };
    const noRef = await app.fail('assessment.addSupplementary', { ...supp, instructionRef: 'xin mở' }, token);
    expect(noRef.code).toBe('VALIDATION');
    expect(noRef.issues?.[0]?.path).toBe('instructionRef');
    expect((await app.call('assessment.get', { assessmentId }, token)).assessment.supplementary).toEqual([]);

    const ref = 'Công văn số 1234/SNV-CCHC ngày 10/10/2023';
    await app.call('assessment.addSupplementary', { ...supp, instructionRef: ref }, token);
    await app.call('item.update', { itemId: item('2.2.1'), points: 1.5 }, token);
    expect((await app.fail('item.update', { itemId: item('1.1'), points: 1 }, token)).code).toBe('DEADLINE');
    const stamps = packageStamps(app.s, assessmentId);
    expect(stamps['Kiemchung-Supplementary-1']).toBe(`tiêu chí 2.2; từ 17:00 06/10/2023 đến 17:00 10/10/2023; theo ${ref}`);
    expect(stamps['Kiemchung-Audit-Head']).toMatch(/^\d+ [0-9a-f]{64}$/);
  });
});

describe('a trusted time that ran ahead', () => {
  it('locks deadlines until a leader brings it back with a reason; audited, stamped, and it survives a restart', async () => {
    const { assessmentId, item } = await scenario(OPENS + DAY);
    // Someone starts the app with the clock a year ahead and works a little.
    let leader = await restart(OPENS + DAY + 365 * DAY);
    // The clock is fixed; the app starts again.
    leader = await restart(OPENS + DAY + 3_600_000);
    const locked = await app.fail('item.update', { itemId: item('1.1'), points: 1 }, leader);
    expect(locked.code).toBe('DEADLINE');
    const status = await app.call('clock.status', {}, leader);
    expect(status.aheadMs).toBeGreaterThan(364 * DAY);

    // An officer may not reset it; a leader must give a real reason.
    const off = (await app.call('auth.login', { username: OFFICER.username, password: OFFICER.password })).token;
    expect((await app.fail('clock.reset', { source: 'reason', reason: 'Đồng hồ sai, đã chỉnh lại theo giờ đài phát thanh.' }, off)).code).toBe('FORBIDDEN');
    const short = await app.fail('clock.reset', { source: 'reason', reason: 'sai giờ' }, leader);
    expect(short.code).toBe('VALIDATION');
    expect(short.issues?.[0]?.path).toBe('reason');
    expect((await app.fail('clock.reset', { source: 'receiver' }, leader)).message).toBe(
      'Chưa kết nối với máy chủ tỉnh: hãy ghi lý do để đưa thời điểm tin cậy về đồng hồ máy.',
    );
    expect((await app.call('clock.status', {}, leader)).aheadMs).toBeGreaterThan(364 * DAY); // refusals change nothing

    const reason = 'Máy bị đặt nhầm sang năm 2024, đã chỉnh lại theo giờ đài phát thanh.';
    const after = await app.call('clock.reset', { source: 'reason', reason }, leader);
    expect(after.aheadMs).toBe(0);
    expect(after.resets).toEqual([
      { at: OPENS + DAY + 3_600_000, fromMs: expect.any(Number), toMs: OPENS + DAY + 3_600_000, source: 'reason', reason, actorName: LEADER.fullName },
    ]);
    await app.call('item.update', { itemId: item('1.1'), points: 1 }, leader);

    const audit = await app.call('audit.list', { limit: 5 }, leader);
    expect(audit.entries.map((e) => e.action)).toContain('clock.reset');
    const stamp = packageStamps(app.s, assessmentId)['Kiemchung-Clock-Reset-1'];
    expect(stamp).toContain(reason);
    expect(stamp).toContain(`về 09:00 15/09/2023`);

    // The rows written under the wrong clock no longer count as evidence of time, after a restart too.
    leader = await restart(OPENS + DAY + 2 * 3_600_000);
    expect((await app.call('clock.status', {}, leader)).aheadMs).toBe(0);
    await app.call('item.update', { itemId: item('1.1'), points: 2 }, leader);
  });

  it('a trusted time that is not ahead has nothing to reset', async () => {
    const { leader } = await scenario(OPENS + DAY);
    const e = await app.fail('clock.reset', { source: 'reason', reason: 'Không có gì sai cả, chỉ thử chức năng này thôi.' }, leader);
    expect(e).toEqual({ code: 'CONFLICT', message: 'Thời điểm tin cậy không đi trước đồng hồ máy: không có gì cần đưa về.' });
  });
});

describe('while the app runs', () => {
  it('the trusted time keeps ticking by the monotonic clock when the PC clock is turned back (timers do not freeze)', async () => {
    const { bootServices } = await import('../../main/services/bootstrap');
    const { trustedNow } = await import('../../main/services/trusted-time');
    const { tempDir } = await import('../helpers/services');
    const clock = { wall: CLOSES - 3_600_000, mono: 0, now: () => clock.wall, monotonic: () => clock.mono };
    const folder = tempDir();
    const s = bootServices({ dataDir: folder, clock, testHooks: false });
    try {
      expect(trustedNow(s)).toBe(CLOSES - 3_600_000);
      clock.wall -= 24 * 3_600_000; // someone turns the PC clock back a day…
      clock.mono += 60_000; // …while a minute passes
      expect(trustedNow(s)).toBe(CLOSES - 3_600_000 + 60_000);
      clock.mono += 59 * 60_000;
      expect(trustedNow(s)).toBe(CLOSES); // the hour ran out: the window closes on time
    } finally {
      s.db.close();
      cleanup(folder);
    }
  });
});

describe('times from outside the PC', () => {
  it('a known signer’s signing time moves the trusted time forward, but never by more than two days', async () => {
    const { observeSigningTime, trustedNow, SIGNING_TIME_LEAD_MS } = await import('../../main/services/trusted-time');
    await scenario(OPENS + DAY);
    const t0 = trustedNow(app.s);
    observeSigningTime(app.s, t0 + 3_600_000); // a package signed an hour "later": this PC's clock is behind
    expect(trustedNow(app.s)).toBe(t0 + 3_600_000);
    observeSigningTime(app.s, t0 + 3_600_000 + SIGNING_TIME_LEAD_MS + 1); // a signer whose clock is far ahead: ignored
    expect(trustedNow(app.s)).toBe(t0 + 3_600_000);
  });
});
