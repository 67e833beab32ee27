// Finalize's last stage: recording judged packages. Every record takes the audit head's lock
// (audit.ts), so records are serial by nature — across instances too. One at a time, each held
// the lock for ~8 statements (with PostgreSQL, 8 round trips) plus a commit, and 32 offices
// finalizing at once queued behind one another. Here whatever is waiting when the previous
// transaction ends is recorded together: one lock, one read of the head, one multi-row insert of
// the audit rows and one of the packages, the uploads' records deleted, one commit — then one
// shared flush (durability.ts) before anyone is answered. If a batch fails, its packages are
// recorded one by one, so one bad record never fails the others.
import { type PackageStatusResponse, type Receipt } from '../../shared/sync/protocol';
import { sql } from 'kysely';
import { chainRow, chainWrites, lockHead, type AuditHead } from './audit';
import { type ClientAuth } from './auth';
import { type ReceiverContext } from './context';
import { statusOf, type PackageRow } from './packages';
import { newReceiptId, signReceipt } from './receipts';
import { type Verdict } from './verdict';

export interface Recording {
  sha256: string;
  client: ClientAuth;
  verdict: Verdict;
  size: number;
  filename: string;
  /** The completed upload the bytes came from: its record is deleted in the same transaction. */
  uploadId: string | null;
}

interface Waiting {
  item: Recording;
  resolve: (r: PackageStatusResponse) => void;
  reject: (e: unknown) => void;
}

/** Most packages recorded in one transaction (bounded: parameters per statement, lock time). */
export const RECORD_BATCH = 64;

export class PackageRecorder {
  private waiting: Waiting[] = [];
  private running = false;
  /** Transactions committed (the bench and tests read it). */
  batches = 0;

  constructor(private readonly ctx: ReceiverContext) {}

  record(item: Recording): Promise<PackageStatusResponse> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, RECORD_BATCH);
        let results: PackageStatusResponse[];
        try {
          results = await recordBatch(
            this.ctx,
            batch.map((w) => w.item),
          );
          this.batches++;
        } catch (e) {
          if (batch.length === 1) batch[0]!.reject(e);
          else await this.recordSingly(batch);
          continue;
        }
        // The next batch starts at once; these answer when their commit is on disk.
        this.ctx.rdb.durable.flush().then(
          () => batch.forEach((w, i) => w.resolve(results[i]!)),
          (e: unknown) => batch.forEach((w) => w.reject(e)),
        );
      }
    } finally {
      this.running = false;
    }
  }

  /** After a failed batch: its packages one transaction each. */
  private async recordSingly(batch: Waiting[]): Promise<void> {
    for (const w of batch) {
      try {
        const [r] = await recordBatch(this.ctx, [w.item]);
        this.batches++;
        await this.ctx.rdb.durable.flush();
        w.resolve(r!);
      } catch (e) {
        w.reject(e);
      }
    }
  }
}

async function recordBatch(ctx: ReceiverContext, items: Recording[]): Promise<PackageStatusResponse[]> {
  const identity = await ctx.identity();
  return ctx.db.transaction().execute(async (trx) => {
    let head: AuditHead = await lockHead(trx);
    const shas = [...new Set(items.map((i) => i.sha256))];
    // Recorded meanwhile by another instance (or earlier in this batch): that record wins.
    const known = new Map<string, PackageRow>((await trx.selectFrom('package').selectAll().where('sha256', 'in', shas).execute()).map((r) => [r.sha256, r]));
    const receivedAt = ctx.now();
    const audits: ReturnType<typeof chainRow>[] = [];
    const rows: PackageRow[] = [];
    const results = items.map((item): PackageStatusResponse => {
      const already = known.get(item.sha256);
      if (already) return statusOf(already);
      const { verdict, sha256 } = item;
      const keep = verdict.status !== 'rejected';
      const office = verdict.office ?? item.client.officeKey;
      const receiptId = keep ? newReceiptId(receivedAt) : null;
      const audit = chainRow(head, receivedAt, {
        actor: `office:${item.client.officeKey}`,
        action: `package.${verdict.status}`,
        entity: 'package',
        entityId: sha256,
        data: { office, size: item.size, signer: verdict.signerFingerprint, receiptId, reasons: verdict.reasons.map((r) => r.check) },
      });
      head = { seq: audit.seq, hash: audit.hash };
      audits.push(audit);
      // A rejected package gets no receipt: its content (and so the office it names) is not trusted.
      const receipt: Receipt | null = receiptId ? { receiptId, sha256, office, receivedAt, status: verdict.status, auditHead: head } : null;
      const signed = receipt ? signReceipt(receipt, identity.privateKey) : null;
      const row: PackageRow = {
        sha256,
        office_key: office,
        sender_office: item.client.officeKey,
        status: verdict.status,
        reasons_json: JSON.stringify(verdict.reasons),
        receipt_json: signed ? JSON.stringify(signed) : null,
        received_at: receivedAt,
        signer_fingerprint: verdict.signerFingerprint,
        signer_holder: verdict.signerHolder,
        signing_time: verdict.signingTime,
        size: item.size,
        kind: verdict.kind,
        year: verdict.year,
        filename: item.filename,
        stored: keep ? 1 : 0,
        decided_by: null,
        decided_at: null,
        decision_reason: null,
      };
      rows.push(row);
      known.set(sha256, row);
      return statusOf(row);
    });
    const uploadIds = items.flatMap((i) => (i.uploadId ? [i.uploadId] : []));
    const writes = [
      ...(rows.length ? [...chainWrites(trx, audits), trx.insertInto('package').values(rows)] : []),
      ...(uploadIds.length ? [trx.deleteFrom('upload').where('id', 'in', uploadIds)] : []),
    ];
    if (ctx.rdb.dialect === 'postgres' && writes.length > 1) {
      // One round trip for all of them: data-modifying WITH clauses each run once, to completion.
      const clauses = writes.map((w, i) => sql`${sql.ref(`w${i}`)} as (${w})`);
      await sql`with ${sql.join(clauses)} select 1`.execute(trx);
    } else for (const w of writes) await w.execute();
    return results;
  });
}
