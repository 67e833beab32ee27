// The receiver's own audit log: every action (code issued, enrolled, package accepted /
// quarantined / rejected, operator decisions, exports) is a row hash-chained to the one before —
// sha256(previous hash, "\n", canonical JSON of the row's content) — and appended in the same
// transaction as the change it records. The head {seq, hash} goes into every receipt, which
// anchors the log outside the database: a rewritten history no longer matches receipts the
// communes already hold.
import { createHash } from 'node:crypto';
import { type Kysely, type Transaction } from 'kysely';
import { GENESIS_HASH, canonicalJson } from '../domain/audit-chain';
import { barrierOf } from './db/durability';
import { type ReceiverDB } from './db/schema';

export type Tx = Transaction<ReceiverDB>;

export interface AuditEntry {
  /** Who: `office:<key>`, `operator:<name>`, `cli:<user>`. */
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  data: Record<string, unknown>;
}

export interface AuditHead {
  seq: number;
  hash: string;
}

export function auditRowHash(
  prevHash: string,
  r: { seq: number; at: number; actor: string; action: string; entity: string; entity_id: string | null; data_json: string },
) {
  const body = canonicalJson([r.seq, r.at, r.actor, r.action, r.entity, r.entity_id, r.data_json]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** The audit row that follows `head` (not yet written). */
export function chainRow(head: AuditHead, at: number, e: AuditEntry) {
  const row = {
    seq: head.seq + 1,
    at,
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    data_json: canonicalJson(e.data),
    prev_hash: head.hash,
  };
  return { ...row, hash: auditRowHash(head.hash, row) };
}

/** Takes the head's lock (see `audited`) and reads it, in one statement. */
export async function lockHead(trx: Tx): Promise<AuditHead> {
  const h = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { seq: Number(h.seq), hash: h.hash };
}

/** The statements that write rows made by chainRow (in order, from the locked head) and move the head to the last. */
export function chainWrites(trx: Tx, rows: ReturnType<typeof chainRow>[]) {
  const last = rows.at(-1);
  if (!last) return [];
  return [trx.insertInto('audit').values(rows), trx.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).where('id', '=', 1)];
}

export async function writeChain(trx: Tx, rows: ReturnType<typeof chainRow>[]): Promise<void> {
  for (const w of chainWrites(trx, rows)) await w.execute();
}

export type AppendAudit = (e: AuditEntry) => Promise<AuditHead>;

/**
 * Runs fn in one transaction that starts by taking the audit head's lock (an UPDATE of its row:
 * a row lock in PostgreSQL, the database write lock in SQLite), so concurrent writers — another
 * instance, or the CLI beside a running server — append one after the other and the chain never
 * forks. Everything fn writes and the audit rows it appends commit together or not at all, and
 * are durable when it resolves.
 */
export async function audited<T>(db: Kysely<ReceiverDB>, now: () => number, fn: (trx: Tx, audit: AppendAudit) => Promise<T>): Promise<T> {
  const result = await db.transaction().execute(async (trx) => {
    let head = await lockHead(trx);
    return fn(trx, async (e) => {
      const row = chainRow(head, now(), e);
      await writeChain(trx, [row]);
      head = { seq: row.seq, hash: row.hash };
      return head;
    });
  });
  // Whatever the caller answers next promises this commit: on disk first (durability.ts).
  await barrierOf(db).flush();
  return result;
}

export async function auditHead(db: Kysely<ReceiverDB>): Promise<AuditHead> {
  const h = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(h.seq), hash: h.hash };
}

/** Re-checks the whole chain; returns the first broken seq, or null when it is whole and matches the head. */
export async function findAuditBreak(db: Kysely<ReceiverDB>): Promise<number | null> {
  const rows = await db.selectFrom('audit').selectAll().orderBy('seq').execute();
  let prev = GENESIS_HASH;
  let seq = 0;
  for (const r of rows) {
    const s = Number(r.seq);
    if (s !== seq + 1 || r.prev_hash !== prev || auditRowHash(r.prev_hash, { ...r, seq: s, at: Number(r.at) }) !== r.hash) return s;
    prev = r.hash;
    seq = s;
  }
  const head = await auditHead(db);
  return head.seq === seq && head.hash === prev ? null : seq + 1;
}
