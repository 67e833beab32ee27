// The office's signing identity: created on first use (a self-issued certificate in the commune's
// name) or imported from a CA's PKCS#12. The private key is sealed with the OS keychain in the
// desktop app (Electron safeStorage: no passphrase to type, bound to this computer's user) and
// with a passphrase in browser mode or where the OS offers no real secret store.
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { requireOffice } from '../office';
import { trustedNow } from '../trusted-time';
import {
  KeyStore,
  passphraseProtector,
  keychainProtector,
  createSelfSignedIdentity,
  importPkcs12,
  certificateInfo,
  assertCertificateUsable,
  checkSignerCertificate,
  type SigningIdentity,
  type CertificateInfo,
  type KeyProtector,
  type StoredIdentity,
} from '../package-format';
import { SIGNING_KEY_PATH } from '../../../shared/api/assessment-schemas';
import { vi } from '../../../shared/i18n/vi';
import { ApiError } from '../../../shared/errors';
import { readFile } from 'node:fs/promises';
import { keepPreviousOfficeCertificate, storedAnchors } from './trust-store';

export const keyStore = (s: Services) => new KeyStore(s.dataDir);

export interface IdentityStatus {
  present: boolean;
  kind: 'self-issued' | 'pkcs12' | null;
  /** How the stored key is sealed; null when there is none. */
  protector: KeyProtector['kind'] | null;
  /** A new key would be sealed by the OS keychain (no passphrase asked). */
  keychainAvailable: boolean;
  certificate: CertificateInfo | null;
}

const keychainAvailable = (s: Services) => s.keychain?.isAvailable() ?? false;

export async function identityStatus(s: Services): Promise<IdentityStatus> {
  const info = await keyStore(s).info();
  const kc = keychainAvailable(s);
  if (!info) return { present: false, kind: null, protector: null, keychainAvailable: kc, certificate: null };
  return { present: true, kind: info.kind, protector: info.protector, keychainAvailable: kc, certificate: certificateInfo(info.certificatePem, trustedNow(s)) };
}

/** How a new key is sealed: the OS keychain when there is a real one, else the passphrase (required then). */
function sealingProtector(s: Services, passphrase: string | undefined): KeyProtector {
  if (s.keychain && keychainAvailable(s)) return keychainProtector(s.keychain);
  if (!passphrase) throw new ApiError('VALIDATION', vi.keys.passphraseNeeded, [{ path: 'passphrase', message: vi.keys.passphraseNeeded }]);
  return passphraseProtector(passphrase);
}

/** Opens with whatever sealed the stored key. */
function openingProtector(s: Services, stored: StoredIdentity, passphrase: string | undefined): KeyProtector {
  if (stored.protector === 'os-keychain') {
    // Without a keychain (browser mode) the protector itself refuses with the reason.
    return keychainProtector(s.keychain ?? { isAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' });
  }
  if (!passphrase) throw new ApiError('BAD_CREDENTIALS', vi.keys.passphraseToSign, [{ path: 'passphrase', message: vi.keys.passphraseToSign }]);
  return passphraseProtector(passphrase);
}

const officeName = (s: Services) => {
  const o = requireOffice(s);
  return { o, cn: `UBND ${vi.officeKinds[o.kind].toLowerCase()} ${o.commune}` };
};

export async function createIdentity(s: Services, actor: Actor, passphrase: string | undefined, replace = false): Promise<IdentityStatus> {
  if (!replace && (await keyStore(s).info())) throw new ApiError('CONFLICT', vi.keys.exists);
  const protector = sealingProtector(s, passphrase);
  const { o, cn } = officeName(s);
  const identity = await createSelfSignedIdentity({ commonName: cn, organization: cn, locality: o.district, province: o.province, now: trustedNow(s) });
  const previous = await keyStore(s).info();
  await keyStore(s).save(identity, 'self-issued', protector, trustedNow(s));
  const status = await identityStatus(s);
  s.db.tx((w) => {
    appendAudit(w, s, actor, {
      action: 'keys.create',
      entity: 'signing_identity',
      after: { holder: status.certificate?.holder, fingerprint: status.certificate?.fingerprint },
    });
    // Packages signed with the replaced key stay "known": its certificate remains a trust anchor.
    if (previous) keepPreviousOfficeCertificate(s, actor, previous.certificatePem);
  });
  return status;
}

export async function importIdentity(s: Services, actor: Actor, p12Path: string, p12Password: string, passphrase: string | undefined): Promise<IdentityStatus> {
  const protector = sealingProtector(s, passphrase);
  const imported = importPkcs12(await readFile(p12Path), p12Password, trustedNow(s));
  // A certificate whose own signature cannot be checked (issuer's CA certificate neither in the file
  // nor trusted here) or that may not sign would make every package it signs invalid: refuse it now.
  const unsound = checkSignerCertificate(imported.identity.certificatePem, {
    chainPem: imported.identity.chainPem ?? [],
    extraCaPem: storedAnchors(s).flatMap((a) => (a.certificatePem ? [a.certificatePem] : [])),
    signingTime: null,
    now: trustedNow(s),
  }).problems.filter((p) => p.check !== 'signer-validity');
  if (unsound.length) throw new ApiError('VALIDATION', vi.trust.importRefused(unsound.map((p) => p.message).join(' ')));
  const previous = await keyStore(s).info();
  await keyStore(s).save(imported.identity, 'pkcs12', protector, trustedNow(s));
  const status = await identityStatus(s);
  s.db.tx((w) => {
    appendAudit(w, s, actor, {
      action: 'keys.import',
      entity: 'signing_identity',
      after: { holder: status.certificate?.holder, issuer: status.certificate?.issuer, fingerprint: status.certificate?.fingerprint },
    });
    if (previous) keepPreviousOfficeCertificate(s, actor, previous.certificatePem);
  });
  return status;
}

/** Opens the key for one signing operation (the passphrase is ignored for a keychain-sealed key); refuses an expired certificate. */
export async function openIdentity(s: Services, passphrase: string | undefined): Promise<SigningIdentity> {
  const store = keyStore(s);
  const stored = await store.info();
  if (!stored) throw new ApiError('NOT_FOUND', vi.keys.missing, [{ path: SIGNING_KEY_PATH, message: vi.keys.missing }]);
  const identity = await store.load(openingProtector(s, stored, passphrase));
  const now = trustedNow(s);
  assertCertificateUsable(certificateInfo(identity.certificatePem, now), now);
  return identity;
}
