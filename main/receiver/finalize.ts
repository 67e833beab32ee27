// POST /v1/packages/<sha256>/finalize: after the tus upload completed, the receiver hashes the
// bytes itself (never trusting the client's sha256), judges the package (verdict.ts), keeps it in
// the store once by hash (accepted and quarantined ones; a rejected package's bytes are dropped,
// its reasons kept), records it with an audit row in one transaction, and answers with the
// receiver-signed receipt. A package already recorded is answered from the record, so finalizing
// twice — even on another instance or after a restart — returns the same receipt. Stages: the
// check (worker threads, check-pool.ts), the verdict, the store, the record (batched, record.ts).
import { viReceiver as t } from '../../shared/i18n/vi/receiver';
import { type PackageStatusResponse } from '../../shared/sync/protocol';
import { audited } from './audit';
import { type ClientAuth } from './auth';
import { Limiter } from './limit';
import { type ReceiverContext } from './context';
import { HttpError } from './http';
import { findPackage, statusOf } from './packages';
import { PackageRecorder } from './record';
import { type StageClock } from './timings';
import { type Uploads } from './uploads';
import { PACKAGE_JSON, judgePackage } from './verdict';
import { type VerifyReport } from '../services/package-format/bag-verify';

/** Finalizations under way in this process, by sha256: a second request for the same package waits for the first. */
const inFlight = new Map<string, Promise<PackageStatusResponse>>();

/** Finalizations running at once in this process: a safety cap, above the bench's 32 in flight (see limit.ts). */
export const FINALIZE_CONCURRENCY = 64;
const slots = new Limiter(FINALIZE_CONCURRENCY);

/** One recorder per open receiver (the server's context; a test may open several). */
const recorders = new WeakMap<ReceiverContext, PackageRecorder>();
function recorderOf(ctx: ReceiverContext): PackageRecorder {
  let r = recorders.get(ctx);
  if (!r) recorders.set(ctx, (r = new PackageRecorder(ctx)));
  return r;
}

export async function finalizePackage(
  ctx: ReceiverContext,
  uploads: Uploads,
  client: ClientAuth,
  sha256: string,
  clock: StageClock | null = null,
): Promise<PackageStatusResponse> {
  const running = inFlight.get(sha256);
  if (running) return running.catch(() => finalizePackage(ctx, uploads, client, sha256));
  const p = slots
    .run(() => finalizeOnce(ctx, uploads, client, sha256, clock))
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

async function finalizeOnce(
  ctx: ReceiverContext,
  uploads: Uploads,
  client: ClientAuth,
  sha256: string,
  clock: StageClock | null,
): Promise<PackageStatusResponse> {
  clock?.mark('queue');
  // Both questions at once (with PostgreSQL, one round trip's wait instead of two).
  const [known, found] = await Promise.all([findPackage(ctx, sha256), uploads.findComplete(client.officeKey, sha256)]);
  if (known) {
    // The same bytes uploaded again: answer from the record and drop the new copy.
    if (found && 'id' in found) await uploads.remove(found.id);
    return statusOf(known);
  }

  // The bytes: a completed upload of this office, or (after a crash between storing and
  // recording) a file already in the store under this hash.
  // Hashing and verification run in the check pool's worker threads (check-pool.ts), off this event loop.
  let source: { path: string; size: number; uploadId: string | null; filename: string };
  let report: VerifyReport | null;
  const check = (file: string, declared: string | null, hashed?: { sha256: string; size: number }) =>
    ctx.checks.check({ file, sha256: declared, now: ctx.now(), keepPayload: [PACKAGE_JSON], ...(hashed ? { hashed } : {}) });
  if (found && 'id' in found) {
    clock?.mark('lookup');
    const hashed = uploads.takeHash(found.id, found.size);
    const h = await check(found.path, sha256, hashed ? { sha256: hashed, size: found.size } : undefined);
    clock?.mark('check');
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
    source = { path: found.path, size: h.size, uploadId: found.id, filename: found.filename };
  } else if (await ctx.store.has(sha256)) {
    const p = await ctx.store.localPath(sha256);
    const h = await check(p, null);
    report = h.report;
    source = { path: p, size: h.size, uploadId: null, filename: `${sha256}.zip` };
  } else if (found) {
    throw new HttpError(409, 'UPLOAD_INCOMPLETE', t.finalize.incomplete(found.incomplete.offset, found.incomplete.size));
  } else throw new HttpError(404, 'NO_UPLOAD', t.finalize.noUpload);

  const verdict = await judgePackage(ctx, source.path, report!);
  clock?.mark('verdict');
  if (verdict.status !== 'rejected' && source.uploadId) await ctx.store.putFile(sha256, source.path);
  clock?.mark('store');
  // Recorded with others waiting at the same moment, in one transaction (record.ts).
  const result = await recorderOf(ctx).record({ sha256, client, verdict, size: source.size, filename: source.filename, uploadId: source.uploadId });
  clock?.mark('record');
  // The upload's record went with the package's; its files (the bytes unless moved into the
  // store, and tus's .json) follow right after the answer: on a busy morning each file-system
  // call waits behind the uploads' writes, and the office need not wait for that. Left behind by
  // a crash, they expire with other stale uploads.
  if (source.uploadId) void uploads.removeFiles(source.uploadId).catch(() => undefined);
  return result;
}

/** GET /v1/packages/<sha256>/status: only for the office the package names or the office that sent it. */
export async function packageStatus(ctx: ReceiverContext, client: ClientAuth, sha256: string): Promise<PackageStatusResponse> {
  const row = await findPackage(ctx, sha256);
  if (!row || (row.office_key !== client.officeKey && row.sender_office !== client.officeKey)) throw new HttpError(404, 'NOT_FOUND', t.packages.notFound);
  return statusOf(row);
}
