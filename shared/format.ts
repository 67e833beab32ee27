// Display formats the documents use: dd/mm/yyyy dates and 24-hour times in Vietnam time
// (shared/vn-time.ts), decimal comma.
import { formatVnDate, formatVnDateTime, formatVnTime, fromIsoLocal, toIsoLocal } from './vn-time';

export { formatIsoDate } from './vn-time';

/** 05/10/2023 */
export const formatDate = formatVnDate;

/** 17:00 05/10/2023 — the order the documents write a deadline in. */
export const formatDateTime = formatVnDateTime;

/** 17:00 — 24-hour, Vietnam time, whatever the machine's language. */
export const formatTime = formatVnTime;

/** 73,25 — scores with a decimal comma, at most two decimals, no trailing zeros. */
const pointsFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 2, useGrouping: false });
export function formatPoints(n: number): string {
  return pointsFormat.format(Math.round(n * 100) / 100);
}

/** Parses points typed with a decimal comma or point ("1,5", "1.5", " 2 "); null when not a number. */
export function parseDecimal(s: string): number | null {
  const t = s.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  // 400 digits parse to Infinity, which JSON would send as null (clearing the score): refuse instead.
  return Number.isFinite(n) ? n : null;
}

/** 'YYYY-MM-DDTHH:mm' in Vietnam time (kept for callers; the one implementation is in vn-time). */
export const toVnInputValue = toIsoLocal;

/** The inverse of toVnInputValue; null when empty or invalid. */
export const fromVnInputValue = fromIsoLocal;
