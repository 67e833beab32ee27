// The state behind the login limits (rules in domain/login-throttle.ts): per-account failures in
// the database (they survive a restart, and a leader can see and lift a lock), per-client failure
// times in memory (a client is an address, and the window is minutes).
import { SYSTEM_ACTOR, type Services, type Actor } from './context';
import { appendAudit } from './audit';
import { findUserByUsername, getUserRow } from './users';
import { ApiError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { accountVerdict, afterFailure, clientVerdict, THROTTLE, type AccountState } from '../domain/login-throttle';

const clientFailures = new WeakMap<Services, Map<string, number[]>>();
const clients = (s: Services) => {
  let m = clientFailures.get(s);
  if (!m) clientFailures.set(s, (m = new Map<string, number[]>()));
  return m;
};

const keyOf = (username: string) => username.trim().toLowerCase();

function accountState(s: Services, username: string): AccountState | null {
  const row = s.db.first(s.db.q.selectFrom('login_throttle').selectAll().where('username', '=', keyOf(username)));
  return row ? { failures: row.failures, lastFailureAt: row.last_failure_at, lockedUntil: row.locked_until } : null;
}

/** Refuses a login try before the password is even checked when the account or client must wait. */
export function assertMayTry(s: Services, username: string, client: string): void {
  const now = s.clock.now();
  const acc = accountVerdict(accountState(s, username), now);
  if (!acc.allowed) {
    throw new ApiError('RATE_LIMITED', acc.locked ? vi.auth.accountLocked(now + acc.retryAfterMs) : vi.auth.tooManyAttempts(acc.retryAfterMs));
  }
  const cl = clientVerdict(clients(s).get(client) ?? [], now);
  if (!cl.allowed) throw new ApiError('RATE_LIMITED', vi.auth.clientSlowed(cl.retryAfterMs));
}

/** Counts a wrong password; locking a real account is a change of that account, so it is audited. */
export function recordFailure(s: Services, username: string, client: string): void {
  const now = s.clock.now();
  const times = (clients(s).get(client) ?? []).filter((t) => now - t < THROTTLE.clientWindowMs);
  times.push(now);
  clients(s).set(client, times);
  const key = keyOf(username);
  const next = afterFailure(accountState(s, username), now);
  s.db.tx((w) => {
    s.db.run(
      s.db.q
        .insertInto('login_throttle')
        .values({ username: key, failures: next.failures, last_failure_at: now, locked_until: next.lockedUntil })
        .onConflict((oc) => oc.column('username').doUpdateSet({ failures: next.failures, last_failure_at: now, locked_until: next.lockedUntil })),
    );
    const user = next.justLocked ? findUserByUsername(s, key) : undefined;
    if (user) {
      appendAudit(w, s, SYSTEM_ACTOR, {
        action: 'auth.lockout',
        entity: 'user',
        entityId: user.id,
        after: { failures: next.failures, lockedUntil: next.lockedUntil, client },
      });
    }
  });
}

export function recordSuccess(s: Services, username: string): void {
  s.db.run(s.db.q.deleteFrom('login_throttle').where('username', '=', keyOf(username)));
}

export interface LoginLock {
  userId: number;
  failures: number;
  lockedUntil: number | null;
}

/** Accounts with failures on record (for the users page). */
export function listLoginLocks(s: Services): LoginLock[] {
  const now = s.clock.now();
  const rows = s.db.all(
    s.db.q.selectFrom('login_throttle').innerJoin('users', 'users.username', 'login_throttle.username').select(['users.id', 'failures', 'locked_until']),
  );
  return rows
    .filter((r) => r.locked_until === null || r.locked_until > now)
    .map((r) => ({ userId: r.id, failures: r.failures, lockedUntil: r.locked_until !== null && r.locked_until > now ? r.locked_until : null }));
}

/** A leader or admin lifts a lock (or clears the count of failures) early: audited. */
export function liftLoginLock(s: Services, actor: Actor, userId: number): void {
  const user = getUserRow(s, userId);
  const before = accountState(s, user.username);
  if (!before) throw new ApiError('CONFLICT', vi.auth.notLocked);
  s.db.tx((w) => {
    s.db.run(s.db.q.deleteFrom('login_throttle').where('username', '=', keyOf(user.username)));
    appendAudit(w, s, actor, {
      action: 'users.unlockLogin',
      entity: 'user',
      entityId: userId,
      before: { failures: before.failures, lockedUntil: before.lockedUntil },
    });
  });
}
