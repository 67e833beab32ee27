// The room board as a read-only link: a proctor asks for a link for one round, valid until the end
// of the exam day (Vietnam time), and opens it in a second window or on the room's screen without
// logging in again. The link carries a random token; only its SHA-256 is stored, and it shows the
// board of that round and nothing else (no names, no codes, no results per person).
import { createHash, randomBytes } from 'node:crypto';
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { trustedNow } from '../trusted-time';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { vnIsoDate, isoDateToMs } from '../../../shared/vn-time';
import { missingResults } from '../../domain/exam-steps';
import { requireRound } from './rounds';
import { teamViews } from './views';
import type { BoardView, StepView, TeamView } from '../../../shared/api/exam-schemas';

const DAY = 86_400_000;
const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');

/** The end (24:00 Vietnam time) of the exam day, or of today when the round has no date or its day has passed. */
export function boardValidUntil(examDate: string | null, now: number): number {
  const today = vnIsoDate(now);
  const day = examDate && examDate >= today ? examDate : today;
  return (isoDateToMs(day) ?? isoDateToMs(today)!) + DAY;
}

export function createBoardLink(s: Services, actor: Actor, roundId: number): { token: string; validUntil: number } {
  return s.db.tx((w) => {
    const round = requireRound(s, roundId);
    const now = trustedNow(s);
    const token = randomBytes(24).toString('base64url');
    const validUntil = boardValidUntil(round.exam_date, now);
    s.db.run(
      s.db.q
        .insertInto('exam_board_link')
        .values({ round_id: round.id, token_sha256: sha256(token), valid_until: validUntil, created_at: now, created_by: actor.id }),
    );
    appendAudit(w, s, actor, { action: 'exam.boardLink', entity: 'exam_round', entityId: round.id, after: { round: round.name, validUntil } });
    return { token, validUntil };
  });
}

/**
 * The step a board (or the console, renderer/src/pages/exam/ConsoleTab.tsx) shows: the running
 * one; else one that timed out with results missing; else one an incident failed, until the next
 * starts; else the next; else the last.
 */
export function shownStep(team: TeamView): StepView | undefined {
  const next = (x: StepView) => team.steps.find((y) => y.step === x.step + 1);
  return (
    team.steps.find((x) => x.phase === 'running') ??
    team.steps.find((x) => x.phase === 'ended' && !x.failed && missingResults(x.records) > 0) ??
    team.steps.find((x) => x.failed && x.phase === 'ended' && next(x)?.phase === 'pending') ??
    team.steps.find((x) => x.phase === 'pending') ??
    team.steps.at(-1)
  );
}

export function boardView(s: Services, token: string): BoardView {
  const link = s.db.first(s.db.q.selectFrom('exam_board_link').selectAll().where('token_sha256', '=', sha256(token)));
  const now = trustedNow(s);
  if (!link || link.valid_until <= now) throw new ApiError('NOT_FOUND', vi.examDay.boardInvalid);
  const round = requireRound(s, link.round_id);
  return {
    roundName: round.name,
    now,
    validUntil: link.valid_until,
    teams: teamViews(s, round.id, now).map((t) => {
      const st = shownStep(t);
      return {
        commune: t.commune,
        step: st?.step ?? null,
        stepName: st?.name ?? null,
        phase: st?.phase ?? 'pending',
        endedBy: st?.endedBy ?? null,
        deadlineAt: st?.deadlineAt ?? null,
        remainingMs: st?.remainingMs ?? null,
        failed: st?.failed ?? false,
        missing: st && !st.failed && st.phase === 'ended' ? missingResults(st.records) : 0,
        done: t.steps.every((x) => x.phase === 'ended'),
      };
    }),
  };
}
