// The office's trust anchors for package signers (DESIGN §7 "Trust"): its own current certificate
// (read from the key store), and the trusted_certificate table — earlier office certificates
// (kept when a key is replaced), certificates the user chose to trust ("Tin cậy chứng thư này"),
// certificates enrolled with the province's receiver and the receiver's own. Every change is
// audited in the same transaction; nothing is deleted (removal sets revoked_at).
//
// For other modules (the sync side): `addTrustAnchor(s, actor, { certificatePem, source: 'enrolled' })`
// makes a certificate an anchor; `verifyTrustOptions(s)` gives the options for verifyPackage /
// verifyAndOpen; `classifySigner` (services/package-format/trust.ts) classifies a signer against anchors.
import { createHash, X509Certificate } from 'node:crypto';
import type { Actor, Services } from '../context';
import { appendAudit } from '../audit';
import { KeyStore, anchorFromPem, certificateInfo, dedupeAnchors, normaliseFingerprint, type TrustAnchor } from '../package-format';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { TrustedCertificateView } from '../../../shared/api/package-api-schemas';

const keyStore = (s: Services) => new KeyStore(s.dataDir);

export type StoredTrustSource = 'office' | 'imported' | 'enrolled' | 'receiver';

export interface AddTrustAnchorInput {
  /** One X.509 certificate, PEM (or DER bytes). */
  certificatePem: string | Uint8Array;
  /** Shown to the user; defaults to the certificate's holder (CN). */
  name?: string;
  source: StoredTrustSource;
}

/** PEM from PEM text or DER bytes; ApiError VALIDATION when it is not a certificate. */
export function toCertificatePem(input: string | Uint8Array): string {
  try {
    if (typeof input === 'string') {
      const m = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(input);
      return new X509Certificate(m ? m[0] : input).toString();
    }
    const text = Buffer.from(input).toString('latin1');
    if (text.includes('-----BEGIN CERTIFICATE-----')) return toCertificatePem(text);
    return new X509Certificate(Buffer.from(input)).toString();
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('VALIDATION', vi.trust.notCertificate);
  }
}

/** The office's current signing certificate as an anchor, or none before a key is made. */
export async function currentOfficeAnchor(s: Services): Promise<TrustAnchor | null> {
  const info = await keyStore(s).info();
  return info ? anchorFromPem(info.certificatePem, 'office') : null;
}

/** The stored anchors that are not revoked. */
export function storedAnchors(s: Services): TrustAnchor[] {
  return s.db
    .all(s.db.q.selectFrom('trusted_certificate').selectAll().where('revoked_at', 'is', null).orderBy('id'))
    .map((r) => ({ fingerprint: r.fingerprint, name: r.name, source: r.source, certificatePem: r.pem }));
}

/** Every anchor of this installation: the office's current certificate first. */
export async function trustAnchors(s: Services): Promise<TrustAnchor[]> {
  const own = await currentOfficeAnchor(s);
  return dedupeAnchors([...(own ? [own] : []), ...storedAnchors(s)]);
}

/** Options for verifyPackage / verifyAndOpen so report.trust classifies against this office's anchors. */
export async function verifyTrustOptions(s: Services): Promise<{ trustAnchors: TrustAnchor[] }> {
  return { trustAnchors: await trustAnchors(s) };
}

/**
 * Makes a certificate a trust anchor (idempotent by fingerprint: an active one is returned as is,
 * a revoked one is trusted again). Audited in the same transaction. This is what the sync side
 * calls with source 'enrolled' (a certificate enrolled for an office) or 'receiver'.
 */
export function addTrustAnchor(s: Services, actor: Actor, input: AddTrustAnchorInput): TrustedCertificateView {
  const pem = toCertificatePem(input.certificatePem);
  const anchor = anchorFromPem(pem, input.source, input.name?.slice(0, 300));
  const now = s.clock.now();
  return s.db.tx((w) => {
    const existing = s.db.first(s.db.q.selectFrom('trusted_certificate').selectAll().where('fingerprint', '=', anchor.fingerprint));
    if (existing && existing.revoked_at === null) return view(s, existing.fingerprint)!;
    if (existing) {
      s.db.run(
        s.db.q
          .updateTable('trusted_certificate')
          .set({ revoked_at: null, revoked_by: null, name: anchor.name, source: input.source, added_by: actor.id, added_at: now })
          .where('id', '=', existing.id),
      );
    } else {
      s.db.run(
        s.db.q.insertInto('trusted_certificate').values({
          fingerprint: anchor.fingerprint,
          pem,
          name: anchor.name,
          source: input.source,
          added_by: actor.id,
          added_at: now,
          revoked_at: null,
          revoked_by: null,
        }),
      );
    }
    appendAudit(w, s, actor, {
      action: 'trust.add',
      entity: 'trusted_certificate',
      entityId: anchor.fingerprint,
      after: { name: anchor.name, source: input.source, fingerprint: anchor.fingerprint },
    });
    return view(s, anchor.fingerprint)!;
  });
}

/** Stops trusting a stored certificate (kept, marked revoked). The office's current certificate cannot be removed. */
export async function removeTrustAnchor(s: Services, actor: Actor, fingerprint: string): Promise<void> {
  const fp = normaliseFingerprint(fingerprint);
  const own = await currentOfficeAnchor(s);
  if (own?.fingerprint === fp) throw new ApiError('CONFLICT', vi.trust.cannotRemoveCurrent);
  s.db.tx((w) => {
    const row = s.db.first(s.db.q.selectFrom('trusted_certificate').selectAll().where('fingerprint', '=', fp).where('revoked_at', 'is', null));
    if (!row) throw new ApiError('NOT_FOUND', vi.trust.notFound);
    s.db.run(s.db.q.updateTable('trusted_certificate').set({ revoked_at: s.clock.now(), revoked_by: actor.id }).where('id', '=', row.id));
    appendAudit(w, s, actor, {
      action: 'trust.remove',
      entity: 'trusted_certificate',
      entityId: fp,
      before: { name: row.name, source: row.source, fingerprint: fp },
    });
  });
}

function view(s: Services, fingerprint: string): TrustedCertificateView | null {
  const r = s.db.first(
    s.db.q
      .selectFrom('trusted_certificate')
      .leftJoin('users', 'users.id', 'trusted_certificate.added_by')
      .select([
        'trusted_certificate.fingerprint',
        'trusted_certificate.pem',
        'trusted_certificate.name',
        'trusted_certificate.source',
        'trusted_certificate.added_at',
        'users.full_name',
      ])
      .where('trusted_certificate.fingerprint', '=', fingerprint)
      .where('trusted_certificate.revoked_at', 'is', null),
  );
  if (!r) return null;
  const info = certificateInfo(r.pem, s.clock.now());
  return {
    fingerprint: r.fingerprint,
    name: r.name,
    source: r.source,
    addedAt: r.added_at,
    addedBy: r.full_name ?? null,
    holder: info.holder,
    issuer: info.issuer,
    notAfter: info.notAfter,
    current: false,
  };
}

/** The list shown under "Chứng thư tin cậy": the office's current certificate first, then the stored ones. */
export async function listTrustAnchors(s: Services): Promise<TrustedCertificateView[]> {
  const out: TrustedCertificateView[] = [];
  const info = await keyStore(s).info();
  if (info) {
    const c = certificateInfo(info.certificatePem, s.clock.now());
    out.push({
      fingerprint: c.fingerprint,
      name: c.holder,
      source: 'office',
      addedAt: info.created,
      addedBy: null,
      holder: c.holder,
      issuer: c.issuer,
      notAfter: c.notAfter,
      current: true,
    });
  }
  for (const a of storedAnchors(s)) {
    if (out.some((o) => o.fingerprint === a.fingerprint)) continue;
    const v = view(s, a.fingerprint);
    if (v) out.push(v);
  }
  return out;
}

/** Keeps the office's certificate as an anchor before a new key replaces it (packages signed before stay known). */
export function keepPreviousOfficeCertificate(s: Services, actor: Actor, certificatePem: string): void {
  const fp = createHash('sha256').update(new X509Certificate(certificatePem).raw).digest('hex');
  // Already listed (even if someone stopped trusting it since: that decision stands).
  if (s.db.first(s.db.q.selectFrom('trusted_certificate').select(['id']).where('fingerprint', '=', fp))) return;
  addTrustAnchor(s, actor, { certificatePem, source: 'office' });
}
