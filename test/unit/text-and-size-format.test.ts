// The one diacritics rule (shared/vietnamese.ts) and the one byte formatter (shared/format.ts),
// used by main/ and the renderer alike.
import { describe, expect, it } from 'vitest';
import { foldText, stripDiacritics } from '../../shared/vietnamese';
import { formatBytes } from '../../shared/format';

describe('diacritic folding', () => {
  it('strips every Vietnamese mark and đ, from NFC and NFD alike', () => {
    expect(stripDiacritics('Báo cáo quý I – Đơn vị Phú Thượng')).toBe('Bao cao quy I – Don vi Phu Thuong');
    expect(stripDiacritics('Nguyễn Thị Ngọc Huyền'.normalize('NFD'))).toBe('Nguyen Thi Ngoc Huyen');
  });
  it('folds labels for matching: case, spacing and a trailing colon ignored', () => {
    expect(foldText('  ĐIỂM   TỐI ĐA: ')).toBe('diem toi da');
    expect(foldText('Tài liệu kiểm chứng *')).toBe('tai lieu kiem chung');
  });
});

describe('formatBytes', () => {
  it('shows sizes as Windows does, with a decimal comma', () => {
    expect(formatBytes(12)).toBe('12 byte');
    expect(formatBytes(300 * 1024)).toBe('300 KB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1,5 MB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3 GB');
  });
  it('rounds up against a limit, so a file just over it never shows as equal', () => {
    expect(formatBytes(20 * 1024 * 1024 + 1, { up: true })).toBe('20,1 MB');
    expect(formatBytes(4100, { up: true })).toBe('5 KB');
  });
  it('states binary limits in KiB/MiB, stick sizes in decimal units, and transfers in one unit', () => {
    expect(formatBytes(32 * 1024, { units: 'iec', decimals: 1 })).toBe('32 KiB');
    expect(formatBytes(100_000, { units: 'iec', decimals: 1 })).toBe('97,7 KiB');
    expect(formatBytes(2 ** 32 + 1, { units: 'decimal', decimals: 1, fixed: true })).toBe('4,3 GB');
    expect(formatBytes(999_960_000, { units: 'decimal', decimals: 1, fixed: true })).toBe('1,0 GB');
    expect(formatBytes(300 * 1024, { unit: 'MB', decimals: 2 })).toBe('0,29 MB');
  });
});
