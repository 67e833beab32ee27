// POST /v1/packages/<sha256>/finalize: after the tus upload completed, the receiver hashes the
// bytes itself (never trusting the client's sha256), judges the package (verdict.ts), keeps it in
// the store once by hash (accepted and quarantined ones; a rejected package's bytes are dropped,
// its reasons kept), records it with an audit row in one transaction, and answers with the
// receiver-signed receipt. A package already recorded is answered from the record, so finalizing
// twice — even on another instance or after a restart — returns the same receipt.
import { viReceiver as t } from '../../shared/i18n/vi/receiver';
import { type PackageStatusResponse, type Receipt } from '../../shared/sync/protocol';
import { audited } from './audit';
import { type ClientAuth } from './auth';
import { Limiter } from './limit';
import { type ReceiverContext } from './context';
import { HttpError } from './http';
import { findPackage, statusOf } from './packages';
import { newReceiptId, signReceipt } from './receipts';
import { type Uploads } from './uploads';
import { PACKAGE_JSON, judgePackage } from './verdict';
import { type VerifyReport } from '../services/package/bag-verify';

/** Finalizations under way in this process, by sha256: a second request for the same package waits for the first. */
const inFlight = new Map<string, Promise<PackageStatusResponse>>();

/** Finalizations running at once in this process: a safety cap, above the bench's 32 in flight (see limit.ts). */
export const FINALIZE_CONCURRENCY = 64;
const slots = new Limiter(FINALIZE_CONCURRENCY);

export async function finalizePackage(ctx: ReceiverContext, uploads: Uploads, client: ClientAuth, sha256: string): Promise<PackageStatusResponse> {
  const running = inFlight.get(sha256);
  if (running) return running.catch(() => finalizePackage(ctx, uploads, client, sha256));
  const p = slots
    .run(() => finalizeOnce(ctx, uploads, client, sha256))
    .catch(async (e: unknown) => {
      // Another instance may have finalized the same bytes meanwhile (and moved them): its record stands.
      const row = await findPackage(ctx, sha256).catch(() => undefined);
      if (row) return statusOf(row);
      throw e;
    });
  inFlight.set(sha256, p);
  try {
    return await p;
  } finally {
    inFlight.delete(sha256);
  }
}

async function finalizeOnce(ctx: ReceiverContext, uploads: Uploads, client: ClientAuth, sha256: string): Promise<PackageStatusResponse> {
  const known = await findPackage(ctx, sha256);
  if (known) {
    // The same bytes uploaded again: answer from the record and drop the new copy.
    const again = await uploads.findComplete(client.officeKey, sha256);
    if (again && 'id' in again) await uploads.remove(again.id);
    return statusOf(known);
  }

  // The bytes: a completed upload of this office, or (after a crash between storing and
  // recording) a file already in the store under this hash.
  // Hashing and verification run in the check pool's worker threads (check-pool.ts), off this event loop.
  let source: { path: string; size: number; uploadId: string | null; filename: string };
  let report: VerifyReport | null;
  const check = (file: string, declared: string | null) => ctx.checks.check({ file, sha256: declared, now: ctx.now(), keepPayload: [PACKAGE_JSON] });
  if (await ctx.store.has(sha256)) {
    const p = await ctx.store.localPath(sha256);
    const h = await check(p, null);
    report = h.report;
    source = { path: p, size: h.size, uploadId: null, filename: `${sha256}.zip` };
  } else {
    const found = await uploads.findComplete(client.officeKey, sha256);
    if (!found) throw new HttpError(404, 'NO_UPLOAD', t.finalize.noUpload);
    if ('incomplete' in found) throw new HttpError(409, 'UPLOAD_INCOMPLETE', t.finalize.incomplete(found.incomplete.offset, found.incomplete.size));
    const h = await check(found.path, sha256);
    report = h.report;
    if (h.sha256 !== sha256) {
      await uploads.remove(found.id);
      await audited(ctx.db, ctx.now, async (_trx, audit) => {
        await audit({
          actor: `office:${client.officeKey}`,
          action: 'upload.hash-mismatch',
          entity: 'upload',
          entityId: found.id,
          data: { declared: sha256, actual: h.sha256, size: h.size },
        });
      });
      throw new HttpError(422, 'HASH_MISMATCH', t.finalize.hashMismatch(sha256, h.sha256));
    }
    const row = await ctx.db.selectFrom('upload').select('filename').where('id', '=', found.id).executeTakeFirst();
    source = { path: found.path, size: h.size, uploadId: found.id, filename: row?.filename ?? `${sha256}.zip` };
  }

  const verdict = await judgePackage(ctx, source.path, report!);
  const keep = verdict.status !== 'rejected';
  if (keep && source.uploadId) await ctx.store.putFile(sha256, source.path);
  const identity = await ctx.identity();
  const office = verdict.office ?? client.officeKey;

  const result = await audited(ctx.db, ctx.now, async (trx, audit) => {
    // Another request (or instance) may have recorded it meanwhile: its record wins.
    const raced = await trx.selectFrom('package').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    if (raced) return statusOf(raced);
    const receivedAt = ctx.now();
    const receiptId = keep ? newReceiptId(receivedAt) : null;
    const head = await audit({
      actor: `office:${client.officeKey}`,
      action: `package.${verdict.status}`,
      entity: 'package',
      entityId: sha256,
      data: { office, size: source.size, signer: verdict.signerFingerprint, receiptId, reasons: verdict.reasons.map((r) => r.check) },
    });
    // A rejected package gets no receipt: its content (and so the office it names) is not trusted.
    const receipt: Receipt | null = receiptId ? { receiptId, sha256, office, receivedAt, status: verdict.status, auditHead: head } : null;
    const signed = receipt ? signReceipt(receipt, identity.privateKey) : null;
    const row = {
      sha256,
      office_key: office,
      sender_office: client.officeKey,
      status: verdict.status,
      reasons_json: JSON.stringify(verdict.reasons),
      receipt_json: signed ? JSON.stringify(signed) : null,
      received_at: receivedAt,
      signer_fingerprint: verdict.signerFingerprint,
      signer_holder: verdict.signerHolder,
      signing_time: verdict.signingTime,
      size: source.size,
      kind: verdict.kind,
      year: verdict.year,
      filename: source.filename,
      stored: keep ? 1 : 0,
      decided_by: null,
      decided_at: null,
      decision_reason: null,
    };
    await trx.insertInto('package').values(row).execute();
    return statusOf(row);
  });
  if (source.uploadId) await uploads.remove(source.uploadId);
  return result;
}

/** GET /v1/packages/<sha256>/status: only for the office the package names or the office that sent it. */
export async function packageStatus(ctx: ReceiverContext, client: ClientAuth, sha256: string): Promise<PackageStatusResponse> {
  const row = await findPackage(ctx, sha256);
  if (!row || (row.office_key !== client.officeKey && row.sender_office !== client.officeKey)) throw new HttpError(404, 'NOT_FOUND', t.packages.notFound);
  return statusOf(row);
}
