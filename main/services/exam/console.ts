// The proctor console: start and end steps, record appointment codes, results and incidents.
// Deadlines are decided and stored here (never by the renderer), so a reload, a crash or a
// restart of the machine shows the right remaining time.
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { trustedNow } from '../trusted-time';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { STEP_MS, MAX_CODES_PER_PERFORMER, canStart, normalizeCode, stepPhase, messages as stepMessages, type StepNo } from '../../domain/exam-steps';
import { formatMinutes } from '../../../shared/exam-timer';

function requireStep(s: Services, stepId: number) {
  const st = s.db.first(s.db.q.selectFrom('exam_step').selectAll().where('id', '=', stepId));
  if (!st) throw new ApiError('NOT_FOUND', vi.exam.stepNotFound);
  return st;
}

function requireRecord(s: Services, recordId: number) {
  const r = s.db.first(s.db.q.selectFrom('exam_record').selectAll().where('id', '=', recordId));
  if (!r) throw new ApiError('NOT_FOUND', vi.exam.recordNotFound);
  return r;
}

function teamSteps(s: Services, teamId: number) {
  return s.db.all(s.db.q.selectFrom('exam_step').selectAll().where('team_id', '=', teamId).orderBy('step'));
}

export function startStep(s: Services, actor: Actor, teamId: number, step: StepNo): void {
  s.db.tx((w) => {
    const now = trustedNow(s);
    const steps = teamSteps(s, teamId);
    if (steps.length === 0) throw new ApiError('NOT_FOUND', vi.exam.teamNotFound);
    const problem = canStart(
      steps.map((x) => ({ step: x.step, ...timing(x) })),
      step,
      now,
    );
    if (problem) throw new ApiError('CONFLICT', problem);
    const st = steps.find((x) => x.step === step)!;
    s.db.run(
      s.db.q
        .updateTable('exam_step')
        .set({ started_at: now, deadline_at: now + STEP_MS })
        .where('id', '=', st.id),
    );
    const performers = s.db.all(s.db.q.selectFrom('exam_performer').select('entry_id').where('team_id', '=', teamId).where('step', '=', step));
    for (const p of performers) {
      s.db.run(
        s.db.q
          .insertInto('exam_record')
          .values({ step_id: st.id, entry_id: p.entry_id })
          .onConflict((oc) => oc.doNothing()),
      );
    }
    appendAudit(w, s, actor, {
      action: 'exam.stepStart',
      entity: 'exam_step',
      entityId: st.id,
      after: { teamId, step, startedAt: now, deadlineAt: now + STEP_MS },
    });
  });
}

/** Ends a running step before its time (all performers finished). */
export function endStep(s: Services, actor: Actor, stepId: number): void {
  s.db.tx((w) => {
    const st = requireStep(s, stepId);
    const now = trustedNow(s);
    if (stepPhase(timing(st), now).phase !== 'running') throw new ApiError('CONFLICT', stepMessages.notRunning(st.step));
    s.db.run(s.db.q.updateTable('exam_step').set({ ended_at: now }).where('id', '=', st.id));
    appendAudit(w, s, actor, { action: 'exam.stepEnd', entity: 'exam_step', entityId: st.id, after: { endedAt: now } });
  });
}

/** Writes during a running step only (and results also after it ended, until the round closes). */
function guardRecordWrite(s: Services, stepId: number, allowEnded: boolean) {
  const st = requireStep(s, stepId);
  const phase = stepPhase(timing(st), trustedNow(s)).phase;
  if (phase === 'pending' || (phase === 'ended' && !allowEnded)) throw new ApiError('CONFLICT', stepMessages.notRunning(st.step));
  return st;
}

export function setCodes(s: Services, actor: Actor, recordId: number, rawCodes: string[]): void {
  s.db.tx((w) => {
    const rec = requireRecord(s, recordId);
    const raw = requireStep(s, rec.step_id);
    const ph = stepPhase({ ...timing(raw), failed: raw.failed === 1 }, trustedNow(s));
    // After the deadline results may still be entered, but no dossier can have been booked in time.
    if (ph.phase === 'ended' && ph.endedBy === 'time' && raw.step === 1) throw new ApiError('CONFLICT', stepMessages.codesAfterDeadline(raw.step));
    const st = guardRecordWrite(s, rec.step_id, false);
    if (st.step !== 1) throw new ApiError('VALIDATION', stepMessages.codesOnlyStep1);
    const person = s.db.first(s.db.q.selectFrom('roster_entry').select('full_name').where('id', '=', rec.entry_id))!;
    const codes: string[] = [];
    for (const raw of rawCodes.filter((c) => c.trim() !== '')) {
      const c = normalizeCode(raw);
      if (!c) throw new ApiError('VALIDATION', stepMessages.badCode(raw.trim()), [{ path: 'codes', message: stepMessages.badCode(raw.trim()) }]);
      if (!codes.includes(c)) codes.push(c);
    }
    if (codes.length > MAX_CODES_PER_PERFORMER) {
      throw new ApiError('VALIDATION', stepMessages.tooManyCodes(person.full_name), [{ path: 'codes', message: stepMessages.tooManyCodes(person.full_name) }]);
    }
    // Unique across the round: one dossier is booked by one person.
    const team = s.db.first(s.db.q.selectFrom('exam_team').select('round_id').where('id', '=', st.team_id))!;
    const others = s.db.all(
      s.db.q
        .selectFrom('exam_record as r')
        .innerJoin('exam_step as st', 'st.id', 'r.step_id')
        .innerJoin('exam_team as t', 't.id', 'st.team_id')
        .innerJoin('roster_entry as e', 'e.id', 'r.entry_id')
        .select(['r.id', 'r.codes', 'e.full_name', 't.commune'])
        .where('t.round_id', '=', team.round_id)
        .where('st.step', '=', 1)
        .where('r.id', '!=', rec.id),
    );
    for (const o of others) {
      const dup = (JSON.parse(o.codes) as string[]).find((c) => codes.includes(c));
      if (dup)
        throw new ApiError('CONFLICT', stepMessages.duplicateCode(dup, `${o.full_name} (${o.commune})`), [
          { path: 'codes', message: stepMessages.duplicateCode(dup, o.full_name) },
        ]);
    }
    s.db.run(
      s.db.q
        .updateTable('exam_record')
        .set({ codes: JSON.stringify(codes) })
        .where('id', '=', rec.id),
    );
    appendAudit(w, s, actor, {
      action: 'exam.codes',
      entity: 'exam_record',
      entityId: rec.id,
      before: { codes: JSON.parse(rec.codes) as unknown },
      after: { codes },
    });
  });
}

export function setResult(
  s: Services,
  actor: Actor,
  input: { recordId: number; result: 'dat' | 'khong_dat' | null; finished: boolean; note: string | null },
): void {
  s.db.tx((w) => {
    const rec = requireRecord(s, input.recordId);
    const st = guardRecordWrite(s, rec.step_id, true);
    if (st.failed === 1 && input.result === 'dat') throw new ApiError('CONFLICT', vi.exam.stepFailed);
    const now = trustedNow(s);
    const finishedAt = input.finished ? (rec.finished_at ?? Math.min(now, st.deadline_at ?? now)) : null;
    s.db.run(s.db.q.updateTable('exam_record').set({ result: input.result, finished_at: finishedAt, note: input.note }).where('id', '=', rec.id));
    appendAudit(w, s, actor, {
      action: 'exam.result',
      entity: 'exam_record',
      entityId: rec.id,
      before: { result: rec.result, finishedAt: rec.finished_at, note: rec.note },
      after: { result: input.result, finishedAt, note: input.note },
    });
  });
}

/**
 * An incident with its time. By the rules, an Internet failure at the venue fails the step for
 * everyone performing it, and stops its clock (the step is over). Returns who it failed.
 */
export function addIncident(s: Services, actor: Actor, input: { stepId: number; kind: 'internet' | 'other'; description: string }): { failed: string[] } {
  return s.db.tx((w) => {
    const st = requireStep(s, input.stepId);
    if (st.started_at === null) throw new ApiError('CONFLICT', stepMessages.notRunning(st.step));
    const now = trustedNow(s);
    const people = s.db
      .all(
        s.db.q
          .selectFrom('exam_record as r')
          .innerJoin('roster_entry as e', 'e.id', 'r.entry_id')
          .select('e.full_name')
          .where('r.step_id', '=', st.id)
          .orderBy('e.full_name'),
      )
      .map((p) => p.full_name);
    const failed = input.kind === 'internet' ? people : [];
    const running = stepPhase(timing(st), now).phase === 'running';
    s.db.run(
      s.db.q
        .insertInto('exam_incident')
        .values({ step_id: st.id, at: now, kind: input.kind, description: input.description.normalize('NFC'), created_by: actor.id }),
    );
    if (input.kind === 'internet') {
      s.db.run(
        s.db.q
          .updateTable('exam_step')
          .set({ failed: 1, ...(running ? { ended_at: now } : {}) })
          .where('id', '=', st.id),
      );
      s.db.run(s.db.q.updateTable('exam_record').set({ result: 'khong_dat' }).where('step_id', '=', st.id));
    }
    appendAudit(w, s, actor, {
      action: 'exam.incident',
      entity: 'exam_step',
      entityId: st.id,
      after: { step: st.step, kind: input.kind, description: input.description, at: now, ...(input.kind === 'internet' ? { failed, stopped: running } : {}) },
    });
    return { failed };
  });
}

/** No pause or extension except this: an explicit change by a proctor or leader, with a reason. */
export function overrideDeadline(s: Services, actor: Actor, input: { stepId: number; deltaMs: number; reason: string }): void {
  s.db.tx((w) => {
    const st = requireStep(s, input.stepId);
    if (st.deadline_at === null) throw new ApiError('CONFLICT', stepMessages.notRunning(st.step));
    if (st.failed === 1) throw new ApiError('CONFLICT', vi.examDay.overrideFailed);
    const now = trustedNow(s);
    s.db.run(
      s.db.q
        .insertInto('exam_override')
        .values({ step_id: st.id, at: now, delta_ms: input.deltaMs, reason: input.reason.normalize('NFC'), created_by: actor.id }),
    );
    // Reopening an ended step by extension clears the manual end.
    s.db.run(
      s.db.q
        .updateTable('exam_step')
        .set({ deadline_at: st.deadline_at + input.deltaMs, ended_at: null })
        .where('id', '=', st.id),
    );
    appendAudit(w, s, actor, {
      action: 'exam.override',
      entity: 'exam_step',
      entityId: st.id,
      before: { deadlineAt: st.deadline_at },
      // The minutes as the proctor typed them (2,5 stays 2,5), beside the exact new deadline.
      after: {
        step: st.step,
        minutes: `${input.deltaMs > 0 ? '+' : ''}${formatMinutes(input.deltaMs)}`,
        deadlineAt: st.deadline_at + input.deltaMs,
        reason: input.reason,
      },
    });
  });
}

export { teamViews, consoleView } from './views';
import { timing } from './views';
