// One person's row: each column read by its own rule, each problem named by its cell. Text columns
// take text only (a formula, a number — which is what a date becomes in a text column —, TRUE,
// #REF!, hidden or bidi-override characters and over-long text are refused); the birth, Có/Không
// and date columns take a formula's result; the phone column refuses formulas.
import { dcTitleMismatch, exclusionReason, matchFocalArea, nonExamTitle, normalizePhone, parseBirth, parseDay, type FocalArea } from '../../../domain/roster';
import { vi } from '../../../../shared/i18n/vi';
import { CHAIR_POSITION } from '../../../../shared/office';
import { genderFromText, type FormCode, type HeaderKey } from '../forms';
import { ErrorCell, FormulaCell, OversizeCell, clean, hasLetter, hiddenChar, shown, type CellValue, type Plain } from './cells';
import type { CleanText, ImportContext } from './context';
import type { Cols } from './header';
import { columnLabel, messages } from './messages';
import { MAX_TEXT_CHARS, type RosterRow, type TextColumn } from './types';

/** The values of a row's columns, as the sheet parser fetched them. */
export interface RowValues {
  name: CellValue;
  stt: CellValue;
  male: CellValue;
  female: CellValue;
  birth: CellValue;
  gender: CellValue;
  position: CellValue;
  commune: CellValue;
  phone: CellValue;
  reason: CellValue;
  agency: CellValue;
  focal: CellValue;
  appointed: CellValue;
  takes: CellValue;
  district: CellValue;
  note: CellValue;
}

/** What reading a row needs from its sheet. */
export interface RowScope {
  readonly ctx: ImportContext;
  readonly form: FormCode;
  readonly cols: Cols;
  readonly split: boolean;
  readonly noteIsReason: boolean;
  readonly section: string | null;
  readonly district: string | null;
  /** A problem of the row (or of a cell, given its column): "Mẫu 02, dòng 14: …". */
  err(row: number, phrase: string, col?: number): void;
  /** A problem of one cell: "Mẫu 02, ô C14: …". */
  cellErr(row: number, col: number, phrase: string): void;
  warning(row: number, phrase: string, col?: number): void;
  chair(commune: string, row: number): void;
  focal(area: FocalArea): void;
}

const NEEDS_LETTER: ReadonlySet<TextColumn> = new Set(['fullName', 'commune', 'district', 'position', 'agency', 'focalArea']);
const SIGNED_OR_EXPONENT = /^[-+−]\s*\d|^\d+(?:[.,]\d+)?e[-+]?\d+$/i;
const MAX_STT = 999_999;

/** Why a cell that is not plain text can't stand in a text column. */
function notText(label: string, v: Exclude<CellValue, string | null>): string {
  if (v instanceof FormulaCell) return messages.cellFormula(label, v.formula);
  if (v instanceof ErrorCell) return messages.cellError(label, v.code);
  if (v instanceof OversizeCell) return messages.cellOversize(label, v.bytes);
  return typeof v === 'number' ? messages.cellNumber(label, v) : messages.cellBoolean(label, v);
}

/**
 * A text column's value: NFC, single spaces, within its length, no hidden characters, and text
 * at all — anything else is refused naming the cell, and read as empty. Names are unique, so
 * they skip the per-import cache.
 */
function text(s: RowScope, r: number, key: TextColumn & HeaderKey, v: CellValue, cached = true, colKey: HeaderKey = key): string | null {
  if (v === null) return null;
  let problem: string | null = null;
  let t: string | null = null;
  if (typeof v !== 'string') problem = notText(columnLabel(colKey), v);
  else {
    let hidden: CleanText['hidden'];
    if (cached) ({ text: t, hidden } = s.ctx.text(v));
    else {
      t = clean(v);
      hidden = t === null ? null : hiddenChar(t);
    }
    if (t === null) return null;
    if (hidden) problem = messages.cellHidden(columnLabel(colKey), hidden.code, hidden.bidi);
    else if (t.length > MAX_TEXT_CHARS[key]) problem = messages.cellTooLong(columnLabel(colKey), t.length, MAX_TEXT_CHARS[key]);
    else if (NEEDS_LETTER.has(key) && !hasLetter(t)) problem = messages.cellNoLetter(columnLabel(colKey), t);
  }
  if (problem === null) return t;
  s.cellErr(r, s.cols[colKey]!, problem);
  return null;
}

/** A column read for its value (a formula's result counts); junk (an error value, oversized text) refused, read as empty. */
function value(s: RowScope, r: number, key: HeaderKey, v: CellValue): Plain {
  if (v === null || typeof v !== 'object') return v;
  const x = v instanceof FormulaCell ? v.result : v;
  if (x === null || typeof x !== 'object') return x;
  s.cellErr(r, s.cols[key]!, x instanceof ErrorCell ? messages.cellError(columnLabel(key), x.code) : messages.cellOversize(columnLabel(key), x.bytes));
  return null;
}

/**
 * STT as written when it is a whole number 1…999 999. Sub-numbering ("1.2", 1.2, "a") is left
 * out — the exports renumber anyway —, but a number no list counts to (-1985, 0, 1e+308) or junk
 * (TRUE, #REF!) is refused.
 */
function stt(s: RowScope, r: number, v: CellValue): number | null {
  const x = value(s, r, 'stt', v);
  if (x === null) return null;
  let n: number;
  if (typeof x === 'number') n = x;
  else if (typeof x === 'string') {
    if (/^\d{1,6}\.?$/.test(x)) n = Number(x.replace(/\.$/, ''));
    else if (SIGNED_OR_EXPONENT.test(x)) n = NaN;
    else return null;
  } else n = NaN;
  if (Number.isInteger(n) && n >= 1 && n <= MAX_STT) return n;
  if (n > 0 && n < MAX_STT) return null;
  s.cellErr(r, s.cols.stt!, messages.badStt(shown(x)));
  return null;
}

export function readPerson(s: RowScope, r: number, v: RowValues): RosterRow {
  const { ctx, cols, form } = s;
  const name = text(s, r, 'fullName', v.name, false);
  const row: RosterRow = {
    stt: stt(s, r, v.stt),
    fullName: name ?? '',
    gender: null,
    birthYear: null,
    birthDate: null,
    positionId: null,
    positionTitle: '',
    positionRaw: '',
    commune: null,
    phone: null,
    note: s.noteIsReason ? null : text(s, r, 'note', v.note),
    sourceRow: r,
  };
  if (v.name === null) s.err(r, messages.missingName, cols.fullName);

  // Birth and gender: the column the year is written in says the sex.
  let birthRaw: Plain = null;
  let birthCol = cols.birth;
  let birthRefused = false;
  if (s.split) {
    const male = value(s, r, 'birthMale', v.male);
    const female = value(s, r, 'birthFemale', v.female);
    birthRefused = (v.male !== null && male === null) || (v.female !== null && female === null);
    if (male !== null && female !== null) {
      s.err(r, messages.birthBoth(shown(male), shown(female)), cols.birthMale);
      birthRefused = true;
    } else if (male !== null) {
      row.gender = 'nam';
      birthRaw = male;
      birthCol = cols.birthMale;
    } else if (female !== null) {
      row.gender = 'nu';
      birthRaw = female;
      birthCol = cols.birthFemale;
    } else if (!birthRefused) {
      s.err(r, messages.birthMissingSplit, cols.birthMale ?? cols.birthFemale);
    }
  } else {
    birthRaw = value(s, r, 'birth', v.birth);
    birthRefused = v.birth !== null && birthRaw === null;
    const g = value(s, r, 'gender', v.gender);
    if (typeof g === 'string') {
      const t = ctx.text(g).text?.toLowerCase();
      row.gender = t === undefined ? null : genderFromText(t);
    }
  }
  if (birthRaw !== null || (!s.split && !birthRefused)) {
    const b = parseBirth(birthRaw, { maxYear: ctx.maxYear, date1904: ctx.date1904, serialToIso: ctx.serialToIso });
    if (b.ok) {
      row.birthYear = b.year;
      row.birthDate = b.date;
    } else {
      s.err(r, b.message, birthCol);
    }
  }

  // Where: the commune (or the section heading above), the district column or heading.
  const communeText = text(s, r, 'commune', v.commune);
  const district = text(s, r, 'district', v.district) ?? s.district;
  if (district) row.district = district;

  if (form === '04') {
    row.positionRaw = text(s, r, 'position', v.position) ?? '';
    row.positionTitle = row.positionRaw;
    // "Đơn vị" rather than "Cơ quan" lands under the commune's heading.
    const agency = text(s, r, 'agency', v.agency) ?? communeText;
    if (agency) row.agency = agency;
    const focal = text(s, r, 'focalArea', v.focal);
    const area = focal === null ? null : matchFocalArea(focal);
    if (v.focal === null) s.err(r, messages.missingFocalArea, cols.focalArea);
    else if (focal !== null && area === null) s.err(r, messages.unknownFocalArea(focal), cols.focalArea);
    else if (area !== null) {
      row.focalArea = area;
      s.focal(area);
    }
  } else {
    const commune = communeText ?? (v.commune === null ? s.section : null);
    row.commune = commune;
    if (v.commune === null && commune === null) s.err(r, messages.missingCommune, cols.commune);
    const raw = text(s, r, 'position', v.position);
    if (v.position === null) s.err(r, messages.missingPosition, cols.position);
    else if (raw !== null) {
      row.positionRaw = raw;
      const m = ctx.position(raw, commune);
      row.positionId = m?.id ?? null;
      row.positionTitle = m?.title ?? raw;
      if (!m) {
        // A real commune title the plan does not examine: reported, kept, in no team.
        const other = nonExamTitle(raw);
        if (other) {
          if (form !== '05') s.warning(r, vi.examDay.nonExamPosition(raw, other), cols.position);
        } else if (form !== '05') s.err(r, messages.unknownPosition(raw), cols.position);
      } else if (commune) {
        const want = dcTitleMismatch(m, ctx.kindOf(commune));
        if (want) s.warning(r, vi.examDay.dcMismatch(raw, commune, want), cols.position);
      }
      if (m?.title === CHAIR_POSITION && commune) s.chair(commune, r);
    }
  }

  if (v.phone instanceof FormulaCell) {
    // "No phone" would hide what the formula shows: refused, not read as empty.
    s.cellErr(r, cols.phone!, messages.cellFormula(columnLabel('phone'), v.phone.formula));
  } else if (v.phone !== null) {
    const phone = value(s, r, 'phone', v.phone);
    const p = phone === null ? null : normalizePhone(phone);
    if (p?.ok) row.phone = p.phone;
    else if (p) s.err(r, p.message, cols.phone);
  } else if (form === '04') {
    s.warning(r, messages.focalNoPhone, cols.phone);
  }

  if (form === '03') {
    const reasonV = s.noteIsReason ? v.note : v.reason;
    const reason = s.noteIsReason ? text(s, r, 'reason', reasonV, true, 'note') : text(s, r, 'reason', reasonV);
    const ex = reason === null ? null : exclusionReason(reason);
    if (ex) {
      row.reason = ex.text;
      row.exclusion = ex;
    } else if (reasonV === null) s.err(r, messages.missingReason, s.noteIsReason ? cols.note : cols.reason);
  }

  if (form === '05') {
    if (cols.takesPart !== undefined) {
      const takes = value(s, r, 'takesPart', v.takes);
      const t = v.takes !== null && takes === null ? null : ctx.yesNo(takes);
      if (t === 'invalid') s.err(r, messages.badTakesPart(shown(takes)), cols.takesPart);
      else if (t === null) {
        if (row.positionId && v.takes === null) s.err(r, messages.missingTakesPart, cols.takesPart);
      } else {
        row.takesPart = t;
        if (t && !row.positionId && row.positionRaw) s.err(r, messages.takesPartNonExam(row.positionRaw), cols.takesPart);
      }
    }
    const appointed = value(s, r, 'appointedAt', v.appointed);
    if (appointed !== null) {
      const d: ReturnType<typeof parseDay> =
        typeof appointed === 'number' && appointed >= 61 && appointed <= 120_000
          ? { ok: true, date: ctx.serialToIso(appointed) }
          : parseDay(appointed, { date1904: ctx.date1904 });
      if (!d.ok) s.err(r, messages.badAppointedAt(shown(appointed)), cols.appointedAt);
      else {
        row.appointedAt = d.date;
        if (d.date > ctx.now.toISOString().slice(0, 10)) s.warning(r, messages.futureAppointedAt(d.date.split('-').reverse().join('/')), cols.appointedAt);
      }
    }
  }
  return row;
}
