// Cells as the roster reader sees them: plain values, and the junk a hostile or careless file
// holds (formulas, error values, oversized text) kept apart so each column can decide about it.
import type ExcelJS from 'exceljs';
import { COMBINING } from '../../../domain/roster';
import { XLSX_LIMITS } from './types';

export type Plain = string | number | boolean | null;

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
/** Text over XLSX_LIMITS.maxCellBytes: only its size is kept. */
export class OversizeCell {
  constructor(readonly bytes: number) {}
}
export type CellValue = Plain | FormulaCell | ErrorCell | OversizeCell;

const ERROR_LITERAL = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;
/** Cheap before exact: a 32 KiB UTF-8 string has at least 10 923 UTF-16 units. */
const MIN_OVERSIZE_UNITS = Math.floor(XLSX_LIMITS.maxCellBytes / 3);

function textValue(s: string): CellValue {
  if (s.length > MIN_OVERSIZE_UNITS) {
    const bytes = Buffer.byteLength(s, 'utf8');
    if (bytes > XLSX_LIMITS.maxCellBytes) return new OversizeCell(bytes);
  }
  const t = s.trim();
  if (t === '') return null;
  return t.charCodeAt(0) === 35 /* # */ && ERROR_LITERAL.test(t) ? new ErrorCell(t) : t;
}

/** exceljs's value of a cell as the reader keeps it. */
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

/** What a formula shows; other values as they are. */
export const valueOf = (v: CellValue): Exclude<CellValue, FormulaCell> => (v instanceof FormulaCell ? v.result : v);

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

/** Control, format (bidi overrides, zero-width) and lone surrogate characters: never in a name. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\uFFFE\uFFFF]/u;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** The first hidden character of `s` as "U+202E", or null. */
export function hiddenChar(s: string): { code: string; bidi: boolean } | null {
  const m = HIDDEN.exec(s);
  if (!m) return null;
  const cp = m[0].codePointAt(0)!;
  return { code: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, bidi: BIDI.test(m[0]) };
}

export const hasLetter = (s: string): boolean => /\p{L}/u.test(s);

export const colLetter = (n: number): string => {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

function titleCase(s: string): string {
  if (s !== s.toLocaleUpperCase('vi-VN')) return s;
  return s.toLocaleLowerCase('vi-VN').replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toLocaleUpperCase('vi-VN'));
}

/** "UBND HUYỆN MỸ XUYÊN" → "Mỹ Xuyên"; "THỊ XÃ NGÃ NĂM" → "Thị xã Ngã Năm". */
export function districtFromHeading(text: string): string | null {
  const m = /^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)?\s*(huyện|thị xã|thành phố|quận)\s+(.+)$/iu.exec(text.normalize('NFC').trim());
  if (!m) return null;
  const kind = m[1]!.toLocaleLowerCase('vi-VN');
  const name = titleCase(m[2]!.trim());
  return kind === 'huyện' ? name : `${kind[0]!.toLocaleUpperCase('vi-VN')}${kind.slice(1)} ${name}`;
}

/** "I. Xã Hòa Tú 1" / "UBND xã Gia Hòa 1" on a row of its own: the commune of the rows below. */
export function sectionCommune(text: string | null): string | null {
  if (!text) return null;
  const t = text.replace(/^(?:[IVXLC]+|\d+|[a-z])\s*[.):-]\s*/i, '').replace(/^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/i, '');
  return /^(xã|phường|thị trấn|tt\.)\s+\S/iu.test(t) ? t : null;
}

/** Signature block and totals under the table ("Người lập biểu", "TM. ỦY BAN NHÂN DÂN", "…, ngày … tháng … năm …"). */
export function isFooterText(text: string): boolean {
  const f = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  return /^(tm|kt|tl|q)\s*\.|^(nguoi lap|thu truong|xac nhan|noi nhan|tong cong|tong so|cong\b|\(?ky,? ghi ro|\(?ky ten)|\bngay\s*[\d.…]*\s*thang\b/.test(f);
}
