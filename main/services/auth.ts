// Log in, sessions, inactivity lock. A session token is random; only its sha256 is stored.
// The lock is decided here (from the session's last activity), not in the renderer.
import { createHash, randomBytes } from 'node:crypto';
import type { Services, Actor } from './context';
import { appendAudit } from './audit';
import { verifyPassword, DUMMY_HASH, hashPassword } from './passwords';
import { findUserByUsername, getUserRow, toPublic } from './users';
import { getSettings } from './settings';
import { requireOffice } from './office';
import { ApiError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import type { Session, UserPublic } from '../../shared/api/schemas';
import { createLogger } from './log';
import { assertMayTry, recordFailure, recordSuccess } from './login-throttle';
import { THROTTLE } from '../domain/login-throttle';

const log = createLogger('auth');

const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');
const TOUCH_EVERY_MS = 5_000;

export interface ResolvedSession {
  tokenHash: string;
  /** The token as the client presented it (kept in memory only, e.g. for event-stream tickets). */
  token: string;
  user: UserPublic;
  locked: boolean;
}

export const actorOf = (u: UserPublic): Actor => ({ id: u.id, name: u.fullName, roles: u.roles });

/**
 * `client` names where the attempt comes from (an address, or "ipc" for the desktop window): it is
 * slowed down on its own, besides the account (see domain/login-throttle.ts).
 */
export async function login(s: Services, username: string, password: string, client = 'local'): Promise<{ token: string; session: Session }> {
  requireOffice(s);
  assertMayTry(s, username, client);
  const row = findUserByUsername(s, username);
  // Same work whether or not the user exists, so timing does not reveal usernames.
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok) {
    // Counted against the name and the client (a lockout of a real account is audited there).
    log.warn('login failed', { username, client });
    recordFailure(s, username, client);
    throw new ApiError('BAD_CREDENTIALS', vi.errors.badCredentials);
  }
  recordSuccess(s, username);
  if (row.active !== 1) throw new ApiError('FORBIDDEN', vi.errors.userInactive);
  const token = randomBytes(32).toString('base64url');
  const now = s.clock.now();
  const user = toPublic(row);
  s.db.tx((w) => {
    s.db.run(s.db.q.insertInto('sessions').values({ token_hash: hashToken(token), user_id: row.id, created_at: now, last_seen_at: now, locked: 0 }));
    appendAudit(w, s, actorOf(user), { action: 'auth.login', entity: 'session', entityId: row.id });
  });
  return { token, session: { user, locked: false, lockAfterMinutes: getSettings(s).lockAfterMinutes } };
}

/**
 * Finds the session for a token and applies the inactivity lock. `touch` records activity
 * (every authenticated call does; a locked session stays locked until unlocked with the password).
 */
export function resolveSession(s: Services, token: string | undefined, touch: boolean): ResolvedSession | null {
  if (!token) return null;
  const tokenHash = hashToken(token);
  const row = s.db.first(s.db.q.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash));
  if (!row) return null;
  const user = toPublic(getUserRow(s, row.user_id));
  if (!user.active) return null;
  const now = s.clock.now();
  const limitMs = getSettings(s).lockAfterMinutes * 60_000;
  const locked = row.locked === 1 || now - row.last_seen_at > limitMs;
  if (locked && row.locked !== 1) {
    s.db.run(s.db.q.updateTable('sessions').set({ locked: 1 }).where('token_hash', '=', tokenHash));
  } else if (!locked && touch && now - row.last_seen_at >= TOUCH_EVERY_MS) {
    // Activity is recorded at most every few seconds: the lock counts in minutes, and a write
    // (with its fsync) on every call would dominate fast saves.
    s.db.run(s.db.q.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash));
  }
  return { tokenHash, token, user, locked };
}

export function touchSession(s: Services, r: ResolvedSession): void {
  s.db.run(s.db.q.updateTable('sessions').set({ last_seen_at: s.clock.now() }).where('token_hash', '=', r.tokenHash));
}

export function sessionView(s: Services, r: ResolvedSession): Session {
  return { user: r.user, locked: r.locked, lockAfterMinutes: getSettings(s).lockAfterMinutes };
}

/** The lock screen: a few wrong passwords end the session (whoever sits there must log in again). */
export async function unlock(s: Services, r: ResolvedSession, password: string): Promise<Session> {
  const row = getUserRow(s, r.user.id);
  if (!(await verifyPassword(password, row.password_hash))) {
    const failed = (s.db.first(s.db.q.selectFrom('sessions').select('failed_unlocks').where('token_hash', '=', r.tokenHash))?.failed_unlocks ?? 0) + 1;
    if (failed >= THROTTLE.unlockTries) {
      s.db.tx((w) => {
        s.db.run(s.db.q.deleteFrom('sessions').where('token_hash', '=', r.tokenHash));
        appendAudit(w, s, actorOf(r.user), { action: 'auth.unlockFailed', entity: 'session', entityId: r.user.id, after: { tries: failed } });
      });
      throw new ApiError('UNAUTHENTICATED', vi.auth.sessionEndedAfterUnlocks(failed));
    }
    s.db.run(s.db.q.updateTable('sessions').set({ failed_unlocks: failed }).where('token_hash', '=', r.tokenHash));
    throw new ApiError('BAD_CREDENTIALS', vi.auth.wrongUnlock(THROTTLE.unlockTries - failed));
  }
  s.db.run(s.db.q.updateTable('sessions').set({ locked: 0, failed_unlocks: 0, last_seen_at: s.clock.now() }).where('token_hash', '=', r.tokenHash));
  return { user: r.user, locked: false, lockAfterMinutes: getSettings(s).lockAfterMinutes };
}

export function logout(s: Services, r: ResolvedSession): void {
  s.db.tx((w) => {
    s.db.run(s.db.q.deleteFrom('sessions').where('token_hash', '=', r.tokenHash));
    appendAudit(w, s, actorOf(r.user), { action: 'auth.logout', entity: 'session', entityId: r.user.id });
  });
}

export async function changeOwnPassword(s: Services, r: ResolvedSession, current: string, next: string): Promise<void> {
  const row = getUserRow(s, r.user.id);
  if (!(await verifyPassword(current, row.password_hash))) throw new ApiError('BAD_CREDENTIALS', vi.auth.wrongPassword);
  const hash = await hashPassword(next);
  s.db.tx((w) => {
    s.db.run(s.db.q.updateTable('users').set({ password_hash: hash, updated_at: s.clock.now() }).where('id', '=', r.user.id));
    s.db.run(s.db.q.deleteFrom('sessions').where('user_id', '=', r.user.id).where('token_hash', '!=', r.tokenHash));
    appendAudit(w, s, actorOf(r.user), { action: 'user.password', entity: 'user', entityId: r.user.id });
  });
}
