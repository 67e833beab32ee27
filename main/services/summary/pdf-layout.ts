// Geometry of the PDF and the pure layout steps (wrapping, row heights, page breaks), kept apart
// from the drawing so they read — and can be changed — without the pdf-lib calls around them.
import type { PDFFont } from 'pdf-lib';

const MM = 72 / 25.4;

/** A4 portrait; Nghị định 30/2020 margins: 30 mm binding side on the left, 20 mm elsewhere. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  left: 30 * MM,
  right: 20 * MM,
  top: 20 * MM,
  bottom: 20 * MM,
  footerY: 10 * MM, // baseline of "Trang x/y", inside the bottom margin
} as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export const SIZE = { heading: 12, motto: 12.5, date: 12, title: 13, subtitle: 11.5, header: 9, body: 10, after: 11.5, footer: 9 } as const;
export const LEADING = 1.3; // line height as a multiple of the font size: room for stacked marks (Ể, Ỗ)
export const PAD = { x: 3, y: 3 } as const;
export const INDENT = 9; // per level below an area, in the title column

export type Align = 'left' | 'center';
export interface Column {
  width: number;
  align: Align;
}

/** Mã | Tiêu chí | Điểm tối đa | Điểm tự chấm | Tài liệu kiểm chứng | Ghi chú — the title takes what is left. */
const FIXED: readonly number[] = [36, 0, 42, 42, 46, 54];
export const COLUMN_SPECS: readonly Column[] = FIXED.map((w, i) => ({
  width: w || CONTENT_WIDTH - FIXED.reduce((a, b) => a + b, 0),
  align: i === 1 ? 'left' : 'center',
}));

/** The header block splits the width like NĐ 30's two-column heading: unit left, nation right. */
export const HEADING_SPLIT = 0.42;

/**
 * Greedy word wrap to `width`. Whitespace (tabs, line breaks typed into a title) collapses to
 * single spaces; a word wider than the column (a long URL, a code) is cut by characters.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Wraps into as few lines as wrapText but with lines of even length, for centred headings:
 * "… CHẤM ĐIỂM / CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026" rather than a long line and a stub.
 */
export function balancedWrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines = wrapText(text, font, size, width);
  if (lines.length < 2) return lines;
  let lo = width / lines.length;
  let hi = width;
  while (hi - lo > 2) {
    const w = (lo + hi) / 2;
    if (wrapText(text, font, size, w).length === lines.length) hi = w;
    else lo = w;
  }
  return wrapText(text, font, size, hi);
}

export const lineHeight = (size: number): number => size * LEADING;

/** Baseline of a line whose box starts at `top`: caps sit in the middle of the line box. */
export const baseline = (top: number, size: number): number => top - (lineHeight(size) + 0.7 * size) / 2;

/** A table row ready to draw: the wrapped lines of each cell and the row's height. */
export interface LaidRow {
  cells: { lines: string[]; font: PDFFont; size: number; indent: number }[];
  height: number;
}

export function layRow(
  texts: readonly string[],
  font: PDFFont,
  size: number,
  titleIndent = 0,
  fontFor: (col: number) => PDFFont = () => font,
): LaidRow {
  const cells = texts.map((t, col) => {
    const indent = col === 1 ? titleIndent : 0;
    const f = fontFor(col);
    const lines = t ? wrapText(t, f, size, COLUMN_SPECS[col]!.width - 2 * PAD.x - indent) : [];
    return { lines, font: f, size, indent };
  });
  const maxLines = Math.max(1, ...cells.map((c) => c.lines.length));
  return { cells, height: maxLines * lineHeight(size) + 2 * PAD.y };
}

/**
 * Splits rows into pages. A row never splits; an area heading never ends a page without its
 * first criterion; the last row stays with `tailHeight` (total, ratio, signature) so the
 * signature never stands alone on a page. Returns the row indexes that start a new page.
 */
export function pageBreaks(heights: readonly number[], isArea: (i: number) => boolean, firstTop: number, pageTop: number, tailHeight: number): Set<number> {
  const breaks = new Set<number>();
  let y = firstTop;
  let fresh = true; // nothing placed yet on this page: a break here would loop forever
  heights.forEach((h, i) => {
    let need = h;
    if (i === heights.length - 1) need += tailHeight;
    else if (isArea(i)) need += heights[i + 1]!;
    if (!fresh && y - need < PAGE.bottom) {
      breaks.add(i);
      y = pageTop;
    }
    y -= h;
    fresh = false;
  });
  return breaks;
}
