// The drawing every formal PDF shares (summary table, improvement plan, rosters, results tables):
// the embedded Vietnamese fonts, text drawn NFC, centred and wrapped blocks, table cells and rows
// with their borders, page numbers. Each document keeps its own geometry and page flow; what a
// cell, a row or a heading line looks like is decided here once. Pure layout is in pdf-layout.ts.
import fontkit from '@pdf-lib/fontkit';
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { viDocuments } from '../../../shared/i18n/vi/documents';
import { fontBytes, widthCache } from './fonts';
import { PAD, balancedWrap, baseline, lineHeight, textWidth, type Align, type Face, type LaidCell, type LaidRow } from './pdf-layout';

export const BLACK = rgb(0, 0, 0);
/** The grey of header cells. */
export const HEADER_FILL = rgb(0.92, 0.92, 0.92);
/** Table borders and rules. */
export const RULE = 0.5;

export type Color = ReturnType<typeof rgb>;

export interface Fonts {
  regular: Face;
  bold: Face;
  italic: Face;
}

/**
 * pdf-lib draws each glyph at its advance width and discards fontkit's GPOS positions (kerning,
 * mark placement), yet fontkit computes them on every measure and draw — most of the time of a
 * long export. Turning those features off leaves the PDF identical (Be Vietnam Pro's precomposed
 * Vietnamese letters need no mark positioning; rendered pages compared pixel-identical) and cut a
 * warm 150-row export from ≈310 to ≈175 ms.
 */
export const NO_POSITIONING = { kern: false, mark: false, mkmk: false, dist: false, curs: false, abvm: false, blwm: false };

/**
 * drawText shapes its string with fontkit on every call; a roster repeats the same titles,
 * communes and notes thousands of times. The first encoding also adds the glyphs to the subset,
 * so reusing its result for the same string within this document loses nothing.
 */
function memoEncode(font: PDFFont): PDFFont {
  const cache = new Map<string, ReturnType<PDFFont['encodeText']>>();
  const encode = font.encodeText.bind(font);
  font.encodeText = (text: string) => {
    let hex = cache.get(text);
    if (!hex) cache.set(text, (hex = encode(text)));
    return hex;
  };
  return font;
}

/** Be Vietnam Pro regular, bold and italic embedded in `doc`, subset (a one-page table stays at tens of kB, not ≈0.5 MB). */
export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  const bytes = await fontBytes();
  const face = async (b: Uint8Array): Promise<Face> => ({
    font: memoEncode(await doc.embedFont(b, { subset: true, features: NO_POSITIONING })),
    widths: widthCache(b),
  });
  return { regular: await face(bytes.regular), bold: await face(bytes.bold), italic: await face(bytes.italic) };
}

/** The app as the PDF's creator and producer. */
export function setCreator(doc: PDFDocument): void {
  doc.setCreator(viDocuments.creator);
  doc.setProducer(viDocuments.producer);
}

const nfc = (s: string) => s.normalize('NFC');

// ── text: every string passes through nfc() right before it is measured or drawn ──

export function drawString(page: PDFPage, s: string, x: number, y: number, face: Face, size: number): void {
  page.drawText(nfc(s), { x, y, font: face.font, size, color: BLACK });
}

/** Draws `s` centred on cx and returns its width. */
export function drawCentred(page: PDFPage, s: string, cx: number, y: number, face: Face, size: number): number {
  const t = nfc(s);
  const w = textWidth(face, t, size);
  drawString(page, t, cx - w / 2, y, face, size);
  return w;
}

/** Wrapped lines (balanced by default), centred on cx from `top` down; returns the y below the last line. */
export function centredBlock(
  page: PDFPage,
  s: string,
  cx: number,
  width: number,
  top: number,
  face: Face,
  size: number,
  wrap: (text: string, face: Face, size: number, width: number) => string[] = balancedWrap,
): number {
  for (const line of wrap(nfc(s), face, size, width)) {
    drawCentred(page, line, cx, baseline(top, size), face, size);
    top -= lineHeight(size);
  }
  return top;
}

export function hline(page: PDFPage, x1: number, x2: number, y: number, thickness = 0.6): void {
  page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color: BLACK });
}

/** "Trang x/y" centred on cx at baseline y on every page. */
export function drawPageNumbers(doc: PDFDocument, face: Face, at: { cx: number; y: number; size: number }): void {
  const pages = doc.getPages();
  pages.forEach((p, i) => drawCentred(p, viDocuments.pageOf(i + 1, pages.length), at.cx, at.y, face, at.size));
}

// ── tables ──

export interface CellStyle {
  align: Align;
  /** 'middle' (default): a one-line score sits level with the middle of a wrapped title; 'top': lines start under the top edge. */
  valign?: 'middle' | 'top';
  /** A bordered box (filled when `fill`); without it only the text is drawn. */
  box?: boolean;
  fill?: Color;
}

/** A cell's box and its lines inside `width` × `height` from (x, top). */
export function drawCell(page: PDFPage, x: number, top: number, width: number, height: number, cell: LaidCell, style: CellStyle): void {
  if (style.box) {
    page.drawRectangle({ x, y: top - height, width, height, borderWidth: RULE, borderColor: BLACK, ...(style.fill ? { color: style.fill } : {}) });
  }
  const lh = lineHeight(cell.size);
  let lineTop = style.valign === 'top' ? top - PAD.y : top - (height - cell.lines.length * lh) / 2;
  for (const line of cell.lines) {
    const by = baseline(lineTop, cell.size);
    if (style.align === 'center') drawCentred(page, line, x + width / 2, by, cell.face, cell.size);
    else drawString(page, line, x + PAD.x + (cell.indent ?? 0), by, cell.face, cell.size);
    lineTop -= lh;
  }
}

export interface RowStyle {
  /** Every cell centred (header and total rows), whatever its column's alignment. */
  centre?: boolean;
  fill?: Color;
  valign?: 'middle' | 'top';
  /**
   * 'boxes' (default): each cell its bordered box. 'rule': the texts and a rule under the row
   * only, for long lists whose column rules are drawn once per page (per-cell boxes made a
   * 2 000-row roster three times slower).
   */
  borders?: 'boxes' | 'rule';
}

/** One table row from (left, top) across `columns`; returns the y of its bottom edge. */
export function drawTableRow(
  page: PDFPage,
  left: number,
  top: number,
  row: LaidRow,
  columns: readonly { width: number; align: Align }[],
  style: RowStyle = {},
): number {
  const box = (style.borders ?? 'boxes') === 'boxes';
  let x = left;
  row.cells.forEach((cell, i) => {
    const col = columns[i]!;
    drawCell(page, x, top, col.width, row.height, cell, {
      align: style.centre ? 'center' : col.align,
      box,
      ...(style.fill ? { fill: style.fill } : {}),
      ...(style.valign ? { valign: style.valign } : {}),
    });
    x += col.width;
  });
  const bottom = top - row.height;
  if (!box) page.drawLine({ start: { x: left, y: bottom }, end: { x, y: bottom }, thickness: RULE, color: BLACK });
  return bottom;
}

/** The column rules of a 'rule'-bordered table, from `top` down to `bottom`. */
export function drawColumnRules(page: PDFPage, left: number, top: number, bottom: number, widths: readonly number[]): void {
  let x = left;
  for (const w of [0, ...widths]) {
    x += w;
    page.drawLine({ start: { x, y: top }, end: { x, y: bottom }, thickness: RULE, color: BLACK });
  }
}
