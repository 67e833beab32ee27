// The words of the summary table, shared by the XLSX and the PDF so both say exactly the same
// thing. Every string leaves here in NFC: decomposed (NFD) text, e.g. pasted from macOS, would
// otherwise draw its tone marks beside the letters in the PDF and compare unequal in Excel.
import { formatDate } from '../../../shared/format';
import type { SummaryModel, SummaryRow } from './model';
import { viDaily } from '../../../shared/i18n/vi/daily';
import { viSummary } from '../../../shared/i18n/vi/summary';

export const nfc = (s: string): string => s.normalize('NFC');
const upper = (s: string): string => nfc(s).trim().toLocaleUpperCase('vi-VN');

const H = viSummary.heading;
const T = viSummary.table;

export const COLUMNS = T.columns;
export const TOTAL_LABEL = viDaily.summary.total;
export const NOT_APPLICABLE = T.notApplicable;

const KIND_WORD: Readonly<Record<SummaryModel['office']['kind'], string>> = H.kindWords;
const NAMED_KIND = new RegExp(`^(${H.namedKinds.join('|')})\\s`);

/** "UBND HUYỆN PHÚ VANG"; "UBND THỊ XÃ HƯƠNG THỦY", not "UBND HUYỆN THỊ XÃ …", when the name says its kind. */
function unitLine(name: string, defaultKind: string): string {
  const n = upper(name);
  return NAMED_KIND.test(n) ? `UBND ${n}` : `UBND ${defaultKind} ${n}`;
}

/**
 * "Phú Thượng, ngày 05 tháng 3 năm 2026". Nghị định 30/2020 (Phụ lục I): a day below 10 and the
 * months 1 and 2 get a leading zero — so no one can turn "tháng 1" into "tháng 11" by hand.
 */
export function dateLine(commune: string, ms: number): string {
  const [dd, mm, yyyy] = formatDate(ms).split('/') as [string, string, string];
  const month = Number(mm) <= 2 ? mm : String(Number(mm));
  return nfc(H.dateLine(commune.trim(), dd, month, yyyy));
}

/** The national heading of the office's documents: parent unit, unit, nation and motto. */
export function documentHeading(office: Pick<SummaryModel['office'], 'province' | 'district' | 'commune' | 'kind'>) {
  return {
    // Since the 2025 reorganisation some communes report straight to the province: no district.
    parentUnit: office.district.trim() ? unitLine(office.district, H.district) : unitLine(office.province, H.province),
    unit: unitLine(office.commune, upper(KIND_WORD[office.kind])),
    nation: H.nation,
    motto: H.motto,
  };
}

export interface SummaryText {
  parentUnit: string; // UBND HUYỆN …
  unit: string; // UBND XÃ …
  nation: string;
  motto: string;
  dateLine: string;
  title: string;
  subtitle: string;
  docTitle: string; // metadata title, in sentence case for window title bars and file lists
  ratio: string | null; // "Tỷ lệ: 73,25%"
  maxNote: string | null; // why the applicable maximum differs from the set's
  band: string | null; // "Xếp loại: Khá"
  signer: { heading: string; hint: string; name: string | null };
  author: string; // PDF/XLSX metadata: the commune's People's Committee
}

export function summaryText(m: SummaryModel): SummaryText {
  const { office } = m;
  const kind = KIND_WORD[office.kind];
  const decision = m.criteriaSet.decision?.trim();
  return {
    ...documentHeading(office),
    dateLine: dateLine(office.commune, m.generatedAt),
    title: T.title(m.year),
    docTitle: T.docTitle(m.year),
    subtitle: nfc(T.subtitle(m.criteriaSet.name.trim(), decision)),
    ratio: m.totals.percent === null ? null : T.ratio(pointsText(m.totals.percent)),
    maxNote: maxNote(m),
    band: m.totals.band === null ? null : nfc(T.band(m.totals.band)),
    signer: {
      // Without a named leader the block still leaves room for a hand signature on behalf of the UBND.
      heading: m.signer ? upper(m.signer.position) : T.committee,
      hint: T.signHint,
      name: m.signer ? nfc(m.signer.fullName.trim()) : null,
    },
    author: nfc(`UBND ${kind} ${office.commune.trim()}`),
  };
}

/** Two decimals at most, so 0.1 + 0.2 never shows as 0.30000000000000004 in a cell. */
export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** One table row as values; the PDF formats the numbers, the XLSX keeps them numeric. */
export interface RowCells {
  code: string;
  title: string;
  max: number | null;
  self: number | null;
  evidence: number | null; // parents show no count: their documents belong to the leaves
  note: string;
  level: number;
  bold: boolean;
}

export function rowCells(r: SummaryRow): RowCells {
  return {
    code: nfc(r.code.trim()),
    title: nfc(r.title),
    max: r.maxPoints === null ? null : round2(r.maxPoints),
    self: r.notApplicable || r.selfPoints === null ? null : round2(r.selfPoints),
    evidence: r.isLeaf ? r.evidenceCount : null,
    note: r.notApplicable ? NOT_APPLICABLE : '',
    level: Math.max(1, r.level),
    bold: r.level <= 1,
  };
}

export const APPLICABLE_LABEL = viDaily.summary.applicableLabel;

/** The set's maximum as the table shows it: the areas' maxima added up, so the column adds up. */
export function setMax(m: SummaryModel): number {
  return round2(m.rows.filter((r) => r.level === 1).reduce((sum, r) => sum + (r.maxPoints ?? 0), 0));
}

/** Scored criteria marked "không phát sinh" this year and the points they take out of the maximum. */
export function notApplicable(m: SummaryModel): { codes: string[]; points: number } {
  const na = m.rows.filter((r) => r.isLeaf && r.notApplicable);
  return { codes: na.map((r) => nfc(r.code.trim())), points: round2(na.reduce((sum, r) => sum + (r.maxPoints ?? 0), 0)) };
}

/**
 * TỔNG CỘNG shows the set's maximum (the sum of the areas above it — "98" under areas adding up to
 * 100 read as an error); when the applicable maximum differs, a second row gives it, and the note
 * under the table says why (criteria "không phát sinh", points the set does not hand down).
 */
export function totalRows(m: SummaryModel): RowCells[] {
  const full = setMax(m);
  const applicable = round2(m.totals.applicableMax);
  const total: RowCells = { code: '', title: TOTAL_LABEL, max: full, self: round2(m.totals.points), evidence: null, note: '', level: 1, bold: true };
  if (applicable === full) return [total];
  return [total, { code: '', title: APPLICABLE_LABEL, max: applicable, self: null, evidence: null, note: '', level: 1, bold: false }];
}

/** The note under the table explaining the applicable maximum, or null when it equals the set's. */
export function maxNote(m: SummaryModel): string | null {
  const full = setMax(m);
  const applicable = round2(m.totals.applicableMax);
  if (applicable === full) return null;
  const na = notApplicable(m);
  const parts: string[] = [];
  if (na.codes.length) parts.push(viDaily.summary.notApplicablePart(pointsText(na.points), na.codes.length, na.codes.join('; ')));
  const rest = round2(full - applicable - na.points);
  if (rest > 0) {
    const short = underAllocated(m);
    parts.push(viDaily.summary.unallocatedPart(pointsText(rest), short.join('; ')));
  }
  return nfc(viDaily.summary.maxNote(pointsText(applicable), pointsText(full), parts));
}

/** Criteria whose maximum is more than their sub-criteria's maxima add up to (the set's own gap). */
function underAllocated(m: SummaryModel): string[] {
  const parentOf = (code: string) => code.slice(0, Math.max(0, code.lastIndexOf('.')));
  const childSum = new Map<string, number>();
  for (const r of m.rows) {
    const p = parentOf(r.code.trim());
    if (p) childSum.set(p, (childSum.get(p) ?? 0) + (r.maxPoints ?? 0));
  }
  return m.rows
    .filter((r) => !r.isLeaf && r.maxPoints !== null && childSum.has(r.code.trim()) && round2(childSum.get(r.code.trim())!) < round2(r.maxPoints))
    .map((r) => nfc(r.code.trim()));
}

/** Kept for callers that want the single total row (first of totalRows). */
export function totalCells(m: SummaryModel): RowCells {
  return totalRows(m)[0]!;
}

// formatPoints' format (shared/format.ts) with one formatter for the whole table: toLocaleString
// builds a new Intl.NumberFormat on every call, ≈0.15 ms each — a third of a 150-row export.
const POINTS = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 2, useGrouping: false });

/** 73,25 — decimal comma, at most two decimals; '' for no value. */
export const pointsText = (n: number | null): string => (n === null ? '' : POINTS.format(round2(n)));
