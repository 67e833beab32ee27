// The appraisal council's results on the receiver: the operator imports the council's XLSX for
// one office (`kiemchung receiver appraisal import FILE --office … --year Y`); it is read with the
// app's own reader, signed with the receiver's key and kept as a file per office and year (a new
// import replaces it, audited). Apps fetch theirs with GET /v1/appraisals on their next contact.
import { createHash, randomBytes, sign } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { APPRAISAL_FORMAT, appraisalPayload, signedAppraisalFile, type SignedAppraisalFile } from '../../shared/sync/appraisal';
import { readAppraisalFile } from '../services/appraisal/read-file';
import { audited } from './audit';
import { type ReceiverContext } from './context';
import { parseOfficeKey } from './enroll';
import { HttpError } from './http';
import { viReceiver } from '../../shared/i18n/vi/receiver';
import { writeFileAtomic } from '../services/durable';

const dirOf = (ctx: ReceiverContext, office: string) =>
  path.join(ctx.config.dataDir, 'appraisals', createHash('sha256').update(office, 'utf8').digest('hex').slice(0, 32));

export async function importOfficeAppraisal(
  ctx: ReceiverContext,
  file: string,
  officeInput: string,
  year: number,
  actor: string,
): Promise<SignedAppraisalFile> {
  const office = parseOfficeKey(officeInput);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new HttpError(400, 'VALIDATION', viReceiver.appraisal.needYear);
  const read = await readAppraisalFile(file);
  const now = ctx.now();
  const payload = JSON.stringify(
    appraisalPayload.parse({
      kind: 'appraisal-results',
      id: `TD-${new Date(now).toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(6).toString('hex').toUpperCase()}`,
      office,
      year,
      sourceName: path.basename(file),
      meta: read.meta,
      rows: read.rows.map((r) => ({ code: r.code, points: r.points, reason: r.reason, row: r.row })),
      issuedAt: now,
      issuedBy: actor,
    }),
  );
  const identity = await ctx.identity();
  const signed = signedAppraisalFile.parse({
    format: APPRAISAL_FORMAT,
    payload,
    signature: sign('sha256', Buffer.from(payload, 'utf8'), identity.privateKey).toString('base64'),
    signerFingerprint: identity.fingerprint,
  });
  await audited(ctx.db, ctx.now, async (trx, audit) => {
    const known = await trx.selectFrom('office').select('key').where('key', '=', office).executeTakeFirst();
    if (!known) throw new HttpError(404, 'NOT_FOUND', viReceiver.appraisal.unknownOffice(office));
    await audit({ actor, action: 'appraisal.issued', entity: 'office', entityId: office, data: { year, rows: read.rows.length, source: path.basename(file) } });
  });
  const dir = dirOf(ctx, office);
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, `${year}.json`);
  await writeFileAtomic(target, JSON.stringify(signed) + '\n');
  return signed;
}

/** The signed results kept for one office, every year. */
export async function officeAppraisals(ctx: ReceiverContext, office: string): Promise<SignedAppraisalFile[]> {
  const dir = dirOf(ctx, office);
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: SignedAppraisalFile[] = [];
  for (const n of names.filter((x) => /^\d{4}\.json$/.test(x)).sort())
    out.push(signedAppraisalFile.parse(JSON.parse(await readFile(path.join(dir, n), 'utf8'))));
  return out;
}
