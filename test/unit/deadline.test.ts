import { describe, expect, it } from 'vitest';
import {
  VN_OFFSET_MS,
  canEdit,
  coversCriterion,
  detectClockJump,
  fromLocalInputValue,
  parseLocalDateTime,
  toLocalInputValue,
  trustedNow,
  validateWindow,
  type SupplementaryWindow,
  type Window,
} from '../../main/domain/deadline';

// Doc 001: the self-assessment runs from 08:00 14/9/2023 to 17:00 05/10/2023 (Vietnam time).
const OPENS = Date.parse('2023-09-14T01:00:00Z');
const CLOSES = Date.parse('2023-10-05T10:00:00Z');
const MAIN: Window = { opensAt: OPENS, closesAt: CLOSES };
const MIN = 60_000;
const at = (s: string) => parseLocalDateTime(s)!;

describe('parseLocalDateTime', () => {
  it("reads doc 001's window as the right UTC instants", () => {
    expect(parseLocalDateTime('08:00 14/9/2023')).toBe(OPENS);
    expect(parseLocalDateTime('17:00 05/10/2023')).toBe(CLOSES);
    expect(new Date(CLOSES).toISOString()).toBe('2023-10-05T10:00:00.000Z');
  });
  it('accepts the ways people write a local time', () => {
    for (const s of [
      '17:00 05/10/2023',
      '05/10/2023 17:00',
      '5/10/2023 17h00',
      '17h00 ngày 05/10/2023',
      '17h ngày 5/10/2023',
      '17 giờ 00 ngày 05/10/2023',
      '17g00, 05-10-2023',
      '05.10.2023 lúc 17:00',
      '2023-10-05T17:00',
      '2023-10-05 17:00:00',
      '  17:00   05/10/2023 ',
    ]) {
      expect(parseLocalDateTime(s), s).toBe(CLOSES);
    }
    expect(parseLocalDateTime('17:30:15 05/10/2023')).toBe(CLOSES + 30 * MIN + 15_000);
    expect(parseLocalDateTime('17 giờ 30 phút ngày 05/10/2023')).toBe(CLOSES + 30 * MIN);
  });
  it('takes a date alone as 00:00 local', () => {
    expect(parseLocalDateTime('05/10/2023')).toBe(Date.parse('2023-10-04T17:00:00Z'));
    expect(parseLocalDateTime('ngày 11/9/2023')).toBe(Date.parse('2023-09-10T17:00:00Z'));
    expect(parseLocalDateTime('2023-10-05')).toBe(Date.parse('2023-10-04T17:00:00Z'));
  });
  it('refuses impossible or unreadable dates', () => {
    for (const s of [
      '31/02/2023',
      '29/02/2023',
      '32/1/2023',
      '1/13/2023',
      '24:00 05/10/2023',
      '17:60 05/10/2023',
      '05/10/23',
      'hôm nay',
      '',
      '17:00',
      '17:00 05/10/2023 18:00',
      '2023-02-30T10:00',
    ]) {
      expect(parseLocalDateTime(s), s).toBeNull();
    }
    expect(parseLocalDateTime('29/02/2024')).not.toBeNull();
  });
});

describe('datetime-local values', () => {
  it('round-trips Vietnam time', () => {
    expect(toLocalInputValue(CLOSES)).toBe('2023-10-05T17:00');
    expect(toLocalInputValue(OPENS)).toBe('2023-09-14T08:00');
    expect(fromLocalInputValue('2023-10-05T17:00')).toBe(CLOSES);
    expect(fromLocalInputValue('2023-10-05T17:00:00')).toBe(CLOSES);
    expect(fromLocalInputValue(toLocalInputValue(CLOSES + 7 * MIN))).toBe(CLOSES + 7 * MIN);
    expect(toLocalInputValue(Date.parse('2023-12-31T17:30:00Z'))).toBe('2024-01-01T00:30');
  });
  it('refuses invalid values', () => {
    for (const v of ['', '2023-02-30T10:00', '2023-10-05 17:00', '05/10/2023 17:00', '2023-10-05T25:00']) expect(fromLocalInputValue(v), v).toBeNull();
    expect(toLocalInputValue(Number.NaN)).toBe('');
  });
  it('uses a fixed +7 offset (no daylight saving)', () => {
    expect(VN_OFFSET_MS).toBe(7 * 3600_000);
    expect(fromLocalInputValue('2023-06-01T00:00')).toBe(Date.parse('2023-05-31T17:00:00Z'));
    expect(fromLocalInputValue('2023-12-01T00:00')).toBe(Date.parse('2023-11-30T17:00:00Z'));
  });
});

describe('canEdit', () => {
  it('allows edits inside the main window; closesAt is exclusive', () => {
    expect(canEdit(OPENS, MAIN, [], '2.3')).toEqual({ ok: true, via: 'main' });
    expect(canEdit(at('16:59 05/10/2023'), MAIN, [], '2.3')).toEqual({ ok: true, via: 'main' });
    expect(canEdit(CLOSES - 1, MAIN, [], null)).toEqual({ ok: true, via: 'main' });
    expect(canEdit(at('17:00 05/10/2023'), MAIN, [], '2.3')).toEqual({
      ok: false,
      reason: 'closed',
      message: 'Đã hết hạn tự đánh giá lúc 17:00 05/10/2023; mọi thay đổi đều bị khóa.',
    });
  });
  it('refuses edits before the window opens', () => {
    expect(canEdit(OPENS - 1, MAIN, [], '2.3')).toEqual({
      ok: false,
      reason: 'not_open_yet',
      message: 'Chưa đến thời gian tự đánh giá (mở lúc 08:00 14/09/2023).',
    });
  });
  it('keeps a closed window closed when the clock is turned back', () => {
    const latestTrusted = CLOSES + 3 * 3600_000; // seen earlier, e.g. from a receiver's receipt
    const rolledBackClock = at('10:00 01/10/2023');
    const now = trustedNow(rolledBackClock, latestTrusted);
    expect(now).toBe(latestTrusted);
    expect(canEdit(now, MAIN, [], '2.3')).toMatchObject({ ok: false, reason: 'closed' });
    // A clock ahead of what was trusted is simply the new time.
    expect(trustedNow(CLOSES + 1, OPENS)).toBe(CLOSES + 1);
    expect(trustedNow(OPENS, Number.NaN)).toBe(OPENS);
  });
  it('reopens only the listed criteria and their descendants in a supplementary window', () => {
    const supp: SupplementaryWindow[] = [{ opensAt: at('08:00 20/10/2023'), closesAt: at('17:00 25/10/2023'), criterionCodes: ['2.3'] }];
    const now = at('09:00 21/10/2023');
    expect(canEdit(now, MAIN, supp, '2.3')).toEqual({ ok: true, via: 'supplementary' });
    expect(canEdit(now, MAIN, supp, '2.3.a')).toEqual({ ok: true, via: 'supplementary' });
    expect(canEdit(now, MAIN, supp, '2.4')).toEqual({
      ok: false,
      reason: 'closed',
      message: 'Đã hết hạn tự đánh giá lúc 17:00 05/10/2023; mọi thay đổi đều bị khóa. Hiện chỉ mở đánh giá bổ sung cho tiêu chí 2.3.',
    });
    expect(canEdit(now, MAIN, supp, '2.30')).toMatchObject({ ok: false });
    // Sending the report (assessment-wide) is allowed in any open supplementary window.
    expect(canEdit(now, MAIN, supp, null)).toEqual({ ok: true, via: 'supplementary' });
  });
  it('says when a supplementary window for the criterion opens or ended', () => {
    const supp: SupplementaryWindow[] = [{ opensAt: at('08:00 20/10/2023'), closesAt: at('17:00 25/10/2023'), criterionCodes: ['3.2'] }];
    const before = canEdit(at('08:00 10/10/2023'), MAIN, supp, '3.2.12');
    expect(!before.ok && before.message).toBe(
      'Đã hết hạn tự đánh giá lúc 17:00 05/10/2023; mọi thay đổi đều bị khóa. Đợt đánh giá bổ sung cho tiêu chí này mở lúc 08:00 20/10/2023.',
    );
    const after = canEdit(at('17:00 25/10/2023'), MAIN, supp, '3.2.12');
    expect(!after.ok && after.message).toBe(
      'Đã hết hạn tự đánh giá lúc 17:00 05/10/2023; mọi thay đổi đều bị khóa. Đợt đánh giá bổ sung cho tiêu chí này đã kết thúc lúc 17:00 25/10/2023.',
    );
    expect(canEdit(at('08:00 10/10/2023'), MAIN, supp, null)).toMatchObject({ ok: false, reason: 'closed' });
  });
});

describe('coversCriterion', () => {
  it('matches a code and its descendants only', () => {
    expect(coversCriterion(['3.2'], '3.2.12')).toBe(true);
    expect(coversCriterion(['3.2.'], '3.2')).toBe(true);
    expect(coversCriterion(['3.2'], '3.20')).toBe(false);
    expect(coversCriterion(['3.2'], '3')).toBe(false);
    expect(coversCriterion([''], '3')).toBe(false);
  });
});

describe('validateWindow', () => {
  it('requires the close to come after the open', () => {
    expect(validateWindow(MAIN)).toBeNull();
    expect(validateWindow({ opensAt: CLOSES, closesAt: OPENS })).toBe('Thời điểm hết hạn (08:00 14/09/2023) phải sau thời điểm mở (17:00 05/10/2023).');
    expect(validateWindow({ opensAt: OPENS, closesAt: OPENS })).not.toBeNull();
    expect(validateWindow({ opensAt: Number.NaN, closesAt: CLOSES })).toBe('Thời điểm mở và thời điểm hết hạn phải là ngày giờ hợp lệ.');
  });
});

describe('detectClockJump', () => {
  it('flags a wall clock that moved differently from the monotonic clock', () => {
    expect(detectClockJump(CLOSES, 1_000, CLOSES + 60_000, 61_000)).toEqual({ jumped: false, deltaMs: 0 });
    expect(detectClockJump(CLOSES, 1_000, CLOSES + 90_000, 61_000)).toEqual({ jumped: false, deltaMs: 30_000 });
    expect(detectClockJump(CLOSES, 1_000, CLOSES - 5 * 86_400_000, 61_000)).toEqual({ jumped: true, deltaMs: -5 * 86_400_000 - 60_000 });
    expect(detectClockJump(CLOSES, 0, CLOSES + 10 * MIN, 1_000, 5 * MIN).jumped).toBe(true);
  });
});
