// The importers' one header scan (main/services/xlsx/header.ts): the header may sit below the
// unit, the title and a date; column names match whatever their case, diacritics and spacing.
import { describe, expect, it } from 'vitest';
import { FormulaCell, cellValue, type CellValue } from '../../main/services/xlsx/cells';
import { findHeaderRow, headerAt, headerColumns, type HeaderScan } from '../../main/services/xlsx/header';

/** A row as rowCells gives it: cells by column number, index 0 unused. */
const row = (r: number, ...texts: (string | null)[]): { r: number; cells: CellValue[] } => ({ r, cells: [null, ...texts.map((t) => cellValue(t))] });

type Col = 'code' | 'title' | 'points';
const SCAN: HeaderScan<Col> = {
  scanRows: 10,
  match: { code: ['ma', 'ma tieu chi', 'stt'], title: ['tieu chi', 'noi dung'], points: ['diem toi da', 'diem'] },
  isHeader: (c) => c.code !== undefined && c.title !== undefined && c.points !== undefined,
  missing: (c) => {
    const missing = (['code', 'title', 'points'] as const).filter((k) => c[k] === undefined);
    return missing.length === 1 ? missing : null;
  },
};

describe('finding the header row', () => {
  it('skips the title rows above the table', () => {
    const found = findHeaderRow(
      [
        row(1, 'UBND HUYỆN PHÚ VANG'),
        row(2, 'BẢNG TIÊU CHÍ ĐÁNH GIÁ NĂM 2024'),
        row(3, null),
        row(4, 'Mã', 'Tiêu chí', 'Điểm tối đa'),
        row(5, '1', 'Công tác chỉ đạo', '10'),
      ],
      SCAN,
    );
    expect(found).toEqual({ index: 3, row: 4, cols: { code: 1, title: 2, points: 3 } });
  });

  it('matches names whatever their case, diacritics, spacing and trailing colon', () => {
    expect(headerColumns(row(1, 'MÃ', 'tieu  chi', 'ĐIỂM TỐI ĐA:').cells, SCAN.match)).toEqual({ code: 1, title: 2, points: 3 });
    expect(headerColumns(row(1, 'Ma'.normalize('NFD'), 'Tiêu chí'.normalize('NFD'), 'Diem toi da').cells, SCAN.match)).toEqual({
      code: 1,
      title: 2,
      points: 3,
    });
  });

  it('prefers the earlier alias when two columns name the same thing ("Mã" over "STT")', () => {
    expect(headerColumns(row(1, 'STT', 'Mã', 'Tiêu chí', 'Điểm').cells, SCAN.match)).toEqual({ code: 2, title: 3, points: 4 });
  });

  it('reads a heading built by a formula from its cached result', () => {
    const cells: CellValue[] = [null, new FormulaCell('"Mã"', 'Mã'), 'Tiêu chí', 'Điểm'];
    expect(headerAt(3, cells, SCAN)).toEqual({ code: 1, title: 2, points: 3 });
  });

  it('points at a near miss, and looks no further than scanRows', () => {
    expect(findHeaderRow([row(1, 'Tiêu đề'), row(2, 'Mã', 'Tiêu chí', 'Số điểm')], SCAN)).toEqual({ partial: { row: 2, missing: ['points'] } });
    expect(findHeaderRow([row(11, 'Mã', 'Tiêu chí', 'Điểm')], SCAN)).toEqual({ partial: null });
    expect(headerAt(11, row(11, 'Mã', 'Tiêu chí', 'Điểm').cells, SCAN)).toBeNull();
  });

  it('takes a matching function for headers that need more than aliases (the leftmost cell wins)', () => {
    const match = (t: string) => (/^h(o|ọ) (va|và) t(e|ê)n$/i.test(t) ? 'name' : null);
    expect(headerColumns(row(1, 'STT', 'Họ và tên', 'Ho va ten').cells, match)).toEqual({ name: 2 });
  });
});
