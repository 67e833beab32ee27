// The packages the receiver holds: their status answers, the operator's list and decisions, and
// the export of accepted packages for the appraisal council.
import { createReadStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { type ServerResponse } from 'node:http';
import path from 'node:path';
import { viReceiver as t } from '../../shared/i18n/vi/receiver';
import { type PackageStatusResponse, type ReceiverStatus, type SignedReceipt } from '../../shared/sync/protocol';
import { VN_OFFSET_MS } from '../../shared/vn-time';
import { stripDiacritics } from '../domain/vietnamese';
import { audited } from './audit';
import { type ReceiverContext } from './context';
import { type PackageTable } from './db/schema';
import { HttpError } from './http';
import { signReceipt } from './receipts';
import { type Reason } from './verdict';

export type PackageRow = PackageTable;

export async function findPackage(ctx: ReceiverContext, sha256: string): Promise<PackageRow | undefined> {
  return ctx.db.selectFrom('package').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

export function statusOf(row: PackageRow): PackageStatusResponse {
  return {
    sha256: row.sha256,
    status: row.status,
    receipt: row.receipt_json ? (JSON.parse(row.receipt_json) as SignedReceipt) : null,
    reasons: JSON.parse(row.reasons_json) as Reason[],
  };
}

/** 200 for accepted/quarantined, 422 for rejected (protocol). */
export const httpStatusOf = (status: ReceiverStatus) => (status === 'rejected' ? 422 : 200);

/** One package as the operator sees it (GET /v1/packages, `receiver list --json`). */
export function operatorView(row: PackageRow) {
  return {
    sha256: row.sha256,
    office: row.office_key,
    senderOffice: row.sender_office,
    status: row.status,
    receivedAt: Number(row.received_at),
    size: Number(row.size),
    filename: row.filename,
    kind: row.kind,
    year: row.year === null ? null : Number(row.year),
    signerFingerprint: row.signer_fingerprint,
    signerHolder: row.signer_holder,
    receiptId: row.receipt_json ? (JSON.parse(row.receipt_json) as SignedReceipt).receipt.receiptId : null,
    reasons: JSON.parse(row.reasons_json) as Reason[],
    decidedBy: row.decided_by,
    decidedAt: row.decided_at === null ? null : Number(row.decided_at),
    decisionReason: row.decision_reason,
  };
}

export async function listPackages(ctx: ReceiverContext, status?: ReceiverStatus) {
  let q = ctx.db.selectFrom('package').selectAll().orderBy('received_at', 'desc').orderBy('sha256');
  if (status) q = q.where('status', '=', status);
  return (await q.execute()).map(operatorView);
}

/**
 * The operator accepts or rejects a quarantined package, with a reason; audited. The receipt is
 * re-issued (same id and receivedAt, the new status, the current audit head), so the app sees the
 * decision signed by the receiver when it asks for the status.
 */
export async function decidePackage(ctx: ReceiverContext, sha256: string, accept: boolean, reason: string, actor: string): Promise<PackageStatusResponse> {
  const why = reason.trim();
  if (!why) throw new HttpError(400, 'VALIDATION', t.packages.reasonRequired);
  const identity = await ctx.identity();
  const row = await audited(ctx.db, ctx.now, async (trx, audit) => {
    const p = await trx.selectFrom('package').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    if (!p) throw new HttpError(404, 'NOT_FOUND', t.packages.notFound);
    if (p.status !== 'quarantined') throw new HttpError(409, 'NOT_QUARANTINED', t.packages.notQuarantined(t.statusLabels[p.status]));
    const status: ReceiverStatus = accept ? 'accepted' : 'rejected';
    const now = ctx.now();
    const head = await audit({
      actor,
      action: 'package.decided',
      entity: 'package',
      entityId: sha256,
      data: { office: p.office_key, from: p.status, to: status, reason: why },
    });
    const old = p.receipt_json ? (JSON.parse(p.receipt_json) as SignedReceipt).receipt : null;
    const receipt = old ? signReceipt({ ...old, status, auditHead: head }, identity.privateKey) : null;
    const reasons = [
      ...(JSON.parse(p.reasons_json) as Reason[]),
      { check: 'operator', file: null, message: accept ? t.packages.operatorAccepted(why) : t.packages.operatorRejected(why) },
    ];
    const update = {
      status,
      reasons_json: JSON.stringify(reasons),
      receipt_json: receipt ? JSON.stringify(receipt) : p.receipt_json,
      decided_by: actor,
      decided_at: now,
      decision_reason: why,
    };
    await trx.updateTable('package').set(update).where('sha256', '=', sha256).execute();
    return { ...p, ...update };
  });
  return statusOf(row);
}

/** GET /v1/packages/<sha256>/file (operator): the stored zip, to open in the app or archive. */
export async function sendPackageFile(ctx: ReceiverContext, sha256: string, res: ServerResponse): Promise<void> {
  const row = await findPackage(ctx, sha256);
  if (!row || !row.stored || !(await ctx.store.has(sha256))) throw new HttpError(404, 'NOT_FOUND', t.packages.notFound);
  const file = await ctx.store.localPath(sha256);
  const size = (await stat(file)).size;
  const name = `${officeFolderName(row.office_key).replace(/ - /g, '_').replace(/ /g, '-')}_${sha256.slice(0, 12)}.zip`;
  res.writeHead(200, {
    'content-type': 'application/zip',
    'content-length': String(size),
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
  });
}

/** "Thừa Thiên Huế/Phú Vang/Phú Thượng" → "Thua Thien Hue - Phu Vang - Phu Thuong" (ASCII, safe on any disk). */
export const officeFolderName = (key: string) =>
  stripDiacritics(key)
    .split('/')
    .map((p) => p.replace(/[^A-Za-z0-9 ._-]/g, '_').trim())
    .join(' - ');

/** Copies every accepted package into `<out>/<office>/<sha256>.zip` with its receipt beside it. */
export async function exportAccepted(ctx: ReceiverContext, outDir: string, actor: string): Promise<{ packages: number; offices: number }> {
  const rows = await ctx.db.selectFrom('package').selectAll().where('status', '=', 'accepted').orderBy('office_key').orderBy('received_at').execute();
  const offices = new Set<string>();
  for (const r of rows) {
    const dir = path.join(outDir, officeFolderName(r.office_key));
    await mkdir(dir, { recursive: true });
    await ctx.store.copyTo(r.sha256, path.join(dir, `${r.sha256}.zip`));
    await writeFile(path.join(dir, `${r.sha256}.receipt.json`), JSON.stringify({ ...operatorView(r), receipt: statusOf(r).receipt }, null, 2) + '\n');
    offices.add(r.office_key);
  }
  await audited(ctx.db, ctx.now, async (_trx, audit) => {
    await audit({
      actor,
      action: 'packages.exported',
      entity: 'export',
      entityId: null,
      data: { out: path.resolve(outDir), packages: rows.map((r) => r.sha256) },
    });
  });
  return { packages: rows.length, offices: offices.size };
}

/** Every office known to the receiver with its status for the year (packages received that year, Vietnam time). */
export async function officeOverview(ctx: ReceiverContext, year?: number) {
  const y = year ?? new Date(ctx.now() + VN_OFFSET_MS).getUTCFullYear();
  const from = Date.UTC(y, 0, 1) - VN_OFFSET_MS;
  const to = Date.UTC(y + 1, 0, 1) - VN_OFFSET_MS;
  const offices = await ctx.db.selectFrom('office').select('key').orderBy('key').execute();
  const certs = await ctx.db.selectFrom('office_cert').select(['office_key', 'enrolled_at']).execute();
  const rows = await ctx.db
    .selectFrom('package')
    .selectAll()
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .orderBy('received_at', 'desc')
    .execute();
  const rank: Record<ReceiverStatus, number> = { accepted: 3, quarantined: 2, rejected: 1 };
  // The best outcome of the year speaks; among equals, the newest (rows come newest first).
  const best = (list: PackageRow[]) => list.reduce<PackageRow | null>((b, r) => (!b || rank[r.status] > rank[b.status] ? r : b), null);
  return {
    year: y,
    offices: offices.map((o) => {
      const enrolled = certs.filter((c) => c.office_key === o.key).map((c) => Number(c.enrolled_at));
      const mine = rows.filter((r) => r.office_key === o.key);
      // "chưa gửi / đã nhận" is about the year's self-assessment (Bảng tổng hợp): exam results,
      // an inspection report or training results sent alone do not make an office "đã nhận".
      const report = best(mine.filter((r) => r.kind === 'assessment'));
      const otherKinds = [...new Set(mine.filter((r) => r.kind !== 'assessment').map((r) => r.kind))];
      return {
        office: o.key,
        enrolledAt: enrolled.length ? Math.min(...enrolled) : null,
        status: report ? report.status : ('none' as const),
        latest: report ? operatorView(report) : null,
        others: otherKinds.map((k) => operatorView(best(mine.filter((r) => r.kind === k))!)),
      };
    }),
  };
}
