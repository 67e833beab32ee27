// Enrollment, the trust anchor (DESIGN §7): the province issues a one-time code for an office;
// the commune app presents it with its signing certificate; from then on packages signed by that
// certificate for that office are accepted, anything else is quarantined. A later enrollment
// (new key, new code) adds a certificate and marks the older ones superseded: they still count
// for packages signed before that moment.
import { createHash } from 'node:crypto';
import { formatDateTime } from '../../shared/format';
import { viReceiver as t } from '../../shared/i18n/vi/receiver';
import { officeKey as officeKeySchema, type EnrollResponse } from '../../shared/sync/protocol';
import { certificateInfo, type CertificateInfo } from '../services/package-format/keys';
import { audited, type Tx } from './audit';
import { tokenHash } from './auth';
import { type ReceiverContext } from './context';
import { HttpError } from './http';
import { enrollCodeHash, newEnrollCode, newToken } from './tokens';

const DAY_MS = 86_400_000;

export const officeTagOf = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16);

/** Normalises "<tỉnh>/<huyện>/<xã>" typed on a command line (NFC, trimmed parts) and checks it. */
export function parseOfficeKey(input: string): string {
  const key = input
    .normalize('NFC')
    .split('/')
    .map((p) => p.trim())
    .join('/');
  if (!officeKeySchema.safeParse(key).success) throw new HttpError(400, 'VALIDATION', t.enroll.badOffice);
  return key;
}

export async function ensureOffice(trx: Tx, key: string, now: number): Promise<string> {
  const found = await trx.selectFrom('office').select('tag').where('key', '=', key).executeTakeFirst();
  if (found) return found.tag;
  const tag = officeTagOf(key);
  await trx.insertInto('office').values({ key, tag, created_at: now }).execute();
  return tag;
}

export async function issueEnrollCode(
  ctx: ReceiverContext,
  office: string,
  days: number,
  actor: string,
): Promise<{ code: string; office: string; expiresAt: number }> {
  const key = parseOfficeKey(office);
  if (!Number.isFinite(days) || days <= 0 || days > 365) throw new HttpError(400, 'VALIDATION', t.enroll.badDays);
  const code = newEnrollCode();
  const now = ctx.now();
  const expiresAt = now + Math.round(days * DAY_MS);
  await audited(ctx.db, ctx.now, async (trx, audit) => {
    await ensureOffice(trx, key, now);
    await trx
      .insertInto('enroll_code')
      .values({ code_hash: enrollCodeHash(code), office_key: key, created_at: now, expires_at: expiresAt, used_at: null, used_fingerprint: null })
      .execute();
    // The code itself never enters the log; its hash prefix tells codes apart.
    await audit({ actor, action: 'enroll-code.issued', entity: 'office', entityId: key, data: { codeHash: enrollCodeHash(code).slice(0, 16), expiresAt } });
  });
  return { code, office: key, expiresAt };
}

function readCertificate(pem: string, now: number): CertificateInfo {
  let info: CertificateInfo;
  try {
    info = certificateInfo(pem, now);
  } catch {
    throw new HttpError(400, 'CERT_UNREADABLE', t.enroll.certUnreadable);
  }
  if (info.expired) throw new HttpError(400, 'CERT_EXPIRED', t.enroll.certExpired(formatDateTime(info.notAfter)));
  if (info.notYetValid) throw new HttpError(400, 'CERT_NOT_YET_VALID', t.enroll.certNotYetValid(formatDateTime(info.notBefore)));
  return info;
}

export async function enroll(ctx: ReceiverContext, input: { code: string; certificatePem: string }): Promise<EnrollResponse> {
  const now = ctx.now();
  const cert = readCertificate(input.certificatePem, now);
  const pem = input.certificatePem.trim() + '\n';
  const identity = await ctx.identity();
  const clientToken = newToken();
  const office = await audited(ctx.db, ctx.now, async (trx, audit) => {
    const row = await trx.selectFrom('enroll_code').selectAll().where('code_hash', '=', enrollCodeHash(input.code)).executeTakeFirst();
    if (!row) throw new HttpError(400, 'ENROLL_CODE_INVALID', t.enroll.codeInvalid);
    if (row.used_at !== null) throw new HttpError(409, 'ENROLL_CODE_USED', t.enroll.codeUsed);
    if (Number(row.expires_at) <= now) throw new HttpError(410, 'ENROLL_CODE_EXPIRED', t.enroll.codeExpired(formatDateTime(Number(row.expires_at))));
    const used = await trx
      .updateTable('enroll_code')
      .set({ used_at: now, used_fingerprint: cert.fingerprint })
      .where('code_hash', '=', row.code_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new HttpError(409, 'ENROLL_CODE_USED', t.enroll.codeUsed);
    const key = row.office_key;
    await trx
      .updateTable('office_cert')
      .set({ superseded_at: now })
      .where('office_key', '=', key)
      .where('fingerprint', '!=', cert.fingerprint)
      .where('superseded_at', 'is', null)
      .execute();
    const existing = await trx
      .selectFrom('office_cert')
      .select('fingerprint')
      .where('office_key', '=', key)
      .where('fingerprint', '=', cert.fingerprint)
      .executeTakeFirst();
    if (existing)
      await trx.updateTable('office_cert').set({ superseded_at: null }).where('office_key', '=', key).where('fingerprint', '=', cert.fingerprint).execute();
    else
      await trx
        .insertInto('office_cert')
        .values({ office_key: key, fingerprint: cert.fingerprint, certificate_pem: pem, holder: cert.holder, enrolled_at: now, superseded_at: null })
        .execute();
    await trx
      .insertInto('client_token')
      .values({ token_hash: tokenHash(clientToken), office_key: key, fingerprint: cert.fingerprint, created_at: now })
      .execute();
    await audit({
      actor: `office:${key}`,
      action: 'enrolled',
      entity: 'office',
      entityId: key,
      data: { fingerprint: cert.fingerprint, holder: cert.holder, codeHash: row.code_hash.slice(0, 16) },
    });
    return key;
  });
  return { office, clientToken, receiverCertificatePem: identity.certificatePem, enrolledAt: now };
}
