// A formal A4 table document (landscape or portrait) with the Vietnamese font, laid out like the
// office's other documents (Nghị định 30/2020): the issuing unit and the national heading with its
// motto and date line, the title, a header row repeated on every page, wrapped cells, notes, the
// signature blocks and page numbers. Used for exam results; the self-assessment's summary table has
// its own layout (services/summary), whose heading this follows.
import { writeFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { writeAtomically } from '../summary/atomic';
import { fontBytes, widthCache } from '../summary/fonts';
import { wrapText, balancedWrap, textWidth, type Face } from '../summary/pdf-layout';

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
const LEAD = 1.3;
const PAD = 3;
const SIGNATURE_SPACE = 62; // room for a hand signature and the red seal
const NO_POSITIONING = { kern: false, mark: false, mkmk: false, dist: false, curs: false, abvm: false, blwm: false };
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
  pdf.registerFontkit(fontkit);
  const fb = await fontBytes();
  const face = async (b: Uint8Array): Promise<Face> => ({ font: await pdf.embedFont(b, { subset: true, features: NO_POSITIONING }), widths: widthCache(b) });
  const regular = await face(fb.regular);
  const bold = await face(fb.bold);
  const italic = await face(fb.italic);
  pdf.setTitle(nfc(spec.meta.title));
  pdf.setAuthor(nfc(spec.meta.author));
  pdf.setCreator('Kiểm Chứng');
  pdf.setLanguage('vi');

  const [W, H] = spec.landscape ? [841.89, 595.28] : [595.28, 841.89];
  const margin = { left: 42, right: 30, top: 36, bottom: 40 };
  const contentW = W - margin.left - margin.right;
  // Fitted columns take what their longest line needs; the others share the rest by their weights.
  const fitted = spec.columns.map((c, i) =>
    c.fit ? Math.max(40, ...spec.rows.flatMap((r) => nfc(r[i] ?? '').split('\n')).map((l) => textWidth(regular, l.trim(), SIZE.body))) + 2 * PAD + 1 : 0,
  );
  const left = contentW - fitted.reduce((a, b) => a + b, 0);
  const total = spec.columns.reduce((a, c) => a + (c.fit ? 0 : c.width), 0);
  const widths = spec.columns.map((c, i) => (c.fit ? fitted[i]! : (c.width / total) * left));
  const lh = (size: number) => size * LEAD;
  const black = rgb(0, 0, 0);
  const centred = (page: PDFPage, text: string, cx: number, y: number, f: Face, size: number) => {
    const w = textWidth(f, text, size);
    page.drawText(text, { x: cx - w / 2, y, size, font: f.font, color: black });
    return w;
  };
  const block = (page: PDFPage, text: string, cx: number, width: number, top: number, f: Face, size: number) => {
    let y = top;
    for (const line of balancedWrap(nfc(text), f, size, width)) {
      centred(page, line, cx, y - size, f, size);
      y -= lh(size);
    }
    return y;
  };

  const lay = (cells: string[], f: Face, size: number, header = false) => {
    const lines = cells.map((c, i) => cellLines(c, f, size, widths[i]! - 2 * PAD, !header && (spec.columns[i]!.fit ?? false)));
    const height = Math.max(1, ...lines.map((l) => l.length)) * lh(size) + 2 * PAD;
    return { lines, height };
  };
  const drawRow = (page: PDFPage, top: number, row: { lines: string[][]; height: number }, f: Face, size: number, fill: boolean) => {
    let x = margin.left;
    row.lines.forEach((lines, i) => {
      const w = widths[i]!;
      page.drawRectangle({
        x,
        y: top - row.height,
        width: w,
        height: row.height,
        borderColor: black,
        borderWidth: 0.5,
        ...(fill ? { color: rgb(0.92, 0.92, 0.92) } : {}),
      });
      lines.forEach((line, j) => {
        const tw = textWidth(f, line, size);
        const tx = fill || spec.columns[i]!.align === 'center' ? x + (w - tw) / 2 : x + PAD;
        page.drawText(line, { x: tx, y: top - PAD - (j + 1) * lh(size) + 0.3 * size, size, font: f.font, color: black });
      });
      x += w;
    });
    return top - row.height;
  };

  let page = pdf.addPage([W, H]);
  let y = H - margin.top;
  if (spec.heading) {
    const h = spec.heading;
    const lw = contentW * 0.4;
    const rw = contentW * 0.56;
    const lcx = margin.left + lw / 2;
    const rcx = margin.left + contentW - rw / 2;
    let ly = block(page, h.parentUnit, lcx, lw, y, regular, SIZE.unit);
    ly = block(page, h.unit, lcx, lw, ly, bold, SIZE.unit);
    // NĐ 30: a rule under the issuing unit, and one under the motto exactly as long as it.
    page.drawLine({ start: { x: lcx - 30, y: ly - 2 }, end: { x: lcx + 30, y: ly - 2 }, thickness: 0.6, color: black });
    centred(page, h.nation, rcx, y - SIZE.unit, bold, SIZE.unit);
    const mw = centred(page, h.motto, rcx, y - lh(SIZE.unit) - SIZE.unit, bold, SIZE.unit);
    page.drawLine({
      start: { x: rcx - mw / 2, y: y - lh(SIZE.unit) - SIZE.unit - 2.5 },
      end: { x: rcx + mw / 2, y: y - lh(SIZE.unit) - SIZE.unit - 2.5 },
      thickness: 0.6,
      color: black,
    });
    const ry = block(page, h.dateLine, rcx, rw, y - 2 * lh(SIZE.unit) - 8, italic, SIZE.unit);
    y = Math.min(ly, ry) - 14;
  }
  for (const t of spec.titleLines) y = block(page, t, margin.left + contentW / 2, contentW - 40, y, bold, SIZE.title);
  if (spec.subtitle) y = block(page, spec.subtitle, margin.left + contentW / 2, contentW - 40, y, italic, SIZE.subtitle);
  y -= 8;
  const header = lay(
    spec.columns.map((c) => c.header),
    bold,
    SIZE.header,
    true,
  );
  y = drawRow(page, y, header, bold, SIZE.header, true);
  for (const cells of spec.rows) {
    const row = lay(cells, regular, SIZE.body);
    if (y - row.height < margin.bottom + 14) {
      page = pdf.addPage([W, H]);
      y = drawRow(page, H - margin.top, header, bold, SIZE.header, true);
    }
    y = drawRow(page, y, row, regular, SIZE.body, false);
  }
  y -= 10;
  for (const t of spec.afterLines ?? []) {
    for (const line of wrapText(nfc(t), bold, SIZE.after, contentW)) {
      if (y - lh(SIZE.after) < margin.bottom + 14) {
        page = pdf.addPage([W, H]);
        y = H - margin.top;
      }
      page.drawText(line, { x: margin.left, y: y - SIZE.after, size: SIZE.after, font: bold.font, color: black });
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
      let sy = block(page, sg.heading, cx, bw, y - 12, bold, SIZE.sign);
      sy = block(page, sg.hint, cx, bw, sy, italic, SIZE.hint);
      if (sg.name) block(page, sg.name, cx, bw, sy - SIGNATURE_SPACE, bold, SIZE.sign);
    });
  }
  const pages = pdf.getPages();
  pages.forEach((p, i) => {
    const label = `Trang ${i + 1}/${pages.length}`;
    p.drawText(label, { x: W / 2 - textWidth(regular, label, SIZE.footer) / 2, y: 20, size: SIZE.footer, font: regular.font, color: black });
  });
  return pdf.save();
}
