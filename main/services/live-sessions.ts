// Which of the open event streams' sessions are still live, for all of them in one query: every
// save is announced to every screen following the events (twenty officers and the leader), and
// checking each stream's session on its own (resolveSession: hash, session, user, settings) cost
// more than the save itself.
import type { Services } from './context';
import { getSettings } from './settings';

/**
 * The token hashes among `hashes` whose session is live now: it exists, is not locked, has not been
 * idle past the inactivity lock, and its user is active — what sessionForTicket accepts. A session
 * not in the answer gets the full check (which also ends its ticket).
 */
export function liveSessionHashes(s: Services, hashes: readonly string[]): Set<string> {
  if (hashes.length === 0) return new Set();
  const since = s.clock.now() - getSettings(s).lockAfterMinutes * 60_000;
  const rows = s.db.all(
    s.db.q
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select('s.token_hash')
      .where('s.token_hash', 'in', hashes)
      .where('s.locked', '=', 0)
      .where('u.active', '=', 1)
      .where('s.last_seen_at', '>=', since),
  );
  return new Set(rows.map((r) => r.token_hash));
}
