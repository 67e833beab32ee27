// Finding a sheet's header row (below title rows, with "Năm sinh" possibly merged over a Nam | Nữ
// sub-header), and the column-number row ("(1) (2) (3) …") templates put under it.
import { COLUMN_LABELS, headerKey, type FormCode, type HeaderKey } from '../forms';
import { findHeaderRow, headerColumns, type HeaderScan } from '../../xlsx/header';
import { valueOf, display, type CellValue } from './cells';
import { HEADER_SCAN_ROWS } from './types';

export type Cols = Partial<Record<HeaderKey, number>>;

/** A row held while looking for the header. */
export interface Buffered {
  r: number;
  cells: CellValue[]; // index = column number
}

export interface HeaderFound {
  row: number;
  lastRow: number; // the sub-header row (Nam | Nữ) when there is one
  cols: Cols;
}

export type HeaderSearch = HeaderFound | { partial: { row: number; missing: string[] } | null };

/** The strings of a row (a formula's text result counts: titles are sometimes built with one). */
export const textsOf = (cells: CellValue[]): string[] => cells.map(valueOf).filter((v): v is string => typeof v === 'string');

const keysOf = (row: Buffered): Cols => headerColumns(row.cells, headerKey);

const count = (cols: Cols) => Object.keys(cols).length;

const SCAN: HeaderScan<HeaderKey> = {
  scanRows: HEADER_SCAN_ROWS,
  match: headerKey,
  isHeader: (cols) => cols.fullName !== undefined && count(cols) >= 3,
  missing: (cols) => {
    if (count(cols) < 2) return null;
    const missing = (['fullName', 'birth', 'position', 'commune'] as const)
      .filter((k) => cols[k] === undefined && !(k === 'birth' && (cols.birthMale ?? cols.birthFemale) !== undefined))
      .map((k) => COLUMN_LABELS[k]);
    return missing.length <= 2 ? missing : null;
  },
};

/**
 * The first row naming "Họ và tên" and at least two other known columns. Its "Năm sinh" may be
 * merged over a sub-header row holding "Nam" | "Nữ" (the merge itself is not visible while
 * streaming: the value sits in the first cell, the sub-header in the next row).
 */
export function findHeader(rows: Buffered[]): HeaderSearch {
  const found = findHeaderRow(rows, SCAN);
  if ('partial' in found) return found;
  const { cols } = found;
  let lastRow = found.row;
  const next = rows[found.index + 1];
  if (next && next.r <= found.row + 2 && (cols.birthMale === undefined || cols.birthFemale === undefined)) {
    const sub = keysOf(next);
    // Only headings: a data row with "Nữ" in a Giới tính column is not a sub-header.
    const onlyHeadings = next.cells.every((v) => typeof v === 'string' && headerKey(v) !== null);
    if (onlyHeadings && (sub.birthMale !== undefined || sub.birthFemale !== undefined)) {
      for (const [k, c] of Object.entries(sub) as [HeaderKey, number][]) if (cols[k] === undefined) cols[k] = c;
      lastRow = next.r;
    }
  }
  return { row: found.row, lastRow, cols };
}

export function formFromColumns(cols: Cols): FormCode | null {
  if (cols.reason !== undefined) return '03';
  if (cols.focalArea !== undefined || cols.agency !== undefined) return '04';
  if (cols.appointedAt !== undefined || cols.takesPart !== undefined) return '05';
  return null;
}

const NUMBER_MARK = /^\(?(\d{1,2})\)?\.?$/;
const LETTER_MARK = /^\(?[A-Z]\)?\.?$/;

/**
 * The column-number row under a header: "1 2 3 …", "(1) (2) (3) …", sometimes "A B 1 2 …". Only
 * when the whole row is such marks (at least three, the numbers increasing left to right): a row
 * whose name alone looks like a number is a person's row, and its name is checked as one.
 */
export function isNumberingRow(cells: CellValue[]): boolean {
  let marks = 0;
  let last = -1;
  for (const cell of cells) {
    if (cell === undefined || cell === null) continue;
    const t = display(cell);
    if (t === null) continue;
    const m = NUMBER_MARK.exec(t);
    if (m) {
      const n = Number(m[1]);
      if (n <= last) return false;
      last = n;
    } else if (!LETTER_MARK.test(t)) return false;
    marks++;
  }
  return marks >= 3;
}
