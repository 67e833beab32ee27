// Reads a criteria set file — our JSON format or a province's XLSX table — into checked rows.
// No database: the caller decides what to do with check.errors (refuse) and check.warnings (show).
// Only files that can't be read as a criteria set at all throw (ApiError 'VALIDATION').
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { ApiError } from '../../shared/errors';
import { checkCriteria, parsePoints, type CriteriaCheck, type CriterionRow } from '../domain/criteria-tree';
import { viCriteriaFile } from '../../shared/i18n/vi/criteria-file';
import { CRITERIA_FORMAT, CRITERIA_FORMAT_VERSION, DEFAULT_MAX_CRITERIA_BYTES, MAX_CRITERIA_ROWS, HEADER_SCAN_ROWS } from '../../shared/criteria-format';

export interface CriteriaSetMeta {
  name: string;
  decision: string | null;
  province: string | null;
  year: number | null;
}

export interface CriteriaFileResult {
  meta: CriteriaSetMeta;
  check: CriteriaCheck;
  format: 'json' | 'xlsx';
}

export { CRITERIA_FORMAT, CRITERIA_FORMAT_VERSION, DEFAULT_MAX_CRITERIA_BYTES, MAX_CRITERIA_ROWS, HEADER_SCAN_ROWS } from '../../shared/criteria-format';
export const criteriaFileMessages = viCriteriaFile;

// ---------------------------------------------------------------------------------------------
// JSON

const optionalText = (label: string) =>
  z
    .string({ error: `${label} phải là chuỗi hoặc null.` })
    .trim()
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

const criterionJson = z.object({
  code: z.string({ error: 'Mã tiêu chí (code) là bắt buộc và phải là chuỗi, ví dụ "1.3" (không ghi dạng số).' }),
  title: z.string({ error: 'Tên tiêu chí (title) là bắt buộc và phải là chuỗi.' }),
  // Text is accepted here ("1,5") and judged by checkCriteria, so all point errors are listed together.
  maxPoints: z
    .union([z.number(), z.string(), z.null()], { error: 'Điểm tối đa (maxPoints) phải là số, ví dụ 1.5, hoặc null nếu chưa có.' })
    .optional()
    .transform((v) => v ?? null),
  guidance: optionalText('Hướng dẫn chấm điểm (guidance)'),
  evidenceHints: optionalText('Tài liệu kiểm chứng (evidenceHints)'),
});

/** Our documented JSON format (resources/criteria/README.md). */
export const criteriaJsonSchema = z.object({
  format: z.literal(CRITERIA_FORMAT, { error: `Trường "format" phải là "${CRITERIA_FORMAT}".` }),
  version: z.literal(CRITERIA_FORMAT_VERSION, { error: `Phiên bản định dạng (version) phải là ${CRITERIA_FORMAT_VERSION}.` }),
  name: z
    .string({ error: 'Tên bộ tiêu chí (name) là bắt buộc.' })
    .trim()
    .min(1, { error: 'Tên bộ tiêu chí (name) là bắt buộc.' })
    .max(300, { error: 'Tên bộ tiêu chí (name) dài quá 300 ký tự.' }),
  decision: optionalText('Quyết định ban hành (decision)'),
  province: optionalText('Tỉnh (province)'),
  year: z
    .number({ error: 'Năm áp dụng (year) phải là số, ví dụ 2023, hoặc null.' })
    .int({ error: 'Năm áp dụng (year) phải là số nguyên, ví dụ 2023.' })
    .min(1990, { error: 'Năm áp dụng (year) phải từ 1990 đến 2100.' })
    .max(2100, { error: 'Năm áp dụng (year) phải từ 1990 đến 2100.' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  criteria: z
    .array(criterionJson, { error: 'Danh sách tiêu chí (criteria) là bắt buộc và phải là một mảng.' })
    .max(MAX_CRITERIA_ROWS, { error: `Danh sách tiêu chí (criteria) có quá ${MAX_CRITERIA_ROWS} mục.` }),
});
export type CriteriaJson = z.infer<typeof criteriaJsonSchema>;

/** ['criteria', 12, 'maxPoints'] → 'criteria[12].maxPoints' */
function issuePath(p: readonly PropertyKey[]): string {
  return p.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

function syntaxWhere(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : '';
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return ` ở dòng ${lc[1]}, cột ${lc[2]}`;
  const pos = /position (\d+)/.exec(msg);
  if (!pos) return '';
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  return ` ở dòng ${line}, cột ${before.length - before.lastIndexOf('\n')}`;
}

function parseCriteriaJson(file: string, bytes: Buffer): { meta: CriteriaSetMeta; rows: CriterionRow[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a BOM
  } catch {
    throw new ApiError('VALIDATION', criteriaFileMessages.badEncoding(file));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ApiError('VALIDATION', criteriaFileMessages.badJson(file, syntaxWhere(text, e)));
  }
  // Tell "some other JSON" apart from "our format with mistakes": the fixes differ.
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== CRITERIA_FORMAT) {
    throw new ApiError('VALIDATION', criteriaFileMessages.notCriteriaJson(file));
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version !== CRITERIA_FORMAT_VERSION) {
    throw new ApiError('VALIDATION', criteriaFileMessages.badVersion(file, version));
  }
  const parsed = criteriaJsonSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message }));
    throw new ApiError('VALIDATION', criteriaFileMessages.invalidJson(file, issues[0]!, issues.length - 1), issues);
  }
  const { name, decision, province, year, criteria } = parsed.data;
  return {
    meta: { name, decision, province, year },
    rows: criteria.map((c, i) => ({ ...c, source: `mục ${i + 1}` })),
  };
}

// ---------------------------------------------------------------------------------------------
// XLSX

/** Case-, diacritics- and spacing-insensitive form of a header or label. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s:.*]+$/, '')
    .trim();
}

type Column = 'code' | 'title' | 'maxPoints' | 'guidance' | 'evidenceHints';
// Aliases in order of preference: "Mã" wins over "STT" when a table has both.
const HEADER_ALIASES: Record<Column, string[]> = {
  code: ['ma', 'ma tieu chi', 'ma so', 'stt'],
  title: ['tieu chi', 'ten tieu chi', 'noi dung', 'noi dung tieu chi'],
  maxPoints: ['diem toi da', 'diem chuan', 'diem'],
  guidance: ['huong dan cham diem', 'huong dan'],
  evidenceHints: ['tai lieu kiem chung', 'tai lieu minh chung'],
};
const REQUIRED: { col: Column; label: string }[] = [
  { col: 'code', label: 'Mã' },
  { col: 'title', label: 'Tiêu chí' },
  { col: 'maxPoints', label: 'Điểm tối đa' },
];

const META_LABELS: Record<string, keyof CriteriaSetMeta> = {
  'ten bo tieu chi': 'name',
  'quyet dinh': 'decision',
  tinh: 'province',
  'tinh/thanh pho': 'province',
  nam: 'year',
  'nam ap dung': 'year',
};

type Plain = string | number | null;

function plain(v: ExcelJS.CellValue | undefined): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    // Use the cached result; a formula nobody calculated has none, and shows as the formula text
    // so the "not a number" message says what is in the cell.
    const f = 'formula' in v ? v.formula : v.sharedFormula;
    return v.result === undefined ? `=${f}` : plain(v.result);
  }
  if ('error' in v) return v.error;
  if ('hyperlink' in v) return plain(v.text);
  return null;
}

/** A cell's value; the covered cells of a merge are empty (the value belongs to the first cell). */
function cellValue(row: ExcelJS.Row, col: number): Plain {
  const cell = row.getCell(col);
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  const v = plain(cell.value);
  return typeof v === 'string' && v.trim() === '' ? null : v;
}

const cellText = (v: Plain): string | null => (v === null ? null : String(v).trim() || null);

function findHeader(ws: ExcelJS.Worksheet): { row: number; cols: Partial<Record<Column, number>> } | { partial: { row: number; missing: string[] } | null } {
  let partial: { row: number; missing: string[] } | null = null;
  const last = Math.min(ws.rowCount, HEADER_SCAN_ROWS);
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    const cols: Partial<Record<Column, number>> = {};
    const rank: Partial<Record<Column, number>> = {};
    for (let c = 1; c <= row.cellCount; c++) {
      const t = cellText(cellValue(row, c));
      if (!t) continue;
      const folded = foldText(t);
      for (const col of Object.keys(HEADER_ALIASES) as Column[]) {
        const i = HEADER_ALIASES[col].indexOf(folded);
        if (i >= 0 && (rank[col] === undefined || i < rank[col])) {
          cols[col] = c;
          rank[col] = i;
        }
      }
    }
    const missing = REQUIRED.filter((q) => cols[q.col] === undefined).map((q) => q.label);
    if (missing.length === 0) return { row: r, cols };
    // Two of three columns found: most likely the header, with one column named unexpectedly.
    if (!partial && missing.length === 1) partial = { row: r, missing };
  }
  return { partial };
}

function readMeta(ws: ExcelJS.Worksheet, headerRow: number, fallbackName: string): CriteriaSetMeta {
  const found: Partial<Record<keyof CriteriaSetMeta, Plain>> = {};
  const titles: string[] = [];
  for (let r = 1; r < headerRow; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) {
      const t = cellText(cellValue(row, c));
      const m = t ? /^([^:]{1,40}):\s*([\s\S]*)$/.exec(t) : null;
      if (!m) {
        if (t) titles.push(t);
        continue;
      }
      const key = META_LABELS[foldText(m[1]!)];
      if (!key || found[key] !== undefined) continue;
      // "Label: value" in one cell, or "Label:" with the value in the next cell.
      let value: Plain = m[2]!.trim() || null;
      for (let n = c + 1; value === null && n <= row.cellCount; n++) value = cellValue(row, n);
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

async function parseCriteriaXlsx(
  file: string,
  fullPath: string,
): Promise<{ meta: CriteriaSetMeta; rows: CriterionRow[]; statedTotal: { value: number; source: string } | null }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(fullPath);
  } catch {
    throw new ApiError('VALIDATION', criteriaFileMessages.badXlsx(file));
  }
  if (wb.worksheets.length === 0) throw new ApiError('VALIDATION', criteriaFileMessages.noSheet(file));

  // The first sheet with a header row: workbooks sometimes start with an instructions sheet.
  let found: { ws: ExcelJS.Worksheet; row: number; cols: Partial<Record<Column, number>> } | null = null;
  let partial: { sheet: string; row: number; missing: string[] } | null = null;
  for (const ws of wb.worksheets) {
    const h = findHeader(ws);
    if ('row' in h) {
      found = { ws, ...h };
      break;
    }
    if (h.partial && !partial) partial = { sheet: ws.name, ...h.partial };
  }
  if (!found) {
    throw new ApiError(
      'VALIDATION',
      partial ? criteriaFileMessages.partialHeader(file, partial.sheet, partial.row, partial.missing) : criteriaFileMessages.noHeader(file),
    );
  }

  const { ws, row: headerRow, cols } = found;
  const get = (row: ExcelJS.Row, col: Column): Plain => (cols[col] === undefined ? null : cellValue(row, cols[col]));
  const rows: CriterionRow[] = [];
  let statedTotal: { value: number; source: string } | null = null;
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const code = get(row, 'code');
    const title = get(row, 'title');
    const maxPoints = get(row, 'maxPoints');
    const guidance = get(row, 'guidance');
    const evidenceHints = get(row, 'evidenceHints');
    if ([code, title, maxPoints, guidance, evidenceHints].every((v) => v === null)) continue;
    if (isTotalRow(code, title)) {
      const p = parsePoints(maxPoints);
      if (p.ok && p.value !== null) statedTotal = { value: p.value, source: `dòng ${r}` };
      continue;
    }
    if (rows.length >= MAX_CRITERIA_ROWS) throw new ApiError('VALIDATION', criteriaFileMessages.tooManyRows(file, rows.length + 1));
    rows.push({
      code: code === null ? '' : String(code),
      title: title === null ? '' : String(title),
      maxPoints,
      guidance: cellText(guidance),
      evidenceHints: cellText(evidenceHints),
      source: `dòng ${r}`,
    });
  }
  return { meta: readMeta(ws, headerRow, path.basename(file, path.extname(file))), rows, statedTotal };
}

// ---------------------------------------------------------------------------------------------

async function readHead(fullPath: string, n: number): Promise<Buffer> {
  const fh = await open(fullPath, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Decides by content, not by extension: people rename files. */
function sniff(head: Buffer): 'json' | 'xlsx' | 'xls' | null {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'xls';
  let i = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i] === 0x7b /* { */ || head[i] === 0x5b /* [ */ ? 'json' : null;
}

/**
 * Reads and checks a criteria set file. Throws ApiError('VALIDATION') when the file can't be read
 * as a criteria set; problems in the criteria themselves are returned in check.errors/warnings.
 */
export async function readCriteriaFile(filePath: string, opts: { maxBytes?: number; displayName?: string } = {}): Promise<CriteriaFileResult> {
  // The name the user knows the file by: an upload is stored under a random id, never to be shown.
  const file = opts.displayName ?? path.basename(filePath);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_CRITERIA_BYTES;
  let size: number;
  try {
    const st = await stat(filePath);
    if (!st.isFile()) throw new ApiError('VALIDATION', criteriaFileMessages.notAFile(file));
    size = st.size;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('VALIDATION', criteriaFileMessages.notFound(file));
  }
  if (size === 0) throw new ApiError('VALIDATION', criteriaFileMessages.empty(file));
  // Refused before anything is parsed: a huge file is the wrong file, and parsing it costs memory.
  if (size > maxBytes) throw new ApiError('VALIDATION', criteriaFileMessages.tooBig(file, size, maxBytes));

  const kind = sniff(await readHead(filePath, 4096));
  if (kind === 'xls') throw new ApiError('VALIDATION', criteriaFileMessages.oldXls(file));
  if (kind === null) throw new ApiError('VALIDATION', criteriaFileMessages.unknownType(file));

  if (kind === 'json') {
    const { meta, rows } = parseCriteriaJson(file, await readFile(filePath));
    return { meta, check: checkCriteria(rows), format: 'json' };
  }
  const { meta, rows, statedTotal } = await parseCriteriaXlsx(file, filePath);
  const check = checkCriteria(rows);
  if (statedTotal && check.nodes.length > 0 && statedTotal.value !== check.totalMax) {
    check.warnings.push({
      severity: 'warning',
      code: null,
      source: statedTotal.source,
      message: criteriaFileMessages.totalRowMismatch(statedTotal.value, check.totalMax),
    });
  }
  return { meta, check, format: 'xlsx' };
}
