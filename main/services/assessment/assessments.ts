// A year's self-assessment: create it from a criteria set, its windows, assignment, sending.
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { validateWindow } from '../../domain/deadline';
import { criteriaNodes, summarize } from './criteria-sets';
import { editDecision, guardEdit, requireAssessment, supplementaryWindows, isLeader } from './common';
import { itemViews, summaryOf, totalsFor } from './views';
import { runPrecheck, blockedError } from './precheck';
import { trustedNow } from '../trusted-time';
import type { AssessmentDetail, AssessmentSummary, ItemView } from '../../../shared/api/assessment-schemas';

export function listAssessments(s: Services): AssessmentSummary[] {
  return s.db.all(s.db.q.selectFrom('assessment').selectAll().orderBy('year', 'desc')).map((a) => summaryOf(s, a));
}

function checkWindow(opensAt: number, closesAt: number) {
  const problem = validateWindow({ opensAt, closesAt });
  if (problem) throw new ApiError('VALIDATION', problem, [{ path: 'closesAt', message: problem }]);
}

export function createAssessment(s: Services, actor: Actor, input: { year: number; setId: number; opensAt: number; closesAt: number }): AssessmentSummary {
  checkWindow(input.opensAt, input.closesAt);
  return s.db.tx((w) => {
    summarize(s, input.setId); // exists
    if (s.db.first(s.db.q.selectFrom('assessment').select('id').where('year', '=', input.year))) {
      throw new ApiError('CONFLICT', vi.assessment.yearExists(input.year), [{ path: 'year', message: vi.assessment.yearExists(input.year) }]);
    }
    const leaves = criteriaNodes(s, input.setId).filter((n) => n.isLeaf);
    if (leaves.length === 0) throw new ApiError('VALIDATION', vi.assessment.setHasNoLeaves);
    const now = s.clock.now();
    const { lastInsertRowid: id } = s.db.run(
      s.db.q.insertInto('assessment').values({
        year: input.year,
        set_id: input.setId,
        opens_at: input.opensAt,
        closes_at: input.closesAt,
        status: 'open',
        created_at: now,
        updated_at: now,
      }),
    );
    for (const leaf of leaves) {
      s.db.run(s.db.q.insertInto('assessment_item').values({ assessment_id: id, criterion_code: leaf.code, updated_at: now, updated_by: actor.id }));
    }
    appendAudit(w, s, actor, { action: 'assessment.create', entity: 'assessment', entityId: id, after: input });
    return summaryOf(s, requireAssessment(s, id));
  });
}

export function getAssessment(s: Services, actor: Actor, assessmentId: number): AssessmentDetail {
  const a = requireAssessment(s, assessmentId);
  const set = s.db.first(s.db.q.selectFrom('criteria_set').select('decision').where('id', '=', a.set_id));
  const people = s.db
    .all(s.db.q.selectFrom('users').select(['id', 'full_name', 'position', 'roles']).where('active', '=', 1).orderBy('full_name'))
    .filter((u) => (JSON.parse(u.roles) as string[]).some((r) => r === 'officer' || r === 'leader'))
    .map((u) => ({ id: u.id, fullName: u.full_name, position: u.position }));
  return {
    assessment: {
      ...summaryOf(s, a),
      setDecision: set?.decision ?? null,
      supplementary: supplementaryWindows(s, a.id).map((w) => ({
        id: w.id,
        opensAt: w.opensAt,
        closesAt: w.closesAt,
        codes: [...w.criterionCodes],
        note: w.note,
        instructionRef: w.instructionRef,
      })),
    },
    now: trustedNow(s),
    editable: editDecision(s, a, null),
    nodes: criteriaNodes(s, a.set_id),
    items: itemViews(s, a.id),
    totals: totalsFor(s, a),
    people: isLeader(actor) ? people : people.filter((p) => p.id === actor.id),
  };
}

export function setWindow(s: Services, actor: Actor, input: { assessmentId: number; opensAt: number; closesAt: number }): AssessmentSummary {
  checkWindow(input.opensAt, input.closesAt);
  return s.db.tx((w) => {
    const a = requireAssessment(s, input.assessmentId);
    if (a.status === 'sent') throw new ApiError('CONFLICT', vi.assessment.alreadySent);
    // The close is the province's: once it has passed, the commune cannot move it (DESIGN §5).
    if (trustedNow(s) >= a.closes_at) throw new ApiError('DEADLINE', vi.clock.closeIsProvinces(a.closes_at));
    s.db.run(s.db.q.updateTable('assessment').set({ opens_at: input.opensAt, closes_at: input.closesAt, updated_at: s.clock.now() }).where('id', '=', a.id));
    appendAudit(w, s, actor, {
      action: 'assessment.window',
      entity: 'assessment',
      entityId: a.id,
      before: { opensAt: a.opens_at, closesAt: a.closes_at },
      after: { opensAt: input.opensAt, closesAt: input.closesAt },
    });
    return summaryOf(s, requireAssessment(s, a.id));
  });
}

export function addSupplementary(
  s: Services,
  actor: Actor,
  input: { assessmentId: number; opensAt: number; closesAt: number; codes: string[]; note: string | null; instructionRef: string },
): AssessmentDetail['assessment'] {
  checkWindow(input.opensAt, input.closesAt);
  // Only the province opens a supplementary window: its document is named, audited and stamped into packages.
  if (input.instructionRef.trim().length < 8 || !/\d/.test(input.instructionRef)) {
    throw new ApiError('VALIDATION', vi.clock.instructionRequired, [{ path: 'instructionRef', message: vi.clock.instructionRequired }]);
  }
  return s.db.tx((w) => {
    const a = requireAssessment(s, input.assessmentId);
    const known = new Set(criteriaNodes(s, a.set_id).map((n) => n.code));
    const unknown = input.codes.filter((c) => !known.has(c));
    if (unknown.length) throw new ApiError('VALIDATION', vi.assessment.unknownCodes(unknown.join(', ')));
    const { lastInsertRowid } = s.db.run(
      s.db.q.insertInto('supplementary_window').values({
        assessment_id: a.id,
        opens_at: input.opensAt,
        closes_at: input.closesAt,
        criterion_codes: JSON.stringify(input.codes),
        note: input.note,
        instruction_ref: input.instructionRef.trim(),
        created_at: s.clock.now(),
      }),
    );
    // A supplementary round reopens a sent report for the listed criteria.
    if (a.status === 'sent') s.db.run(s.db.q.updateTable('assessment').set({ status: 'open', updated_at: s.clock.now() }).where('id', '=', a.id));
    appendAudit(w, s, actor, { action: 'assessment.supplementary', entity: 'assessment', entityId: a.id, after: { id: lastInsertRowid, ...input } });
    return getAssessment(s, actor, a.id).assessment;
  });
}

/** Leaves under each code (the code itself when it is a leaf). */
export function leavesUnder(nodes: { code: string; isLeaf: boolean }[], codes: readonly string[]): string[] {
  const out = new Set<string>();
  for (const c of codes) for (const n of nodes) if (n.isLeaf && (n.code === c || n.code.startsWith(c + '.'))) out.add(n.code);
  return [...out];
}

export function assign(s: Services, actor: Actor, input: { assessmentId: number; codes: string[]; assigneeId: number | null }): { changed: number } {
  return s.db.tx((w) => {
    const a = requireAssessment(s, input.assessmentId);
    guardEdit(s, a, null);
    if (input.assigneeId !== null) {
      const u = s.db.first(s.db.q.selectFrom('users').select(['id', 'active']).where('id', '=', input.assigneeId));
      if (!u || u.active !== 1) throw new ApiError('VALIDATION', vi.assessment.assigneeNotActive);
    }
    const nodes = criteriaNodes(s, a.set_id);
    const known = new Set(nodes.map((n) => n.code));
    const unknown = input.codes.filter((c) => !known.has(c));
    if (unknown.length) throw new ApiError('VALIDATION', vi.assessment.unknownCodes(unknown.join(', ')));
    const leaves = leavesUnder(nodes, input.codes);
    const r = s.db.run(
      s.db.q
        .updateTable('assessment_item')
        .set({ assignee_id: input.assigneeId, updated_at: s.clock.now(), updated_by: actor.id })
        .where('assessment_id', '=', a.id)
        .where('criterion_code', 'in', leaves),
    );
    appendAudit(w, s, actor, {
      action: 'assessment.assign',
      entity: 'assessment',
      entityId: a.id,
      after: { codes: input.codes, assigneeId: input.assigneeId, items: leaves.length },
    });
    return { changed: r.changes };
  });
}

export function send(s: Services, actor: Actor, assessmentId: number): AssessmentSummary {
  return s.db.tx((w) => {
    const a = requireAssessment(s, assessmentId);
    guardEdit(s, a, null);
    const blocking = runPrecheck(s, a).filter((e) => e.severity === 'error');
    if (blocking.length) throw blockedError('send', blocking, false);
    const now = trustedNow(s);
    s.db.run(s.db.q.updateTable('assessment').set({ status: 'sent', sent_at: now, sent_by: actor.id, updated_at: now }).where('id', '=', a.id));
    appendAudit(w, s, actor, { action: 'assessment.send', entity: 'assessment', entityId: a.id, after: { totals: totalsFor(s, a).overall } });
    return summaryOf(s, requireAssessment(s, a.id));
  });
}

export function withdraw(s: Services, actor: Actor, assessmentId: number): AssessmentSummary {
  return s.db.tx((w) => {
    const a = requireAssessment(s, assessmentId);
    if (a.status !== 'sent') throw new ApiError('CONFLICT', vi.assessment.notSent);
    // Withdrawing is only possible while the window (or a supplementary one) is still open.
    guardEdit(s, { ...a, status: 'open' }, null);
    s.db.run(s.db.q.updateTable('assessment').set({ status: 'open', sent_at: null, sent_by: null, updated_at: s.clock.now() }).where('id', '=', a.id));
    appendAudit(w, s, actor, { action: 'assessment.withdraw', entity: 'assessment', entityId: a.id });
    return summaryOf(s, requireAssessment(s, a.id));
  });
}

export function myItems(s: Services, actor: Actor): { assessment: AssessmentSummary; items: (ItemView & { title: string; maxPoints: number | null })[] }[] {
  if (actor.id === null) return [];
  const rows = s.db.all(s.db.q.selectFrom('assessment').selectAll().orderBy('year', 'desc'));
  return rows
    .map((a) => {
      const mine = s.db.all(s.db.q.selectFrom('assessment_item').select('id').where('assessment_id', '=', a.id).where('assignee_id', '=', actor.id));
      const nodes = new Map(criteriaNodes(s, a.set_id).map((n) => [n.code, n]));
      const items = itemViews(
        s,
        a.id,
        mine.map((m) => m.id),
      ).map((i) => ({ ...i, title: nodes.get(i.criterionCode)?.title ?? '', maxPoints: nodes.get(i.criterionCode)?.maxPoints ?? null }));
      return { assessment: summaryOf(s, a), items };
    })
    .filter((g) => g.items.length > 0);
}
