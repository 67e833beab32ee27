// The importers' one cell conversion (main/services/xlsx/cells.ts), on a workbook written to disk
// and read back by exceljs as the importers read it: what a TRUE, a formula, a date or rich text
// becomes is the same for rosters, criteria sets, appraisal results and question banks.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ErrorCell, FormulaCell, MAX_CELL_BYTES, OversizeCell, cellValue, display, rowCells, valueOf, type CellValue } from '../../main/services/xlsx/cells';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-cells-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes one row of values to a real .xlsx, reads it back, and returns the row's cells. */
async function roundTrip(values: ExcelJS.CellValue[], setup?: (ws: ExcelJS.Worksheet) => void): Promise<CellValue[]> {
  const file = path.join(dir, `t${Math.random().toString(36).slice(2)}.xlsx`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Trang 1');
  values.forEach((v, i) => (ws.getCell(1, i + 1).value = v));
  setup?.(ws);
  await wb.xlsx.writeFile(file);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  return rowCells(back.worksheets[0]!.getRow(1));
}

describe('cells read back from a real workbook', () => {
  it('keeps booleans as booleans, shown as Excel shows them', async () => {
    const [, t, f] = await roundTrip([true, false]);
    expect(t).toBe(true);
    expect(f).toBe(false);
    expect(display(t!)).toBe('TRUE');
    expect(display(f!)).toBe('FALSE');
  });

  it('keeps a formula with the result Excel cached, and says when none was saved', async () => {
    const [, sum, text, none] = await roundTrip([
      { formula: 'B2+B3', result: 7.5 },
      { formula: 'CONCAT("Xã ","Phú Thượng")', result: 'Xã Phú Thượng' },
      { formula: 'B4*2' },
    ]);
    expect(sum).toBeInstanceOf(FormulaCell);
    expect((sum as FormulaCell).formula).toBe('B2+B3');
    expect(valueOf(sum!)).toBe(7.5);
    expect(display(text!)).toBe('Xã Phú Thượng');
    expect(none).toBeInstanceOf(FormulaCell);
    expect((none as FormulaCell).result).toBeNull();
    expect(display(none!)).toBeNull();
  });

  it('reads a date as its day, rich text and links as their text, error values as their code', async () => {
    const [, date, rich, link, err] = await roundTrip([
      new Date(Date.UTC(2023, 9, 5)),
      { richText: [{ text: 'Nguyễn ', font: { bold: true } }, { text: 'Văn An' }] },
      { text: 'Cổng dịch vụ công', hyperlink: 'https://dichvucong.gov.vn' },
      { error: '#REF!' },
    ]);
    expect(date).toBe('2023-10-05');
    expect(rich).toBe('Nguyễn Văn An');
    expect(link).toBe('Cổng dịch vụ công');
    expect(err).toBeInstanceOf(ErrorCell);
    expect(display(err!)).toBe('#REF!');
  });

  it('trims text, empties blank cells and leaves the cells a merge covers empty', async () => {
    const cells = await roundTrip(['  Bảng tổng hợp  ', '   ', null, 'Điểm'], (ws) => ws.mergeCells(1, 1, 1, 3));
    expect(cells[1]).toBe('Bảng tổng hợp');
    expect(cells[2] ?? null).toBeNull();
    expect(cells[3] ?? null).toBeNull();
    expect(cells[4]).toBe('Điểm');
  });
});

describe('values a careless or hostile file holds', () => {
  it('tells "#N/A" typed as text and NaN apart from numbers and text', () => {
    expect(cellValue('#N/A')).toBeInstanceOf(ErrorCell);
    expect(cellValue('# 1')).toBe('# 1');
    expect(cellValue(Number.NaN)).toBeInstanceOf(ErrorCell);
    expect(cellValue(0)).toBe(0);
  });

  it('keeps only the size of text over the cell limit', () => {
    const v = cellValue('ạ'.repeat(MAX_CELL_BYTES));
    expect(v).toBeInstanceOf(OversizeCell);
    expect((v as OversizeCell).bytes).toBe(3 * MAX_CELL_BYTES);
    expect(display(v)).toBe('…');
  });

  it('shows text pasted decomposed (NFD) as precomposed, with single spaces', () => {
    expect(display(cellValue('Ph\u00fa  Th\u01b0\u1ee3ng'.normalize('NFD')))).toBe('Phú Thượng');
  });
});
