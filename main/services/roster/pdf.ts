// A roster form as an A4 landscape PDF: the same heading, two-row header (Năm sinh over
// Nam | Nữ) and rows as the XLSX, the header repeated on every page, "Trang x/y" at the foot.
// Be Vietnam Pro carries every Vietnamese letter; text is NFC before it is measured or drawn,
// since decomposed marks would be drawn beside their letters.
import { writeFile } from 'node:fs/promises';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { writeAtomically } from '../durable';
import {
  HEADER_FILL,
  centredBlock,
  drawCell,
  drawColumnRules,
  drawPageNumbers,
  drawString,
  drawTableRow,
  embedFonts,
  setCreator,
  type Fonts,
} from '../documents/pdf-draw';
import { PAD, lineHeight, baseline, textWidth, wrapText, type Face, type LaidRow } from '../documents/pdf-layout';
import type { ColumnKey, FormCode } from './forms';
import {
  TAKES_PART,
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
const SIGNATURE_SPACE = 56;

export async function writeRosterPdf(form: FormCode, rows: readonly RosterRowOut[], meta: RosterMeta, outPath: string): Promise<void> {
  const bytes = await renderRosterPdf(form, rows, meta);
  await writeAtomically(outPath, (tmp) => writeFile(tmp, bytes));
}

export async function renderRosterPdf(form: FormCode, rows: readonly RosterRowOut[], meta: RosterMeta): Promise<Uint8Array> {
  const h = rosterHeading(form, meta);
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  doc.setTitle(h.docTitle, { showInWindowTitleBar: true });
  doc.setAuthor(h.unit);
  setCreator(doc);
  doc.setLanguage('vi');

  const cols = physicalColumns(form);
  const widths = columnWidths(cols, rows.length, fonts);
  const columns = cols.map((c, i) => ({ width: widths[i]!, align: c.align }));
  const lay = (texts: string[], face: Face, size: number): LaidRow => {
    const cells = texts.map((t, i) => ({ lines: t ? wrapText(nfc(t), face, size, widths[i]! - 2 * PAD.x) : [], face, size }));
    return { cells, height: Math.max(1, ...cells.map((c) => c.lines.length)) * lineHeight(size) + 2 * PAD.y };
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
    if (y < bodyTop) drawColumnRules(page, PAGE.left, bodyTop, y, widths);
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
    y = drawTableRow(page, PAGE.left, y, row, columns, { borders: 'rule' });
  });
  closeGrid();

  const tail = 10 + (h.dateLine ? lineHeight(12) : 0) + lineHeight(SIZE.heading) + lineHeight(11) + SIGNATURE_SPACE;
  if (y - tail < PAGE.bottom) {
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - PAGE.top;
  }
  drawSignature(page, y - 10, h, fonts);
  drawPageNumbers(doc, fonts.regular, { cx: PAGE.left + CONTENT_WIDTH / 2, y: PAGE.footerY, size: SIZE.footer });
  return doc.save();
}

/** What the fixed columns must fit on one line; STT fits the largest number of the list. */
const SAMPLE: Partial<Record<ColumnKey, string>> = { birth: '00/00/0000', phone: '00000000000', appointedAt: '00/00/0000', takesPart: TAKES_PART.no };

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

const block = (page: PDFPage, s: string, cx: number, width: number, top: number, face: Face, size: number) =>
  centredBlock(page, s, cx, width, top, face, size, wrapText);

/** "UBND HUYỆN …" left, "Mẫu số 0N" right, then DANH SÁCH, the title and the round. */
function drawHeading(page: PDFPage, h: RosterHeading, f: Fonts): number {
  const top = PAGE.height - PAGE.top;
  const leftWidth = CONTENT_WIDTH * 0.4;
  const ly = block(page, h.unit, PAGE.left + leftWidth / 2, leftWidth, top, f.bold, SIZE.heading);
  const label = nfc(h.formLabel);
  drawString(page, label, PAGE.width - PAGE.right - textWidth(f.italic, label, SIZE.heading), baseline(top, SIZE.heading), f.italic, SIZE.heading);
  const cx = PAGE.left + CONTENT_WIDTH / 2;
  let y = Math.min(ly, top - lineHeight(SIZE.heading)) - 10;
  y = block(page, h.list, cx, CONTENT_WIDTH, y, f.bold, SIZE.list);
  y = block(page, h.title, cx, CONTENT_WIDTH - 40, y, f.bold, SIZE.title);
  y = block(page, h.subtitle, cx, CONTENT_WIDTH - 40, y, f.italic, SIZE.subtitle);
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

function drawHeader(page: PDFPage, top: number, h: HeaderLaid, face: Face): number {
  const both = h.topHeight + h.subHeight;
  const style = { align: 'center', box: true, fill: HEADER_FILL } as const;
  for (const t of h.top) drawCell(page, t.x, top, t.width, t.span === 'both' ? both : h.topHeight, { lines: t.lines, face, size: SIZE.header }, style);
  for (const s of h.sub) drawCell(page, s.x, top - h.topHeight, s.width, h.subHeight, { lines: s.lines, face, size: SIZE.header }, style);
  return top - both;
}

/** Date line, "TM. ỦY BAN NHÂN DÂN", the hint, room for signature and seal — on the right. */
function drawSignature(page: PDFPage, top: number, h: RosterHeading, f: Fonts): void {
  const width = CONTENT_WIDTH * 0.4;
  const cx = PAGE.width - PAGE.right - width / 2;
  let y = top;
  if (h.dateLine) y = block(page, h.dateLine, cx, width, y, f.italic, 12);
  y = block(page, h.signer, cx, width, y, f.bold, SIZE.heading);
  block(page, h.signerHint, cx, width, y, f.italic, 11);
}
