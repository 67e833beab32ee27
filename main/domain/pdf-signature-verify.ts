// Is a signature dictionary found by the scanner (pdf-signature.ts) a real signature of this
// file? Pure: the service reads the /Contents bytes from disk and calls these.
//
// - /ByteRange [a b c d] must cover the whole file except exactly the /Contents hex string:
//   a = 0, b = offset of its "<", c = offset just after its ">", c + d = file size. A file with
//   bytes added after signing (an incremental update, or junk) is covered only by its last
//   signature; one whose range leaves a hole elsewhere is not signed at all.
// - /Contents must decode to DER that parses as CMS ContentInfo holding SignedData (RFC 5652)
//   with at least one signer. A placeholder, random hex or any other ASN.1 is not a signature.
// This does not check the certificate or the digest: the badge says "ký số", not "chữ ký hợp lệ".
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SignatureCandidate } from './pdf-signature';

const SIGNED_DATA_OID = '1.2.840.113549.1.7.2';

/** Largest /Contents hex read from a file (a PAdES-LTV signature with its chain and revocation data is well under 1 MB). */
export const MAX_CONTENTS_HEX = 4 * 1024 * 1024;

export function byteRangeCoversFile(c: SignatureCandidate, fileSize: number): boolean {
  const r = c.byteRange;
  if (r.length !== 4 || !r.every((n) => Number.isSafeInteger(n) && n >= 0)) return false;
  const [a, b, d, e] = r as [number, number, number, number];
  return a === 0 && b === c.contentsStart && d === c.contentsEnd && d + e === fileSize && c.contentsEnd - c.contentsStart <= MAX_CONTENTS_HEX + 2;
}

/** The bytes of a hex string as read from the file, "<" and ">" included; null if it is not one. */
export function decodeHexString(raw: Uint8Array): Uint8Array | null {
  if (raw.length < 2 || raw[0] !== 0x3c || raw[raw.length - 1] !== 0x3e) return null;
  const digits = Buffer.from(raw.subarray(1, -1))
    .toString('latin1')
    .replace(/[\0\t\n\f\r ]/g, '');
  if (!/^[0-9A-Fa-f]*$/.test(digits)) return null;
  return Buffer.from(digits.length % 2 ? digits + '0' : digits, 'hex');
}

/** Whether DER (possibly followed by the zero padding of the reserved space) is CMS SignedData with a signer. */
export function isCmsSignedData(der: Uint8Array): boolean {
  if (der.length < 16 || der[0] !== 0x30) return false;
  try {
    const parsed = asn1js.fromBER(new Uint8Array(der).buffer);
    if (parsed.offset === -1 || parsed.result.error) return false;
    // What follows the DER inside the reserved space must be padding.
    for (let i = parsed.offset; i < der.length; i++) if (der[i] !== 0) return false;
    const info = new pkijs.ContentInfo({ schema: parsed.result });
    if (info.contentType !== SIGNED_DATA_OID) return false;
    const signed = new pkijs.SignedData({ schema: info.content });
    return signed.signerInfos.length > 0;
  } catch {
    return false;
  }
}
