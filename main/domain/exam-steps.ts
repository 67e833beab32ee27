// The exam procedure of document 000: four steps in order, 15 minutes each; step 1 books up to
// 4 dossiers per performer and its appointment codes are handed on to steps 2–4. Pure rules.
import { viExamDay } from '../../shared/i18n/vi/exam-day';

export const STEP_MINUTES = 15;
export const STEP_MS = STEP_MINUTES * 60_000;
export const MAX_CODES_PER_PERFORMER = 4;
/** The console warns when this much time is left, then signals the end. */
export const WARN_AT_MS = [5 * 60_000, 60_000] as const;

export type StepNo = 1 | 2 | 3 | 4;
export const STEPS: readonly StepNo[] = [1, 2, 3, 4];

/** Who performs each step, by exam position id (see main/domain/roster.ts). */
export const STEP_PERFORMERS: Record<StepNo, readonly string[]> = {
  1: ['TP_HT', 'TC_KT', 'VH_XH', 'DC', 'VP_TK'],
  2: ['TP_HT'],
  3: ['CT_PCT'],
  4: ['VP_TK'],
};

export const STEP_NAMES: Readonly<Record<StepNo, string>> = viExamDay.stepNames;

export type StepPhase = 'pending' | 'running' | 'ended';

export interface StepTiming {
  startedAt: number | null;
  deadlineAt: number | null;
  endedAt: number | null;
}

/**
 * Where a step is at `now`: not started, running (with time left), or ended — by the proctor, by
 * time, or by an Internet incident (which fails the step and stops its clock).
 */
export function stepPhase(
  t: StepTiming & { failed?: boolean },
  now: number,
): { phase: StepPhase; remainingMs: number | null; endedBy: 'proctor' | 'time' | 'incident' | null } {
  if (t.startedAt === null || t.deadlineAt === null) return { phase: 'pending', remainingMs: null, endedBy: null };
  if (t.endedAt !== null && t.endedAt <= t.deadlineAt) return { phase: 'ended', remainingMs: 0, endedBy: t.failed ? 'incident' : 'proctor' };
  if (now >= t.deadlineAt) return { phase: 'ended', remainingMs: 0, endedBy: 'time' };
  return { phase: 'running', remainingMs: t.deadlineAt - now, endedBy: null };
}

export const messages = {
  ...viExamDay.steps,
  tooManyCodes: (name: string) => viExamDay.steps.tooManyCodes(name, MAX_CODES_PER_PERFORMER),
};

/**
 * An appointment code as the portal numbers dossiers: the receiving agency's code (groups of
 * letters and digits joined by dots, e.g. G22.99 or 000.00.21.H56), the booking day as yymmdd and
 * a running number, joined by dashes: G22.99-230920-0001. The plan gives no format, so this rule is
 * ours (README, "Kiểm tra năng lực"); it refuses what cannot be a dossier number ("ABC123").
 * Trims, removes spaces, upper-cases; null when malformed or the day does not exist.
 */
const CODE = /^([A-Z0-9]{1,8}(?:\.[A-Z0-9]{1,8}){0,5})-(\d{2})(\d{2})(\d{2})-(\d{4,6})$/;
export function normalizeCode(raw: string): string | null {
  const c = raw.replace(/\s+/g, '').toUpperCase();
  const m = CODE.exec(c);
  if (!m) return null;
  const [y, mo, d] = [2000 + Number(m[2]), Number(m[3]), Number(m[4])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return c;
}

/** A step's records still without a result (ended by time, nobody has written Đạt / Không đạt). */
export const missingResults = (records: readonly { result: string | null }[]): number => records.filter((r) => r.result === null).length;

/** Step n may start only after step n-1 has ended (by hand or by time). */
export function canStart(steps: readonly (StepTiming & { step: number })[], n: number, now: number): string | null {
  const self = steps.find((s) => s.step === n);
  if (self && self.startedAt !== null) return messages.alreadyStarted(n);
  if (n === 1) return null;
  const prev = steps.find((s) => s.step === n - 1);
  if (!prev || stepPhase(prev, now).phase !== 'ended') return messages.order(n);
  return null;
}

/** Performers' results for a team: passed when every step they performed is Đạt. */
export function personPassed(results: readonly ('dat' | 'khong_dat' | null)[]): boolean | null {
  if (results.length === 0 || results.some((r) => r === null)) return null;
  return results.every((r) => r === 'dat');
}
