// PKCS#12 (.p12/.pfx) import with node-forge: it reads the legacy encryptions that Windows and
// Vietnamese CAs still export (3DES, RC2) as well as OpenSSL 3's AES/PBKDF2 defaults. Keys and
// certificates are taken out as their DER bytes, never rebuilt from forge's parsed fields (forge
// re-encodes UTF-8 names wrongly).
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import forge from 'node-forge';
import { ApiError } from '../../../shared/errors';
import { assertCertificateUsable, assertKeyMatchesCertificate, certificateInfo, type CertificateInfo, type SigningIdentity } from './keys';
import { messages } from './messages';

export interface ImportedIdentity {
  identity: SigningIdentity;
  info: CertificateInfo;
  /** Vietnamese warning (e.g. the certificate expires within 30 days), or null. */
  warning: string | null;
}

const binary = (b: Uint8Array) => Buffer.from(b).toString('binary');
const fromBinary = (s: string) => Buffer.from(s, 'binary');

/**
 * OpenSSL 3's default (PBES2) keys its ciphers with the UTF-8 bytes of the password, while the MAC
 * and the legacy PKCS#12 encryptions use UTF-16; forge feeds PBKDF2 the JS string as is, so a
 * non-ASCII password ("Mật-khẩu") passes the MAC and then fails to decrypt. Retry with UTF-8 for
 * the ciphers; the MAC, already verified by the first pass, is left out of the second.
 */
function parsePfx(outer: forge.asn1.Asn1, password: string): forge.pkcs12.Pkcs12Pfx {
  try {
    return forge.pkcs12.pkcs12FromAsn1(outer, false, password);
  } catch (e) {
    const msg = e instanceof Error ? e.message : '';
    if (!/[^\x00-\x7f]/.test(password) || !/Failed to decrypt|Unable to decrypt/.test(msg) || !Array.isArray(outer.value)) throw e;
    const withoutMac = forge.asn1.create(outer.tagClass, outer.type, outer.constructed, outer.value.slice(0, 2));
    return forge.pkcs12.pkcs12FromAsn1(withoutMac, false, forge.util.encodeUtf8(password));
  }
}

/** Extracts key and chain; refuses a wrong password, a file without key, an expired certificate. */
export function importPkcs12(p12Bytes: Uint8Array, password: string, now: number): ImportedIdentity {
  let outer: forge.asn1.Asn1;
  try {
    outer = forge.asn1.fromDer(binary(p12Bytes));
  } catch {
    throw new ApiError('VALIDATION', messages.keys.p12Unreadable);
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = parsePfx(outer, password);
  } catch (e) {
    const msg = e instanceof Error ? e.message : '';
    if (/password|MAC could not be verified|decrypt/i.test(msg)) throw new ApiError('BAD_CREDENTIALS', messages.keys.badP12Password);
    throw new ApiError('VALIDATION', messages.keys.p12Unreadable);
  }

  const keyDers: Buffer[] = [];
  for (const type of [forge.pki.oids.pkcs8ShroudedKeyBag!, forge.pki.oids.keyBag!]) {
    for (const bag of p12.getBags({ bagType: type })[type] ?? []) {
      // forge parses RSA keys only; other kinds come back as the raw PrivateKeyInfo.
      const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
      if (info) keyDers.push(fromBinary(forge.asn1.toDer(info).getBytes()));
    }
  }
  if (keyDers.length === 0) throw new ApiError('VALIDATION', messages.keys.p12NoKey);
  const certPems: string[] = [];
  for (const bag of p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []) {
    const asn = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
    if (asn) certPems.push(new X509Certificate(fromBinary(forge.asn1.toDer(asn).getBytes())).toString());
  }

  for (const der of keyDers) {
    let privateKey;
    try {
      privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    } catch {
      continue;
    }
    const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
    const leaf = certPems.find((pem) => new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' }).equals(spki));
    if (!leaf) continue;
    const identity: SigningIdentity = { certificatePem: leaf, privateKey, chainPem: certPems.filter((p) => p !== leaf) };
    assertKeyMatchesCertificate(identity);
    const info = certificateInfo(leaf, now);
    assertCertificateUsable(info, now);
    return { identity, info, warning: info.warning };
  }
  throw new ApiError('VALIDATION', messages.keys.p12NoMatchingCert);
}
