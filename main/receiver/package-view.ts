// The operator opens a kept package read-only, as the app's package viewer shows it (issue 9 §2):
//   GET /v1/packages/<sha256>/view             → operatorPackageView (verified again, here and now)
//   GET /v1/packages/<sha256>/file?path=data/… → one payload file (evidence, summary), as an attachment
// Every answer comes from the stored zip after verification, never from the database's memory of
// it: the trust verdict is taken against the certificates enrolled for the office the package
// names, and a file is extracted and re-hashed against the verified manifest before it is sent.
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { type ServerResponse } from 'node:http';
import { ApiError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { viReceiver as t } from '../../shared/i18n/vi/receiver';
import { viReceiverView as tv } from '../../shared/i18n/vi/receiver-view';
import { submissionPackage } from '../../shared/package-schema';
import { type OperatorPackageView } from '../../shared/sync/operator-view';
import { type SignedReceipt } from '../../shared/sync/protocol';
import { contentDisposition } from '../domain/content-disposition';
import { extractPackageFile } from '../services/package-format/bag-read';
import { type VerifyReport } from '../services/package-format/bag-verify';
import { type TrustAnchor } from '../services/package-format/trust';
import { verifyView } from '../services/submission/package-view';
import { type ReceiverContext } from './context';
import { HttpError } from './http';
import { findPackage, operatorView, type PackageRow } from './packages';
import { PACKAGE_JSON } from './verdict';

/** Reports of packages the operator opened lately, so downloading its evidence does not verify the whole zip each time. */
const REPORT_TTL_MS = 10 * 60_000;
const recent = new Map<string, { report: VerifyReport; at: number }>();

async function storedRow(ctx: ReceiverContext, sha256: string): Promise<PackageRow> {
  const row = await findPackage(ctx, sha256);
  if (!row || !row.stored || !(await ctx.store.has(sha256))) throw new HttpError(404, 'NOT_FOUND', t.packages.notFound);
  return row;
}

async function verified(ctx: ReceiverContext, row: PackageRow): Promise<VerifyReport> {
  const certs = await ctx.db.selectFrom('office_cert').selectAll().where('office_key', '=', row.office_key).execute();
  const anchors: TrustAnchor[] = certs.map((c) => ({ fingerprint: c.fingerprint, name: c.holder, source: 'enrolled', certificatePem: c.certificate_pem }));
  const file = await ctx.store.localPath(row.sha256);
  const { report } = await ctx.checks.check({ file, sha256: null, now: ctx.now(), keepPayload: [PACKAGE_JSON], trustAnchors: anchors });
  if (!report) throw new HttpError(500, 'INTERNAL', t.http.internal);
  for (const [k, v] of recent) if (ctx.now() - v.at > REPORT_TTL_MS) recent.delete(k);
  recent.set(row.sha256, { report, at: ctx.now() });
  return report;
}

export async function packageView(ctx: ReceiverContext, sha256: string): Promise<OperatorPackageView> {
  const row = await storedRow(ctx, sha256);
  const report = await verified(ctx, row);
  let content = null;
  let contentError = false;
  const bytes = report.kept?.get(PACKAGE_JSON);
  if (report.ok && bytes) {
    try {
      const parsed = submissionPackage.safeParse(JSON.parse(bytes.toString('utf8')));
      if (parsed.success) content = parsed.data;
      else contentError = true;
    } catch {
      contentError = true;
    }
  }
  const pkg = operatorView(row);
  return {
    package: pkg,
    receipt: row.receipt_json ? (JSON.parse(row.receipt_json) as SignedReceipt) : null,
    receivedAtText: formatDateTime(pkg.receivedAt),
    signingTimeText: report.signingTime === null ? null : formatDateTime(report.signingTime),
    decidedAtText: pkg.decidedAt === null ? null : formatDateTime(pkg.decidedAt),
    view: verifyView({ report, content, contentError }, { packageKey: sha256, fileName: pkg.filename }),
  };
}

const MEDIA: Record<string, string> = { '.pdf': 'application/pdf', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };

/** One payload file of a kept package, checked against its verified manifest hash on the way out. */
export async function sendPackageMember(ctx: ReceiverContext, sha256: string, inner: string, res: ServerResponse): Promise<void> {
  const row = await storedRow(ctx, sha256);
  const hit = recent.get(sha256);
  const report = hit && ctx.now() - hit.at <= REPORT_TTL_MS ? hit.report : await verified(ctx, row);
  if (!report.ok) throw new HttpError(409, 'NOT_VERIFIED', tv.notVerified);
  if (!report.payload.some((p) => p.path === inner)) throw new HttpError(404, 'NOT_IN_PACKAGE', tv.notInPackage(inner));
  const tmpDir = path.join(ctx.config.dataDir, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, `view-${randomBytes(8).toString('hex')}`);
  try {
    // Re-hashed against the verified manifest while extracted: a store file changed since refuses.
    await extractPackageFile(await ctx.store.localPath(sha256), inner, tmp, { report }).catch((e: unknown) => {
      throw e instanceof ApiError ? new HttpError(409, 'CHANGED', tv.changed(e.message)) : e;
    });
    const name = path.posix.basename(inner);
    res.writeHead(200, {
      'content-type': MEDIA[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
      'content-disposition': contentDisposition('attachment', name),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    await new Promise<void>((resolve, reject) => {
      createReadStream(tmp).on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
    });
  } catch (e) {
    recent.delete(sha256);
    throw e;
  } finally {
    await rm(tmp, { force: true });
  }
}
