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

export interface BytesFormat {
  /** Round up: a size just over a limit never shows as equal to it. */
  up?: boolean;
  /** Digits after the comma; by default none for KB and one for MB and up. */
  decimals?: number;
  /** Keep trailing zeros ("21,0 MB"), as a list of sizes printed in a column reads best. */
  fixed?: boolean;
  /**
   * 'binary' (default): 1024 per step, named KB, MB, GB as Windows shows file sizes; 'iec': the
   * same steps named KiB, MiB, GiB, for limits set in binary units; 'decimal': 1000 per step, as
   * the capacity printed on a USB stick.
   */
  units?: 'binary' | 'iec' | 'decimal';
  /** Always this unit (a transfer's "sent / total" compares only in one unit). */
  unit?: 'KB' | 'MB' | 'GB';
}

const BYTE_UNITS = { binary: ['KB', 'MB', 'GB', 'TB'], iec: ['KiB', 'MiB', 'GiB', 'TiB'], decimal: ['KB', 'MB', 'GB', 'TB'] } as const;

/** 1,5 MB · 300 KB · 12 byte · 4,3 GB — sizes with a decimal comma; the one byte formatter. */
export function formatBytes(bytes: number, opts: BytesFormat = {}): string {
  const units = opts.units ?? 'binary';
  const step = units === 'decimal' ? 1000 : 1024;
  const fixedUnit = opts.unit ? ['KB', 'MB', 'GB'].indexOf(opts.unit) : -1;
  if (bytes < step && fixedUnit < 0) return `${bytes} byte`;
  const round = opts.up ? Math.ceil : Math.round;
  for (let i = Math.max(0, fixedUnit); ; i++) {
    const digits = opts.decimals ?? (i === 0 ? 0 : 1);
    const scale = 10 ** digits;
    const v = round((bytes / step ** (i + 1)) * scale) / scale;
    // 999,96 MB rounds to 1000: that is 1,0 GB.
    if (v >= step && i < 3 && fixedUnit < 0) continue;
    const number = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: opts.fixed ? digits : 0, maximumFractionDigits: digits, useGrouping: false });
    return `${number.format(v)} ${BYTE_UNITS[units][i]}`;
  }
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
