// XLSX cells as every importer sees them (rosters, criteria sets, appraisal results, question
// banks): plain values, and the junk a hostile or careless file holds (formulas, error values,
// oversized text) kept apart so each reader decides about it. One conversion, so a TRUE or a
// formula means the same in every import.
import type ExcelJS from 'exceljs';

export type Plain = string | number | boolean | null;

/** One cell or one shared string (UTF-8). Excel itself stops a cell at 32 767 characters. */
export const MAX_CELL_BYTES = 32 * 1024;

/** A formula: its text and the result Excel cached (null when none was saved). */
export class FormulaCell {
  constructor(
    readonly formula: string,
    readonly result: Exclude<CellValue, FormulaCell>,
  ) {}
}
/** An error value (#REF!, #N/A …), or a number that isn't one (NaN). */
export class ErrorCell {
  constructor(readonly code: string) {}
}
/** Text over MAX_CELL_BYTES: only its size is kept. */
export class OversizeCell {
  constructor(readonly bytes: number) {}
}
export type CellValue = Plain | FormulaCell | ErrorCell | OversizeCell;

const ERROR_LITERAL = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;
/** Cheap before exact: a 32 KiB UTF-8 string has at least 10 923 UTF-16 units. */
const MIN_OVERSIZE_UNITS = Math.floor(MAX_CELL_BYTES / 3);

/** Text trimmed; blank is empty; "#REF!" typed or pasted as text is the error it shows. */
function textValue(s: string): CellValue {
  if (s.length > MIN_OVERSIZE_UNITS) {
    const bytes = Buffer.byteLength(s, 'utf8');
    if (bytes > MAX_CELL_BYTES) return new OversizeCell(bytes);
  }
  const t = s.trim();
  if (t === '') return null;
  return t.charCodeAt(0) === 35 /* # */ && ERROR_LITERAL.test(t) ? new ErrorCell(t) : t;
}

/**
 * exceljs's value of a cell as the readers keep it. Booleans stay booleans; a date is its ISO day
 * ("2023-10-05"); rich text and hyperlinks are their text; a formula keeps its cached result.
 */
export function cellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return textValue(v);
  if (typeof v === 'number') return Number.isNaN(v) ? new ErrorCell('#VALUE!') : v;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? new ErrorCell('#VALUE!') : v.toISOString().slice(0, 10);
  if ('richText' in v) return textValue(v.richText.map((t) => t.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) {
    const f = 'formula' in v ? v.formula : v.sharedFormula;
    const result = v.result === undefined ? null : cellValue(v.result);
    return new FormulaCell(typeof f === 'string' ? f : '', result instanceof FormulaCell ? result.result : result);
  }
  if ('error' in v) return new ErrorCell(String(v.error));
  if ('text' in v && typeof v.text === 'string') return textValue(v.text);
  return null;
}

/**
 * A row's cells by column number (index 0 unused). The cells a merge covers are empty: the value
 * belongs to the merge's first cell (exceljs's in-memory reader repeats it in every covered cell).
 */
export function rowCells(row: ExcelJS.Row): CellValue[] {
  const cells: CellValue[] = [];
  row.eachCell((cell, c) => {
    cells[c] = cell.isMerged && cell.master.address !== cell.address ? null : cellValue(cell.value);
  });
  return cells;
}

/** What a formula shows; other values as they are. */
export const valueOf = (v: CellValue): Exclude<CellValue, FormulaCell> => (v instanceof FormulaCell ? v.result : v);

const COMBINING = /[\u0300-\u036f]/;
const UNTIDY = /\s\s|[^\S ]|^ | $/;

/** Text as stored: NFC (Word/macOS paste NFD), single spaces. Each step only when needed: every cell passes here. */
export const clean = (v: Plain): string | null => {
  if (v === null) return null;
  let s = typeof v === 'string' ? v : String(v);
  if (COMBINING.test(s)) s = s.normalize('NFC');
  if (UNTIDY.test(s)) s = s.replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
};

/** A cell as a person sees it, for messages and for telling headings and footers apart. */
export function display(v: CellValue): string | null {
  if (v instanceof FormulaCell) return display(v.result);
  if (v instanceof ErrorCell) return v.code;
  if (v instanceof OversizeCell) return '…';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return clean(v);
}

export const shown = (v: CellValue): string => display(v) ?? '';
