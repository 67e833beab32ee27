// Finding a table's header row in a sheet: offices put the unit, the title and a date above the
// table, so the header may sit below title rows. Column names are matched folded (case,
// diacritics and spacing ignored: "ĐIỂM TỐI ĐA", "Điểm tối đa:", "Diem toi da" alike). One scan
// for every importer (rosters, criteria sets, appraisal results, question banks).
import { foldText } from '../../../shared/vietnamese';
import { display, type CellValue } from './cells';

/**
 * How header cells name columns: folded aliases per column, in order of preference (a cell named
 * by an earlier alias wins over one named by a later alias: "Mã" over "STT"), or a function of
 * the cell's text (the leftmost cell naming a column wins).
 */
export type HeaderMatch<C extends string> = Readonly<Record<C, readonly string[]>> | ((text: string) => C | null);

export type HeaderCols<C extends string> = Partial<Record<C, number>>;

/** Which column each cell of a row names (cells by column number, as rowCells gives them). */
export function headerColumns<C extends string>(cells: readonly CellValue[], match: HeaderMatch<C>): HeaderCols<C> {
  const cols: HeaderCols<C> = {};
  const rank: Partial<Record<C, number>> = {};
  cells.forEach((cell, c) => {
    const text = display(cell);
    if (!text) return;
    if (typeof match === 'function') {
      const col = match(text);
      if (col !== null && cols[col] === undefined) cols[col] = c;
      return;
    }
    const folded = foldText(text);
    for (const col of Object.keys(match) as C[]) {
      const i = match[col].indexOf(folded);
      if (i >= 0 && (rank[col] === undefined || i < rank[col])) {
        cols[col] = c;
        rank[col] = i;
      }
    }
  });
  return cols;
}

export interface HeaderScan<C extends string> {
  /** How far down the header may sit. */
  scanRows: number;
  match: HeaderMatch<C>;
  /** Whether the columns found make this row the header. */
  isHeader: (cols: HeaderCols<C>) => boolean;
  /**
   * For a row that is not the header: the names of the columns it lacks when it most likely is the
   * header with a column named unexpectedly (the message then points at it), else null.
   */
  missing?: (cols: HeaderCols<C>) => string[] | null;
}

/** The header's columns when row `r` (1-based) is the header, else null: for readers that stream rows. */
export function headerAt<C extends string>(r: number, cells: readonly CellValue[], scan: HeaderScan<C>): HeaderCols<C> | null {
  if (r > scan.scanRows) return null;
  const cols = headerColumns(cells, scan.match);
  return scan.isHeader(cols) ? cols : null;
}

export interface HeaderRow<C extends string> {
  /** Position in the rows given. */
  index: number;
  row: number;
  cols: HeaderCols<C>;
}

export type HeaderResult<C extends string> = HeaderRow<C> | { partial: { row: number; missing: string[] } | null };

/** The first header row among `rows` (1-based row numbers, in order), or the first near miss. */
export function findHeaderRow<C extends string>(rows: Iterable<{ r: number; cells: readonly CellValue[] }>, scan: HeaderScan<C>): HeaderResult<C> {
  let partial: { row: number; missing: string[] } | null = null;
  let index = 0;
  for (const { r, cells } of rows) {
    if (r > scan.scanRows) break;
    const cols = headerColumns(cells, scan.match);
    if (scan.isHeader(cols)) return { index, row: r, cols };
    const missing: string[] | null = partial ? null : (scan.missing?.(cols) ?? null);
    if (missing) partial = { row: r, missing };
    index++;
  }
  return { partial };
}
