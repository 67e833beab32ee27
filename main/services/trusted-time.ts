// The time the app trusts: never earlier than the latest time it has seen. A clock turned back
// (by mistake or to reopen a closed window) does not move this backwards.
import type { Services } from './context';
import { trustedNow as maxTrusted } from '../domain/deadline';

const PERSIST_EVERY_MS = 5_000;

export function trustedNow(s: Services): number {
  const now = s.clock.now();
  const row = s.db.first(s.db.q.selectFrom('trusted_time').select('latest').where('id', '=', 1));
  if (!row) s.db.run(s.db.q.insertInto('trusted_time').values({ id: 1, latest: now }));
  // Persisted at most every few seconds (each write costs an fsync); the value returned is exact.
  else if (now > row.latest + PERSIST_EVERY_MS) s.db.run(s.db.q.updateTable('trusted_time').set({ latest: now }).where('id', '=', 1));
  return maxTrusted(now, row?.latest ?? now);
}

/** Records a time from a trusted outside source (a receiver's receipt or health answer). */
export function observeTrustedTime(s: Services, t: number): void {
  const row = s.db.first(s.db.q.selectFrom('trusted_time').select('latest').where('id', '=', 1));
  if (!row) s.db.run(s.db.q.insertInto('trusted_time').values({ id: 1, latest: t }));
  else if (t > row.latest) s.db.run(s.db.q.updateTable('trusted_time').set({ latest: t }).where('id', '=', 1));
}
