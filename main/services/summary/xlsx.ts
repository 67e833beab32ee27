// The summary table as an XLSX sheet the office can print or rework: the same heading, table and
// signature block as the PDF, with the points left as real numbers so Excel can still add them.
import ExcelJS from 'exceljs';
import { writeAtomically } from '../durable';
import { COLUMNS, pointsText, rowCells, summaryText, totalRows, type RowCells } from './content';
import type { SummaryModel } from './model';
import { vi } from '../../../shared/i18n/vi';
import { viSummary } from '../../../shared/i18n/vi/summary';

export const SHEET_NAME = viSummary.table.sheet;

/** Nghị định 30/2020 prescribes Times New Roman (Unicode, TCVN 6909) for administrative text. */
const FONT = 'Times New Roman';
const WIDTHS = [8, 58, 10, 10, 12, 16]; // Mã … Ghi chú, in character widths
const LAST_COL = 'F';
const MM_TO_IN = 1 / 25.4;

type Style = { bold?: boolean; italic?: boolean; underline?: boolean; size?: number; align?: 'center' | 'left'; wrap?: boolean };

export async function writeSummaryXlsx(model: SummaryModel, outPath: string): Promise<void> {
  const wb = buildWorkbook(model);
  await writeAtomically(outPath, (tmp) => wb.xlsx.writeFile(tmp));
}

export function buildWorkbook(model: SummaryModel): ExcelJS.Workbook {
  const txt = summaryText(model);
  const wb = new ExcelJS.Workbook();
  wb.creator = vi.app.name;
  wb.lastModifiedBy = vi.app.name;
  wb.title = txt.docTitle;
  wb.subject = txt.subtitle.replace(/^\(|\)$/g, '');
  wb.company = txt.author;
  wb.created = wb.modified = new Date(model.generatedAt);

  const ws = wb.addWorksheet(SHEET_NAME);
  // The Mã column fits the longest code: a code wrapped over two lines reads as two codes.
  const codeWidth = Math.max(WIDTHS[0]!, ...model.rows.map((row) => row.code.trim().length + 2));
  ws.columns = [codeWidth, ...WIDTHS.slice(1)].map((width) => ({ width }));

  /** Writes `value` into the merged range `from:to` of `row`. */
  const put = (row: number, from: string, to: string, value: string, style: Style = {}) => {
    if (from !== to) ws.mergeCells(`${from}${row}:${to}${row}`);
    const cell = ws.getCell(`${from}${row}`);
    cell.value = value;
    cell.font = { name: FONT, size: style.size ?? 12, bold: !!style.bold, italic: !!style.italic, underline: !!style.underline };
    cell.alignment = { horizontal: style.align ?? 'center', vertical: 'middle', wrapText: !!style.wrap };
  };

  // Heading: unit on the left (A:B), nation on the right (C:F), as in NĐ 30's two-column layout.
  put(1, 'A', 'B', txt.parentUnit);
  put(1, 'C', LAST_COL, txt.nation, { bold: true });
  put(2, 'A', 'B', txt.unit, { bold: true });
  put(2, 'C', LAST_COL, txt.motto, { bold: true, underline: true, size: 13 });
  put(4, 'C', LAST_COL, txt.dateLine, { italic: true });
  // Merged cells never auto-fit in Excel, so the title rows get their height here.
  put(6, 'A', LAST_COL, txt.title, { bold: true, size: 13, wrap: true });
  ws.getRow(6).height = 36;
  put(7, 'A', LAST_COL, txt.subtitle, { italic: true, wrap: true });
  ws.getRow(7).height = 18 * Math.max(1, Math.ceil(txt.subtitle.length / 95));

  const headerRow = 9;
  COLUMNS.forEach((label, i) => {
    const cell = ws.getRow(headerRow).getCell(i + 1);
    cell.value = label;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEBEBEB' } };
  });
  ws.getRow(headerRow).height = 32;

  let r = headerRow + 1;
  for (const cells of model.rows.map(rowCells)) writeRow(ws.getRow(r++), cells);
  for (const cells of totalRows(model)) writeRow(ws.getRow(r++), cells, true);
  const tableEnd = r - 1;
  for (let row = headerRow; row <= tableEnd; row++) {
    for (let col = 1; col <= COLUMNS.length; col++) ws.getRow(row).getCell(col).border = THIN;
  }

  r = tableEnd + 2;
  if (txt.maxNote) {
    put(r, 'A', LAST_COL, txt.maxNote, { italic: true, align: 'left', wrap: true, size: 11 });
    ws.getRow(r++).height = rowHeight([{ text: txt.maxNote, width: WIDTHS.reduce((a, b) => a + b, 0) }]);
  }
  for (const line of [txt.ratio, txt.band]) {
    if (line !== null) put(r++, 'A', LAST_COL, line, { bold: true, align: 'left' });
  }

  r += 1;
  put(r++, 'C', LAST_COL, txt.signer.heading, { bold: true, wrap: true });
  put(r++, 'C', LAST_COL, txt.signer.hint, { italic: true, size: 11 });
  r += 4; // room for the signature and the seal
  if (txt.signer.name) put(r, 'C', LAST_COL, txt.signer.name, { bold: true });

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages tall as needed
    horizontalCentered: true,
    printArea: `A1:${LAST_COL}${r}`,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 30 * MM_TO_IN, right: 20 * MM_TO_IN, top: 20 * MM_TO_IN, bottom: 20 * MM_TO_IN, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter.oddFooter = `&C&"${FONT}"&10Trang &P/&N`;
  return wb;
}

const THIN_SIDE = { style: 'thin' } as const;
const THIN: Partial<ExcelJS.Borders> = { top: THIN_SIDE, left: THIN_SIDE, bottom: THIN_SIDE, right: THIN_SIDE };

/**
 * A row height (points) that fits each cell's wrapped text. LibreOffice does not re-fit rows of
 * an XLSX it opens, so without it long titles overlap the next row; Excel would fit them itself,
 * but the same explicit height prints the same in both. Widths are in Excel character units;
 * Times New Roman 11 fits about one character per unit, a bold one a little fewer.
 */
export function rowHeight(cells: { text: string; width: number; indent?: number; bold?: boolean }[]): number {
  const LINE = 15; // 11-pt Times New Roman with room for stacked Vietnamese marks
  const lines = Math.max(
    1,
    ...cells.map((c) => {
      const perLine = Math.max(4, Math.floor((c.width - 1 - 2 * (c.indent ?? 0)) * (c.bold ? 0.9 : 1)));
      return c.text.split('\n').reduce((n, para) => n + Math.max(1, Math.ceil(para.length / perLine)), 0);
    }),
  );
  return lines * LINE + 4;
}

function writeRow(row: ExcelJS.Row, c: RowCells, total = false): void {
  // Numbers stay numbers (already rounded to 2 decimals). The General format shows 73.25 with the
  // reader's own decimal separator and 10 as "10" — a '0.##' format would print "10." instead.
  // Empty strings would still be text cells; null leaves the cell truly blank.
  row.values = [c.code || null, c.title, c.max, c.self, c.evidence, c.note || null];
  row.height = rowHeight([
    { text: c.title, width: WIDTHS[1]!, indent: total ? 0 : c.level - 1, bold: c.bold },
    { text: pointsText(c.max), width: WIDTHS[2]! },
    { text: c.note, width: WIDTHS[5]! },
  ]);
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.font = { name: FONT, size: 11, bold: c.bold };
    cell.alignment =
      col === 2 && !total
        ? { horizontal: 'left', vertical: 'middle', wrapText: true, indent: c.level - 1 }
        : { horizontal: 'center', vertical: 'middle', wrapText: col !== 1 };
  });
}
