// Enrollment: the office presents its signing certificate to the receiver with the one-time code
// the province issued, gets a bearer token back, and pins the receiver's certificate (its SHA-256)
// — receipts are later verified against exactly that certificate.
import { X509Certificate } from 'node:crypto';
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { requireOffice } from '../office';
import { keyStore } from '../submission/identity';
import { addTrustAnchor } from '../submission/trust-store';
import { observeTrustedTime } from '../trusted-time';
import { httpRequest, checkAnswer, parseJson, endpoint, errorOf } from './http';
import { probeHealth, getConnection, connectionView } from './connection';
import { certificateFingerprint } from './receipts';
import { setState } from './outbox';
import { sealToken } from './token-seal';
import { SyncFault } from './faults';
import { enrollResponse, officeKeyOf } from '../../../shared/sync/protocol';
import type { ConnectionView } from '../../../shared/api/sync-schemas';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';

const e = vi.sync.enroll;

/** Accepts "https://host[:port][/prefix]" (a reverse proxy may add a prefix); keeps it with a trailing slash. */
export function normaliseReceiverUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new ApiError('VALIDATION', e.badUrl, [{ path: 'url', message: e.badUrl }]);
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password) {
    throw new ApiError('VALIDATION', e.badUrl, [{ path: 'url', message: e.badUrl }]);
  }
  u.search = '';
  u.hash = '';
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u.toString();
}

/** The receiver's refusal of a code, in words a clerk can act on. */
function enrollRefusal(status: number, err: { code: string; message: string } | null): ApiError {
  const code = (err?.code ?? '').toUpperCase();
  const msg = err?.message ?? '';
  let text: string;
  if (/EXPIRED/.test(code) || (status === 410 && !/USED/.test(code))) text = e.expiredCode;
  else if (/USED|CONSUMED|REUSE/.test(code)) text = e.usedCode;
  else if (/CODE|NOT_FOUND|INVALID/.test(code) || status === 404) text = e.badCode;
  else text = e.refused(msg || String(status));
  return new ApiError('BAD_CREDENTIALS', text, [{ path: 'code', message: text }]);
}

/** Network and protocol faults become an ApiError with the same Vietnamese words. */
const asApiError = (x: unknown) => (x instanceof SyncFault ? new ApiError('CONFLICT', x.message) : x);

export async function enroll(s: Services, actor: Actor, input: { url: string; code: string }): Promise<ConnectionView> {
  const office = requireOffice(s);
  const url = normaliseReceiverUrl(input.url);
  const stored = await keyStore(s).info();
  if (!stored) throw new ApiError('NOT_SET_UP', e.noKey);
  try {
    await probeHealth(s, url);
    const a = await httpRequest(endpoint(url, '/v1/enroll'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: Buffer.from(JSON.stringify({ code: input.code.trim(), certificatePem: stored.certificatePem })),
    });
    // A refusal of the code comes as the receiver's JSON error; an HTML 404 is a wrong address (checkAnswer).
    if (a.status >= 400 && a.status < 500 && a.status !== 413 && errorOf(a)) throw enrollRefusal(a.status, errorOf(a));
    checkAnswer(a, [200, 201]);
    const r = parseJson(a, enrollResponse, 'enroll');
    let fingerprint: string;
    try {
      new X509Certificate(r.receiverCertificatePem);
      fingerprint = certificateFingerprint(r.receiverCertificatePem);
    } catch {
      throw new ApiError('CONFLICT', e.badCertificate);
    }
    observeTrustedTime(s, r.enrolledAt);
    const ours = officeKeyOf(office);
    const warning = r.office.normalize('NFC').toLowerCase() === ours.toLowerCase() ? null : e.officeDiffers(r.office, ours);
    const signer = certificateFingerprint(stored.certificatePem);
    const now = s.clock.now();
    s.db.tx((w) => {
      const before = getConnection(s);
      const row = {
        url,
        office_key: r.office,
        client_token: sealToken(s, r.clientToken),
        receiver_certificate_pem: r.receiverCertificatePem,
        receiver_fingerprint: fingerprint,
        signer_fingerprint: signer,
        enrolled_at: r.enrolledAt,
        last_contact_at: now,
        last_error: null,
        updated_at: now,
      };
      if (before) s.db.run(s.db.q.updateTable('sync_connection').set(row).where('id', '=', 1));
      else s.db.run(s.db.q.insertInto('sync_connection').values({ id: 1, ...row }));
      // Waiting packages may now go; the token itself is never written to the log.
      s.db.run(s.db.q.updateTable('outbox').set({ next_try_at: now, updated_at: now }).where('state', 'in', ['waiting', 'sending']));
      // Packages stopped because the old token was refused go again with the new one.
      const stopped = s.db.all(s.db.q.selectFrom('outbox').select('id').where('state', '=', 'failed').where('last_error', '=', vi.sync.faults.unauthorized));
      for (const r of stopped) setState(s, actor, r.id, { state: 'waiting', next_try_at: now, last_error: null }, 'sync.retry');
      // Trust anchors (DESIGN §7): the certificate the province now knows as this office's, and the receiver's own.
      addTrustAnchor(s, actor, { certificatePem: stored.certificatePem, source: 'enrolled', name: r.office });
      addTrustAnchor(s, actor, { certificatePem: r.receiverCertificatePem, source: 'receiver', name: e.receiverAnchor(r.office) });
      appendAudit(w, s, actor, {
        action: 'sync.enroll',
        entity: 'sync_connection',
        entityId: 1,
        before: before ? { url: before.url, office: before.office_key, receiverFingerprint: before.receiver_fingerprint } : undefined,
        after: { url, office: r.office, receiverFingerprint: fingerprint, signerFingerprint: signer },
      });
    });
    return connectionView(getConnection(s)!, warning);
  } catch (x) {
    throw asApiError(x);
  }
}

export function disconnect(s: Services, actor: Actor): void {
  s.db.tx((w) => {
    const before = getConnection(s);
    if (!before) return;
    s.db.run(s.db.q.deleteFrom('sync_connection').where('id', '=', 1));
    appendAudit(w, s, actor, { action: 'sync.disconnect', entity: 'sync_connection', entityId: 1, before: { url: before.url, office: before.office_key } });
  });
}
