// Vietnam time, the one home for it: UTC+7 all year (no daylight saving since 1975), written
// the way the documents write it — dd/mm/yyyy dates and 24-hour HH:mm times, whatever the
// language of the browser or of Windows. Times are stored as UTC epoch ms; calendar dates
// (a document's date, an exam day) as 'YYYY-MM-DD'. Pure: no Intl, no local time zone.
import { viDateTime } from './i18n/vi/datetime';

export const VN_OFFSET_MS = 7 * 3600_000;
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface VnParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/** The Vietnam wall-clock fields of a UTC instant. */
export function vnParts(ms: number): VnParts {
  const d = new Date(ms + VN_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** UTC ms of a Vietnam wall-clock time; null when the fields do not name a real moment (31/02, 25:00). */
export function fromVnFields(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | null {
  if (![y, mo, d, h, mi, s].every(Number.isInteger)) return null;
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return wall - VN_OFFSET_MS;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const DMY = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/;
// 17:00 | 17:00:30 | 17h00 | 17h | 17g30 | 17 giờ 30 (phút)
const TIME = /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?|[hg](\d{2})?| ?giờ(?: ?(\d{1,2})(?: ?phút)?)?)$/;

interface Fields {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  hasTime: boolean;
}

function readFields(text: string): Fields | null {
  const t = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  const iso = ISO.exec(t);
  if (iso) {
    const [, y, mo, d, h, mi, sec] = iso;
    return { y: +y!, mo: +mo!, d: +d!, h: h ? +h : 0, mi: mi ? +mi : 0, s: sec ? +sec : 0, hasTime: h !== undefined };
  }
  const date = DMY.exec(t);
  if (!date) return null;
  const rest = (t.slice(0, date.index) + ' ' + t.slice(date.index + date[0].length))
    .replace(/\b(ngày|lúc)(?= |$)|,/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const f: Fields = { y: +date[3]!, mo: +date[2]!, d: +date[1]!, h: 0, mi: 0, s: 0, hasTime: false };
  if (rest) {
    const time = TIME.exec(rest);
    if (!time) return null;
    f.h = +time[1]!;
    f.mi = +(time[2] ?? time[4] ?? time[5] ?? 0);
    f.s = +(time[3] ?? 0);
    f.hasTime = true;
  }
  return f;
}

/**
 * Parses a Vietnam local date-time as people write it: '14/09/2023 08:00', '8:00 14/9/2023',
 * '5/10/2023 17h00', '17h00 ngày 05/10/2023', '17 giờ 30 phút ngày 05/10/2023',
 * '2023-10-05T17:00'; a date alone means 00:00. Returns UTC ms, or null when the text does not
 * name a real moment (31/02/2023, 25:00).
 */
export function parseVnDateTime(text: string): number | null {
  const f = readFields(text);
  return f ? fromVnFields(f.y, f.mo, f.d, f.h, f.mi, f.s) : null;
}

/** A calendar date typed as '14/09/2023', '14/9/2023', '14.09.2023' or '2023-09-14' → '2023-09-14'; null otherwise (a time is refused). */
export function parseVnDate(text: string): string | null {
  const f = readFields(text);
  if (!f || f.hasTime || fromVnFields(f.y, f.mo, f.d) === null) return null;
  return `${f.y}-${pad(f.mo)}-${pad(f.d)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 05/10/2023 in Vietnam time. */
export function formatVnDate(ms: number): string {
  const p = vnParts(ms);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** 17:00 (or 17:00:30) in Vietnam time, 24-hour. */
export function formatVnTime(ms: number, withSeconds = false): string {
  const p = vnParts(ms);
  return `${pad(p.hour)}:${pad(p.minute)}${withSeconds ? ':' + pad(p.second) : ''}`;
}

/** 17:00 05/10/2023 — the order the documents write a deadline in. */
export function formatVnDateTime(ms: number, withSeconds = false): string {
  return `${formatVnTime(ms, withSeconds)} ${formatVnDate(ms)}`;
}

/** 14/09/2023 08:00 — the order the date-time fields are typed in. */
export function formatVnInput(ms: number): string {
  return `${formatVnDate(ms)} ${formatVnTime(ms)}`;
}

/** thứ Năm, Chủ nhật… */
export function vnWeekday(ms: number): string {
  return viDateTime.weekdays[vnParts(ms).weekday]!;
}

/** 08:00 thứ Năm 14/09/2023 — what a date-time field understood. */
export function formatVnDateTimeLong(ms: number): string {
  return `${formatVnTime(ms)} ${vnWeekday(ms)} ${formatVnDate(ms)}`;
}

/** thứ Năm 14/09/2023 — what a date field understood, from 'YYYY-MM-DD'. */
export function formatVnDateLong(isoDate: string): string {
  const ms = isoDateToMs(isoDate);
  return ms === null ? '' : `${vnWeekday(ms)} ${formatVnDate(ms)}`;
}

/** '2023-10-05' → '05/10/2023'; '' when it is not such a date. */
export function formatIsoDate(iso: string | null): string {
  const m = iso && /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** 00:00 Vietnam time of 'YYYY-MM-DD'; null when it is not a real date. */
export function isoDateToMs(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? fromVnFields(+m[1]!, +m[2]!, +m[3]!) : null;
}

/** 'YYYY-MM-DDTHH:mm' in Vietnam time (the machine-readable form); '' for an invalid time. */
export function toIsoLocal(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 16);
}

/** The inverse of toIsoLocal (seconds allowed); null when empty or invalid. */
export function fromIsoLocal(v: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(v.trim());
  if (!m) return null;
  return fromVnFields(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0);
}

/** 'YYYY-MM-DD' of the Vietnam calendar day an instant falls on. */
export function vnIsoDate(ms: number): string {
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}
