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
export function formatPoints(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return rounded.toLocaleString('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 2, useGrouping: false });
}
