// The audit log's hash chain. Pure: given rows, compute or check hashes. Each row's hash covers
// its own content and the previous row's hash, so editing, deleting or inserting a row anywhere
// breaks every link after it.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  seq: number;
  at: number;
  userId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  /** The office-network PC a change came from (migration 011); hashed only when set, so older rows keep their hashes. */
  remoteAddr?: string | null;
}

export interface ChainedRow extends AuditContent {
  prevHash: string;
  hash: string;
}

/** Canonical JSON: object keys sorted at every depth, so the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

export function rowHash(prevHash: string, c: AuditContent): string {
  const fields: unknown[] = [c.seq, c.at, c.userId, c.actorName, c.action, c.entity, c.entityId, c.beforeJson, c.afterJson];
  if (c.remoteAddr != null) fields.push(c.remoteAddr);
  const body = canonicalJson(fields);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export type ChainBreak = { seq: number; kind: 'tampered' | 'unlinked' };

/** Checks rows in seq order; returns the first break, or null when the chain is whole. */
export function findChainBreak(rows: Iterable<ChainedRow>): ChainBreak | null {
  let prev = GENESIS_HASH;
  for (const r of rows) {
    if (r.prevHash !== prev) return { seq: r.seq, kind: 'unlinked' };
    if (rowHash(r.prevHash, r) !== r.hash) return { seq: r.seq, kind: 'tampered' };
    prev = r.hash;
  }
  return null;
}
