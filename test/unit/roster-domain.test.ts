import { describe, expect, it } from 'vitest';
import {
  EXAM_POSITIONS,
  EXAM_POSITION_IDS,
  MIN_AGE,
  canChoosePosition,
  communeKey,
  exclusionReason,
  isExamPositionId,
  matchFocalArea,
  matchPosition,
  normalizePhone,
  parseBirth,
  parseDay,
  parseYesNo,
  personKey,
} from '../../main/domain/roster';
import { positions } from '../../shared/office';

const NOW = new Date('2026-11-23T03:00:00Z');
const serial = (iso: string) => Date.parse(iso) / 86_400_000 + 25569;

describe('EXAM_POSITIONS', () => {
  it('uses the titles of shared/office.ts and covers the six exam groups', () => {
    for (const p of EXAM_POSITIONS) expect(positions).toContain(p.title);
    expect(new Set(EXAM_POSITIONS.map((p) => p.id))).toEqual(new Set(EXAM_POSITION_IDS));
    expect(EXAM_POSITIONS.filter((p) => p.id === 'CT_PCT').map((p) => p.title)).toEqual(['Chủ tịch', 'Phó Chủ tịch']);
    expect(EXAM_POSITIONS.filter((p) => p.id === 'DC').map((p) => p.variant)).toEqual(['xa', 'phuong_thi_tran']);
    expect(isExamPositionId('VP_TK')).toBe(true);
    expect(isExamPositionId('vp_tk')).toBe(false);
  });
});

describe('matchPosition', () => {
  const cases: [string, string, string][] = [
    // The plan's and the forms' own spellings, the seed's typo included.
    ['Văn phòng - Thống kê', 'VP_TK', 'Văn phòng - Thống kê'],
    ['Văn phòng - Thông kê', 'VP_TK', 'Văn phòng - Thống kê'],
    ['Văn phòng- Thống kê', 'VP_TK', 'Văn phòng - Thống kê'],
    ['Công chức Văn phòng thông kê', 'VP_TK', 'Văn phòng - Thống kê'],
    ['VP-TK', 'VP_TK', 'Văn phòng - Thống kê'],
    ['vp - tk', 'VP_TK', 'Văn phòng - Thống kê'],
    ['VPTK', 'VP_TK', 'Văn phòng - Thống kê'],
    ['VĂN PHÒNG – THỐNG KÊ (phụ trách một cửa)', 'VP_TK', 'Văn phòng - Thống kê'],
    ['Tư pháp- Hộ tịch', 'TP_HT', 'Tư pháp - Hộ tịch'],
    ['TP-HT', 'TP_HT', 'Tư pháp - Hộ tịch'],
    ['Công chức Tư pháp - Hộ tịch phụ trách chứng thực', 'TP_HT', 'Tư pháp - Hộ tịch'],
    ['TC-KT', 'TC_KT', 'Tài chính - Kế toán'],
    ['Tài chính – Kế toán', 'TC_KT', 'Tài chính - Kế toán'],
    ['Kế toán', 'TC_KT', 'Tài chính - Kế toán'],
    ['VH-XH', 'VH_XH', 'Văn hóa - Xã hội'],
    ['Văn hoá - Xã hội', 'VH_XH', 'Văn hóa - Xã hội'],
    ['Văn hóa - Xã hội xã', 'VH_XH', 'Văn hóa - Xã hội'],
    ['ĐC-NN-XD-MT', 'DC', 'Địa chính - Nông nghiệp - Xây dựng và Môi trường'],
    ['Địa chính - Nông nghiệp - Xây dựng và Môi trường', 'DC', 'Địa chính - Nông nghiệp - Xây dựng và Môi trường'],
    ['đcnnxdmt', 'DC', 'Địa chính - Nông nghiệp - Xây dựng và Môi trường'],
    ['ĐC-XD-ĐT-MT', 'DC', 'Địa chính - Xây dựng - Đô thị và Môi trường'],
    ['Địa chính - Xây dựng - Đô thị và Môi trường (đối với phường, thị trấn)', 'DC', 'Địa chính - Xây dựng - Đô thị và Môi trường'],
    ['CT UBND', 'CT_PCT', 'Chủ tịch'],
    ['Chủ tịch UBND xã', 'CT_PCT', 'Chủ tịch'],
    ['Chủ tịch', 'CT_PCT', 'Chủ tịch'],
    ['PCT UBND', 'CT_PCT', 'Phó Chủ tịch'],
    ['Phó Chủ tịch UBND xã', 'CT_PCT', 'Phó Chủ tịch'],
    ['Phó Chủ tịch Ủy ban nhân dân thị trấn Mỹ Xuyên', 'CT_PCT', 'Phó Chủ tịch'],
    ['P.CT UBND', 'CT_PCT', 'Phó Chủ tịch'],
    ['Phó CT', 'CT_PCT', 'Phó Chủ tịch'],
  ];
  it.each(cases)('%s → %s', (raw, id, title) => {
    expect(matchPosition(raw)).toEqual({ id, title });
  });

  it('reads decomposed (NFD) text, as pasted from macOS or Word', () => {
    expect(matchPosition('Tư pháp - Hộ tịch'.normalize('NFD'))).toEqual({ id: 'TP_HT', title: 'Tư pháp - Hộ tịch' });
  });

  it('gives a bare "Địa chính" the commune’s variant (xã when unknown)', () => {
    expect(matchPosition('Địa chính')?.title).toBe('Địa chính - Nông nghiệp - Xây dựng và Môi trường');
    expect(matchPosition('Địa chính - Xây dựng', { communeKind: 'phuong' })?.title).toBe('Địa chính - Xây dựng - Đô thị và Môi trường');
    expect(matchPosition('ĐC', { communeKind: 'thi_tran' })?.title).toBe('Địa chính - Xây dựng - Đô thị và Môi trường');
    expect(matchPosition('Địa chính', { communeKind: 'xa' })?.title).toBe('Địa chính - Nông nghiệp - Xây dựng và Môi trường');
  });

  it('does not take other committees’ chairs or non-exam titles for exam positions', () => {
    for (const raw of [
      'Chủ tịch HĐND',
      'Phó Chủ tịch Hội đồng nhân dân',
      'Chủ tịch UBMTTQ',
      'Chủ tịch Hội Nông dân',
      'Trưởng Công an',
      'Chỉ huy trưởng Quân sự',
      'Bí thư Đảng ủy',
      'Văn thư',
      '',
      '  ',
      'Địa chính - Nông nghiệp - Đô thị',
    ]) {
      expect(matchPosition(raw), raw).toBeNull();
    }
  });
});

describe('parseBirth', () => {
  const ok = (raw: unknown) => parseBirth(raw, { now: NOW });
  it('accepts a year, a date in d/m/yyyy or dd/mm/yyyy, a date cell and its serial number', () => {
    expect(ok(1985)).toEqual({ ok: true, year: 1985, date: null });
    expect(ok('1985')).toEqual({ ok: true, year: 1985, date: null });
    expect(ok(' 1985 ')).toEqual({ ok: true, year: 1985, date: null });
    expect(ok('1/1/1987')).toEqual({ ok: true, year: 1987, date: '1987-01-01' });
    expect(ok('01/01/1987')).toEqual({ ok: true, year: 1987, date: '1987-01-01' });
    expect(ok('25/12/1979')).toEqual({ ok: true, year: 1979, date: '1979-12-25' });
    expect(ok('25-12-1979')).toEqual({ ok: true, year: 1979, date: '1979-12-25' });
    expect(ok('25.12.1979')).toEqual({ ok: true, year: 1979, date: '1979-12-25' });
    expect(ok('1979-12-25')).toEqual({ ok: true, year: 1979, date: '1979-12-25' });
    expect(ok(new Date(Date.UTC(1987, 0, 1)))).toEqual({ ok: true, year: 1987, date: '1987-01-01' });
    // A local-midnight Date in Vietnam is 17:00 the day before in UTC: still 1 January.
    expect(ok(new Date('1987-01-01T00:00:00+07:00'))).toEqual({ ok: true, year: 1987, date: '1987-01-01' });
    expect(ok(serial('1987-01-01'))).toEqual({ ok: true, year: 1987, date: '1987-01-01' });
    expect(parseBirth(serial('1987-01-01') - 1462, { now: NOW, date1904: true })).toEqual({ ok: true, year: 1987, date: '1987-01-01' });
    expect(ok('5/1987')).toEqual({ ok: true, year: 1987, date: null });
  });

  it('refuses text, short years, impossible days and empty cells, saying what is wrong', () => {
    const text = ok('năm tám lăm');
    expect(text).toMatchObject({ ok: false, code: 'text' });
    expect(!text.ok && text.message).toBe('năm sinh "năm tám lăm" không phải là số; ghi năm bằng chữ số (ví dụ 1985) hoặc ngày sinh (ví dụ 01/01/1985)');
    expect(ok('1985a')).toMatchObject({ ok: false, code: 'text' });
    expect(ok('85')).toMatchObject({ ok: false, code: 'invalid', message: 'năm sinh "85" phải ghi đủ 4 chữ số, ví dụ 1985' });
    expect(ok(85)).toMatchObject({ ok: false, code: 'invalid' });
    expect(ok('31/02/1985')).toMatchObject({
      ok: false,
      code: 'invalid',
      message: 'ngày sinh "31/02/1985" không có thật (ghi theo ngày/tháng/năm, ví dụ 25/12/1985)',
    });
    expect(ok('12/13/1985')).toMatchObject({ ok: false, code: 'invalid' });
    expect(ok(null)).toMatchObject({ ok: false, code: 'empty', message: 'thiếu năm sinh' });
    expect(ok('')).toMatchObject({ ok: false, code: 'empty' });
  });

  it('refuses years before 1940 and after (current year − 16)', () => {
    const max = 2026 - MIN_AGE;
    expect(ok(1940)).toMatchObject({ ok: true, year: 1940 });
    expect(ok(1939)).toMatchObject({ ok: false, code: 'range', message: `năm sinh 1939 không hợp lý: phải từ 1940 đến ${max}` });
    expect(ok(max)).toMatchObject({ ok: true, year: max });
    expect(ok(max + 1)).toMatchObject({ ok: false, code: 'range' });
    expect(ok(`01/01/${max + 1}`)).toMatchObject({ ok: false, code: 'range' });
    expect(ok(2985)).toMatchObject({ ok: false, code: 'range' });
  });
});

describe('parseDay', () => {
  it('reads dates as the forms write them', () => {
    expect(parseDay('15/3/2023')).toEqual({ ok: true, date: '2023-03-15' });
    expect(parseDay(serial('2023-03-15'))).toEqual({ ok: true, date: '2023-03-15' });
    expect(parseDay('29/02/2023')).toEqual({ ok: false, code: 'invalid' });
    expect(parseDay('29/02/2024')).toEqual({ ok: true, date: '2024-02-29' });
    expect(parseDay('tháng 3')).toEqual({ ok: false, code: 'invalid' });
    expect(parseDay('')).toEqual({ ok: false, code: 'empty' });
  });
});

describe('normalizePhone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['0912-345-678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0084 912 345 678', '0912345678'],
    ['(+84) 91 234 5678', '0912345678'],
    ['0353 123 456', '0353123456'],
    ['056 123 4567', '0561234567'],
    ['0799999999', '0799999999'],
    ['0869745663', '0869745663'],
  ])('mobile %s → %s', (raw, want) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, phone: want, kind: 'mobile' });
  });

  it('restores the leading 0 Excel drops from a number cell', () => {
    expect(normalizePhone(912345678)).toEqual({ ok: true, phone: '0912345678', kind: 'mobile' });
    expect(normalizePhone(84912345678)).toEqual({ ok: true, phone: '0912345678', kind: 'mobile' });
    expect(normalizePhone(2993822123)).toEqual({ ok: true, phone: '02993822123', kind: 'landline' });
  });

  it('accepts landlines of 10–11 digits starting with 02', () => {
    expect(normalizePhone('0299 3822 123')).toEqual({ ok: true, phone: '02993822123', kind: 'landline' });
    expect(normalizePhone('(0299) 3.822.123')).toEqual({ ok: true, phone: '02993822123', kind: 'landline' });
    expect(normalizePhone('+84 299 3822 123')).toEqual({ ok: true, phone: '02993822123', kind: 'landline' });
    expect(normalizePhone('024 3825 1234')).toEqual({ ok: true, phone: '02438251234', kind: 'landline' });
    expect(normalizePhone('0293822123')).toEqual({ ok: true, phone: '0293822123', kind: 'landline' });
  });

  it('refuses what is not a Vietnamese number, quoting it', () => {
    for (const raw of [
      '091....',
      '091234567',
      '09123456789',
      '0112345678',
      '01234567890',
      '0412345678',
      '0912345678 - 0913456789',
      'không có',
      '12345',
      91234567.5,
      '029938221234',
    ]) {
      const r = normalizePhone(raw);
      expect(r.ok, String(raw)).toBe(false);
      if (!r.ok) expect(r.message).toContain(`số điện thoại "${typeof raw === 'number' ? String(raw) : raw.trim()}" không hợp lệ`);
    }
    expect(normalizePhone('')).toMatchObject({ ok: false, code: 'empty' });
    expect(normalizePhone(null)).toMatchObject({ ok: false, code: 'empty' });
  });
});

describe('canChoosePosition (chưa quá 06 tháng)', () => {
  it('is true up to and including the same day six months later', () => {
    expect(canChoosePosition('2023-04-15', '2023-10-15')).toBe(true);
    expect(canChoosePosition('2023-04-15', '2023-10-16')).toBe(false);
    expect(canChoosePosition('2023-04-15', '2023-04-15')).toBe(true);
    expect(canChoosePosition('15/04/2023', '20/09/2023')).toBe(true);
  });

  it('clamps a month-end to the last day of the sixth month', () => {
    expect(canChoosePosition('2023-08-31', '2024-02-29')).toBe(true); // 2024 is a leap year
    expect(canChoosePosition('2023-08-31', '2024-03-01')).toBe(false);
    expect(canChoosePosition('2022-08-31', '2023-02-28')).toBe(true);
    expect(canChoosePosition('2022-08-31', '2023-03-01')).toBe(false);
    expect(canChoosePosition('2023-03-31', '2023-09-30')).toBe(true);
    expect(canChoosePosition('2023-03-31', '2023-10-01')).toBe(false);
  });

  it('crosses the year and is false for a move after the exam or an unreadable date', () => {
    expect(canChoosePosition('2023-07-10', '2024-01-10')).toBe(true);
    expect(canChoosePosition('2023-07-10', '2024-01-11')).toBe(false);
    expect(canChoosePosition('2023-10-01', '2023-09-20')).toBe(false);
    expect(canChoosePosition('không rõ', '2023-09-20')).toBe(false);
  });

  it('reads Date objects as Vietnam calendar days (UTC midnight from Excel, local midnight from the app)', () => {
    expect(canChoosePosition(new Date(Date.UTC(2023, 3, 15)), new Date('2023-10-15T00:00:00+07:00'))).toBe(true);
    expect(canChoosePosition(new Date(Date.UTC(2023, 3, 15)), new Date('2023-10-16T00:00:00+07:00'))).toBe(false);
  });
});

describe('personKey', () => {
  const k = personKey('Nguyễn Văn A', 1987, 'Xã Hòa Tú 1');
  it('ignores case, spacing, Unicode form, tone placement and the "Xã" prefix', () => {
    expect(personKey('NGUYỄN  VĂN  A ', 1987, 'xã hòa tú 1')).toBe(k);
    expect(personKey('Nguyễn Văn A'.normalize('NFD'), 1987, 'Xã Hòa Tú 1'.normalize('NFD'))).toBe(k);
    expect(personKey('Nguyễn Văn A', 1987, 'Xã Hoà Tú 1')).toBe(k);
    expect(personKey('Nguyễn Văn A', 1987, 'Hòa Tú 1')).toBe(k);
    expect(personKey('Lê Thị Thuý', 1990, 'Phường 2')).toBe(personKey('Lê Thị Thúy', 1990, 'phường 2'));
  });
  it('keeps diacritics, birth year and commune apart', () => {
    expect(personKey('Nguyễn Văn Ân', 1987, 'Xã Hòa Tú 1')).not.toBe(k);
    expect(personKey('Nguyen Van A', 1987, 'Xã Hòa Tú 1')).not.toBe(k);
    expect(personKey('Nguyễn Văn A', 1988, 'Xã Hòa Tú 1')).not.toBe(k);
    expect(personKey('Nguyễn Văn A', 1987, 'Xã Hòa Tú 2')).not.toBe(k);
    // "Hoàng" has its tone on the a in both styles: not moved.
    expect(communeKey('Xã Hoàng Lộc')).toBe('hoàng lộc');
  });
});

describe('exclusionReason, matchFocalArea, parseYesNo', () => {
  it('classifies Mẫu 03 reasons and keeps the text', () => {
    expect(exclusionReason('Đang trong thời gian tập sự')).toEqual({ kind: 'tap_su', text: 'Đang trong thời gian tập sự' });
    expect(exclusionReason('  tập sự  (đến 12/2023) ')).toEqual({ kind: 'tap_su', text: 'tập sự (đến 12/2023)' });
    expect(exclusionReason('Nghỉ thai sản')).toEqual({ kind: 'thai_san', text: 'Nghỉ thai sản' });
    expect(exclusionReason('nghỉ sinh con thứ hai')).toMatchObject({ kind: 'thai_san' });
    expect(exclusionReason('Đi học Trung cấp lý luận chính trị')).toEqual({ kind: 'khac', text: 'Đi học Trung cấp lý luận chính trị' });
    expect(exclusionReason('  ')).toBeNull();
  });
  it('names the district focal point’s field', () => {
    expect(matchFocalArea('Công nghệ thông tin')).toBe('cntt');
    expect(matchFocalArea('CNTT')).toBe('cntt');
    expect(matchFocalArea('Phụ trách tư pháp')).toBe('tu_phap');
    expect(matchFocalArea('NỘI VỤ')).toBe('noi_vu');
    expect(matchFocalArea('Kế hoạch')).toBeNull();
  });
  it('reads Có/Không', () => {
    expect(['Có', 'có', 'X', 'x', 'Co', 1, true].map(parseYesNo)).toEqual([true, true, true, true, true, true, true]);
    expect(['Không', 'KHÔNG', 'K', 'ko', 0, false].map(parseYesNo)).toEqual([false, false, false, false, false, false]);
    expect(parseYesNo(null)).toBeNull();
    expect(parseYesNo('  ')).toBeNull();
    expect(parseYesNo('chưa rõ')).toBe('invalid');
  });
});
