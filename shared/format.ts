// Display formats the documents use: dd/mm/yyyy dates in Vietnam's time zone, decimal comma.

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const parts = (ms: number) => {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(new Date(ms))) out[p.type] = p.value;
  return out as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
};

/** 05/10/2023 */
export function formatDate(ms: number): string {
  const p = parts(ms);
  return `${p.day}/${p.month}/${p.year}`;
}

/** 17:00 05/10/2023 — the order the documents write a deadline in. */
export function formatDateTime(ms: number, withSeconds = false): string {
  const p = parts(ms);
  return `${p.hour}:${p.minute}${withSeconds ? ':' + p.second : ''} ${p.day}/${p.month}/${p.year}`;
}

/** 73,25 — scores with a decimal comma, at most two decimals, no trailing zeros. */
const pointsFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 2, useGrouping: false });
export function formatPoints(n: number): string {
  return pointsFormat.format(Math.round(n * 100) / 100);
}

/** Parses points typed with a decimal comma or point ("1,5", "1.5", " 2 "); null when not a number. */
export function parseDecimal(s: string): number | null {
  const t = s.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

const VN_OFFSET_MS = 7 * 3600_000; // Vietnam has no daylight saving time.

/** 'YYYY-MM-DDTHH:mm' in Vietnam time, for <input type="datetime-local">. */
export function toVnInputValue(ms: number): string {
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 16);
}

/** The inverse of toVnInputValue; null when empty or invalid. */
export function fromVnInputValue(v: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(v);
  if (!m) return null;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!) - VN_OFFSET_MS;
  return Number.isFinite(ms) ? ms : null;
}

/** '2023-10-05' → '05/10/2023'. */
export function formatIsoDate(iso: string | null): string {
  const m = iso && /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}
