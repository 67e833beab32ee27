// Reads the council's results workbook (Mã | … | Điểm thẩm định | Lý do trừ điểm) into rows for
// the pure check (domain/appraisal-check.ts). The XLSX is read with the roster importer's guarded
// streaming reader (size, entry and XML bounds, CRC checks) and its cell model, and the file kind
// is told by content (file-sniff.ts); the header row is found by the importers' shared scan
// (xlsx/header.ts), below any title rows. The title rows may say whose results these are ("Đơn vị:", "Năm:", "Bộ tiêu chí:").
import path from 'node:path';
import { ApiError } from '../../../shared/errors';
import { viAppraisal } from '../../../shared/i18n/vi/appraisal';
import { foldText } from '../../../shared/vietnamese';
import { readXlsxImport } from '../xlsx/import-file';
import { display, rowCells, valueOf, type CellValue } from '../xlsx/cells';
import { headerAt, type HeaderCols, type HeaderScan } from '../xlsx/header';
import { rowBatches, type XlsxBook } from '../roster/read/xlsx-zip';
import type { AppraisalRowIn } from '../../domain/appraisal-check';

const m = viAppraisal.file;
export const MAX_APPRAISAL_BYTES = 20 * 1024 * 1024;
export const MAX_APPRAISAL_ROWS = 5000;
const HEADER_SCAN_ROWS = 30;

type Column = 'code' | 'points' | 'reason';
const HEADER: HeaderScan<Column> = {
  scanRows: HEADER_SCAN_ROWS,
  match: {
    code: ['ma', 'ma tieu chi', 'ma so'],
    points: ['diem tham dinh', 'diem hoi dong tham dinh', 'diem hoi dong cham', 'diem hdtd'],
    reason: ['ly do tru diem', 'ly do', 'ly do tru'],
  },
  isHeader: (cols) => cols.code !== undefined && cols.points !== undefined,
};

export interface AppraisalFileMeta {
  office: string | null;
  year: number | null;
  setName: string | null;
}

export interface AppraisalFile {
  meta: AppraisalFileMeta;
  rows: AppraisalRowIn[];
}

const text = (v: CellValue): string | null => display(v);

/** "Đơn vị: UBND xã Phú Thượng" in one cell, or "Đơn vị:" with the value in the next one. */
function readMeta(rows: CellValue[][]): AppraisalFileMeta {
  const meta: AppraisalFileMeta = { office: null, year: null, setName: null };
  for (const cells of rows) {
    cells.forEach((cell, c) => {
      const t = text(cell);
      const mm = t ? /^([^:]{1,40}):\s*([\s\S]*)$/.exec(t) : null;
      if (!mm) return;
      let value = mm[2]!.trim() || null;
      for (let n = c + 1; value === null && n < cells.length; n++) value = text(cells[n] ?? null);
      if (!value) return;
      const key = foldText(mm[1]!);
      if (key === 'don vi' && !meta.office) meta.office = value;
      else if ((key === 'nam' || key === 'nam danh gia') && meta.year === null) {
        const y = /\b(19|20)\d\d\b/.exec(value);
        if (y) meta.year = Number(y[0]);
      } else if (key === 'bo tieu chi' && !meta.setName) meta.setName = value;
    });
  }
  return meta;
}

async function sheetRows(book: XlsxBook): Promise<{ header: number; cols: HeaderCols<Column>; rows: { r: number; cells: CellValue[] }[] } | null> {
  for (const entry of book.sheets) {
    const ws = await entry.open();
    const rows: { r: number; cells: CellValue[] }[] = [];
    let header: { r: number; cols: HeaderCols<Column> } | null = null;
    for await (const batch of rowBatches(ws)) {
      for (const row of batch) {
        const cells = rowCells(row);
        if (!header) {
          const cols = headerAt(row.number, cells, HEADER);
          if (cols) header = { r: row.number, cols };
        }
        rows.push({ r: row.number, cells });
        if (rows.length > MAX_APPRAISAL_ROWS + HEADER_SCAN_ROWS) throw new ApiError('VALIDATION', m.tooManyRows(ws.name, MAX_APPRAISAL_ROWS));
      }
    }
    if (header) return { header: header.r, cols: header.cols, rows };
  }
  return null;
}

/** Reads the file; throws ApiError('VALIDATION') when it is not a results workbook at all. */
export async function readAppraisalFile(filePath: string, displayName = path.basename(filePath)): Promise<AppraisalFile> {
  const file = displayName;
  const found = await readXlsxImport(filePath, file, MAX_APPRAISAL_BYTES, m, sheetRows);
  if (!found) throw new ApiError('VALIDATION', m.noHeader(file));
  const { header, cols, rows } = found;
  const cell = (cells: CellValue[], c: number | undefined): CellValue => (c === undefined ? null : valueOf(cells[c] ?? null));
  const out: AppraisalRowIn[] = [];
  for (const { r, cells } of rows) {
    if (r <= header) continue;
    const code = cell(cells, cols.code);
    const points = cell(cells, cols.points);
    const reason = cell(cells, cols.reason);
    if (code === null && points === null && reason === null) continue;
    const asText = (v: CellValue) => (v === null ? null : text(v));
    out.push({
      code: asText(code),
      // Numbers stay numbers; anything else is judged as text ("1,5", "không chấm", "hai").
      points: typeof points === 'number' ? points : asText(points),
      reason: asText(reason),
      source: viAppraisal.where.row(r),
      row: r,
    });
  }
  return { meta: readMeta(rows.filter((x) => x.r < header).map((x) => x.cells)), rows: out };
}
