// Detached CMS SignedData (RFC 5652), DER, as `openssl cms -verify -binary -inform DER` expects.
// The content is hashed streamed; only the signed attributes (contentType, signingTime,
// messageDigest) are signed, with node:crypto — pkijs only builds and parses the structures, so
// no WebCrypto engine is involved and any KeyObject (RSA or ECDSA P-256) can sign.
import { X509Certificate, createHash, sign, verify, type KeyObject } from 'node:crypto';
import type { Readable } from 'node:stream';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ApiError } from '../../../shared/errors';
import { hashFile, hashStream } from './hash';
import { derToPem, parseCertificate, pemToDer, type SigningIdentity } from './keys';
import { messages } from './messages';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export type CmsFailure = keyof typeof messages.cms;

export interface CmsVerification {
  ok: boolean;
  /** The certificate the signature was checked with (present whenever it could be found). */
  signerCertificatePem: string | null;
  /** Other certificates the signature carries (an imported PKCS#12's chain). */
  chainPem: string[];
  /** Epoch ms from the signingTime attribute, or null. */
  signingTime: number | null;
  reason?: CmsFailure;
  /** Vietnamese, completes messages.verify.signature(file, …). */
  message?: string;
}

export type DetachedContent = string | Readable | { sha256: Buffer };

async function contentDigest(content: DetachedContent): Promise<Buffer> {
  if (typeof content === 'string') return (await hashFile(content)).digest;
  if ('sha256' in content && Buffer.isBuffer(content.sha256)) return content.sha256;
  return (await hashStream(content as Readable)).digest;
}

/** RFC 5652 §11.3: UTCTime for 1950–2049, GeneralizedTime otherwise. */
const timeValue = (d: Date) => (d.getUTCFullYear() < 2050 ? new asn1js.UTCTime({ valueDate: d }) : new asn1js.GeneralizedTime({ valueDate: d }));

/** The signature algorithm identifier written for a key (what OpenSSL writes too). */
function signatureAlgorithm(key: KeyObject): pkijs.AlgorithmIdentifier {
  if (key.asymmetricKeyType === 'rsa') return new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() });
  if (key.asymmetricKeyType === 'ec') return new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
  throw new ApiError('VALIDATION', messages.keys.keyUnsupported);
}

/** Signs a SHA-256 digest computed elsewhere (e.g. while the bag writer streamed the content). */
export function signDetachedDigest(digest: Buffer, identity: SigningIdentity, signingTime: Date): Buffer {
  const cert = parseCertificate(pemToDer(identity.certificatePem));
  const chain = (identity.chainPem ?? []).map((p) => parseCertificate(pemToDer(p)));
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.signingTime, values: [timeValue(new Date(Math.floor(signingTime.getTime() / 1000) * 1000))] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
  ];
  // DER orders a SET OF by encoding; OpenSSL re-encodes signed attributes that way when it signs,
  // so do the same and the bytes signed here are the bytes any verifier reconstructs.
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER()) })).sort((x, y) => Buffer.compare(x.der, y.der));
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: encoded.map((e) => e.a) });
  const toSign = Buffer.from(new asn1js.Set({ value: encoded.map((e) => e.a.toSchema()) }).toBER());
  const signature = sign('sha256', toSign, identity.privateKey);

  const sha256Id = new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }); // RFC 5754: parameters absent
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Id],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }), // no eContent: detached
    certificates: [cert, ...chain],
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        digestAlgorithm: sha256Id,
        signedAttrs,
        signatureAlgorithm: signatureAlgorithm(identity.privateKey),
        signature: new asn1js.OctetString({ valueHex: signature }),
      }),
    ],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER());
}

/** Detached signature over a file, hashed streamed (never read whole). */
export async function signDetached(contentPath: string, identity: SigningIdentity, signingTime: Date): Promise<Buffer> {
  return signDetachedDigest((await hashFile(contentPath)).digest, identity, signingTime);
}

export const signDetachedBytes = (content: Uint8Array, identity: SigningIdentity, signingTime: Date) =>
  signDetachedDigest(createHash('sha256').update(content).digest(), identity, signingTime);

const fail = (reason: CmsFailure, partial: Partial<CmsVerification> = {}): CmsVerification => ({
  ok: false,
  signerCertificatePem: null,
  chainPem: [],
  signingTime: null,
  ...partial,
  reason,
  message: messages.cms[reason],
});

function findSigner(certs: pkijs.Certificate[], sid: pkijs.SignerInfo['sid']): pkijs.Certificate | undefined {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  }
  // subjectKeyIdentifier form: [0] IMPLICIT OCTET STRING
  const want = Buffer.from((sid as asn1js.Primitive).valueBlock.valueHexView);
  return certs.find((c) => {
    const ext = c.extensions?.find((e) => e.extnID === '2.5.29.14');
    if (!ext) return false;
    const parsed = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView);
    return parsed.offset !== -1 && Buffer.from((parsed.result as asn1js.OctetString).valueBlock.valueHexView).equals(want);
  });
}

/** Verifies a detached signature against content; the caller decides whether it trusts the certificate. */
export async function verifyDetached(content: DetachedContent, p7sDer: Uint8Array): Promise<CmsVerification> {
  let signedData: pkijs.SignedData;
  try {
    const parsed = asn1js.fromBER(p7sDer);
    if (parsed.offset !== p7sDer.byteLength) return fail('malformed'); // includes trailing garbage
    const ci = new pkijs.ContentInfo({ schema: parsed.result });
    if (ci.contentType !== OID.signedData) return fail('notSignedData');
    signedData = new pkijs.SignedData({ schema: ci.content });
  } catch {
    return fail('malformed');
  }
  const certs = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  if (signedData.signerInfos.length !== 1) return fail('signerCount');
  const si = signedData.signerInfos[0]!;
  const signer = findSigner(certs, si.sid);
  const signerCertificatePem = signer ? derToPem(new Uint8Array(signer.toSchema().toBER())) : null;
  const chainPem = certs.filter((c) => c !== signer).map((c) => derToPem(new Uint8Array(c.toSchema().toBER())));
  const attrs = si.signedAttrs?.attributes ?? [];
  const timeAttr = attrs.find((a) => a.type === OID.signingTime)?.values[0] as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  const signingTime = timeAttr && typeof timeAttr.toDate === 'function' ? timeAttr.toDate().getTime() : null;
  const partial = { signerCertificatePem, chainPem, signingTime };

  if (signedData.encapContentInfo.eContent) return fail('notDetached', partial);
  if (si.digestAlgorithm.algorithmId !== OID.sha256) return fail('unsupportedDigest', partial);
  if (!si.signedAttrs || attrs.length === 0) return fail('noSignedAttributes', partial);
  if (!signer || !signerCertificatePem) return fail('noCertificate', partial);
  const ct = attrs.filter((a) => a.type === OID.contentType);
  if (ct.length !== 1 || (ct[0]!.values[0] as asn1js.ObjectIdentifier | undefined)?.getValue?.() !== signedData.encapContentInfo.eContentType) {
    return fail('contentType', partial);
  }
  const md = attrs.filter((a) => a.type === OID.messageDigest);
  if (md.length !== 1 || !(md[0]!.values[0] instanceof asn1js.OctetString)) return fail('noDigest', partial);
  const claimed = Buffer.from(md[0]!.values[0].valueBlock.valueHexView);
  const actual = await contentDigest(content);
  if (!claimed.equals(actual)) return fail('digestMismatch', partial);

  const alg = si.signatureAlgorithm.algorithmId;
  const publicKey = new X509Certificate(signerCertificatePem).publicKey;
  const rsa = publicKey.asymmetricKeyType === 'rsa' && (alg === OID.rsaEncryption || alg === OID.sha256WithRSA);
  const ec = publicKey.asymmetricKeyType === 'ec' && (alg === OID.ecdsaWithSha256 || alg === OID.ecPublicKey);
  if (!rsa && !ec) return fail('unsupportedKey', partial);
  // encodedValue holds the attributes exactly as received, retagged as SET (0x31): the signed bytes.
  const signedBytes = new Uint8Array(si.signedAttrs.encodedValue);
  let good = false;
  try {
    good = verify('sha256', signedBytes, publicKey, si.signature.valueBlock.valueHexView);
  } catch {
    good = false;
  }
  if (!good) return fail('badSignature', partial);
  return { ok: true, ...partial };
}
