// A province's criteria table in XLSX (Mã | Tiêu chí | Điểm tối đa [| Hướng dẫn chấm điểm | Tài
// liệu kiểm chứng]), the header possibly below title rows that may name the set ("Tên bộ tiêu
// chí:", "Quyết định:", "Năm:"). Cells and the header scan are the importers' shared ones (xlsx/).
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ApiError } from '../../shared/errors';
import { viCriteriaFile } from '../../shared/i18n/vi/criteria-file';
import { HEADER_SCAN_ROWS, MAX_CRITERIA_ROWS } from '../../shared/criteria-format';
import { foldText } from '../../shared/vietnamese';
import { parsePoints, type CriterionRow } from '../domain/criteria-tree';
import { FormulaCell, display, rowCells, valueOf, type CellValue } from './xlsx/cells';
import { findHeaderRow, type HeaderCols, type HeaderScan } from './xlsx/header';
import type { CriteriaSetMeta } from './criteria-file';

const m = viCriteriaFile;

type Column = 'code' | 'title' | 'maxPoints' | 'guidance' | 'evidenceHints';
const REQUIRED = ['code', 'title', 'maxPoints'] as const;

const SCAN: HeaderScan<Column> = {
  scanRows: HEADER_SCAN_ROWS,
  // Aliases in order of preference: "Mã" wins over "STT" when a table has both.
  match: {
    code: ['ma', 'ma tieu chi', 'ma so', 'stt'],
    title: ['tieu chi', 'ten tieu chi', 'noi dung', 'noi dung tieu chi'],
    maxPoints: ['diem toi da', 'diem chuan', 'diem'],
    guidance: ['huong dan cham diem', 'huong dan'],
    evidenceHints: ['tai lieu kiem chung', 'tai lieu minh chung'],
  },
  isHeader: (cols) => REQUIRED.every((c) => cols[c] !== undefined),
  // Two of three columns found: most likely the header, with one column named unexpectedly.
  missing: (cols) => {
    const missing = REQUIRED.filter((c) => cols[c] === undefined);
    return missing.length === 1 ? missing.map((c) => m.columns[c]) : null;
  },
};

const META_LABELS: Record<string, keyof CriteriaSetMeta> = {
  'ten bo tieu chi': 'name',
  'quyet dinh': 'decision',
  tinh: 'province',
  'tinh/thanh pho': 'province',
  nam: 'year',
  'nam ap dung': 'year',
};

type Plain = string | number | null;

/**
 * A cell as the criteria check judges it: a number, or text. A formula nobody calculated has no
 * result and shows as its formula, so the "not a number" message says what is in the cell;
 * booleans and error values as Excel shows them (TRUE, #REF!).
 */
function plain(v: CellValue): Plain {
  if (v instanceof FormulaCell && v.result === null) return `=${v.formula}`;
  const x = valueOf(v);
  return typeof x === 'number' || typeof x === 'string' || x === null ? x : display(x);
}

const cellText = (v: Plain): string | null => (v === null ? null : String(v).trim() || null);

function readMeta(rows: CellValue[][], fallbackName: string): CriteriaSetMeta {
  const found: Partial<Record<keyof CriteriaSetMeta, Plain>> = {};
  const titles: string[] = [];
  for (const cells of rows) {
    for (let c = 1; c < cells.length; c++) {
      const t = cellText(plain(cells[c] ?? null));
      const mm = t ? /^([^:]{1,40}):\s*([\s\S]*)$/.exec(t) : null;
      if (!mm) {
        if (t) titles.push(t);
        continue;
      }
      const key = META_LABELS[foldText(mm[1]!)];
      if (!key || found[key] !== undefined) continue;
      // "Label: value" in one cell, or "Label:" with the value in the next cell.
      let value: Plain = mm[2]!.trim() || null;
      for (let n = c + 1; value === null && n < cells.length; n++) value = plain(cells[n] ?? null);
      if (value !== null) found[key] = value;
    }
  }
  const year = found.year === undefined || found.year === null ? null : /\b(19|20)\d\d\b/.exec(String(found.year));
  return {
    name: cellText(found.name ?? null) ?? proposeName(titles) ?? fallbackName,
    decision: cellText(found.decision ?? null),
    province: cellText(found.province ?? null),
    year: year ? Number(year[0]) : null,
  };
}

/**
 * Without a "Tên bộ tiêu chí:" row, the name is proposed from the title rows above the table
 * (the user can edit it after the import): the one that says what the table is, else the longest.
 */
export function proposeName(titles: string[]): string | null {
  const clean = titles.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t.length >= 6 && t.length <= 300 && /\p{L}/u.test(t));
  const saying = clean.find((t) => /tieu chi|chi so|bo chi so|danh gia/.test(foldText(t)));
  return saying ?? clean.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** A "Tổng cộng" row at the foot of the table: not a criterion, but its number can be checked. */
const TOTAL_TITLES = new Set(['tong', 'cong', 'tong cong', 'tong diem', 'tong so diem', 'tong cong diem', 'tong diem toi da']);
const isTotalRow = (code: Plain, title: Plain) => code === null && title !== null && TOTAL_TITLES.has(foldText(String(title)));

/** Rows 1…n of a sheet with their cells, read as the loop asks for them. */
function* sheetRows(ws: ExcelJS.Worksheet, from: number, to: number): Generator<{ r: number; cells: CellValue[] }> {
  for (let r = from; r <= to; r++) yield { r, cells: rowCells(ws.getRow(r)) };
}

export async function parseCriteriaXlsx(
  file: string,
  fullPath: string,
): Promise<{ meta: CriteriaSetMeta; rows: CriterionRow[]; statedTotal: { value: number; source: string } | null }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(fullPath);
  } catch {
    throw new ApiError('VALIDATION', m.badXlsx(file));
  }
  if (wb.worksheets.length === 0) throw new ApiError('VALIDATION', m.noSheet(file));

  // The first sheet with a header row: workbooks sometimes start with an instructions sheet.
  let found: { ws: ExcelJS.Worksheet; row: number; cols: HeaderCols<Column>; above: CellValue[][] } | null = null;
  let partial: { sheet: string; row: number; missing: string[] } | null = null;
  for (const ws of wb.worksheets) {
    const head = [...sheetRows(ws, 1, Math.min(ws.rowCount, HEADER_SCAN_ROWS))];
    const h = findHeaderRow(head, SCAN);
    if ('row' in h) {
      found = { ws, row: h.row, cols: h.cols, above: head.slice(0, h.index).map((x) => x.cells) };
      break;
    }
    if (h.partial && !partial) partial = { sheet: ws.name, ...h.partial };
  }
  if (!found) throw new ApiError('VALIDATION', partial ? m.partialHeader(file, partial.sheet, partial.row, partial.missing) : m.noHeader(file));

  const { ws, row: headerRow, cols } = found;
  const rows: CriterionRow[] = [];
  let statedTotal: { value: number; source: string } | null = null;
  for (const { r, cells } of sheetRows(ws, headerRow + 1, ws.rowCount)) {
    const get = (col: Column): Plain => (cols[col] === undefined ? null : plain(cells[cols[col]] ?? null));
    const [code, title, maxPoints, guidance, evidenceHints] = [get('code'), get('title'), get('maxPoints'), get('guidance'), get('evidenceHints')];
    if ([code, title, maxPoints, guidance, evidenceHints].every((v) => v === null)) continue;
    if (isTotalRow(code, title)) {
      const p = parsePoints(maxPoints);
      if (p.ok && p.value !== null) statedTotal = { value: p.value, source: m.where.row(r) };
      continue;
    }
    if (rows.length >= MAX_CRITERIA_ROWS) throw new ApiError('VALIDATION', m.tooManyRows(file, rows.length + 1));
    rows.push({
      code: code === null ? '' : String(code),
      title: title === null ? '' : String(title),
      maxPoints,
      guidance: cellText(guidance),
      evidenceHints: cellText(evidenceHints),
      source: m.where.row(r),
    });
  }
  return { meta: readMeta(found.above, path.basename(file, path.extname(file))), rows, statedTotal };
}
