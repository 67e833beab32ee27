import { describe, expect, it } from 'vitest';
import {
  VN_OFFSET_MS,
  formatIsoDate,
  formatVnDate,
  formatVnDateLong,
  formatVnDateTime,
  formatVnDateTimeLong,
  formatVnInput,
  formatVnTime,
  fromIsoLocal,
  parseVnDate,
  parseVnDateTime,
  toIsoLocal,
  vnIsoDate,
  vnWeekday,
} from '../../shared/vn-time';
import { formatDate, formatDateTime, fromVnInputValue, toVnInputValue } from '../../shared/format';
import { fromLocalInputValue, parseLocalDateTime, toLocalInputValue } from '../../main/domain/deadline';

// 08:00 Thursday 14/09/2023 in Vietnam is 01:00 UTC.
const OPENS = Date.parse('2023-09-14T01:00:00Z');

describe('parseVnDateTime', () => {
  it('reads the forms people type', () => {
    for (const s of ['14/09/2023 08:00', '8:00 14/9/2023', '2023-09-14T08:00', '14/9/2023 8h00', '08:00 ngày 14/09/2023', ' 14/09/2023   08:00 ']) {
      expect(parseVnDateTime(s), s).toBe(OPENS);
    }
  });
  it('refuses days and hours that do not exist', () => {
    for (const s of [
      '31/02/2023',
      '31/02/2023 08:00',
      '14/09/2023 25:00',
      '14/09/2023 24:00',
      '14/09/2023 08:60',
      '09/14/2023 08:00',
      '14/09/23 08:00',
      '',
      'hôm qua',
    ]) {
      expect(parseVnDateTime(s), s).toBeNull();
    }
  });
  it('is the parser deadline.ts and format.ts use', () => {
    expect(parseLocalDateTime('8:00 14/9/2023')).toBe(OPENS);
    expect(fromLocalInputValue('2023-09-14T08:00')).toBe(OPENS);
    expect(fromVnInputValue('2023-09-14T08:00')).toBe(OPENS);
    expect(toLocalInputValue(OPENS)).toBe('2023-09-14T08:00');
    expect(toVnInputValue(OPENS)).toBe('2023-09-14T08:00');
  });
});

describe('parseVnDate', () => {
  it('gives the calendar date of dd/mm/yyyy', () => {
    expect(parseVnDate('14/09/2023')).toBe('2023-09-14');
    expect(parseVnDate('1/2/2024')).toBe('2024-02-01');
    expect(parseVnDate('2023-09-14')).toBe('2023-09-14');
    expect(parseVnDate('29/02/2024')).toBe('2024-02-29');
  });
  it('refuses impossible dates and a time', () => {
    for (const s of ['31/02/2023', '29/02/2023', '14/13/2023', '14/09/2023 08:00', '14-09', '']) expect(parseVnDate(s), s).toBeNull();
  });
});

describe('formatting', () => {
  it('writes dd/mm/yyyy and 24-hour HH:mm, with the weekday when echoing', () => {
    expect(formatVnDate(OPENS)).toBe('14/09/2023');
    expect(formatVnTime(OPENS)).toBe('08:00');
    expect(formatVnDateTime(OPENS)).toBe('08:00 14/09/2023');
    expect(formatVnDateTimeLong(OPENS)).toBe('08:00 thứ Năm 14/09/2023');
    expect(formatVnInput(OPENS)).toBe('14/09/2023 08:00');
    expect(formatVnDateLong('2023-09-17')).toBe('Chủ nhật 17/09/2023');
    expect(formatIsoDate('2023-10-05')).toBe('05/10/2023');
    const afternoon = parseVnDateTime('05/10/2023 17:00')!;
    expect(formatVnDateTime(afternoon)).toBe('17:00 05/10/2023');
    expect(formatVnDateTime(afternoon + 30_000, true)).toBe('17:00:30 05/10/2023');
  });
  it('names every weekday', () => {
    const monday = parseVnDateTime('11/09/2023 12:00')!;
    const names = Array.from({ length: 7 }, (_, i) => vnWeekday(monday + i * 86_400_000));
    expect(names).toEqual(['thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật']);
  });
  it('keeps format.ts output as it was', () => {
    expect(formatDate(OPENS)).toBe('14/09/2023');
    expect(formatDateTime(OPENS, true)).toBe('08:00:00 14/09/2023');
  });
});

describe('round trips at UTC+7 around midnight', () => {
  it('puts 00:00 and 23:59 Vietnam time on the right day', () => {
    const midnight = parseVnDateTime('15/09/2023 00:00')!;
    expect(new Date(midnight).toISOString()).toBe('2023-09-14T17:00:00.000Z');
    expect(formatVnDateTime(midnight)).toBe('00:00 15/09/2023');
    expect(vnIsoDate(midnight)).toBe('2023-09-15');
    expect(vnIsoDate(midnight - 60_000)).toBe('2023-09-14');
    expect(formatVnDateTimeLong(midnight - 60_000)).toBe('23:59 thứ Năm 14/09/2023');
    expect(midnight - Date.UTC(2023, 8, 15)).toBe(-VN_OFFSET_MS);
  });
  it('reads back what it writes, minute by minute across midnight and a new year', () => {
    const start = parseVnDateTime('31/12/2023 22:00')!;
    for (let ms = start; ms < start + 4 * 3600_000; ms += 7 * 60_000) {
      expect(parseVnDateTime(formatVnDateTime(ms))).toBe(ms);
      expect(parseVnDateTime(formatVnInput(ms))).toBe(ms);
      expect(fromIsoLocal(toIsoLocal(ms))).toBe(ms);
      expect(parseVnDate(formatVnDate(ms))).toBe(vnIsoDate(ms));
    }
  });
});
