// Browser mode's event stream needs a session, but EventSource cannot send headers: the page asks
// for a ticket (an API call with its session) and opens the stream with it. A ticket is random,
// kept in memory only, and worth exactly the session it was issued for: once that session ends or
// locks, the stream stops. What a stream carries is filtered per session (see mayReceive).
import { randomBytes } from 'node:crypto';
import type { Services } from './context';
import type { AppEvent } from '../../shared/api/events';
import { actorOf, resolveSession, type ResolvedSession } from './auth';
import { mayFollowJob } from './jobs';

const tickets = new WeakMap<Services, Map<string, string>>();
const ticketsOf = (s: Services) => {
  let m = tickets.get(s);
  if (!m) tickets.set(s, (m = new Map<string, string>()));
  return m;
};

/** The session token is the one the caller presented (the router resolved it). */
export function issueEventTicket(s: Services, session: ResolvedSession): string {
  const ticket = randomBytes(24).toString('base64url');
  ticketsOf(s).set(ticket, session.token);
  return ticket;
}

/** The live, unlocked session behind a ticket, or null (unknown ticket, ended or locked session). */
export function sessionForTicket(s: Services, ticket: string | null): ResolvedSession | null {
  const token = ticket ? ticketsOf(s).get(ticket) : undefined;
  if (!token) return null;
  const session = resolveSession(s, token, false);
  if (!session || session.locked) {
    ticketsOf(s).delete(ticket!);
    return null;
  }
  return session;
}

/** Whether this session may see this event: a job only its owner's and managers'. */
export function mayReceive(session: ResolvedSession, e: AppEvent): boolean {
  if (e.type === 'job') return mayFollowJob(actorOf(session.user), e.ownerId);
  return true;
}
