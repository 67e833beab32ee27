// The exam procedure of document 000: four steps in order, 15 minutes each; step 1 books up to
// 4 dossiers per performer and its appointment codes are handed on to steps 2–4. Pure rules.

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

export const STEP_NAMES: Record<StepNo, string> = {
  1: 'Đặt lịch hẹn nộp hồ sơ trên Cổng DVC quốc gia',
  2: 'Xử lý hồ sơ, tạo bản sao, trình lãnh đạo',
  3: 'Ký số bản sao, chuyển phát hành',
  4: 'Đóng dấu, vào sổ và trả kết quả',
};

export type StepPhase = 'pending' | 'running' | 'ended';

export interface StepTiming {
  startedAt: number | null;
  deadlineAt: number | null;
  endedAt: number | null;
}

/** Where a step is at `now`: not started, running (with time left), or ended (by hand or time). */
export function stepPhase(t: StepTiming, now: number): { phase: StepPhase; remainingMs: number | null; endedBy: 'proctor' | 'time' | null } {
  if (t.startedAt === null || t.deadlineAt === null) return { phase: 'pending', remainingMs: null, endedBy: null };
  if (t.endedAt !== null && t.endedAt <= t.deadlineAt) return { phase: 'ended', remainingMs: 0, endedBy: 'proctor' };
  if (now >= t.deadlineAt) return { phase: 'ended', remainingMs: 0, endedBy: 'time' };
  return { phase: 'running', remainingMs: t.deadlineAt - now, endedBy: null };
}

export const messages = {
  order: (n: number) => `Chưa thể bắt đầu bước ${n}: bước ${n - 1} chưa kết thúc.`,
  alreadyStarted: (n: number) => `Bước ${n} đã bắt đầu rồi.`,
  notRunning: (n: number) => `Bước ${n} không đang diễn ra.`,
  tooManyCodes: (name: string) =>
    `${name}: mỗi người đặt tối đa ${MAX_CODES_PER_PERFORMER} hồ sơ ở bước 1; mã thứ ${MAX_CODES_PER_PERFORMER + 1} không được nhận.`,
  badCode: (c: string) => `Mã lịch hẹn "${c}" không đúng dạng (chữ in hoa, số, dấu chấm hoặc gạch ngang; 6–40 ký tự).`,
  duplicateCode: (c: string, who: string) => `Mã lịch hẹn "${c}" đã được ghi cho ${who}.`,
  codesOnlyStep1: 'Chỉ bước 1 (đặt lịch hẹn) mới ghi mã lịch hẹn.',
};

/** Normalises a typed appointment code: trims, upper-cases; null when malformed. */
export function normalizeCode(raw: string): string | null {
  const c = raw.trim().toUpperCase();
  return /^[A-Z0-9][A-Z0-9./-]{5,39}$/.test(c) ? c : null;
}

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
