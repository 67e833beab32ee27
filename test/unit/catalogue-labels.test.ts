import { describe, expect, it } from 'vitest';
import { labelOf } from '../../shared/i18n/label';
import { vi } from '../../shared/i18n/vi';

describe('labels for keys read from the database or a file', () => {
  it('gives the catalogue words for a known key and the key itself for an unknown one', () => {
    expect(labelOf(vi.examUi.positionIds, 'TP_HT')).toBe('Tư pháp - Hộ tịch');
    expect(labelOf(vi.examUi.genders, 'nu')).toBe('Nữ');
    expect(labelOf(vi.examUi.positionIds, 'KHONG_CO')).toBe('KHONG_CO');
    expect(vi.packageKinds.label('inspection')).toBe('Báo cáo phục vụ Đoàn kiểm tra');
    expect(vi.packageKinds.label('la')).toBe('la');
  });

  it('never shows an object’s built-in members as a label ("constructor", "toString")', () => {
    expect(labelOf(vi.ui.itemStatus, 'constructor')).toBe('constructor');
    expect(labelOf(vi.ui.itemStatus, 'toString')).toBe('toString');
    expect(vi.packageKinds.label('__proto__')).toBe('__proto__');
  });
});
