// Checks the signer certificate itself, not only the CMS signature made with its key: a valid CMS
// signature proves only that *some* key signed, and the certificate carried next to it is just
// bytes an attacker can edit. So:
//   - its own signature: a self-issued certificate must verify with its own key; a CA-issued one
//     with its issuer's key, the issuer taken from the chain the signature carries or from CA
//     certificates the user added (each CA on the path must be a CA: basicConstraints CA:true,
//     keyCertSign when keyUsage is present, and itself within its validity);
//   - validity at signing time (the CMS signingTime; now when the signature has none);
//   - key usage: when the extension is present it must allow digitalSignature or nonRepudiation.
// Whether the signer is *known* is trust.ts's question; this one is whether the certificate is sound.
import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { formatDateTime } from '../../../shared/format';
import { OID, certificateInfo, parseCertificate } from './keys';
import { messages } from './messages';

export type CertCheck = 'signer-certificate' | 'signer-chain' | 'signer-validity' | 'signer-usage';

export interface CertProblem {
  check: CertCheck;
  message: string;
}

export interface CertCheckResult {
  problems: CertProblem[];
  /** SHA-256 fingerprints of the issuers whose signatures were verified, signer's issuer first. */
  path: string[];
}

export interface CertCheckOptions {
  /** Other certificates carried by the signature (CMS certificates besides the signer's). */
  chainPem?: string[];
  /** CA certificates the user added (trusted certificates that are CAs). */
  extraCaPem?: string[];
  /** Epoch ms the signature claims it was made (signingTime); null → `now`. */
  signingTime: number | null;
  now: number;
}

/** Bits of the keyUsage BIT STRING (RFC 5280 §4.2.1.3), first byte. */
const KU = { digitalSignature: 0x80, nonRepudiation: 0x40, keyCertSign: 0x04 } as const;
const MAX_DEPTH = 8;

interface Parsed {
  pem: string;
  x509: X509Certificate;
  cert: pkijs.Certificate;
  fingerprint: string;
  holder: string;
}

/** Parsed certificates by PEM (read-only after parsing): the same signer and CAs come back with every package. */
const PARSED_MAX = 256;
const parsedCache = new Map<string, Parsed>();

function parse(pem: string): Parsed | null {
  const hit = parsedCache.get(pem);
  if (hit) return hit;
  try {
    const x509 = new X509Certificate(pem);
    const cert = parseCertificate(x509.raw);
    const info = certificateInfo(pem, 0);
    const p: Parsed = { pem, x509, cert, fingerprint: info.fingerprint, holder: info.holder };
    if (parsedCache.size >= PARSED_MAX) parsedCache.delete(parsedCache.keys().next().value!);
    parsedCache.set(pem, p);
    return p;
  } catch {
    return null;
  }
}

/** The keyUsage bits' first byte, or null when the extension is absent; -1 when it is unreadable. */
export function keyUsageBits(cert: pkijs.Certificate): number | null {
  const ext = cert.extensions?.find((e) => e.extnID === OID.keyUsage);
  if (!ext) return null;
  const parsed = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.BitString)) return -1;
  return parsed.result.valueBlock.valueHexView[0] ?? 0;
}

const verifiesWith = (subject: X509Certificate, issuer: X509Certificate): boolean => {
  try {
    return subject.verify(issuer.publicKey);
  } catch {
    return false;
  }
};

/** Human name of a certificate in messages: holder and fingerprint. */
export const certLabel = (holder: string, fingerprint: string) => messages.cert.label(holder, fingerprint);

function checkValidity(p: Parsed, at: number, problems: CertProblem[], role: 'signer' | 'ca'): void {
  const { notBefore, notAfter } = certificateInfo(p.pem, at);
  if (at < notBefore || at > notAfter) {
    problems.push({
      check: role === 'signer' ? 'signer-validity' : 'signer-chain',
      message: messages.cert.outsideValidity(certLabel(p.holder, p.fingerprint), formatDateTime(at), formatDateTime(notBefore), formatDateTime(notAfter)),
    });
  }
}

/** Checks the signer certificate and the path to whatever issuer can be found. */
export function checkSignerCertificate(signerPem: string, opts: CertCheckOptions): CertCheckResult {
  const problems: CertProblem[] = [];
  const path: string[] = [];
  const signer = parse(signerPem);
  if (!signer) return { problems: [{ check: 'signer-certificate', message: messages.cert.unreadable }], path };
  const at = opts.signingTime ?? opts.now;
  const label = certLabel(signer.holder, signer.fingerprint);

  checkValidity(signer, at, problems, 'signer');
  const ku = keyUsageBits(signer.cert);
  if (ku === -1 || (ku !== null && (ku & (KU.digitalSignature | KU.nonRepudiation)) === 0)) {
    problems.push({ check: 'signer-usage', message: messages.cert.usage(label) });
  }

  const pool = [...(opts.chainPem ?? []), ...(opts.extraCaPem ?? [])].map(parse).filter((p): p is Parsed => p !== null && p.fingerprint !== signer.fingerprint);
  let current = signer;
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    const currentLabel = certLabel(current.holder, current.fingerprint);
    if (current.cert.subject.isEqual(current.cert.issuer)) {
      // Self-issued: the end of the path; its signature must be its own key's.
      if (!verifiesWith(current.x509, current.x509)) {
        problems.push({ check: current === signer ? 'signer-certificate' : 'signer-chain', message: messages.cert.badSelfSignature(currentLabel) });
      }
      break;
    }
    const named = pool.filter((c) => current.cert.issuer.isEqual(c.cert.subject) && !path.includes(c.fingerprint));
    const issuer = named.find((c) => verifiesWith(current.x509, c.x509));
    if (!issuer) {
      if (current === signer) {
        // No certificate at hand verifies the signer's: either none is named as its issuer, or its signature is broken.
        problems.push({
          check: 'signer-certificate',
          message: named.length
            ? messages.cert.badIssuerSignature(currentLabel)
            : messages.cert.issuerMissing(currentLabel, certificateInfo(signer.pem, 0).issuer),
        });
      } else if (named.length) {
        problems.push({ check: 'signer-chain', message: messages.cert.badIssuerSignature(currentLabel) });
      }
      // An intermediate whose root is not at hand ends the path: the signer's own signature was verified.
      break;
    }
    const issuerLabel = certLabel(issuer.holder, issuer.fingerprint);
    const iku = keyUsageBits(issuer.cert);
    if (!issuer.x509.ca || iku === -1 || (iku !== null && (iku & KU.keyCertSign) === 0)) {
      problems.push({ check: 'signer-chain', message: messages.cert.notCa(issuerLabel) });
    }
    checkValidity(issuer, at, problems, 'ca');
    path.push(issuer.fingerprint);
    current = issuer;
    if (depth === MAX_DEPTH) problems.push({ check: 'signer-chain', message: messages.cert.tooDeep });
  }
  return { problems, path };
}
