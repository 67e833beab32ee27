// How fast a password may be guessed (pure rules; the state lives in services/login-throttle.ts).
// Per account: the first few mistakes cost nothing (people mistype), then each further try waits
// twice as long, and a run of failures locks the account for a while — a leader or admin can lift
// it early. Per client (an address on the office network, or this PC): many failures across any
// accounts within a window slow that client down the same way.

export const THROTTLE = {
  /** Consecutive wrong passwords on one account before waiting starts. */
  accountFreeFailures: 5,
  /** Consecutive wrong passwords that lock the account. */
  accountLockAfter: 10,
  accountLockMs: 15 * 60_000,
  /** Failures from one client within `clientWindowMs`, across all accounts, before waiting starts. */
  clientFreeFailures: 20,
  clientWindowMs: 15 * 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  /** Wrong passwords on the lock screen before the session is ended. */
  unlockTries: 5,
} as const;

/** The wait after the last failure before another try, given how many failures came before it. */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(THROTTLE.baseDelayMs * 2 ** (failures - free), THROTTLE.maxDelayMs);
}

export interface AccountState {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number | null;
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number; locked: boolean };

export function accountVerdict(state: AccountState | null, now: number): Verdict {
  if (!state) return { allowed: true };
  if (state.lockedUntil !== null && now < state.lockedUntil) return { allowed: false, retryAfterMs: state.lockedUntil - now, locked: true };
  if (state.lockedUntil !== null) return { allowed: true }; // the lock ran out: a fresh start
  const wait = state.lastFailureAt + delayAfter(state.failures, THROTTLE.accountFreeFailures) - now;
  return wait > 0 ? { allowed: false, retryAfterMs: wait, locked: false } : { allowed: true };
}

/** The account's state after one more wrong password at `now`. */
export function afterFailure(state: AccountState | null, now: number): AccountState & { justLocked: boolean } {
  const expired = state?.lockedUntil != null && now >= state.lockedUntil;
  const failures = (state && !expired ? state.failures : 0) + 1;
  const lock = failures >= THROTTLE.accountLockAfter;
  return { failures, lastFailureAt: now, lockedUntil: lock ? now + THROTTLE.accountLockMs : null, justLocked: lock };
}

/** Per client: the failure times still inside the window decide the wait. */
export function clientVerdict(failureTimes: readonly number[], now: number): Verdict {
  const recent = failureTimes.filter((t) => now - t < THROTTLE.clientWindowMs);
  if (recent.length === 0) return { allowed: true };
  const wait = Math.max(...recent) + delayAfter(recent.length, THROTTLE.clientFreeFailures) - now;
  return wait > 0 ? { allowed: false, retryAfterMs: wait, locked: false } : { allowed: true };
}
