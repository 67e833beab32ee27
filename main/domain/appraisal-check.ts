// Checks the appraisal council's rows against the assessment's criteria set. Pure: the XLSX
// reader hands rows in, the service stores the results only when there is no error (all or
// nothing). Real documents do not always add up (document 002's area 1), so a parent given with
// points is checked against its children and every disagreement is reported by code — never
// "fixed". Appraised points sit beside the self-score; nothing here touches the self-score.
import { viAppraisal } from '../../shared/i18n/vi/appraisal';
import { normalizeCode, POINT_STEP } from './criteria-tree';
import { stripDiacritics } from './vietnamese';

export interface AppraisalRowIn {
  code: string | null;
  /** As in the cell: a number, text ("1,5", "không chấm"), or null when empty. */
  points: number | string | null;
  reason: string | null;
  /** 'dòng 12' — used in every message about the row. */
  source: string;
  row: number;
}

export interface CheckNode {
  code: string;
  parentCode: string | null;
  maxPoints: number | null;
  isLeaf: boolean;
}

export interface AppraisalResultOut {
  code: string;
  points: number | null;
  notScored: boolean;
  reason: string | null;
  row: number;
}

export interface AppraisalIssue {
  source: string;
  code: string | null;
  message: string;
}

export interface AppraisalCheck {
  results: AppraisalResultOut[];
  errors: AppraisalIssue[];
}

const m = viAppraisal.file;
const q = (p: number) => Math.round(p / POINT_STEP);

/** "không chấm" however it is typed: accents, case and spacing do not matter. */
export function isNotScoredText(s: string): boolean {
  return stripDiacritics(s).toLowerCase().replace(/\s+/g, ' ').trim() === 'khong cham';
}

type Parsed = { kind: 'empty' } | { kind: 'notScored' } | { kind: 'points'; value: number } | { kind: 'error'; message: string };

function parsePoints(code: string, v: number | string | null): Parsed {
  if (v === null) return { kind: 'empty' };
  let n: number;
  if (typeof v === 'number') n = v;
  else {
    const t = v.trim();
    if (t === '') return { kind: 'empty' };
    if (isNotScoredText(t)) return { kind: 'notScored' };
    if (!/^[-+]?\d+(?:[.,]\d+)?$/.test(t)) return { kind: 'error', message: m.notNumber(code, t) };
    n = Number(t.replace(',', '.'));
  }
  if (!Number.isFinite(n)) return { kind: 'error', message: m.notNumber(code, String(v)) };
  if (n < 0) return { kind: 'error', message: m.negative(code) };
  if (Math.abs(n / POINT_STEP - Math.round(n / POINT_STEP)) > 1e-9) return { kind: 'error', message: m.offGrid(code, n) };
  return { kind: 'points', value: n === 0 ? 0 : n };
}

/**
 * `notApplicable`: leaves the commune marked "không phát sinh"; the council may leave them blank.
 * Errors come in row order, then the whole-file ones (missing criteria, parents that don't add up).
 */
export function checkAppraisalRows(rows: readonly AppraisalRowIn[], nodes: readonly CheckNode[], notApplicable: ReadonlySet<string>): AppraisalCheck {
  const errors: AppraisalIssue[] = [];
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const children = new Map<string, string[]>();
  for (const n of nodes) if (n.parentCode !== null) children.set(n.parentCode, [...(children.get(n.parentCode) ?? []), n.code]);

  const seen = new Map<string, string>();
  const results: AppraisalResultOut[] = [];
  let unknown = 0;
  let coded = 0;
  for (const r of rows) {
    const raw = (r.code ?? '').trim();
    const err = (code: string | null, message: string) => errors.push({ source: r.source, code, message });
    if (!raw) {
      err(null, m.emptyCode);
      continue;
    }
    const code = normalizeCode(raw);
    if (!code) {
      err(null, m.badCode(raw));
      continue;
    }
    coded++;
    const first = seen.get(code);
    if (first) {
      err(code, m.duplicate(code, first));
      continue;
    }
    seen.set(code, r.source);
    const node = byCode.get(code);
    if (!node) {
      unknown++;
      err(code, m.unknownCode(code));
      continue;
    }
    const reason = r.reason?.normalize('NFC').replace(/\s+/g, ' ').trim() || null;
    if (reason && reason.length > 2000) err(code, m.reasonTooLong(code));
    const p = parsePoints(code, r.points);
    if (p.kind === 'error') {
      err(code, p.message);
      continue;
    }
    if (p.kind === 'notScored') {
      if (!node.isLeaf) err(code, m.notScoredParent(code));
      else results.push({ code, points: null, notScored: true, reason, row: r.row });
      continue;
    }
    if (p.kind === 'points') {
      if (node.isLeaf && node.maxPoints === null) err(code, m.noMax(code));
      else if (node.maxPoints !== null && q(p.value) > q(node.maxPoints)) err(code, m.aboveMax(code, p.value, node.maxPoints));
      else results.push({ code, points: p.value, notScored: false, reason, row: r.row });
      continue;
    }
    // Empty: a parent is computed from its children; a leaf needs a score unless it cannot have one.
    if (node.isLeaf && node.maxPoints !== null && !notApplicable.has(code)) err(code, m.missingPoints(code));
    else results.push({ code, points: null, notScored: false, reason, row: r.row });
  }
  // A file for another criteria set: say so once, before the list of codes it does not know.
  if (unknown > 0 && unknown * 2 >= coded) errors.unshift({ source: viAppraisal.where.wholeFile, code: null, message: m.setMismatch(unknown, coded) });

  const missing = nodes.filter((n) => n.isLeaf && n.maxPoints !== null && !notApplicable.has(n.code) && !seen.has(n.code)).map((n) => n.code);
  if (missing.length) errors.push({ source: viAppraisal.where.missingCriteria, code: null, message: m.missingRow(missing) });

  // Parents given with points must equal the sum of their children (as given, or computed).
  const given = new Map(results.map((r) => [r.code, r]));
  const memo = new Map<string, number>();
  const quarters = (code: string): number => {
    const hit = memo.get(code);
    if (hit !== undefined) return hit;
    const r = given.get(code);
    const kids = children.get(code);
    let v: number;
    if (r && r.points !== null) v = q(r.points);
    else if (!kids)
      v = 0; // a leaf not scored, blank or not applicable
    else v = kids.reduce((a, c) => a + quarters(c), 0);
    memo.set(code, v);
    return v;
  };
  for (const r of results) {
    const kids = children.get(r.code);
    if (!kids || r.points === null) continue;
    const sum = kids.reduce((a, c) => a + quarters(c), 0);
    if (sum !== q(r.points))
      errors.push({ source: viAppraisal.where.row(r.row), code: r.code, message: m.sumMismatch(r.code, r.points, kids, sum * POINT_STEP) });
  }
  return { results, errors };
}
