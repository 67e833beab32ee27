// Inspection records (đợt kiểm tra CCHC): the plan, the method, the visit date and the report's
// due date by the office's rule (Cài đặt: calendar or working days before the visit). Only a
// scheduled inspection ("theo kế hoạch") has a report due before the visit (KH 110, mục III).
import type { Selectable } from 'kysely';
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { getSettings } from '../settings';
import { trustedNow } from '../trusted-time';
import { requireOffice } from '../office';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { vnIsoDate } from '../../../shared/vn-time';
import { daysBetween, outlineFor, audienceOfOffice, reportDueDate } from '../../domain/inspection-outline';
import { OUTLINE_110_2023 } from '../../domain/inspection-outline-data';
import type { InspectionSummary } from '../../../shared/api/inspection-schemas';
import type { InspectionTable, InspectionMethod } from '../../db/schema';
import { prefilledTexts } from './facts';

const m = vi.inspection;
export type InspectionRow = Selectable<InspectionTable>;

export interface InspectionInput {
  year: number;
  planNumber: string;
  planDate: string | null;
  method: InspectionMethod;
  visitDate: string | null;
}

export const todayIso = (s: Services) => vnIsoDate(trustedNow(s));

export function requireInspection(s: Services, id: number): InspectionRow {
  const r = s.db.first(s.db.q.selectFrom('inspection').selectAll().where('id', '=', id));
  if (!r) throw new ApiError('NOT_FOUND', m.notFound);
  return r;
}

/** The office's outline (phường/xã items only for a commune-level office). */
export const officeOutline = (s: Services) => outlineFor(OUTLINE_110_2023, audienceOfOffice(requireOffice(s).kind));

export function summaryOf(s: Services, r: InspectionRow, today = todayIso(s)): InspectionSummary {
  const due = r.method === 'scheduled' && r.visit_date ? reportDueDate(r.visit_date, getSettings(s).inspectionDue) : null;
  return {
    id: r.id,
    year: r.year,
    planNumber: r.plan_number,
    planDate: r.plan_date,
    method: r.method,
    visitDate: r.visit_date,
    dueDate: due,
    daysLeft: due ? daysBetween(today, due) : null,
    visitPast: r.visit_date !== null && r.visit_date < today,
  };
}

export function listInspections(s: Services): InspectionSummary[] {
  const today = todayIso(s);
  return s.db.all(s.db.q.selectFrom('inspection').selectAll().orderBy('year', 'desc').orderBy('id', 'desc')).map((r) => summaryOf(s, r, today));
}

/** Reports still to send: a scheduled visit not yet passed, nearest due date first. */
export function upcomingInspections(s: Services): InspectionSummary[] {
  return listInspections(s)
    .filter((i) => i.dueDate !== null && !i.visitPast)
    .sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : 1));
}

function check(input: InspectionInput): void {
  if (input.method === 'scheduled' && !input.visitDate) throw new ApiError('VALIDATION', m.visitRequired, [{ path: 'visitDate', message: m.visitRequired }]);
}

/** Warnings shown with the record, never refusals: a visit date in the past may be a past round. */
export function recordWarnings(s: Services, sum: InspectionSummary): string[] {
  const w: string[] = [];
  if (sum.visitPast && sum.visitDate) w.push(m.visitPast(sum.visitDate));
  else if (sum.daysLeft !== null && sum.daysLeft < 0) w.push(m.visitAfterDue);
  return w;
}

export function createInspection(s: Services, actor: Actor, input: InspectionInput): number {
  check(input);
  return s.db.tx((w) => {
    const now = s.clock.now();
    const { lastInsertRowid: id } = s.db.run(
      s.db.q.insertInto('inspection').values({
        year: input.year,
        plan_number: input.planNumber.normalize('NFC').trim(),
        plan_date: input.planDate,
        method: input.method,
        visit_date: input.visitDate,
        created_at: now,
        created_by: actor.id,
        updated_at: now,
        updated_by: actor.id,
      }),
    );
    // The report starts from the facts the app has; each stays marked until someone edits it.
    const known = new Set(officeOutline(s).map((l) => l.key));
    for (const [key, text] of prefilledTexts(s, input.year)) {
      if (!known.has(key)) continue;
      s.db.run(s.db.q.insertInto('inspection_item').values({ inspection_id: id, item_key: key, text, prefilled: 1, updated_at: now, updated_by: actor.id }));
    }
    appendAudit(w, s, actor, { action: 'inspection.create', entity: 'inspection', entityId: id, after: { ...input } });
    return id;
  });
}

export function updateInspection(
  s: Services,
  actor: Actor,
  input: InspectionInput & { id: number; incomingTotal: number | null; incomingDigitised: number | null },
): void {
  check(input);
  if (input.incomingTotal !== null && input.incomingDigitised !== null && input.incomingDigitised > input.incomingTotal)
    throw new ApiError('VALIDATION', m.incomingTooMany, [{ path: 'incomingDigitised', message: m.incomingTooMany }]);
  s.db.tx((w) => {
    const r = requireInspection(s, input.id);
    const after = {
      year: input.year,
      plan_number: input.planNumber.normalize('NFC').trim(),
      plan_date: input.planDate,
      method: input.method,
      visit_date: input.visitDate,
      incoming_total: input.incomingTotal,
      incoming_digitised: input.incomingDigitised,
    };
    s.db.run(
      s.db.q
        .updateTable('inspection')
        .set({ ...after, updated_at: s.clock.now(), updated_by: actor.id })
        .where('id', '=', r.id),
    );
    const before = {
      year: r.year,
      plan_number: r.plan_number,
      plan_date: r.plan_date,
      method: r.method,
      visit_date: r.visit_date,
      incoming_total: r.incoming_total,
      incoming_digitised: r.incoming_digitised,
    };
    appendAudit(w, s, actor, { action: 'inspection.update', entity: 'inspection', entityId: r.id, before, after });
  });
}
