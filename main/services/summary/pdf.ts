// The summary table as an A4 PDF in the layout of Vietnamese administrative documents
// (Nghị định 30/2020/NĐ-CP): unit and national heading, date line, title, the table with its
// header repeated on every page, the total, the rating and the signature block. The heading,
// signature and page-number parts are exported for other formal documents (the improvement plan).
import { writeFile } from 'node:fs/promises';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { writeAtomically } from '../durable';
import { COLUMNS, nfc, pointsText, rowCells, summaryText, totalRows, type RowCells, type SummaryText } from './content';
import type { SummaryModel } from './model';
import {
  HEADER_FILL,
  centredBlock,
  drawCentred,
  drawPageNumbers as pageNumbers,
  drawString,
  drawTableRow,
  embedFonts,
  hline,
  setCreator,
  type Fonts,
} from '../documents/pdf-draw';
import {
  CONTENT_WIDTH,
  columnSpecs,
  HEADING_SPLIT,
  INDENT,
  PAD,
  PAGE,
  SIZE,
  balancedWrap,
  baseline,
  layRow,
  lineHeight,
  pageBreaks,
  textWidth,
  wrapText,
  type Face,
  type LaidRow,
} from '../documents/pdf-layout';

export { NO_POSITIONING, type Fonts } from '../documents/pdf-draw';

const HEADER_STYLE = { fill: HEADER_FILL, centre: true };
const SIGNATURE_SPACE = 62; // room for a hand signature and the red seal

export async function writeSummaryPdf(model: SummaryModel, outPath: string): Promise<void> {
  const bytes = await renderSummaryPdf(model);
  await writeAtomically(outPath, (tmp) => writeFile(tmp, bytes));
}

export async function renderSummaryPdf(model: SummaryModel): Promise<Uint8Array> {
  const txt = summaryText(model);
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  setMetadata(doc, model, txt);

  const rows = model.rows.map(rowCells);
  // The Mã column fits the longest code on one line (bold, as areas are drawn).
  const specs = columnSpecs(Math.max(0, ...rows.map((r) => textWidth(fonts.bold, r.code, SIZE.body))) + 2 * PAD.x);
  const header = layRow(COLUMNS, fonts.bold, SIZE.header, 0, specs);
  const laid = rows.map((r) => layCells(r, fonts, specs));
  const totals = totalRows(model).map((r) => layCells(r, fonts, specs));
  const totalHeight = totals.reduce((h, r) => h + r.height, 0);
  const tailHeight = totalHeight + afterTableHeight(txt, fonts) + signatureHeight();

  let page = doc.addPage([PAGE.width, PAGE.height]);
  const headingBottom = drawHeading(page, txt, fonts);
  let y = drawTableRow(page, PAGE.left, headingBottom, header, specs, HEADER_STYLE);
  const breaks = pageBreaks(
    laid.map((l) => l.height),
    (i) => rows[i]!.bold,
    y,
    PAGE.height - PAGE.top - header.height,
    tailHeight,
  );
  const newPage = () => {
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = drawTableRow(page, PAGE.left, PAGE.height - PAGE.top, header, specs, HEADER_STYLE);
  };
  laid.forEach((row, i) => {
    if (breaks.has(i)) newPage();
    y = drawTableRow(page, PAGE.left, y, row, specs);
  });
  // pageBreaks kept room for the tail after the last row; this catches a table with no rows.
  if (y - tailHeight < PAGE.bottom) newPage();
  for (const total of totals) y = drawTableRow(page, PAGE.left, y, total, specs, { centre: true });
  y = drawAfterTable(page, y, txt, fonts);
  drawSignature(page, y, txt, fonts);
  drawPageNumbers(doc, fonts.regular);
  return doc.save();
}

export function setMetadata(doc: PDFDocument, model: SummaryModel, txt: SummaryText): void {
  doc.setTitle(txt.docTitle, { showInWindowTitleBar: true });
  doc.setAuthor(txt.author);
  doc.setSubject(txt.subtitle.replace(/^\(|\)$/g, ''));
  setCreator(doc);
  doc.setLanguage('vi');
  // The export's own time rather than the wall clock: the same model gives the same dates.
  doc.setCreationDate(new Date(model.generatedAt));
  doc.setModificationDate(new Date(model.generatedAt));
}

function layCells(r: RowCells, fonts: Fonts, specs: ReturnType<typeof columnSpecs>): LaidRow {
  const texts = [r.code, r.title, pointsText(r.max), pointsText(r.self), r.evidence === null ? '' : String(r.evidence), r.note];
  return layRow(texts, r.bold ? fonts.bold : fonts.regular, SIZE.body, (r.level - 1) * INDENT, specs);
}

/** Largest size ≤ `size` at which `s` fits on one line of `width` (the national heading never wraps). */
function fitSize(s: string, face: Face, size: number, width: number): number {
  const w = textWidth(face, s, size);
  return w <= width ? size : Math.max(8, Math.floor(((size * width) / w) * 10) / 10);
}

// ── page parts ──

const leftBlock = { x: PAGE.left, width: CONTENT_WIDTH * HEADING_SPLIT };
const rightBlock = { x: PAGE.left + CONTENT_WIDTH * HEADING_SPLIT, width: CONTENT_WIDTH * (1 - HEADING_SPLIT) };
const mid = (b: { x: number; width: number }) => b.x + b.width / 2;

/** Unit (left) and nation (right) headings, date line, title and subtitle; returns the y below. */
export function drawHeading(page: PDFPage, txt: SummaryText, f: Fonts): number {
  const top = PAGE.height - PAGE.top;
  const lw = leftBlock.width - 6;
  const rw = rightBlock.width;

  let ly = centredBlock(page, txt.parentUnit, mid(leftBlock), lw, top, f.regular, SIZE.heading);
  const unitLines = balancedWrap(txt.unit, f.bold, SIZE.heading, lw);
  ly = centredBlock(page, txt.unit, mid(leftBlock), lw, ly, f.bold, SIZE.heading);
  // NĐ 30: a rule under the issuing unit, a third to a half as long as its line.
  const unitWidth = Math.max(...unitLines.map((l) => textWidth(f.bold, l, SIZE.heading)));
  const rule = Math.max(40, unitWidth * 0.4);
  hline(page, mid(leftBlock) - rule / 2, mid(leftBlock) + rule / 2, ly - 2);

  const nationSize = fitSize(txt.nation, f.bold, SIZE.heading, rw);
  drawCentred(page, txt.nation, mid(rightBlock), baseline(top, SIZE.heading), f.bold, nationSize);
  let ry = top - lineHeight(SIZE.heading);
  const mottoSize = fitSize(txt.motto, f.bold, SIZE.motto, rw);
  const mottoBase = baseline(ry, mottoSize);
  // NĐ 30: the motto is underlined by a rule exactly as long as the motto.
  const mw = drawCentred(page, txt.motto, mid(rightBlock), mottoBase, f.bold, mottoSize);
  hline(page, mid(rightBlock) - mw / 2, mid(rightBlock) + mw / 2, mottoBase - 2.5);
  ry -= lineHeight(mottoSize) + 8;
  ry = centredBlock(page, txt.dateLine, mid(rightBlock), rw, ry, f.italic, SIZE.date);

  let y = Math.min(ly, ry) - 16;
  const cx = PAGE.left + CONTENT_WIDTH / 2;
  y = centredBlock(page, txt.title, cx, CONTENT_WIDTH - 20, y, f.bold, SIZE.title);
  y = centredBlock(page, txt.subtitle, cx, CONTENT_WIDTH - 20, y, f.italic, SIZE.subtitle);
  return y - 10;
}

const afterLines = (txt: SummaryText) => [txt.ratio, txt.band].filter((s): s is string => s !== null);
const NOTE_SIZE = 10;
const noteLines = (txt: SummaryText, f: Fonts) => (txt.maxNote ? wrapText(nfc(txt.maxNote), f.italic, NOTE_SIZE, CONTENT_WIDTH) : []);
const afterTableHeight = (txt: SummaryText, f: Fonts) => 8 + noteLines(txt, f).length * lineHeight(NOTE_SIZE) + afterLines(txt).length * lineHeight(SIZE.after);

/** The note on the applicable maximum, then "Tỷ lệ: 73,25%" and "Xếp loại: Khá" under the table. */
function drawAfterTable(page: PDFPage, top: number, txt: SummaryText, f: Fonts): number {
  let y = top - 8;
  for (const line of noteLines(txt, f)) {
    drawString(page, line, PAGE.left, baseline(y, NOTE_SIZE), f.italic, NOTE_SIZE);
    y -= lineHeight(NOTE_SIZE);
  }
  for (const line of afterLines(txt)) {
    drawString(page, line, PAGE.left, baseline(y, SIZE.after), f.bold, SIZE.after);
    y -= lineHeight(SIZE.after);
  }
  return y;
}

export const signatureHeight = () => 12 + lineHeight(SIZE.heading) + lineHeight(11) + SIGNATURE_SPACE + lineHeight(SIZE.heading);

/** Position in capitals, the signing hint, room for signature and seal, then the full name. */
export function drawSignature(page: PDFPage, top: number, txt: SummaryText, f: Fonts): void {
  const cx = mid(rightBlock);
  let y = top - 12;
  y = centredBlock(page, txt.signer.heading, cx, rightBlock.width, y, f.bold, SIZE.heading);
  y = centredBlock(page, txt.signer.hint, cx, rightBlock.width, y, f.italic, 11);
  y -= SIGNATURE_SPACE;
  if (txt.signer.name) centredBlock(page, txt.signer.name, cx, rightBlock.width, y, f.bold, SIZE.heading);
}

export function drawPageNumbers(doc: PDFDocument, font: Face): void {
  pageNumbers(doc, font, { cx: PAGE.left + CONTENT_WIDTH / 2, y: PAGE.footerY, size: SIZE.footer });
}
