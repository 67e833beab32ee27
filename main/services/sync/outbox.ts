// The outbox: one row per package hash (queuing the same package twice is the same row), its
// state, its tus upload address and offset, and the receipt once the province has it. State
// changes a person cares about (queued, sent, quarantined, rejected, failed, retried) are
// audited in the transaction that makes them; bytes and retry timing are not.
import type { WriteTx } from '../../db/connection';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Services, Actor } from '../context';
import type { OutboxTable } from '../../db/schema';
import type { Selectable } from 'kysely';
import { appendAudit } from '../audit';
import { requirePackage } from '../submission/packages';
import { refusalReason, signedReceipt } from '../../../shared/sync/protocol';
import type { OutboxView, OutboxStateName, SyncProgress } from '../../../shared/api/sync-schemas';
import type { PackageKind } from '../../../shared/package-schema';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { z } from 'zod';

export type OutboxRow = Selectable<OutboxTable>;

const reasonsOf = (json: string | null) => {
  if (!json) return [];
  const r = z.array(refusalReason).safeParse(JSON.parse(json));
  return r.success ? r.data : [];
};
const remoteStatusOf = (json: string | null) => {
  if (!json) return null;
  const r = signedReceipt.safeParse(JSON.parse(json));
  return r.success ? r.data.receipt.status : null;
};

export function outboxView(s: Services, r: OutboxRow): OutboxView {
  const pkg = r.package_id === null ? undefined : s.db.first(s.db.q.selectFrom('package').select('ref_id').where('id', '=', r.package_id));
  return {
    id: r.id,
    packageId: r.package_id,
    refId: pkg?.ref_id ?? null,
    kind: r.kind,
    sha256: r.sha256,
    fileName: r.file_name,
    size: r.size,
    state: r.state,
    bytesSent: r.bytes_sent,
    attempts: r.attempts,
    nextTryAt: r.next_try_at,
    lastError: r.last_error,
    receiptId: r.receipt_id,
    receivedAt: r.received_at,
    remoteStatus: remoteStatusOf(r.receipt_json) ?? (r.state === 'rejected' ? 'rejected' : null),
    reasons: reasonsOf(r.remote_reasons_json),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const getRow = (s: Services, id: number) => s.db.first(s.db.q.selectFrom('outbox').selectAll().where('id', '=', id));

export function requireRow(s: Services, id: number): OutboxRow {
  const r = getRow(s, id);
  if (!r) throw new ApiError('NOT_FOUND', vi.sync.outbox.notFound);
  return r;
}

export const listOutbox = (s: Services): OutboxView[] => s.db.all(s.db.q.selectFrom('outbox').selectAll().orderBy('id', 'desc')).map((r) => outboxView(s, r));

export interface QueueInput {
  packageId: number | null;
  path: string;
  sha256: string;
  size: number;
  kind: PackageKind | null;
}

/** Inserts a row, or returns the existing one for the same hash (a failed one is made due again). Call inside a transaction. */
export function queueRow(w: WriteTx, s: Services, actor: Actor, input: QueueInput): OutboxRow {
  const existing = s.db.first(s.db.q.selectFrom('outbox').selectAll().where('sha256', '=', input.sha256));
  const now = s.clock.now();
  if (existing) {
    if (existing.state === 'failed') setState(s, actor, existing.id, { state: 'waiting', next_try_at: now, last_error: null }, 'sync.retry');
    return getRow(s, existing.id)!;
  }
  const { lastInsertRowid } = s.db.run(
    s.db.q.insertInto('outbox').values({
      package_id: input.packageId,
      sha256: input.sha256,
      path: input.path,
      file_name: path.basename(input.path),
      size: input.size,
      kind: input.kind,
      state: 'waiting',
      bytes_sent: 0,
      attempts: 0,
      next_try_at: now,
      created_at: now,
      created_by: actor.id,
      updated_at: now,
    }),
  );
  appendAudit(w, s, actor, {
    action: 'sync.queue',
    entity: 'outbox',
    entityId: lastInsertRowid,
    after: { file: path.basename(input.path), sha256: input.sha256, size: input.size, kind: input.kind },
  });
  const row = getRow(s, lastInsertRowid)!;
  s.events.emit({ type: 'sync', progress: progressOf(row, null) });
  return row;
}

/** A package built here, into the outbox (checks the file is still there and the same size). */
export async function queuePackage(s: Services, actor: Actor, packageId: number): Promise<OutboxRow> {
  const p = requirePackage(s, packageId);
  const st = await stat(p.path).catch(() => null);
  if (!st || st.size !== p.size) throw new ApiError('CONFLICT', vi.sync.faults.localMissing(path.basename(p.path)));
  return s.db.tx((w) => queueRow(w, s, actor, { packageId: p.id, path: p.path, sha256: p.sha256, size: p.size, kind: p.kind }));
}

type Patch = Partial<Omit<OutboxRow, 'id' | 'sha256' | 'created_at' | 'created_by'>>;

const AUDITED: Partial<Record<OutboxStateName, string>> = {
  sent: 'sync.sent',
  quarantined: 'sync.quarantined',
  rejected: 'sync.rejected',
  failed: 'sync.failed',
};

/** Updates a row; a change into sent/quarantined/rejected/failed (or an explicit action) is audited with it. */
export function setState(s: Services, actor: Actor, id: number, patch: Patch, action?: string): OutboxRow {
  return s.db.tx((w) => {
    const before = requireRow(s, id);
    s.db.run(
      s.db.q
        .updateTable('outbox')
        .set({ ...patch, updated_at: s.clock.now() })
        .where('id', '=', id),
    );
    const after = requireRow(s, id);
    const act = action ?? (after.state !== before.state ? AUDITED[after.state] : undefined);
    if (act) {
      appendAudit(w, s, actor, {
        action: act,
        entity: 'outbox',
        entityId: id,
        before: { state: before.state },
        after: {
          state: after.state,
          sha256: after.sha256,
          ...(after.receipt_id ? { receiptId: after.receipt_id } : {}),
          ...(after.state === 'failed' || after.state === 'rejected' ? { reason: after.last_error ?? after.remote_reasons_json } : {}),
        },
      });
    }
    s.events.emit({ type: 'sync', progress: progressOf(after, null) });
    return after;
  });
}

export const progressOf = (r: OutboxRow, bytesPerSecond: number | null): SyncProgress => ({
  outboxId: r.id,
  state: r.state,
  bytesSent: r.bytes_sent,
  size: r.size,
  bytesPerSecond,
});

/** "Thử gửi lại ngay": due now, attempts kept (the backoff grows again from there). */
export function retryRow(s: Services, actor: Actor, id: number): OutboxRow {
  const r = requireRow(s, id);
  if (r.state === 'sent') throw new ApiError('CONFLICT', vi.sync.outbox.cannotRetry);
  return setState(s, actor, id, { state: r.state === 'quarantined' ? 'quarantined' : 'waiting', next_try_at: s.clock.now(), last_error: null }, 'sync.retry');
}

/** Rows the runner should work on now: due uploads first (oldest first), then quarantined rows to ask about. */
export function dueRows(s: Services, now: number): OutboxRow[] {
  return s.db.all(
    s.db.q
      .selectFrom('outbox')
      .selectAll()
      .where('state', 'in', ['waiting', 'sending', 'quarantined'])
      .where('next_try_at', '<=', now)
      .orderBy('next_try_at')
      .orderBy('id'),
  );
}

export function nextDueAt(s: Services): number | null {
  const r = s.db.first(
    s.db.q
      .selectFrom('outbox')
      .select((eb) => eb.fn.min('next_try_at').as('t'))
      .where('state', 'in', ['waiting', 'sending', 'quarantined']),
  );
  return (r?.t as number | null | undefined) ?? null;
}
