// A formal A4 table document (landscape or portrait) with the Vietnamese font, laid out like the
// office's other documents (Nghị định 30/2020): the issuing unit and the national heading with its
// motto and date line, the title, a header row repeated on every page, wrapped cells, notes, the
// signature blocks and page numbers. Used for exam and training results; the self-assessment's
// summary table has its own layout (services/summary), whose heading this follows. Cells, rows and
// text are drawn by the documents' shared drawing (pdf-draw.ts).
import { writeFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { writeAtomically } from '../durable';
import { HEADER_FILL, centredBlock, drawCentred, drawPageNumbers, drawString, drawTableRow, embedFonts, hline, setCreator } from './pdf-draw';
import { PAD, lineHeight as lh, textWidth, wrapText, type Face, type LaidRow } from './pdf-layout';

export interface TableColumn {
  header: string;
  /** Relative width (of what the fitted columns leave). */
  width: number;
  align?: 'left' | 'center';
  /**
   * Fitted to its longest line, which is never wrapped: for values that must not break (appointment
   * codes, one per line). Its header wraps instead.
   */
  fit?: boolean;
}

export interface TableDoc {
  /** Issuing unit (left: parent unit, then the unit in bold) and the national heading (right). */
  heading?: { parentUnit: string; unit: string; nation: string; motto: string; dateLine: string };
  titleLines: string[];
  subtitle?: string;
  columns: TableColumn[];
  /** Cells; "\n" starts a new line inside a cell. */
  rows: string[][];
  afterLines?: string[];
  /** One block is drawn on the right, two side by side (left: who prepared it; right: who signs). */
  signatures?: { heading: string; hint: string; name?: string | null }[];
  landscape?: boolean;
  meta: { title: string; author: string };
}

const SIZE = { unit: 12, title: 13, subtitle: 11, header: 9.5, body: 9.5, after: 11, footer: 9, sign: 12, hint: 11 };
const SIGNATURE_SPACE = 62; // room for a hand signature and the red seal
const nfc = (s: string) => s.normalize('NFC');

export async function writeTablePdf(doc: TableDoc, outPath: string): Promise<void> {
  const bytes = await renderTablePdf(doc);
  await writeAtomically(outPath, (tmp) => writeFile(tmp, bytes));
}

/** Lines of a cell: its own line breaks kept; a fitted column's lines are never wrapped. */
const cellLines = (text: string, f: Face, size: number, width: number, fit: boolean): string[] =>
  nfc(text ?? '')
    .split('\n')
    .flatMap((para) => (fit ? [para.trim()] : wrapText(para, f, size, width)));

export async function renderTablePdf(spec: TableDoc): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const { regular, bold, italic } = await embedFonts(pdf);
  pdf.setTitle(nfc(spec.meta.title));
  pdf.setAuthor(nfc(spec.meta.author));
  setCreator(pdf);
  pdf.setLanguage('vi');

  const [W, H] = spec.landscape ? [841.89, 595.28] : [595.28, 841.89];
  const margin = { left: 42, right: 30, top: 36, bottom: 40 };
  const contentW = W - margin.left - margin.right;
  // Fitted columns take what their longest line needs; the others share the rest by their weights.
  const fitted = spec.columns.map((c, i) =>
    c.fit ? Math.max(40, ...spec.rows.flatMap((r) => nfc(r[i] ?? '').split('\n')).map((l) => textWidth(regular, l.trim(), SIZE.body))) + 2 * PAD.x + 1 : 0,
  );
  const left = contentW - fitted.reduce((a, b) => a + b, 0);
  const total = spec.columns.reduce((a, c) => a + (c.fit ? 0 : c.width), 0);
  const widths = spec.columns.map((c, i) => (c.fit ? fitted[i]! : (c.width / total) * left));
  const columns = spec.columns.map((c, i) => ({ width: widths[i]!, align: c.align ?? 'left' }));
  // Cells start under their top edge (a results row's codes and notes run to several lines).
  const HEADER_ROW = { fill: HEADER_FILL, centre: true, valign: 'top' } as const;
  const BODY_ROW = { valign: 'top' } as const;

  const lay = (cells: string[], face: Face, size: number, header = false): LaidRow => {
    const laid = cells.map((c, i) => ({ lines: cellLines(c, face, size, widths[i]! - 2 * PAD.x, !header && (spec.columns[i]!.fit ?? false)), face, size }));
    return { cells: laid, height: Math.max(1, ...laid.map((c) => c.lines.length)) * lh(size) + 2 * PAD.y };
  };

  let page = pdf.addPage([W, H]);
  let y = H - margin.top;
  if (spec.heading) {
    const h = spec.heading;
    const lw = contentW * 0.4;
    const rw = contentW * 0.56;
    const lcx = margin.left + lw / 2;
    const rcx = margin.left + contentW - rw / 2;
    let ly = centredBlock(page, h.parentUnit, lcx, lw, y, regular, SIZE.unit);
    ly = centredBlock(page, h.unit, lcx, lw, ly, bold, SIZE.unit);
    // NĐ 30: a rule under the issuing unit, and one under the motto exactly as long as it.
    hline(page, lcx - 30, lcx + 30, ly - 2);
    drawCentred(page, h.nation, rcx, y - SIZE.unit, bold, SIZE.unit);
    const mw = drawCentred(page, h.motto, rcx, y - lh(SIZE.unit) - SIZE.unit, bold, SIZE.unit);
    hline(page, rcx - mw / 2, rcx + mw / 2, y - lh(SIZE.unit) - SIZE.unit - 2.5);
    const ry = centredBlock(page, h.dateLine, rcx, rw, y - 2 * lh(SIZE.unit) - 8, italic, SIZE.unit);
    y = Math.min(ly, ry) - 14;
  }
  for (const t of spec.titleLines) y = centredBlock(page, t, margin.left + contentW / 2, contentW - 40, y, bold, SIZE.title);
  if (spec.subtitle) y = centredBlock(page, spec.subtitle, margin.left + contentW / 2, contentW - 40, y, italic, SIZE.subtitle);
  y -= 8;
  const header = lay(
    spec.columns.map((c) => c.header),
    bold,
    SIZE.header,
    true,
  );
  y = drawTableRow(page, margin.left, y, header, columns, HEADER_ROW);
  for (const cells of spec.rows) {
    const row = lay(cells, regular, SIZE.body);
    if (y - row.height < margin.bottom + 14) {
      page = pdf.addPage([W, H]);
      y = drawTableRow(page, margin.left, H - margin.top, header, columns, HEADER_ROW);
    }
    y = drawTableRow(page, margin.left, y, row, columns, BODY_ROW);
  }
  y -= 10;
  for (const t of spec.afterLines ?? []) {
    for (const line of wrapText(nfc(t), bold, SIZE.after, contentW)) {
      if (y - lh(SIZE.after) < margin.bottom + 14) {
        page = pdf.addPage([W, H]);
        y = H - margin.top;
      }
      drawString(page, line, margin.left, y - SIZE.after, bold, SIZE.after);
      y -= lh(SIZE.after);
    }
  }
  const signs = spec.signatures ?? [];
  if (signs.length) {
    const height = 12 + lh(SIZE.sign) + lh(SIZE.hint) + SIGNATURE_SPACE + lh(SIZE.sign);
    // Kept whole: a signature block split across two pages is not a signature block.
    if (y - height < margin.bottom + 14) {
      page = pdf.addPage([W, H]);
      y = H - margin.top;
    }
    const bw = contentW * 0.4;
    signs.slice(-2).forEach((sg, i, all) => {
      const cx = all.length === 2 && i === 0 ? margin.left + bw / 2 : margin.left + contentW - bw / 2;
      let sy = centredBlock(page, sg.heading, cx, bw, y - 12, bold, SIZE.sign);
      sy = centredBlock(page, sg.hint, cx, bw, sy, italic, SIZE.hint);
      if (sg.name) centredBlock(page, sg.name, cx, bw, sy - SIGNATURE_SPACE, bold, SIZE.sign);
    });
  }
  drawPageNumbers(pdf, regular, { cx: W / 2, y: 20, size: SIZE.footer });
  return pdf.save();
}
