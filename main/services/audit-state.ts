// `db check`, second half: the audited tables must agree with the audit log. Each assessment
// item's content (points, N/A, explanation, status, review comment) is compared with the content
// its latest audit row recorded (or with a new item's defaults when it has none): a value changed
// in the database with no audit row — someone with the sqlite3 tool — is named, row by row.
import type { Db } from '../db/connection';
import { vi } from '../../shared/i18n/vi';
import { formatPoints } from '../../shared/format';
import { labelOf } from '../../shared/i18n/label';

interface Content {
  points: number | null;
  notApplicable: boolean;
  naReason: string | null;
  explanation: string;
  status: string;
  reviewComment: string | null;
}

const DEFAULTS: Content = { points: null, notApplicable: false, naReason: null, explanation: '', status: 'todo', reviewComment: null };
const FIELDS = Object.keys(DEFAULTS) as (keyof Content)[];

export interface StateProblem {
  table: 'assessment_item';
  rowId: number;
  message: string;
}

/** A value as a person reads it: statuses by their Vietnamese names, "không phát sinh" as Có/Không. */
const shown = (f: keyof Content, v: unknown) =>
  f === 'status' && typeof v === 'string' ? labelOf(vi.ui.itemStatus, v) : typeof v === 'boolean' ? (v ? vi.app.yes : vi.app.no) : show(v);
const show = (v: unknown) =>
  v === null || v === undefined || v === '' ? vi.app.none : typeof v === 'string' ? `"${v}"` : typeof v === 'number' ? formatPoints(v) : JSON.stringify(v);

export function checkAuditedState(db: Db): StateProblem[] {
  const latest = new Map<string, Partial<Content>>();
  const rows = db.sqlite.prepare(`SELECT entity_id AS entityId, after_json AS afterJson FROM audit_log WHERE entity = 'item' ORDER BY seq`);
  for (const r of rows.iterate() as Iterable<{ entityId: string | null; afterJson: string | null }>) {
    if (r.entityId && r.afterJson) latest.set(r.entityId, JSON.parse(r.afterJson) as Partial<Content>);
  }
  const problems: StateProblem[] = [];
  const items = db.sqlite.prepare(
    `SELECT i.id, a.year, i.criterion_code AS code, i.points, i.not_applicable AS na, i.na_reason AS naReason, i.explanation, i.status,
            i.review_comment AS reviewComment
       FROM assessment_item i JOIN assessment a ON a.id = i.assessment_id ORDER BY a.year, i.id`,
  );
  for (const i of items.iterate() as Iterable<{ id: number; year: number; code: string; na: number } & Omit<Content, 'notApplicable'>>) {
    const now: Content = { ...i, notApplicable: i.na === 1 };
    const audited = { ...DEFAULTS, ...latest.get(`${i.year}:${i.code}`) };
    for (const f of FIELDS) {
      if (now[f] !== audited[f]) {
        problems.push({
          table: 'assessment_item',
          rowId: i.id,
          message: vi.db.itemChangedOutside(i.code, i.year, vi.db.itemField[f], shown(f, now[f]), shown(f, audited[f])),
        });
      }
    }
  }
  return problems;
}
