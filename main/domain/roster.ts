// Rosters of the provincial competency exam (KH Sở Nội vụ Sóc Trăng 2023, doc 000): tolerant
// parsing of what district offices type into the Mẫu 01–05 forms (years or dates, phones with +84
// and dots, names in two tone placements). Positions live in exam-positions.ts (re-exported here).
// Pure: no I/O, so the importer, the exporters and the UI apply exactly the same rules.
import { VN_OFFSET_MS } from '../../shared/vn-time';
import { viRoster } from '../../shared/i18n/vi/roster';
import { foldWords } from './exam-positions';
import { communeKey, foldKey } from './name-keys';

export * from './exam-positions';
export * from './name-keys';
// ---------------------------------------------------------------------------------------------
// Dates

/** The youngest plausible officer is 16; nobody in office was born before 1940. */
export const MIN_BIRTH_YEAR = 1940;
export const MIN_AGE = 16;
/** "chưa quá 06 tháng" (rule RECENT_TRANSFER). */
export const RECENT_TRANSFER_MONTHS = 6;

// Phrases about one value; the importer prefixes them with "Mẫu 02, dòng 14: ".
const v = viRoster.values;
export const messages = { ...v, birthRange: (year: number, max: number) => v.birthRange(year, MIN_BIRTH_YEAR, max) };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function realDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A Date as Vietnam's calendar day: exceljs gives UTC midnight, callers often local midnight; both land right. */
function vnDay(d: Date): { y: number; m: number; d: number } {
  const t = new Date(d.getTime() + VN_OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** An Excel serial day number (1900 or 1904 date system) as a calendar day. */
export function excelSerialToIso(serial: number, date1904 = false): string {
  // Day 25569 is 1970-01-01 in the 1900 system (which counts a fictitious 29/02/1900, hence 25569 not 25568).
  const days = Math.floor(serial) - (date1904 ? 24107 : 25569);
  // Days → civil date by arithmetic (H. Hinnant's algorithm): a Date per cell was a tenth of a
  // 100 000-row import.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return iso(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

type DayParse = { ok: true; date: string } | { ok: false; code: 'empty' | 'invalid' };

/**
 * A calendar day from a cell: a Date, an Excel serial number, or text d/m/yyyy, dd-mm-yyyy,
 * dd.mm.yyyy or yyyy-mm-dd. Returns ISO 'YYYY-MM-DD'.
 */
/** A cell as text: primitives as written, anything else (a rich-text or formula object) as JSON, never "[object Object]". */
const textOf = (raw: unknown): string =>
  typeof raw === 'string'
    ? raw
    : typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint'
      ? String(raw)
      : raw === null || raw === undefined
        ? ''
        : (JSON.stringify(raw) ?? '');

export function parseDay(raw: unknown, opts: { date1904?: boolean } = {}): DayParse {
  if (raw === null || raw === undefined) return { ok: false, code: 'empty' };
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { ok: false, code: 'invalid' };
    const { y, m, d } = vnDay(raw);
    return { ok: true, date: iso(y, m, d) };
  }
  if (typeof raw === 'number') {
    // Serials of 1900–2200; smaller numbers are years or noise, not days.
    if (!Number.isFinite(raw) || raw < 61 || raw > 120_000) return { ok: false, code: 'invalid' };
    return { ok: true, date: excelSerialToIso(raw, opts.date1904) };
  }
  const t = textOf(raw).trim();
  if (t === '') return { ok: false, code: 'empty' };
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return realDay(y, mo, d) ? { ok: true, date: iso(y, mo, d) } : { ok: false, code: 'invalid' };
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return realDay(y, mo, d) ? { ok: true, date: iso(y, mo, d) } : { ok: false, code: 'invalid' };
  }
  return { ok: false, code: 'invalid' };
}

export type BirthParse = { ok: true; year: number; date: string | null } | { ok: false; code: 'empty' | 'text' | 'invalid' | 'range'; message: string };

/**
 * A birth year or date as typed under "Năm sinh": 1985, "1985", "1/1/1987", "01/01/1987", a date
 * cell (Date) or its serial number. Text ("năm tám lăm"), two-digit years, impossible days and
 * years outside MIN_BIRTH_YEAR … (current year − MIN_AGE) are refused.
 */
/** The latest plausible birth year on `now` (Vietnam's calendar year − MIN_AGE). */
export const maxBirthYear = (now: Date = new Date()): number => vnDay(now).y - MIN_AGE;

export interface BirthOptions {
  now?: Date;
  date1904?: boolean;
  /** maxBirthYear(now), computed once for many rows. */
  maxYear?: number;
  /** Serial day → ISO date, e.g. a memo shared by the rows of one import. */
  serialToIso?: (serial: number) => string;
}

export function parseBirth(raw: unknown, opts: BirthOptions = {}): BirthParse {
  const maxYear = opts.maxYear ?? maxBirthYear(opts.now);
  const inRange = (year: number, date: string | null): BirthParse =>
    year >= MIN_BIRTH_YEAR && year <= maxYear ? { ok: true, year, date } : { ok: false, code: 'range', message: messages.birthRange(year, maxYear) };
  // The common case first, without building any text.
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1000 && raw <= 9999) return inRange(raw, null);
  // "-1985": a year with a sign is out of range, not "too short".
  if (typeof raw === 'number' && Number.isInteger(raw) && raw <= -1000 && raw >= -9999) return inRange(raw, null);
  if (typeof raw === 'string' && /^\s*[-−]\s*\d{4}\s*$/.test(raw)) return inRange(-Number(raw.replace(/[^\d]/g, '')), null);

  const shown = raw instanceof Date ? raw.toISOString().slice(0, 10) : textOf(raw).trim();
  if (raw === null || raw === undefined || shown === '') return { ok: false, code: 'empty', message: messages.birthEmpty };
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 1000 && raw <= 9999) return inRange(raw, null);
    // Excel keeps a date as a day count; 10000 is 1927, far below any plausible birth.
    if (raw >= 10_000 && raw <= 120_000 && opts.serialToIso) {
      const date = opts.serialToIso(raw);
      return inRange(Number(date.slice(0, 4)), date);
    }
    if (raw >= 10_000) {
      const day = parseDay(raw, opts);
      return day.ok ? inRange(Number(day.date.slice(0, 4)), day.date) : { ok: false, code: 'invalid', message: messages.birthNoSuchDay(shown) };
    }
    return { ok: false, code: 'invalid', message: messages.birthShort(shown) };
  }
  if (raw instanceof Date) {
    const day = parseDay(raw);
    return day.ok ? inRange(Number(day.date.slice(0, 4)), day.date) : { ok: false, code: 'invalid', message: messages.birthNoSuchDay(shown) };
  }
  const t = shown;
  if (/^\d{4}$/.test(t)) return inRange(Number(t), null);
  if (/^\d{1,3}$/.test(t)) return { ok: false, code: 'invalid', message: messages.birthShort(t) };
  // "5/1987": month and year, no day.
  const my = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (my) return Number(my[1]) >= 1 && Number(my[1]) <= 12 ? inRange(Number(my[2]), null) : { ok: false, code: 'invalid', message: messages.birthNoSuchDay(t) };
  if (/^[\d\s/.-]+(?:T[\d:.Z+-]*)?$/.test(t)) {
    const day = parseDay(t);
    return day.ok ? inRange(Number(day.date.slice(0, 4)), day.date) : { ok: false, code: 'invalid', message: messages.birthNoSuchDay(t) };
  }
  return { ok: false, code: 'text', message: messages.birthText(t) };
}

function toDay(v: Date | string): { y: number; m: number; d: number } | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : vnDay(v);
  const p = parseDay(v);
  return p.ok ? { y: Number(p.date.slice(0, 4)), m: Number(p.date.slice(5, 7)), d: Number(p.date.slice(8, 10)) } : null;
}

/**
 * Rule RECENT_TRANSFER: an officer moved to a new position "chưa quá 06 tháng" before the exam may
 * choose which position to be examined in. True when examDate ≤ appointedAt + 6 calendar months
 * (a month-end clamps: 31/8 + 6 months = 28 or 29/02) and the move is not after the exam.
 * Dates are calendar days in Vietnam; strings as parseDay reads them.
 */
export function canChoosePosition(appointedAt: Date | string, examDate: Date | string): boolean {
  const a = toDay(appointedAt);
  const e = toDay(examDate);
  if (!a || !e) return false;
  const start = Date.UTC(a.y, a.m - 1, a.d);
  const exam = Date.UTC(e.y, e.m - 1, e.d);
  if (exam < start) return false;
  const month = a.m - 1 + RECENT_TRANSFER_MONTHS;
  const lastDay = new Date(Date.UTC(a.y, month + 1, 0)).getUTCDate();
  const limit = Date.UTC(a.y, month, Math.min(a.d, lastDay));
  return exam <= limit;
}

// ---------------------------------------------------------------------------------------------
// Phones

export type PhoneParse = { ok: true; phone: string; kind: 'mobile' | 'landline' } | { ok: false; code: 'empty' | 'invalid'; message: string };

/**
 * A Vietnamese phone number as 0xxxxxxxxx: accepts +84 / 84 / 0084 prefixes, spaces, dots,
 * dashes and brackets, and the leading 0 Excel drops from a number cell. Mobiles: 10 digits
 * starting 03/05/07/08/09; landlines: 10–11 digits starting 02.
 */
const CANONICAL_MOBILE = /^0[35789]\d{8}$/;

export function normalizePhone(raw: unknown): PhoneParse {
  // Already canonical (as the exports write it): nothing to strip or rewrite.
  if (typeof raw === 'string' && CANONICAL_MOBILE.test(raw)) return { ok: true, phone: raw, kind: 'mobile' };
  if (raw === null || raw === undefined) return { ok: false, code: 'empty', message: messages.phoneEmpty };
  const shown = typeof raw === 'number' ? String(raw) : textOf(raw).trim();
  if (shown === '') return { ok: false, code: 'empty', message: messages.phoneEmpty };
  const bad: PhoneParse = { ok: false, code: 'invalid', message: messages.phoneInvalid(shown) };
  if (typeof raw === 'number' && !Number.isInteger(raw)) return bad;
  let d = shown.replace(/[\s.\-()\u00a0]/g, '');
  if (d.startsWith('+84')) d = '0' + d.slice(3);
  else if (d.startsWith('0084')) d = '0' + d.slice(4);
  if (!/^\d+$/.test(d)) return bad;
  // 84 + 9 digits (mobile) or + 9–10 digits starting with 2 (landline): the country code.
  if (/^84[35789]\d{8}$/.test(d) || /^842\d{8,9}$/.test(d)) d = '0' + d.slice(2);
  // The leading 0 lost in a number cell.
  else if (/^[35789]\d{8}$/.test(d) || /^2\d{8,9}$/.test(d)) d = '0' + d;
  if (CANONICAL_MOBILE.test(d)) return { ok: true, phone: d, kind: 'mobile' };
  if (/^02\d{8,9}$/.test(d)) return { ok: true, phone: d, kind: 'landline' };
  return bad;
}

// ---------------------------------------------------------------------------------------------
// People

/**
 * Identifies a person across forms: name, birth year and commune, insensitive to case, spacing,
 * Unicode form (NFC/NFD) and tone placement — but not to diacritics: "Ân" and "An" are different names.
 */
export function personKey(name: string, birthYear: number | null, commune: string | null): string {
  return joinPersonKey(foldKey(name), birthYear, communeKey(commune ?? ''));
}

/** personKey from parts already folded (foldKey, communeKey): lets a caller cache the commune's. */
export function joinPersonKey(foldedName: string, birthYear: number | null, communeKeyed: string): string {
  return `${foldedName}|${birthYear ?? ''}|${communeKeyed}`;
}

// ---------------------------------------------------------------------------------------------
// Mẫu 03, 04, 05 specifics

export { EXCLUSION_CODES, type ExclusionCode } from '../../shared/exam-codes';
import type { ExclusionCode } from '../../shared/exam-codes';

/** The plan's three exclusions (exclusions.reasons), as labels for lists. */
export const EXCLUSION_LABELS: Readonly<Record<ExclusionCode, string>> = viRoster.labels.exclusions;

/**
 * Classifies a Mẫu 03 reason; the text itself is kept, since for 'khac' it is the district's
 * proposal it answers for. Null for an empty reason.
 */
export function exclusionReason(raw: string): { kind: ExclusionCode; text: string } | null {
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const f = foldWords(text);
  if (/\btap su\b/.test(f)) return { kind: 'tap_su', text };
  if (/\b(thai san|sinh con|nghi sinh|sau sinh)\b/.test(f)) return { kind: 'thai_san', text };
  return { kind: 'khac', text };
}

/** Mẫu 04: the district focal points' fields (công nghệ thông tin, tư pháp, nội vụ). */
export const FOCAL_AREAS = ['cntt', 'tu_phap', 'noi_vu'] as const;
export type FocalArea = (typeof FOCAL_AREAS)[number];
export const FOCAL_AREA_LABELS: Readonly<Record<FocalArea, string>> = viRoster.labels.focalAreas;

export function matchFocalArea(raw: string): FocalArea | null {
  const f = foldWords(raw).replace(/^(phu trach|linh vuc)\s+/, '');
  if (/^(cong nghe thong tin|cntt|it|tin hoc|thong tin)\b/.test(f)) return 'cntt';
  if (/^tu phap\b/.test(f)) return 'tu_phap';
  if (/^noi vu\b/.test(f)) return 'noi_vu';
  return null;
}

/** Mẫu 05 "Tham gia kiểm tra": Có/Không and the usual variants; 'invalid' for anything else. */
export function parseYesNo(raw: unknown): boolean | null | 'invalid' {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : 'invalid';
  const f = foldWords(textOf(raw));
  if (f === '') return null;
  if (/^(co|x|c|yes|y|true|tham gia|co tham gia)$/.test(f)) return true;
  if (/^(khong|k|ko|no|n|false|khong tham gia)$/.test(f)) return false;
  return 'invalid';
}
