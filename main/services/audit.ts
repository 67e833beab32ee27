// Append-only audit log. `appendAudit` takes the write-transaction handle of the change it
// records (db.tx hands it out), so the change and its record land together or not at all — a
// type, checked by the compiler — and once that transaction commits the chain's new head is
// anchored outside the database.
import type { Services, Actor } from './context';
import type { Db, WriteTx } from '../db/connection';
import { GENESIS_HASH, findChainBreak, rowHash, type ChainedRow } from '../domain/audit-chain';
import type { AuditEntry, ChainReport } from '../../shared/api/schemas';
import { vi } from '../../shared/i18n/vi';
import { appendAnchor } from './audit-anchor';
import { currentRemoteAddress } from './request-origin';
import { auditWords } from './audit-words';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

const toJson = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

export function appendAudit(_tx: WriteTx, s: Services, actor: Actor, rec: AuditRecord): void {
  const { db } = s;
  // A handle kept past its transaction would still type-check: refuse it here too.
  if (!db.sqlite.inTransaction) throw new Error(`appendAudit outside a transaction (${rec.action})`);
  const last = db.first(db.q.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1));
  const content = {
    seq: (last?.seq ?? 0) + 1,
    at: s.clock.now(),
    userId: actor.id,
    actorName: actor.name,
    action: rec.action,
    entity: rec.entity,
    entityId: rec.entityId == null ? null : String(rec.entityId),
    beforeJson: toJson(rec.before),
    afterJson: toJson(rec.after),
    // A change made from another PC over the office network carries that PC's address.
    remoteAddr: currentRemoteAddress(),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = rowHash(prevHash, content);
  db.run(
    db.q.insertInto('audit_log').values({
      seq: content.seq,
      at: content.at,
      user_id: content.userId,
      actor_name: content.actorName,
      action: content.action,
      entity: content.entity,
      entity_id: content.entityId,
      before_json: content.beforeJson,
      after_json: content.afterJson,
      prev_hash: prevHash,
      hash,
      remote_addr: content.remoteAddr,
    }),
  );
  // Only once the commit is on the disk: an anchor ahead of the database after a power cut would
  // look like rows deleted at the end (db check), and the commits no longer flush one by one.
  db.afterDurable(() => appendAnchor(s.dataDir, content.seq, hash));
}

export function listAudit(s: Services, beforeSeq: number | undefined, limit: number): { entries: AuditEntry[]; hasMore: boolean } {
  const { db } = s;
  let query = db.q
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(limit + 1);
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
  const rows = db.all(query);
  return {
    hasMore: rows.length > limit,
    entries: rows.slice(0, limit).map((r) => {
      const before = r.before_json == null ? null : (JSON.parse(r.before_json) as unknown);
      const after = r.after_json == null ? null : (JSON.parse(r.after_json) as unknown);
      return {
        seq: r.seq,
        at: r.at,
        userId: r.user_id,
        actorName: r.actor_name,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before,
        after,
        remoteAddr: r.remote_addr,
        ...auditWords(s, r.entity, r.entity_id, before, after),
      };
    }),
  };
}

/** Walks the whole chain (streamed row by row, so a long log does not sit in memory). */
export function verifyAuditChain(db: Db): ChainReport {
  const stmt = db.sqlite.prepare(
    `SELECT seq, at, user_id AS userId, actor_name AS actorName, action, entity, entity_id AS entityId,
            before_json AS beforeJson, after_json AS afterJson, remote_addr AS remoteAddr, prev_hash AS prevHash, hash
       FROM audit_log ORDER BY seq`,
  );
  let rows = 0;
  const counted = (function* () {
    for (const r of stmt.iterate() as Iterable<ChainedRow>) {
      rows++;
      yield r;
    }
  })();
  const broken = findChainBreak(counted);
  if (!broken) return { rows, ok: true, firstBrokenSeq: null, message: vi.db.chainOk(rows) };
  const message = broken.kind === 'tampered' ? vi.db.chainTampered(broken.seq) : vi.db.chainUnlinked(broken.seq);
  return { rows, ok: false, firstBrokenSeq: broken.seq, message };
}
