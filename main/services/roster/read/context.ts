// State shared by all sheets of one file: issues, people seen, and caches of what repeats down a
// province list (communes, titles, dates).
import {
  communeKind,
  communeKey,
  excelSerialToIso,
  foldCleanKey,
  joinPersonKey,
  matchPosition,
  maxBirthYear,
  parseYesNo,
  type CommuneKind,
  type PositionMatch,
} from '../../../domain/roster';
import type { FormCode } from '../forms';
import { clean, hiddenChar, type Plain } from './cells';
import { PersonIndex, ROW_BITS, fnv, personHash } from './person-index';
import type { SheetParser } from './sheet';
import { CACHE_LIMIT, MAX_LISTED_ISSUES, type RosterIssue, type RosterSheet } from './types';

export type Group = 'exam' | 'focal' | 'all';
export const groupOf = (f: FormCode): Group => (f === '04' ? 'focal' : f === '05' ? 'all' : 'exam');

/** A text cell cleaned (NFC, single spaces), and the first hidden character it holds, if any. */
export interface CleanText {
  text: string | null;
  hidden: { code: string; bidi: boolean } | null;
}

export const cleanText = (s: string): CleanText => {
  const text = clean(s);
  return { text, hidden: text === null ? null : hiddenChar(text) };
};

export class ImportContext {
  readonly errors: RosterIssue[] = [];
  readonly warnings: RosterIssue[] = [];
  readonly forms: RosterSheet[] = [];
  readonly sheets: SheetParser[] = [];
  private readonly keyAt = (packed: number): string => {
    const [sheet, i] = this.unpack(packed);
    const row = sheet.rows[i]!;
    return this.personKey(row.fullName, row.birthYear, row.commune ?? row.agency ?? null);
  };
  private readonly serials = new Map<number, string>();
  /** Birth dates repeat across a province: each serial day becomes its ISO text once, and rows share it. */
  readonly serialToIso = (serial: number): string => {
    const day = Math.floor(serial);
    let iso = this.serials.get(day);
    if (iso === undefined) {
      iso = excelSerialToIso(day, this.date1904);
      if (this.serials.size < CACHE_LIMIT) this.serials.set(day, iso);
    }
    return iso;
  };
  readonly seen: Record<Group, PersonIndex> = { exam: new PersonIndex(this.keyAt), focal: new PersonIndex(this.keyAt), all: new PersonIndex(this.keyAt) };
  private readonly positionCache = new Map<CommuneKind | null, Map<string, PositionMatch | null>>();
  // Communes, titles and notes repeat down a province list: each spelling is cleaned, folded and
  // classified once, and the rows share one string (a 100 000-row import keeps less alive).
  private readonly texts = new Map<string, CleanText>();
  private readonly communeKinds = new Map<string, CommuneKind | null>();
  private readonly communeKeys = new Map<string, { key: string; hash: number }>();
  droppedErrors = 0;
  droppedWarnings = 0;
  date1904 = false;
  readonly maxYear: number;
  constructor(
    readonly file: string,
    readonly now: Date,
  ) {
    this.maxYear = maxBirthYear(now);
  }

  /** The sheet and the index in its rows of a packed place. */
  unpack(packed: number): [SheetParser, number] {
    return [this.sheets[Math.floor(packed / ROW_BITS)]!, packed % ROW_BITS];
  }

  /** The sheet and Excel row number of a packed place. */
  placeOf(packed: number): [SheetParser, number] {
    const [sheet, i] = this.unpack(packed);
    return [sheet, sheet.rows[i]!.sourceRow];
  }

  error(issue: RosterIssue): void {
    if (this.errors.length < MAX_LISTED_ISSUES) this.errors.push(issue);
    else this.droppedErrors++;
  }
  warn(issue: RosterIssue): void {
    if (this.warnings.length < MAX_LISTED_ISSUES) this.warnings.push(issue);
    else this.droppedWarnings++;
  }

  /** cleanText() for a column whose values repeat; unique values (names) use cleanText() directly. */
  text(s: string): CleanText {
    let t = this.texts.get(s);
    if (t === undefined) {
      t = cleanText(s);
      if (this.texts.size < CACHE_LIMIT) this.texts.set(s, t);
    }
    return t;
  }

  private readonly yesNos = new Map<Plain, ReturnType<typeof parseYesNo>>();
  yesNo(v: Plain): ReturnType<typeof parseYesNo> {
    let y = this.yesNos.get(v);
    if (y === undefined) {
      y = parseYesNo(v);
      if (this.yesNos.size < CACHE_LIMIT) this.yesNos.set(v, y);
    }
    return y;
  }

  kindOf(commune: string): CommuneKind | null {
    let k = this.communeKinds.get(commune);
    if (k === undefined) {
      k = communeKind(commune);
      if (this.communeKinds.size < CACHE_LIMIT) this.communeKinds.set(commune, k);
    }
    return k;
  }

  private place(p: string | null): { key: string; hash: number } {
    const name = p ?? '';
    let c = this.communeKeys.get(name);
    if (c === undefined) {
      const key = communeKey(name);
      c = { key, hash: fnv(key) };
      if (this.communeKeys.size < CACHE_LIMIT) this.communeKeys.set(name, c);
    }
    return c;
  }

  /** personKey(name, year, place) for a cleaned name (NFC, single spaces), the place's part cached. */
  personKey(name: string, year: number | null, place: string | null): string {
    return joinPersonKey(foldCleanKey(name), year, this.place(place).key);
  }

  personHash(name: string, year: number | null, place: string | null): number {
    return personHash(foldCleanKey(name), year, this.place(place).hash);
  }

  /** Titles repeat thousands of times in a province list: each spelling is matched once. */
  position(raw: string, commune: string | null): PositionMatch | null {
    const kind = commune ? this.kindOf(commune) : null;
    let byRaw = this.positionCache.get(kind);
    if (!byRaw) this.positionCache.set(kind, (byRaw = new Map<string, PositionMatch | null>()));
    let m = byRaw.get(raw);
    if (m === undefined) {
      m = matchPosition(raw, kind ? { communeKind: kind } : {});
      if (byRaw.size < CACHE_LIMIT) byRaw.set(raw, m);
    }
    return m;
  }
}
