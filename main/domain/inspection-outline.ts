// The inspection report's outline, filtered for the kind of unit and numbered; the due-date rule
// (report and documents to Phòng Nội vụ "trước 05 ngày" before the visit) and the two rules of
// the outline the app can check. Pure: no I/O.
export type Audience = 'phuongXa' | 'coQuanChuyenMon';
export type ItemCheck = 'apologyPerDossier' | 'incomingDigitised';

export interface OutlineItemSpec {
  text: string;
  audience?: Audience;
  check?: ItemCheck;
}

export interface OutlineSection {
  id: string;
  title: string;
  audience?: Audience;
  optional?: boolean;
  items?: readonly OutlineItemSpec[];
  children?: readonly OutlineSection[];
}

/** One line of the report as shown and exported. Headings carry no text field. */
export type OutlineLine =
  | { kind: 'heading'; key: string; title: string; level: number; optional: boolean }
  | { kind: 'item'; key: string; text: string; level: number; check: ItemCheck | null; optional: boolean };

const visible = (a: Audience | undefined, who: Audience) => a === undefined || a === who;

/**
 * The outline for one kind of unit: items and sub-sections of the other audience are left out;
 * items are numbered after that, by their place under their section (I.2.3.1, I.2.3.2 …). A
 * section with nothing under it (III, IV) is a single free-text item with the section's number.
 */
export function outlineFor(sections: readonly OutlineSection[], who: Audience): OutlineLine[] {
  const out: OutlineLine[] = [];
  const walk = (sec: OutlineSection, level: number, optional: boolean) => {
    if (!visible(sec.audience, who)) return;
    const opt = optional || !!sec.optional;
    out.push({ kind: 'heading', key: sec.id, title: sec.title, level, optional: opt });
    const items = (sec.items ?? []).filter((i) => visible(i.audience, who));
    items.forEach((i, n) => out.push({ kind: 'item', key: `${sec.id}.${n + 1}`, text: i.text, level: level + 1, check: i.check ?? null, optional: opt }));
    for (const c of sec.children ?? []) walk(c, level + 1, opt);
    if (!sec.items && !sec.children) out.push({ kind: 'item', key: sec.id, text: '', level: level + 1, check: null, optional: opt });
  };
  for (const s of sections) walk(s, 1, false);
  return out;
}

/** A commune-level office (xã, phường, thị trấn) answers the phường/xã items. */
export const audienceOfOffice = (_kind: 'xa' | 'phuong' | 'thi_tran'): Audience => 'phuongXa';

export type DueDayKind = 'calendar' | 'working';
export interface DueRule {
  days: number;
  kind: DueDayKind;
}

const DAY = 86_400_000;
const toMs = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The report's due date: `days` before the visit. Calendar days by default (a "ngày" in an
 * administrative time limit counts every day); working days skip Saturdays and Sundays (public
 * holidays are not known to the app: an office that counts them moves the visit date itself).
 */
export function reportDueDate(visitIso: string, rule: DueRule): string {
  let t = toMs(visitIso);
  if (rule.kind === 'calendar') return toIso(t - rule.days * DAY);
  let left = rule.days;
  while (left > 0) {
    t -= DAY;
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return toIso(t);
}

/** Whole days from `today` to `iso` (negative: past). */
export const daysBetween = (todayIso: string, iso: string): number => Math.round((toMs(iso) - toMs(todayIso)) / DAY);

/** "100 % văn bản đến được số hóa, ký số": the measured percentage, or null when not entered. */
export function digitisedPercent(total: number | null, digitised: number | null): number | null {
  if (total === null || digitised === null || total === 0) return null;
  return Math.round((digitised / total) * 10000) / 100;
}

export interface LateDossier {
  dossierCode: string;
  apologyNumber: string | null;
}

export interface ApologyProblem {
  dossierCode: string;
  kind: 'missing' | 'shared';
  /** For 'shared': the apology number and the other dossiers it also covers. */
  apologyNumber?: string;
  others?: string[];
}

/** Document 003: one written apology per late dossier, never one letter for several. */
export function apologyProblems(list: readonly LateDossier[]): ApologyProblem[] {
  const key = (n: string) => n.normalize('NFC').replace(/\s+/g, '').toUpperCase();
  const byApology = new Map<string, string[]>();
  for (const d of list) if (d.apologyNumber?.trim()) byApology.set(key(d.apologyNumber), [...(byApology.get(key(d.apologyNumber)) ?? []), d.dossierCode]);
  const out: ApologyProblem[] = [];
  for (const d of list) {
    if (!d.apologyNumber?.trim()) out.push({ dossierCode: d.dossierCode, kind: 'missing' });
    else {
      const all = byApology.get(key(d.apologyNumber))!;
      if (all.length > 1)
        out.push({ dossierCode: d.dossierCode, kind: 'shared', apologyNumber: d.apologyNumber.trim(), others: all.filter((c) => c !== d.dossierCode) });
    }
  }
  return out;
}
