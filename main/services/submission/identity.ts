// The office's signing identity: created on first use (a self-issued certificate in the commune's
// name) or imported from a CA's PKCS#12. The private key is sealed with a passphrase in browser
// mode (the Electron shell can seal it with the OS keychain instead).
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { requireOffice } from '../office';
import { trustedNow } from '../trusted-time';
import { KeyStore, passphraseProtector, createSelfSignedIdentity, importPkcs12, certificateInfo, assertCertificateUsable, type SigningIdentity, type CertificateInfo } from '../package';
import { vi } from '../../../shared/i18n/vi';
import { ApiError } from '../../../shared/errors';
import { readFile } from 'node:fs/promises';

export const keyStore = (s: Services) => new KeyStore(s.dataDir);

export interface IdentityStatus {
  present: boolean;
  kind: 'self-issued' | 'pkcs12' | null;
  certificate: CertificateInfo | null;
}

export async function identityStatus(s: Services): Promise<IdentityStatus> {
  const info = await keyStore(s).info();
  if (!info) return { present: false, kind: null, certificate: null };
  return { present: true, kind: info.kind, certificate: certificateInfo(info.certificatePem, trustedNow(s)) };
}

const officeName = (s: Services) => {
  const o = requireOffice(s);
  return { o, cn: `UBND ${vi.officeKinds[o.kind].toLowerCase()} ${o.commune}` };
};

export async function createIdentity(s: Services, actor: Actor, passphrase: string, replace = false): Promise<IdentityStatus> {
  if (!replace && (await keyStore(s).info())) throw new ApiError('CONFLICT', vi.keys.exists);
  const { o, cn } = officeName(s);
  const identity = await createSelfSignedIdentity({ commonName: cn, organization: cn, locality: o.district, province: o.province });
  await keyStore(s).save(identity, 'self-issued', passphraseProtector(passphrase), trustedNow(s));
  const status = await identityStatus(s);
  s.db.tx(() => appendAudit(s, actor, { action: 'keys.create', entity: 'signing_identity', after: { holder: status.certificate?.holder, fingerprint: status.certificate?.fingerprint } }));
  return status;
}

export async function importIdentity(s: Services, actor: Actor, p12Path: string, p12Password: string, passphrase: string): Promise<IdentityStatus> {
  const imported = await importPkcs12(await readFile(p12Path), p12Password, trustedNow(s));
  await keyStore(s).save(imported.identity, 'pkcs12', passphraseProtector(passphrase), trustedNow(s));
  const status = await identityStatus(s);
  s.db.tx(() =>
    appendAudit(s, actor, { action: 'keys.import', entity: 'signing_identity', after: { holder: status.certificate?.holder, issuer: status.certificate?.issuer, fingerprint: status.certificate?.fingerprint } }),
  );
  return status;
}

/** Opens the key for one signing operation; refuses an expired certificate. */
export async function openIdentity(s: Services, passphrase: string): Promise<SigningIdentity> {
  const store = keyStore(s);
  if (!(await store.info())) throw new ApiError('NOT_FOUND', vi.keys.missing);
  const identity = await store.load(passphraseProtector(passphrase));
  const now = trustedNow(s);
  assertCertificateUsable(certificateInfo(identity.certificatePem, now), now);
  return identity;
}
