import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatPoints, parseDecimal } from '../../shared/format';

describe('Vietnamese display formats', () => {
  it('shows dates as dd/mm/yyyy in Vietnam time, whatever the machine zone', () => {
    // 17:00 05/10/2023 in Hà Nội is 10:00 UTC — the closing time from document 001.
    const close = Date.UTC(2023, 9, 5, 10, 0, 0);
    expect(formatDate(close)).toBe('05/10/2023');
    expect(formatDateTime(close)).toBe('17:00 05/10/2023');
    // 20:00 UTC is already the next day in Vietnam.
    expect(formatDate(Date.UTC(2023, 9, 5, 20, 0, 0))).toBe('06/10/2023');
  });
  it('uses a decimal comma for points', () => {
    expect(formatPoints(73.25)).toBe('73,25');
    expect(formatPoints(10)).toBe('10');
    expect(formatPoints(0.5)).toBe('0,5');
  });
});

describe('parseDecimal', () => {
  it('reads a decimal comma, and refuses what is not a finite number (never Infinity, sent as null)', () => {
    expect(parseDecimal('1,5')).toBe(1.5);
    expect(parseDecimal('73,25')).toBe(73.25);
    expect(parseDecimal('1e308')).toBeNull();
    expect(parseDecimal('9'.repeat(400))).toBeNull();
    expect(parseDecimal('abc')).toBeNull();
  });
});
