// A criteria set (Bộ tiêu chí) as a tree of codes: lĩnh vực "1" → tiêu chí "1.3" → tiêu chí thành
// phần "1.3.a" / "3.2.12". Real documents don't always add up, so this checks rather than assumes:
// structural problems are errors (the set can't be stored), arithmetic problems are warnings
// (the set is usable, but the user must see what the document does not add up).
// Pure: no I/O, so the same check runs for JSON, XLSX and anything else that yields rows.
import { viCriteriaTree } from '../../shared/i18n/vi/criteria';

export interface CriterionRow {
  code: string;
  title: string;
  maxPoints: number | string | null;
  guidance?: string | null;
  evidenceHints?: string | null;
  /** Where the row came from, e.g. 'dòng 12' or 'mục 5' — used in messages. */
  source?: string;
}

export interface CriterionNode {
  code: string;
  parentCode: string | null;
  level: number;
  title: string;
  maxPoints: number | null;
  guidance: string | null;
  evidenceHints: string | null;
  order: number;
}

export interface CriteriaIssue {
  severity: 'error' | 'warning';
  code: string | null;
  source: string | null;
  message: string;
}

export interface CriteriaCheck {
  nodes: CriterionNode[];
  errors: CriteriaIssue[];
  warnings: CriteriaIssue[];
  totalMax: number;
}

/** The expected sum of the level-1 areas. */
export const CRITERIA_TOTAL = 100;
/** Points are awarded in quarter steps. */
export const POINT_STEP = 0.25;

export const criteriaMessages = viCriteriaTree;

// First segment a number, further segments numbers or one lowercase letter. No leading zeros,
// so "1.01" can't silently be a different code from "1.1".
const NUM = '(?:0|[1-9]\\d*)';
const CODE_RE = new RegExp(`^${NUM}(?:\\.(?:${NUM}|[a-z]))*$`);

/**
 * Normalises a code as typed: trims, and drops one trailing dot ("1.1." is how documents number
 * headings). Returns null when the code isn't valid.
 */
export function normalizeCode(raw: string): string | null {
  let c = raw.trim();
  if (c.endsWith('.') && c.length > 1) c = c.slice(0, -1);
  return CODE_RE.test(c) ? c : null;
}

/** '3.2.12' → '3.2'; '1.3.a' → '1.3'; '1' → null. */
export function parentOf(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

function segmentKey(s: string): [number, number, string] {
  // Numbers before letters, numbers numerically; anything else (invalid codes) last, as text.
  if (/^\d+$/.test(s)) return [0, Number(s), ''];
  if (/^[a-z]$/.test(s)) return [1, 0, s];
  return [2, 0, s];
}

/** Natural order: 1 < 1.2 < 1.10 < 1.10.a < 2. */
export function compareCodes(a: string, b: string): number {
  const sa = a.split('.');
  const sb = b.split('.');
  const n = Math.min(sa.length, sb.length);
  for (let i = 0; i < n; i++) {
    const [ka, na, ta] = segmentKey(sa[i]!);
    const [kb, nb, tb] = segmentKey(sb[i]!);
    if (ka !== kb) return ka - kb;
    if (na !== nb) return na - nb;
    if (ta !== tb) return ta < tb ? -1 : 1;
  }
  return sa.length - sb.length;
}

type Points = { ok: true; value: number | null } | { ok: false; message: (code: string | null) => string };

/** Numbers, or text with a decimal comma or point ("1,5", "1.5"); empty means "no maximum". */
export function parsePoints(v: number | string | null | undefined): Points {
  if (v === null || v === undefined) return { ok: true, value: null };
  let n: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, message: (c) => criteriaMessages.pointsNotNumber(c, String(v)) };
    n = v;
  } else {
    const t = v.trim();
    if (t === '') return { ok: true, value: null };
    if (!/^[-+]?\d+(?:[.,]\d+)?$/.test(t)) return { ok: false, message: (c) => criteriaMessages.pointsNotNumber(c, t) };
    n = Number(t.replace(',', '.'));
  }
  if (n < 0) return { ok: false, message: (c) => criteriaMessages.pointsNegative(c, n) };
  const quarters = n / POINT_STEP;
  if (Math.abs(quarters - Math.round(quarters)) > 1e-9) return { ok: false, message: (c) => criteriaMessages.pointsStep(c, n) };
  return { ok: true, value: n === 0 ? 0 : n }; // no -0
}

const text = (v: string | null | undefined): string | null => {
  const t = (v ?? '').trim();
  return t === '' ? null : t;
};

// Sums in whole quarters: every valid maximum is a multiple of 0.25, so this is exact.
const toQ = (p: number) => Math.round(p / POINT_STEP);
const fromQ = (q: number) => q * POINT_STEP;

/** Checks rows into a sorted tree; collects every error and warning rather than stopping at one. */
export function checkCriteria(rows: readonly CriterionRow[]): CriteriaCheck {
  const errors: (CriteriaIssue & { at: number })[] = [];
  const warnings: CriteriaIssue[] = [];
  const err = (at: number, code: string | null, source: string | null, message: string) => errors.push({ severity: 'error', code, source, message, at });

  if (rows.length === 0) {
    return { nodes: [], errors: [{ severity: 'error', code: null, source: null, message: criteriaMessages.emptySet }], warnings, totalMax: 0 };
  }

  type Entry = { node: Omit<CriterionNode, 'order'>; source: string; at: number; pointsBad: boolean };
  const byCode = new Map<string, Entry>();

  rows.forEach((row, at) => {
    const source = row.source ?? criteriaMessages.entry(at + 1);
    const raw = (row.code ?? '').trim();
    const code = raw === '' ? null : normalizeCode(raw);
    if (raw === '') err(at, null, source, criteriaMessages.emptyCode);
    else if (code === null) err(at, raw, source, criteriaMessages.invalidCode(raw));

    const title = text(row.title);
    if (title === null) err(at, code ?? (raw || null), source, criteriaMessages.emptyTitle(code));

    const points = parsePoints(row.maxPoints);
    if (!points.ok) err(at, code ?? (raw || null), source, points.message(code));

    if (code === null) return;
    const first = byCode.get(code);
    if (first) {
      err(at, code, source, criteriaMessages.duplicate(code, first.source, source));
      return;
    }
    byCode.set(code, {
      node: {
        code,
        parentCode: parentOf(code),
        level: code.split('.').length,
        title: title ?? '',
        maxPoints: points.ok ? points.value : null,
        guidance: text(row.guidance),
        evidenceHints: text(row.evidenceHints),
      },
      source,
      at,
      pointsBad: !points.ok,
    });
  });

  const entries = [...byCode.values()].sort((a, b) => compareCodes(a.node.code, b.node.code));
  const children = new Map<string, Entry[]>();
  for (const e of entries) {
    const p = e.node.parentCode;
    if (p === null) continue;
    if (!byCode.has(p)) err(e.at, e.node.code, e.source, criteriaMessages.missingParent(e.node.code, p));
    else children.set(p, [...(children.get(p) ?? []), e]);
  }

  for (const e of entries) {
    const { code, maxPoints } = e.node;
    // A row whose points were rejected already has an error; "no maximum" would only repeat it.
    if (maxPoints === null && !e.pointsBad) warnings.push({ severity: 'warning', code, source: e.source, message: criteriaMessages.noMax(code) });
    const kids = children.get(code);
    if (!kids || maxPoints === null) continue;
    const sumQ = kids.reduce((s, k) => s + toQ(k.node.maxPoints ?? 0), 0);
    if (sumQ !== toQ(maxPoints)) {
      const unscored = kids.filter((k) => k.node.maxPoints === null).map((k) => k.node.code);
      warnings.push({
        severity: 'warning',
        code,
        source: e.source,
        message: criteriaMessages.sumMismatch(
          code,
          maxPoints,
          kids.map((k) => k.node.code),
          fromQ(sumQ),
          unscored,
        ),
      });
    }
  }

  const roots = entries.filter((e) => e.node.parentCode === null);
  const totalMax = fromQ(roots.reduce((s, e) => s + toQ(e.node.maxPoints ?? 0), 0));
  if (entries.length > 0 && totalMax !== CRITERIA_TOTAL) {
    warnings.push({ severity: 'warning', code: null, source: null, message: criteriaMessages.totalNot100(totalMax, CRITERIA_TOTAL) });
  }

  // Errors in the order of the file, so the user can fix them top to bottom.
  errors.sort((a, b) => a.at - b.at);
  return {
    nodes: entries.map((e, order) => ({ ...e.node, order })),
    errors: errors.map(({ at: _at, ...issue }) => issue),
    warnings,
    totalMax,
  };
}
