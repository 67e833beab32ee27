// The office's signing identity: a private key plus its X.509 certificate. By default each
// installation makes its own RSA-2048 key with a self-issued certificate (the receiver trusts it
// through enrollment, not through a CA); a commune's own PKCS#12 certificate can replace it.
// RSA rather than ECDSA: node-forge (inside @signpdf) only handles RSA, and every CMS/PDF
// validator accepts it.
import { X509Certificate, createHash, createPublicKey, generateKeyPair, randomBytes, sign, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ApiError } from '../../../shared/errors';
import { formatDate } from '../../../shared/format';
import { messages } from './messages';

export interface SigningIdentity {
  certificatePem: string;
  privateKey: KeyObject;
  /** Issuer certificates of an imported PKCS#12, embedded in signatures so a receiver can build the path. */
  chainPem?: string[];
}

export interface CertificateInfo {
  /** Subject common name (or organisation), e.g. "UBND xã Phú Thượng". */
  holder: string;
  issuer: string;
  subject: Record<string, string>;
  /** Uppercase hex, as OpenSSL prints it. */
  serial: string;
  /** SHA-256 of the DER certificate, lowercase hex: what enrollment records and verification compares. */
  fingerprint: string;
  notBefore: number;
  notAfter: number;
  expired: boolean;
  notYetValid: boolean;
  /** Whole days left; negative once expired. */
  expiresInDays: number;
  /** Issuer and subject are the same name and the certificate verifies with its own key. */
  selfIssued: boolean;
  /** Vietnamese warning when the certificate expires within EXPIRY_WARNING_DAYS. */
  warning: string | null;
}

export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

export const OID = {
  commonName: '2.5.4.3',
  country: '2.5.4.6',
  locality: '2.5.4.7',
  province: '2.5.4.8',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
  sha256WithRSA: '1.2.840.113549.1.1.11',
} as const;

const NAME_LABELS: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.country]: 'C',
  [OID.locality]: 'L',
  [OID.province]: 'ST',
  [OID.organization]: 'O',
  [OID.organizationalUnit]: 'OU',
};

export const pemToDer = (pem: string): Buffer => Buffer.from(readX509(pem).raw);

export const derToPem = (der: Uint8Array) => new X509Certificate(der).toString();

export const certificateFingerprint = (pem: string) => createHash('sha256').update(pemToDer(pem)).digest('hex');

/** Normalises a fingerprint as a user might paste it ("AB:CD:…") for comparison. */
export const normaliseFingerprint = (f: string) => f.replace(/[^0-9a-f]/gi, '').toLowerCase();

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  try {
    return pkijs.Certificate.fromBER(new Uint8Array(der));
  } catch {
    throw new ApiError('VALIDATION', messages.keys.certUnreadable);
  }
}

function nameFields(name: pkijs.RelativeDistinguishedNames): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tv of name.typesAndValues) {
    const label = NAME_LABELS[tv.type] ?? tv.type;
    const value = typeof tv.value?.getValue === 'function' ? tv.value.getValue() : '';
    out[label] = out[label] ? `${out[label]}, ${value}` : value;
  }
  return out;
}

function readX509(pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw new ApiError('VALIDATION', messages.keys.certUnreadable);
  }
}

type StaticInfo = Omit<CertificateInfo, 'expired' | 'notYetValid' | 'expiresInDays' | 'warning'>;

/**
 * What a certificate says, by its PEM. One package's verification asks about its signer's
 * certificate several times (the signature, the certificate check, the report) and parsing it with
 * pkijs costs milliseconds each time: a receiver finalizing many packages at once spent a fifth of
 * its CPU there. Small and bounded; entries are immutable facts of the bytes.
 */
const STATIC_CACHE_MAX = 256;
const staticCache = new Map<string, StaticInfo>();

function staticInfo(certPem: string): StaticInfo {
  const hit = staticCache.get(certPem);
  if (hit) return hit;
  const x509 = readX509(certPem);
  const cert = parseCertificate(x509.raw);
  const subject = nameFields(cert.subject);
  const issuer = nameFields(cert.issuer);
  let selfIssued = cert.subject.isEqual(cert.issuer);
  if (selfIssued) {
    try {
      selfIssued = x509.verify(x509.publicKey);
    } catch {
      selfIssued = false;
    }
  }
  const info: StaticInfo = {
    holder: subject.CN ?? subject.O ?? x509.subject,
    issuer: issuer.CN ?? issuer.O ?? x509.issuer,
    subject,
    serial: x509.serialNumber.toUpperCase(),
    fingerprint: createHash('sha256').update(x509.raw).digest('hex'),
    notBefore: cert.notBefore.value.getTime(),
    notAfter: cert.notAfter.value.getTime(),
    selfIssued,
  };
  if (staticCache.size >= STATIC_CACHE_MAX) staticCache.delete(staticCache.keys().next().value!);
  staticCache.set(certPem, info);
  return info;
}

export function certificateInfo(certPem: string, now: number): CertificateInfo {
  const info = staticInfo(certPem);
  const { notBefore, notAfter } = info;
  const expired = now > notAfter;
  const expiresInDays = Math.floor((notAfter - now) / DAY_MS);
  return {
    holder: info.holder,
    issuer: info.issuer,
    subject: { ...info.subject },
    serial: info.serial,
    fingerprint: info.fingerprint,
    notBefore,
    notAfter,
    expired,
    notYetValid: now < notBefore,
    expiresInDays,
    selfIssued: info.selfIssued,
    warning: !expired && expiresInDays <= EXPIRY_WARNING_DAYS ? messages.keys.certExpiresSoon(formatDate(notAfter), Math.max(0, expiresInDays)) : null,
  };
}

/** Refuses a certificate that cannot sign at `at` (expired or not yet valid). */
export function assertCertificateUsable(info: CertificateInfo, at: number): void {
  if (at > info.notAfter) throw new ApiError('VALIDATION', messages.keys.certExpired(formatDate(info.notAfter)));
  if (at < info.notBefore) throw new ApiError('VALIDATION', messages.keys.certNotYetValid(formatDate(info.notBefore)));
}

/** The key must belong to the certificate and be a kind our signers support. */
export function assertKeyMatchesCertificate(identity: SigningIdentity): void {
  const k = identity.privateKey;
  const rsaOk = k.asymmetricKeyType === 'rsa' && (k.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048;
  const ecOk = k.asymmetricKeyType === 'ec' && k.asymmetricKeyDetails?.namedCurve === 'prime256v1';
  if (!rsaOk && !ecOk) throw new ApiError('VALIDATION', messages.keys.keyUnsupported);
  const fromKey = createPublicKey(k).export({ type: 'spki', format: 'der' });
  const fromCert = readX509(identity.certificatePem).publicKey.export({ type: 'spki', format: 'der' });
  if (!fromKey.equals(fromCert)) throw new ApiError('VALIDATION', messages.keys.keyMismatch);
}

export interface SelfSignedOptions {
  commonName: string;
  organization: string;
  locality: string;
  province: string;
  validYears?: number;
  /** Epoch ms; the office clock. */
  now?: number;
}

const generateRsa = promisify(generateKeyPair);

/** UTCTime until 2049, GeneralizedTime after, as RFC 5280 §4.1.2.5 requires. */
export const x509Time = (d: Date) => new pkijs.Time({ type: d.getUTCFullYear() < 2050 ? pkijs.TimeType.UTCTime : pkijs.TimeType.GeneralizedTime, value: d });

/** One attribute per RDN (C, ST, L, O, CN), the usual shape; pkijs alone would put them all in one SET. */
function buildName(fields: [string, string][]): pkijs.RelativeDistinguishedNames {
  const rdns = fields.map(
    ([type, value]) =>
      new asn1js.Set({
        value: [
          new pkijs.AttributeTypeAndValue({
            type,
            // Country codes must be PrintableString; Vietnamese names need UTF8String.
            value: type === OID.country ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value: value.normalize('NFC') }),
          }).toSchema(),
        ],
      }),
  );
  return pkijs.RelativeDistinguishedNames.fromBER(new Uint8Array(new asn1js.Sequence({ value: rdns }).toBER()));
}

export async function createSelfSignedIdentity(opts: SelfSignedOptions): Promise<SigningIdentity> {
  for (const [field, v] of Object.entries({ commonName: opts.commonName, organization: opts.organization, locality: opts.locality, province: opts.province })) {
    if (!v.trim()) throw new ApiError('VALIDATION', messages.keys.badName(field));
  }
  const { privateKey, publicKey } = await generateRsa('rsa', { modulusLength: 2048 });
  const now = opts.now ?? Date.now();
  // Backdated a little so a receiver whose clock runs slightly behind still sees a valid certificate.
  const notBefore = new Date(Math.floor(now / 1000) * 1000 - 10 * 60_000);
  const notAfter = new Date(notBefore.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (opts.validYears ?? 5));

  const name = buildName([
    [OID.country, 'VN'],
    [OID.province, opts.province],
    [OID.locality, opts.locality],
    [OID.organization, opts.organization],
    [OID.commonName, opts.commonName],
  ]);
  const spkiDer = publicKey.export({ type: 'spki', format: 'der' });
  const spki = pkijs.PublicKeyInfo.fromBER(new Uint8Array(spkiDer));
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40; // positive, no leading zero byte: a valid DER INTEGER

  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0xc0]), unusedBits: 6 }); // digitalSignature | nonRepudiation
  const ski = createHash('sha1').update(spki.subjectPublicKey.valueBlock.valueHexView).digest();
  const sigAlg = new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRSA, algorithmParams: new asn1js.Null() });
  const cert = new pkijs.Certificate({
    version: 2,
    serialNumber: new asn1js.Integer({ valueHex: serial }),
    signature: sigAlg,
    issuer: name,
    subject: name,
    notBefore: x509Time(notBefore),
    notAfter: x509Time(notAfter),
    subjectPublicKeyInfo: spki,
    extensions: [
      new pkijs.Extension({ extnID: OID.basicConstraints, critical: true, extnValue: new asn1js.Sequence({ value: [] }).toBER() }),
      new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: keyUsage.toBER() }),
      new pkijs.Extension({ extnID: OID.subjectKeyIdentifier, critical: false, extnValue: new asn1js.OctetString({ valueHex: ski }).toBER() }),
    ],
    signatureAlgorithm: sigAlg,
  });
  // Signed with node:crypto directly: no WebCrypto engine to configure, and the same KeyObject
  // (later possibly from a keychain) signs the certificate and the packages.
  const tbs = cert.encodeTBS().toBER();
  cert.tbsView = new Uint8Array(tbs);
  cert.signatureValue = new asn1js.BitString({ valueHex: sign('sha256', new Uint8Array(tbs), privateKey) });
  const certificatePem = derToPem(new Uint8Array(cert.toSchema().toBER()));
  return { certificatePem, privateKey };
}
