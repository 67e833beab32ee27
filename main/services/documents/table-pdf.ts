// A plain A4 table document (landscape or portrait) with the Vietnamese font: title lines, a
// header repeated on every page, wrapped cells, page numbers. Used for exam results; the summary
// table of the self-assessment has its own, more formal layout (services/summary).
import { writeFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { writeAtomically } from '../summary/atomic';
import { fontBytes, widthCache } from '../summary/fonts';
import { wrapText, textWidth, type Face } from '../summary/pdf-layout';

export interface TableColumn {
  header: string;
  /** Relative width. */
  width: number;
  align?: 'left' | 'center';
}

export interface TableDoc {
  titleLines: string[];
  subtitle?: string;
  columns: TableColumn[];
  rows: string[][];
  afterLines?: string[];
  landscape?: boolean;
  meta: { title: string; author: string };
}

const SIZE = { title: 13, subtitle: 11, header: 9.5, body: 9.5, after: 11, footer: 9 };
const LEAD = 1.3;
const PAD = 3;
const NO_POSITIONING = { kern: false, mark: false, mkmk: false, dist: false, curs: false, abvm: false, blwm: false };
const nfc = (s: string) => s.normalize('NFC');

export async function writeTablePdf(doc: TableDoc, outPath: string): Promise<void> {
  const bytes = await renderTablePdf(doc);
  await writeAtomically(outPath, (tmp) => writeFile(tmp, bytes));
}

export async function renderTablePdf(spec: TableDoc): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const fb = await fontBytes();
  const face = async (b: Uint8Array): Promise<Face> => ({ font: await pdf.embedFont(b, { subset: true, features: NO_POSITIONING }), widths: widthCache(b) });
  const regular = await face(fb.regular);
  const bold = await face(fb.bold);
  pdf.setTitle(nfc(spec.meta.title));
  pdf.setAuthor(nfc(spec.meta.author));
  pdf.setCreator('Kiểm Chứng');
  pdf.setLanguage('vi');

  const [W, H] = spec.landscape ? [841.89, 595.28] : [595.28, 841.89];
  const margin = { left: 42, right: 30, top: 36, bottom: 40 };
  const contentW = W - margin.left - margin.right;
  const total = spec.columns.reduce((a, c) => a + c.width, 0);
  const widths = spec.columns.map((c) => (c.width / total) * contentW);
  const lh = (size: number) => size * LEAD;
  const black = rgb(0, 0, 0);

  const lay = (cells: string[], f: Face, size: number) => {
    const lines = cells.map((c, i) => wrapText(nfc(c ?? ''), f, size, widths[i]! - 2 * PAD));
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
        const tx = spec.columns[i]!.align === 'center' ? x + (w - tw) / 2 : x + PAD;
        page.drawText(line, { x: tx, y: top - PAD - (j + 1) * lh(size) + 0.3 * size, size, font: f.font, color: black });
      });
      x += w;
    });
    return top - row.height;
  };

  const header = lay(
    spec.columns.map((c) => c.header),
    bold,
    SIZE.header,
  );
  let page = pdf.addPage([W, H]);
  let y = H - margin.top;
  for (const t of spec.titleLines) {
    for (const line of wrapText(nfc(t), bold, SIZE.title, contentW)) {
      page.drawText(line, {
        x: margin.left + (contentW - textWidth(bold, line, SIZE.title)) / 2,
        y: y - SIZE.title,
        size: SIZE.title,
        font: bold.font,
        color: black,
      });
      y -= lh(SIZE.title);
    }
  }
  if (spec.subtitle) {
    for (const line of wrapText(nfc(spec.subtitle), regular, SIZE.subtitle, contentW)) {
      page.drawText(line, {
        x: margin.left + (contentW - textWidth(regular, line, SIZE.subtitle)) / 2,
        y: y - SIZE.subtitle,
        size: SIZE.subtitle,
        font: regular.font,
        color: black,
      });
      y -= lh(SIZE.subtitle);
    }
  }
  y -= 8;
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
    if (y - lh(SIZE.after) < margin.bottom + 14) {
      page = pdf.addPage([W, H]);
      y = H - margin.top;
    }
    page.drawText(nfc(t), { x: margin.left, y: y - SIZE.after, size: SIZE.after, font: bold.font, color: black });
    y -= lh(SIZE.after);
  }
  const pages = pdf.getPages();
  pages.forEach((p, i) => {
    const label = `Trang ${i + 1}/${pages.length}`;
    p.drawText(label, { x: W / 2 - textWidth(regular, label, SIZE.footer) / 2, y: 20, size: SIZE.footer, font: regular.font, color: black });
  });
  return pdf.save();
}
