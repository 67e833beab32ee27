// A roster form as an A4 landscape PDF: the same heading, two-row header (Năm sinh over
// Nam | Nữ) and rows as the XLSX, the header repeated on every page, "Trang x/y" at the foot.
// Be Vietnam Pro carries every Vietnamese letter; text is NFC before it is measured or drawn,
// since decomposed marks would be drawn beside their letters.
import { writeFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { writeAtomically } from '../summary/atomic';
import { fontBytes, widthCache } from '../summary/fonts';
import { textWidth, wrapText, type Face } from '../summary/pdf-layout';
import type { ColumnKey, FormCode } from './forms';
import {
  cellText,
  cellValue,
  nfc,
  physicalColumns,
  rosterHeading,
  type PhysicalColumn,
  type RosterHeading,
  type RosterMeta,
  type RosterRowOut,
} from './layout';

const MM = 72 / 25.4;
const PAGE = { width: 841.89, height: 595.28, left: 20 * MM, right: 15 * MM, top: 15 * MM, bottom: 15 * MM, footerY: 8 * MM } as const;
const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const SIZE = { heading: 12, list: 14, title: 13, subtitle: 12, header: 10, body: 10, footer: 9 } as const;
const LEADING = 1.3; // room for stacked marks (Ể, Ỗ)
const PAD = { x: 3, y: 3 } as const;
const BLACK = rgb(0, 0, 0);
const HEADER_FILL = rgb(0.92, 0.92, 0.92);
const SIGNATURE_SPACE = 56;
const RULE = 0.5;
/**
 * pdf-lib draws glyphs at their advances and ignores GPOS positioning, which fontkit still
 * computes on every call; off, the output is identical (Be Vietnam Pro's Vietnamese letters are
 * precomposed) and long tables render about twice as fast.
 */
const NO_POSITIONING = { kern: false, mark: false, mkmk: false, dist: false, curs: false, abvm: false, blwm: false };

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

interface Fonts {
  regular: Face;
  bold: Face;
  italic: Face;
}

const lineHeight = (size: number) => size * LEADING;
/** Baseline of a line whose box starts at `top`. */
const baseline = (top: number, size: number) => top - (lineHeight(size) + 0.7 * size) / 2;

interface Laid {
  lines: string[][]; // per column
  height: number;
}

export async function writeRosterPdf(form: FormCode, rows: readonly RosterRowOut[], meta: RosterMeta, outPath: string): Promise<void> {
  const bytes = await renderRosterPdf(form, rows, meta);
  await writeAtomically(outPath, (tmp) => writeFile(tmp, bytes));
}

export async function renderRosterPdf(form: FormCode, rows: readonly RosterRowOut[], meta: RosterMeta): Promise<Uint8Array> {
  const h = rosterHeading(form, meta);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fb = await fontBytes();
  const face = async (b: Uint8Array): Promise<Face> => ({
    font: memoEncode(await doc.embedFont(b, { subset: true, features: NO_POSITIONING })),
    widths: widthCache(b),
  });
  const fonts: Fonts = { regular: await face(fb.regular), bold: await face(fb.bold), italic: await face(fb.italic) };
  doc.setTitle(h.docTitle, { showInWindowTitleBar: true });
  doc.setAuthor(h.unit);
  doc.setCreator('Kiểm Chứng');
  doc.setProducer('Kiểm Chứng (pdf-lib)');
  doc.setLanguage('vi');

  const cols = physicalColumns(form);
  const widths = columnWidths(cols, rows.length, fonts);
  const lay = (texts: string[], f: Face, size: number): Laid => {
    const lines = texts.map((t, i) => (t ? wrapText(nfc(t), f, size, widths[i]! - 2 * PAD.x) : []));
    return { lines, height: Math.max(1, ...lines.map((l) => l.length)) * lineHeight(size) + 2 * PAD.y };
  };

  // The two header rows, measured once: the top row's cells for "Năm sinh" span Nam | Nữ.
  const header = layHeader(cols, widths, fonts.bold);
  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = drawHeading(page, h, fonts);
  y = drawHeader(page, y, header, fonts.bold);
  // The body's column rules are drawn once per page, from under the header to the last row:
  // per-cell rectangles made a 2 000-row list three times slower.
  let bodyTop = y;
  const closeGrid = () => {
    if (y >= bodyTop) return;
    let x = PAGE.left;
    for (const w of [0, ...widths]) {
      x += w;
      page.drawLine({ start: { x, y: bodyTop }, end: { x, y }, thickness: RULE, color: BLACK });
    }
  };
  rows.forEach((r, index) => {
    const row = lay(
      cols.map((c) => cellText(cellValue(c, r, index))),
      fonts.regular,
      SIZE.body,
    );
    if (y - row.height < PAGE.bottom) {
      closeGrid();
      page = doc.addPage([PAGE.width, PAGE.height]);
      y = bodyTop = drawHeader(page, PAGE.height - PAGE.top, header, fonts.bold);
    }
    y = drawRow(page, y, cols, widths, row, fonts.regular, SIZE.body);
  });
  closeGrid();

  const tail = 10 + (h.dateLine ? lineHeight(12) : 0) + lineHeight(SIZE.heading) + lineHeight(11) + SIGNATURE_SPACE;
  if (y - tail < PAGE.bottom) {
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - PAGE.top;
  }
  drawSignature(page, y - 10, h, fonts);
  const pages = doc.getPages();
  pages.forEach((p, i) => centred(p, `Trang ${i + 1}/${pages.length}`, PAGE.left + CONTENT_WIDTH / 2, PAGE.footerY, fonts.regular, SIZE.footer));
  return doc.save();
}

/** What the fixed columns must fit on one line; STT fits the largest number of the list. */
const SAMPLE: Partial<Record<ColumnKey, string>> = { birth: '00/00/0000', phone: '00000000000', appointedAt: '00/00/0000', takesPart: 'Không' };

/**
 * Dates, phones and Có/Không never wrap: their columns get exactly what they need (and at least
 * their header's longest word); the text columns share the rest in the XLSX's proportions.
 */
function columnWidths(cols: PhysicalColumn[], rowCount: number, f: Fonts): number[] {
  const pad = 2 * PAD.x + 2;
  const minimum = cols.map((c) => {
    const word = Math.max(
      ...nfc(c.label)
        .split(/\s+/)
        .map((w) => textWidth(f.bold, w, SIZE.header)),
    );
    const sample = c.key === 'stt' ? String(Math.max(rowCount, 10)) : SAMPLE[c.key];
    return Math.max(word, sample ? textWidth(f.regular, sample, SIZE.body) : 0) + pad;
  });
  const fixed = cols.map((c) => c.key === 'stt' || SAMPLE[c.key] !== undefined);
  const fixedWidth = minimum.reduce((s, w, i) => s + (fixed[i] ? w : 0), 0);
  const flexUnits = cols.reduce((s, c, i) => s + (fixed[i] ? 0 : c.width), 0);
  const left = CONTENT_WIDTH - fixedWidth;
  return cols.map((c, i) => (fixed[i] ? minimum[i]! : Math.max(minimum[i]!, (left * c.width) / flexUnits)));
}

// ── drawing ──

function draw(page: PDFPage, s: string, x: number, y: number, face: Face, size: number): void {
  page.drawText(nfc(s), { x, y, font: face.font, size, color: BLACK });
}

function centred(page: PDFPage, s: string, cx: number, y: number, face: Face, size: number): void {
  const t = nfc(s);
  draw(page, t, cx - textWidth(face, t, size) / 2, y, face, size);
}

/** Wrapped, centred lines from `top` down; returns the y below the last line. */
function centredBlock(page: PDFPage, s: string, cx: number, width: number, top: number, face: Face, size: number): number {
  for (const line of wrapText(nfc(s), face, size, width)) {
    centred(page, line, cx, baseline(top, size), face, size);
    top -= lineHeight(size);
  }
  return top;
}

/** "UBND HUYỆN …" left, "Mẫu số 0N" right, then DANH SÁCH, the title and the round. */
function drawHeading(page: PDFPage, h: RosterHeading, f: Fonts): number {
  const top = PAGE.height - PAGE.top;
  const leftWidth = CONTENT_WIDTH * 0.4;
  const ly = centredBlock(page, h.unit, PAGE.left + leftWidth / 2, leftWidth, top, f.bold, SIZE.heading);
  const label = nfc(h.formLabel);
  draw(page, label, PAGE.width - PAGE.right - textWidth(f.italic, label, SIZE.heading), baseline(top, SIZE.heading), f.italic, SIZE.heading);
  const cx = PAGE.left + CONTENT_WIDTH / 2;
  let y = Math.min(ly, top - lineHeight(SIZE.heading)) - 10;
  y = centredBlock(page, h.list, cx, CONTENT_WIDTH, y, f.bold, SIZE.list);
  y = centredBlock(page, h.title, cx, CONTENT_WIDTH - 40, y, f.bold, SIZE.title);
  y = centredBlock(page, h.subtitle, cx, CONTENT_WIDTH - 40, y, f.italic, SIZE.subtitle);
  return y - 10;
}

interface HeaderLaid {
  top: { x: number; width: number; lines: string[]; span: 'both' | 'top' }[];
  sub: { x: number; width: number; lines: string[] }[];
  topHeight: number;
  subHeight: number;
}

function layHeader(cols: PhysicalColumn[], widths: number[], face: Face): HeaderLaid {
  const wrap = (s: string, w: number) => wrapText(nfc(s), face, SIZE.header, w - 2 * PAD.x);
  const top: HeaderLaid['top'] = [];
  const sub: HeaderLaid['sub'] = [];
  let x = PAGE.left;
  cols.forEach((c, i) => {
    const w = widths[i]!;
    if (c.parent) {
      if (c.half === 0) top.push({ x, width: w + widths[i + 1]!, lines: wrap(c.parent.label, w + widths[i + 1]!), span: 'top' });
      sub.push({ x, width: w, lines: wrap(c.label, w) });
    } else {
      top.push({ x, width: w, lines: wrap(c.label, w), span: 'both' });
    }
    x += w;
  });
  const lh = lineHeight(SIZE.header);
  const subHeight = Math.max(1, ...sub.map((s) => s.lines.length)) * lh + 2 * PAD.y;
  // A heading spanning both rows may need more than the two rows give: the top row grows.
  const topHeight = Math.max(
    Math.max(1, ...top.filter((t) => t.span === 'top').map((t) => t.lines.length)) * lh + 2 * PAD.y,
    Math.max(1, ...top.filter((t) => t.span === 'both').map((t) => t.lines.length)) * lh + 2 * PAD.y - subHeight,
  );
  return { top, sub, topHeight, subHeight };
}

function cellBox(page: PDFPage, x: number, top: number, width: number, height: number, fill?: ReturnType<typeof rgb>): void {
  page.drawRectangle({ x, y: top - height, width, height, borderWidth: RULE, borderColor: BLACK, ...(fill ? { color: fill } : {}) });
}

function linesIn(
  page: PDFPage,
  lines: string[],
  x: number,
  top: number,
  width: number,
  height: number,
  face: Face,
  size: number,
  align: 'left' | 'center',
): void {
  const lh = lineHeight(size);
  let lineTop = top - (height - lines.length * lh) / 2; // vertically centred
  for (const line of lines) {
    const by = baseline(lineTop, size);
    if (align === 'center') centred(page, line, x + width / 2, by, face, size);
    else draw(page, line, x + PAD.x, by, face, size);
    lineTop -= lh;
  }
}

function drawHeader(page: PDFPage, top: number, h: HeaderLaid, face: Face): number {
  const both = h.topHeight + h.subHeight;
  for (const t of h.top) {
    const height = t.span === 'both' ? both : h.topHeight;
    cellBox(page, t.x, top, t.width, height, HEADER_FILL);
    linesIn(page, t.lines, t.x, top, t.width, height, face, SIZE.header, 'center');
  }
  for (const s of h.sub) {
    cellBox(page, s.x, top - h.topHeight, s.width, h.subHeight, HEADER_FILL);
    linesIn(page, s.lines, s.x, top - h.topHeight, s.width, h.subHeight, face, SIZE.header, 'center');
  }
  return top - both;
}

/** A body row's texts and its bottom rule; the column rules come from the page's grid. */
function drawRow(page: PDFPage, top: number, cols: PhysicalColumn[], widths: number[], row: Laid, face: Face, size: number): number {
  let x = PAGE.left;
  cols.forEach((c, i) => {
    const w = widths[i]!;
    linesIn(page, row.lines[i]!, x, top, w, row.height, face, size, c.align);
    x += w;
  });
  const bottom = top - row.height;
  page.drawLine({ start: { x: PAGE.left, y: bottom }, end: { x, y: bottom }, thickness: RULE, color: BLACK });
  return bottom;
}

/** Date line, "TM. ỦY BAN NHÂN DÂN", the hint, room for signature and seal — on the right. */
function drawSignature(page: PDFPage, top: number, h: RosterHeading, f: Fonts): void {
  const width = CONTENT_WIDTH * 0.4;
  const cx = PAGE.width - PAGE.right - width / 2;
  let y = top;
  if (h.dateLine) y = centredBlock(page, h.dateLine, cx, width, y, f.italic, 12);
  y = centredBlock(page, h.signer, cx, width, y, f.bold, SIZE.heading);
  centredBlock(page, h.signerHint, cx, width, y, f.italic, 11);
}
