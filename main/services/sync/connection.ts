// The one enrolled receiver: reading it, showing it (without its token), and probing its health.
// Every answer from the receiver is contact: it updates "last contact" and feeds the trusted clock.
import type { Services } from '../context';
import type { SyncConnectionTable } from '../../db/schema';
import { observeTrustedTime } from '../trusted-time';
import { httpRequest, checkAnswer, parseJson, endpoint } from './http';
import { SyncFault, faultMessage } from './faults';
import { healthResponse, type HealthResponse } from '../../../shared/sync/protocol';
import type { ConnectionView } from '../../../shared/api/sync-schemas';

export type Connection = SyncConnectionTable;

export const getConnection = (s: Services): Connection | null => s.db.first(s.db.q.selectFrom('sync_connection').selectAll().where('id', '=', 1)) ?? null;

export function connectionView(c: Connection, warning: string | null = null): ConnectionView {
  return {
    url: c.url,
    office: c.office_key,
    receiverFingerprint: c.receiver_fingerprint,
    signerFingerprint: c.signer_fingerprint,
    enrolledAt: c.enrolled_at,
    lastContactAt: c.last_contact_at,
    lastError: c.last_error,
    warning,
  };
}

/** Records the outcome of talking to the receiver (not audited: it changes every few seconds). */
export function noteContact(s: Services, error: string | null): void {
  const now = s.clock.now();
  if (error === null) s.db.run(s.db.q.updateTable('sync_connection').set({ last_contact_at: now, last_error: null, updated_at: now }).where('id', '=', 1));
  else s.db.run(s.db.q.updateTable('sync_connection').set({ last_error: error, updated_at: now }).where('id', '=', 1));
}

export const authHeaders = (c: Connection) => ({ authorization: `Bearer ${c.client_token}` });

/** GET /v1/health of `url`: the receiver is there and its answer is its (trusted) time. */
export async function probeHealth(s: Services, url: string, timeoutMs = 10_000): Promise<HealthResponse> {
  const a = await httpRequest(endpoint(url, '/v1/health'), { method: 'GET', headers: { accept: 'application/json' }, timeoutMs });
  checkAnswer(a, [200]);
  const h = parseJson(a, healthResponse, 'health');
  observeTrustedTime(s, h.time);
  return h;
}

/** Probes the enrolled receiver and records the contact (or the fault) on the connection. */
export async function probeConnection(s: Services, c: Connection): Promise<SyncFault | null> {
  try {
    await probeHealth(s, c.url);
    noteContact(s, null);
    return null;
  } catch (e) {
    const fault = e instanceof SyncFault ? e : new SyncFault('unreachable', faultMessage(e));
    noteContact(s, fault.message);
    return fault;
  }
}
