// Who signed: a package that verified is only *intact*; it is from a *known* signer when its
// certificate is one of the trust anchors — the office's own certificate (current and earlier
// keys), certificates enrolled with the province's receiver, certificates the user chose to trust
// ("Tin cậy chứng thư này") — or was issued by an anchor that is a CA. Three outcomes, everywhere:
//   known   — hợp lệ, người ký đã biết (the anchor is named);
//   unknown — nội dung nguyên vẹn nhưng người ký chưa được xác nhận (a warning, never green);
//   invalid — không hợp lệ (the verification problems are the reasons).
// A certificate that carries an anchor's name but is not that anchor is called out (sameNameAs):
// that is exactly what a forger re-signing with a fresh "UBND xã Phú Thượng" certificate looks like.
import { certificateFingerprint, certificateInfo, normaliseFingerprint } from './keys';

export type TrustSource = 'office' | 'imported' | 'enrolled' | 'receiver' | 'cli';
export type TrustLevel = 'known' | 'unknown' | 'invalid';

export interface TrustAnchor {
  /** SHA-256 of the DER certificate, lowercase hex. */
  fingerprint: string;
  /** Holder name shown to the user ("UBND xã Phú Thượng"). */
  name: string;
  source: TrustSource;
  /** Absent for an anchor given only as a fingerprint (`--fingerprint`). */
  certificatePem?: string;
}

export interface AnchorRef {
  name: string;
  fingerprint: string;
  source: TrustSource;
}

export interface TrustOutcome {
  level: TrustLevel;
  /** The anchor that makes the signer known (the signer's own certificate or a CA above it). */
  anchor?: AnchorRef;
  /** Unknown signer whose certificate carries the name of an anchor with another key. */
  sameNameAs?: AnchorRef;
}

const ref = (a: TrustAnchor): AnchorRef => ({ name: a.name, fingerprint: a.fingerprint, source: a.source });

/** Names compared as a person reads them: NFC, case and spacing ignored. */
export const sameName = (a: string, b: string) => {
  const n = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  return n(a) === n(b);
};

/** An anchor from a certificate (fingerprint and holder read from it); throws ApiError on an unreadable one. */
export function anchorFromPem(certificatePem: string, source: TrustSource, name?: string): TrustAnchor {
  const info = certificateInfo(certificatePem, 0);
  return { fingerprint: certificateFingerprint(certificatePem), name: name?.trim() || info.holder, source, certificatePem };
}

/**
 * Classifies a verified (or not) signer against the anchors. `issuerPath` is the fingerprints of
 * the CA certificates whose signatures were verified above the signer (cert-check.ts).
 */
export function classifySigner(
  signer: { ok: boolean; fingerprint: string | null; holder: string | null; issuerPath?: string[] },
  anchors: readonly TrustAnchor[],
): TrustOutcome {
  if (!signer.ok || !signer.fingerprint) return { level: 'invalid' };
  const fp = normaliseFingerprint(signer.fingerprint);
  const own = anchors.find((a) => normaliseFingerprint(a.fingerprint) === fp);
  if (own) return { level: 'known', anchor: ref(own) };
  for (const issuer of signer.issuerPath ?? []) {
    const ca = anchors.find((a) => normaliseFingerprint(a.fingerprint) === issuer);
    if (ca) return { level: 'known', anchor: ref(ca) };
  }
  const namesake = signer.holder ? anchors.find((a) => sameName(a.name, signer.holder!)) : undefined;
  return namesake ? { level: 'unknown', sameNameAs: ref(namesake) } : { level: 'unknown' };
}

export { groupFingerprint } from '../../../shared/fingerprint';

/** Distinct anchors by fingerprint (first wins), so an office certificate also enrolled is listed once. */
export function dedupeAnchors(anchors: readonly TrustAnchor[]): TrustAnchor[] {
  const seen = new Set<string>();
  return anchors.filter((a) => {
    const fp = normaliseFingerprint(a.fingerprint);
    if (seen.has(fp)) return false;
    seen.add(fp);
    return true;
  });
}
