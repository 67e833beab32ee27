// The council's results sent back by the province's receiver: fetched on a sync contact
// (GET /v1/appraisals), each verified with the receiver certificate pinned at enrollment — and
// only with it — and for this office; then checked against the year's assessment like an imported
// file (all or nothing) and stored with source 'receiver'. A result already stored (same id) is
// skipped; one that does not verify or check is logged and left, never half-stored.
import { X509Certificate, verify } from 'node:crypto';
import type { Services } from '../context';
import { SYSTEM_ACTOR } from '../context';
import { createLogger } from '../log';
import { ApiError } from '../../../shared/errors';
import { appraisalListResponse, appraisalPayload, APPRAISALS_PATH, type SignedAppraisalFile } from '../../../shared/sync/appraisal';
import { authHeaders, type Connection } from '../sync/connection';
import { certificateFingerprint } from '../sync/receipts';
import { endpoint, httpRequest, checkAnswer, parseJson } from '../sync/http';
import { checkAppraisalFile, storeAppraisal } from './results';
import { viAppraisal } from '../../../shared/i18n/vi/appraisal';

const log = createLogger('appraisal');

export type PulledResult = { year: number; id: string; outcome: 'stored' | 'known' | 'refused'; reason?: string };

/** The payload of a signed results file when it verifies with the pinned certificate and names `office`; else null. */
export function verifiedPayload(file: SignedAppraisalFile, pin: { certificatePem: string; fingerprint: string }, office: string) {
  try {
    if (certificateFingerprint(pin.certificatePem) !== pin.fingerprint) return null;
    const key = new X509Certificate(pin.certificatePem).publicKey;
    if (!verify('sha256', Buffer.from(file.payload, 'utf8'), key, Buffer.from(file.signature, 'base64'))) return null;
    const p = appraisalPayload.safeParse(JSON.parse(file.payload));
    return p.success && p.data.office === office ? p.data : null;
  } catch {
    return null;
  }
}

/** Stores each verified result not seen before; returns what happened to each (for logs and tests). */
export function acceptAppraisals(s: Services, conn: Connection, files: readonly SignedAppraisalFile[]): PulledResult[] {
  const out: PulledResult[] = [];
  for (const f of files) {
    const p = verifiedPayload(f, { certificatePem: conn.receiver_certificate_pem, fingerprint: conn.receiver_fingerprint }, conn.office_key);
    if (!p) {
      out.push({ year: 0, id: '', outcome: 'refused', reason: 'signature' });
      continue;
    }
    const name = `${p.sourceName} (${p.id})`;
    const a = s.db.first(s.db.q.selectFrom('assessment').selectAll().where('year', '=', p.year));
    const known = a && s.db.first(s.db.q.selectFrom('appraisal').select('source_name').where('assessment_id', '=', a.id));
    if (!a || known?.source_name === name) {
      out.push({ year: p.year, id: p.id, outcome: 'known', ...(a ? {} : { reason: 'no assessment' }) });
      continue;
    }
    try {
      const results = checkAppraisalFile(s, a, { meta: p.meta, rows: p.rows.map((r) => ({ ...r, source: viAppraisal.where.row(r.row) })) }, p.sourceName);
      storeAppraisal(s, SYSTEM_ACTOR, a, results, { kind: 'receiver', name });
      out.push({ year: p.year, id: p.id, outcome: 'stored' });
    } catch (e) {
      const reason = e instanceof ApiError ? [e.message, ...(e.issues ?? []).slice(0, 5).map((i) => `${i.path}: ${i.message}`)].join(' ') : String(e);
      log.warn('appraisal from the receiver refused', { year: p.year, id: p.id, reason });
      out.push({ year: p.year, id: p.id, outcome: 'refused', reason });
    }
  }
  return out;
}

/** Asks the receiver for this office's results and accepts what verifies. Network faults propagate to the caller. */
export async function pullAppraisals(s: Services, conn: Connection): Promise<PulledResult[]> {
  const a = await httpRequest(endpoint(conn.url, APPRAISALS_PATH), {
    method: 'GET',
    headers: { ...authHeaders(conn), accept: 'application/json' },
    timeoutMs: 15_000,
  });
  checkAnswer(a, [200]);
  const list = parseJson(a, appraisalListResponse, 'appraisals');
  return acceptAppraisals(s, conn, list.appraisals);
}
