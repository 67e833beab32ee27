// The roster reader's view of cells: the cell model is the importers' shared one
// (services/xlsx/cells.ts); here are the roster's own readings of a cell's text (hidden
// characters, district headings, commune sections, the signature block under the table).
import { stripDiacritics } from '../../../../shared/vietnamese';

export { FormulaCell, ErrorCell, OversizeCell, cellValue, valueOf, clean, display, shown, type CellValue, type Plain } from '../../xlsx/cells';

/** Control, format (bidi overrides, zero-width) and lone surrogate characters: never in a name. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\uFFFE\uFFFF]/u;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** The first hidden character of `s` as "U+202E", or null. */
export function hiddenChar(s: string): { code: string; bidi: boolean } | null {
  const m = HIDDEN.exec(s);
  if (!m) return null;
  const cp = m[0].codePointAt(0)!;
  return { code: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, bidi: BIDI.test(m[0]) };
}

export const hasLetter = (s: string): boolean => /\p{L}/u.test(s);

export const colLetter = (n: number): string => {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

function titleCase(s: string): string {
  if (s !== s.toLocaleUpperCase('vi-VN')) return s;
  return s.toLocaleLowerCase('vi-VN').replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toLocaleUpperCase('vi-VN'));
}

/** "UBND HUYỆN MỸ XUYÊN" → "Mỹ Xuyên"; "THỊ XÃ NGÃ NĂM" → "Thị xã Ngã Năm". */
export function districtFromHeading(text: string): string | null {
  const m = /^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)?\s*(huyện|thị xã|thành phố|quận)\s+(.+)$/iu.exec(text.normalize('NFC').trim());
  if (!m) return null;
  const kind = m[1]!.toLocaleLowerCase('vi-VN');
  const name = titleCase(m[2]!.trim());
  return kind === 'huyện' ? name : `${kind[0]!.toLocaleUpperCase('vi-VN')}${kind.slice(1)} ${name}`;
}

/** "I. Xã Hòa Tú 1" / "UBND xã Gia Hòa 1" on a row of its own: the commune of the rows below. */
export function sectionCommune(text: string | null): string | null {
  if (!text) return null;
  const t = text.replace(/^(?:[IVXLC]+|\d+|[a-z])\s*[.):-]\s*/i, '').replace(/^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/i, '');
  return /^(xã|phường|thị trấn|tt\.)\s+\S/iu.test(t) ? t : null;
}

/** Signature block and totals under the table ("Người lập biểu", "TM. ỦY BAN NHÂN DÂN", "…, ngày … tháng … năm …"). */
export function isFooterText(text: string): boolean {
  const f = stripDiacritics(text).toLowerCase();
  return /^(tm|kt|tl|q)\s*\.|^(nguoi lap|thu truong|xac nhan|noi nhan|tong cong|tong so|cong\b|\(?ky,? ghi ro|\(?ky ten)|\bngay\s*[\d.…]*\s*thang\b/.test(f);
}
