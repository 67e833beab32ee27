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
/** The widest the Mã column grows to for long codes ("4.3.2.1.a") before its text shrinks instead. */
export const MAX_CODE_WIDTH = 72;

/** Column widths with the Mã column wide enough for `codeWidth` (the widest code plus padding). */
export function columnSpecs(codeWidth = FIXED[0]!): readonly Column[] {
  const fixed = [Math.min(MAX_CODE_WIDTH, Math.max(FIXED[0]!, Math.ceil(codeWidth))), ...FIXED.slice(1)];
  return fixed.map((w, i) => ({ width: w || CONTENT_WIDTH - fixed.reduce((a, b) => a + b, 0), align: i === 1 ? 'left' : 'center' }));
}
export const COLUMN_SPECS: readonly Column[] = columnSpecs();

/** The header block splits the width like NĐ 30's two-column heading: unit left, nation right. */
export const HEADING_SPLIT = 0.42;

/**
 * A font plus a cache of word widths. pdf-lib measures by running fontkit's full OpenType
 * shaping on every call — most of an export's time when a wrap measures each candidate line.
 * Widths are summed per word instead (pdf-lib's width is the sum of glyph advances, so a line's
 * width is its words' widths plus its spaces), and the cache outlives the document: Vietnamese
 * syllables repeat, so warm exports measure almost nothing.
 */
export interface Face {
  font: PDFFont;
  widths: Map<string, number>; // word → width at size 1
}

const MAX_CACHED_WORDS = 50_000;

function wordWidth(face: Face, word: string): number {
  let w = face.widths.get(word);
  if (w === undefined) {
    w = face.font.widthOfTextAtSize(word, 1);
    if (face.widths.size >= MAX_CACHED_WORDS) face.widths.clear();
    face.widths.set(word, w);
  }
  return w;
}

export function textWidth(face: Face, s: string, size: number): number {
  const words = s.split(' ');
  let w = (words.length - 1) * wordWidth(face, ' ');
  for (const word of words) if (word) w += wordWidth(face, word);
  return w * size;
}

/**
 * Greedy word wrap to `width`. Whitespace (tabs, line breaks typed into a title) collapses to
 * single spaces; a word wider than the column (a long URL, a code) is cut by characters.
 */
export function wrapText(text: string, face: Face, size: number, width: number): string[] {
  const space = textWidth(face, ' ', size);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    const w = textWidth(face, word, size);
    if (line && lineWidth + space + w <= width) {
      line += ' ' + word;
      lineWidth += space + w;
      continue;
    }
    if (line) lines.push(line);
    let rest = [...word]; // code points, so a cut never splits a surrogate pair
    while (rest.length > 1 && textWidth(face, rest.join(''), size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && textWidth(face, rest.slice(0, cut).join(''), size) > width) cut--;
      lines.push(rest.slice(0, cut).join(''));
      rest = rest.slice(cut);
    }
    line = rest.join('');
    lineWidth = textWidth(face, line, size);
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Wraps into as few lines as wrapText but with lines of even length, for centred headings:
 * "… CHẤM ĐIỂM / CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026" rather than a long line and a stub.
 */
export function balancedWrap(text: string, face: Face, size: number, width: number): string[] {
  const lines = wrapText(text, face, size, width);
  if (lines.length < 2) return lines;
  let lo = width / lines.length;
  let hi = width;
  while (hi - lo > 2) {
    const w = (lo + hi) / 2;
    if (wrapText(text, face, size, w).length === lines.length) hi = w;
    else lo = w;
  }
  return wrapText(text, face, size, hi);
}

export const lineHeight = (size: number): number => size * LEADING;

/** Baseline of a line whose box starts at `top`: caps sit in the middle of the line box. */
export const baseline = (top: number, size: number): number => top - (lineHeight(size) + 0.7 * size) / 2;

/** A table cell ready to draw: its wrapped lines, in its face and size, `indent` more from the left. */
export interface LaidCell {
  lines: string[];
  face: Face;
  size: number;
  indent?: number;
}

/** A table row ready to draw (pdf-draw.ts): the wrapped lines of each cell and the row's height. */
export interface LaidRow {
  cells: LaidCell[];
  height: number;
}

export function layRow(texts: readonly string[], face: Face, size: number, titleIndent = 0, specs: readonly Column[] = COLUMN_SPECS): LaidRow {
  const cells = texts.map((t, col) => {
    const indent = col === 1 ? titleIndent : 0;
    const room = specs[col]!.width - 2 * PAD.x - indent;
    // A code is one token: "4.3.2./1" split over two lines reads as two codes. It shrinks instead.
    if (col === 0 && t) {
      const w = textWidth(face, t, size);
      return { lines: [t], face, size: w > room ? Math.max(6, Math.floor(((size * room) / w) * 10) / 10) : size, indent };
    }
    const lines = t ? wrapText(t, face, size, room) : [];
    return { lines, face, size, indent };
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
