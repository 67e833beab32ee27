// A roster form as an XLSX in the official layout: "UBND HUYỆN …" and "Mẫu số 0N", the title
// block, the two-row header with "Năm sinh" merged over Nam | Nữ, bordered rows, a signature
// block; A4 landscape with the header repeated on every printed page. Written with exceljs's
// streaming WorkbookWriter: a province's Mẫu 05 (100 000 rows) stays at ≈ 100 MB instead of ≈ 1 GB.
import ExcelJS from 'exceljs';
import { writeAtomically } from '../durable';
import { vi } from '../../../shared/i18n/vi';
import { formName, type FormCode } from './forms';
import { cellValue, physicalColumns, rosterHeading, type RosterMeta, type RosterRowOut } from './layout';

/** Nghị định 30/2020 prescribes Times New Roman (Unicode, TCVN 6909) for administrative text. */
const FONT = 'Times New Roman';
const MM_TO_IN = 1 / 25.4;
/** Row numbers of the layout: the reader finds the header below these title rows. */
export const HEADER_ROW = 7;
export const FIRST_DATA_ROW = HEADER_ROW + 2;

const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEBEBEB' } };

const col = (n: number): string => {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

export async function writeRosterXlsx(form: FormCode, rows: readonly RosterRowOut[], meta: RosterMeta, outPath: string): Promise<void> {
  await writeAtomically(outPath, async (tmp) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
    const h = rosterHeading(form, meta);
    wb.creator = vi.app.name;
    wb.title = h.docTitle;
    wb.company = h.unit;
    const cols = physicalColumns(form);
    const last = cols.length;
    const L = col(last);
    const ws = wb.addWorksheet(formName(form), {
      pageSetup: {
        paperSize: 9, // A4
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0, // as many pages tall as needed
        horizontalCentered: true,
        printTitlesRow: `${HEADER_ROW}:${HEADER_ROW + 1}`,
        margins: { left: 20 * MM_TO_IN, right: 15 * MM_TO_IN, top: 15 * MM_TO_IN, bottom: 15 * MM_TO_IN, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: `&C&"${FONT}"&10Trang &P/&N`, firstFooter: `&C&"${FONT}"&10Trang &P/&N` },
      views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW + 1, topLeftCell: `A${FIRST_DATA_ROW}`, activeCell: `A${FIRST_DATA_ROW}` }],
    });
    ws.columns = cols.map((c) => ({ width: c.width }));

    // Streaming rows are written once, in order: each row is filled completely, then committed.
    const line = (
      r: number,
      parts: { from: number; to: number; value: string; font: Partial<ExcelJS.Font>; align?: 'left' | 'center' | 'right'; height?: number }[],
    ) => {
      const row = ws.getRow(r);
      for (const p of parts) {
        const cell = row.getCell(p.from);
        cell.value = p.value;
        cell.font = { name: FONT, size: 12, ...p.font };
        cell.alignment = { horizontal: p.align ?? 'center', vertical: 'middle', wrapText: true };
        if (p.to > p.from) ws.mergeCells(r, p.from, r, p.to);
      }
      const height = Math.max(0, ...parts.map((p) => p.height ?? 0));
      if (height) row.height = height;
      row.commit();
    };
    const split = Math.min(3, last - 3); // left block A..C, right block the last three columns
    line(1, [
      { from: 1, to: split, value: h.unit, font: { bold: true } },
      { from: last - 2, to: last, value: h.formLabel, font: { bold: true, italic: true }, align: 'right' },
    ]);
    line(3, [{ from: 1, to: last, value: h.list, font: { bold: true, size: 14 } }]);
    line(4, [{ from: 1, to: last, value: h.title, font: { bold: true, size: 13 }, height: 20 }]);
    line(5, [{ from: 1, to: last, value: h.subtitle, font: { italic: true } }]);

    // Two header rows: "Năm sinh" spans Nam | Nữ; every other heading spans both rows.
    const top = ws.getRow(HEADER_ROW);
    const sub = ws.getRow(HEADER_ROW + 1);
    cols.forEach((c, i) => {
      const n = i + 1;
      for (const row of [top, sub]) {
        const cell = row.getCell(n);
        cell.font = { name: FONT, size: 11, bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        cell.border = BORDER;
        cell.fill = HEADER_FILL;
      }
      if (c.parent) {
        sub.getCell(n).value = c.label;
        if (c.half === 0) {
          top.getCell(n).value = c.parent.label;
          ws.mergeCells(HEADER_ROW, n, HEADER_ROW, n + 1);
        }
      } else {
        top.getCell(n).value = c.label;
        ws.mergeCells(HEADER_ROW, n, HEADER_ROW + 1, n);
      }
    });
    top.height = 33;
    top.commit();
    sub.commit();

    const styles = cols.map(
      (c) =>
        ({
          font: { name: FONT, size: 12 },
          alignment: { horizontal: c.align, vertical: 'middle', wrapText: true },
          border: BORDER,
        }) as const,
    );
    const dateStyle = (i: number) => ({ ...styles[i]!, numFmt: 'dd/mm/yyyy' });
    rows.forEach((r, index) => {
      const row = ws.getRow(FIRST_DATA_ROW + index);
      cols.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        const v = cellValue(c, r, index);
        if (v !== null && typeof v === 'object') {
          const [y, m, d] = v.day.split('-').map(Number) as [number, number, number];
          cell.value = new Date(Date.UTC(y, m - 1, d));
          cell.style = dateStyle(i);
        } else {
          cell.value = v;
          cell.style = styles[i]!;
        }
      });
      row.commit();
    });

    // Signature block in the right-hand columns, one blank row under the table.
    let r = FIRST_DATA_ROW + rows.length + 1;
    const right = (value: string, font: Partial<ExcelJS.Font>) => line(r++, [{ from: last - 2, to: last, value, font }]);
    if (h.dateLine) right(h.dateLine, { italic: true });
    right(h.signer, { bold: true });
    right(h.signerHint, { italic: true, size: 11 });
    ws.pageSetup.printArea = `A1:${L}${r + 4}`;
    ws.commit();
    await wb.commit();
  });
}
