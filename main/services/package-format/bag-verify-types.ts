// The shapes of package verification (bag-verify.ts): the checks, each problem, the report and the
// options. Kept apart so the verifier itself stays readable; bag-verify.ts re-exports them.
import type { JobHandle } from '../jobs';
import type { TrustAnchor, TrustOutcome } from './trust';
import type { CertificateInfo } from './keys';
import type { ZipCheck, ZipLimits } from './zip-read';

export type VerifyCheck =
  | ZipCheck
  | 'crc'
  | 'layout'
  | 'bagit'
  | 'bag-info'
  | 'oxum'
  | 'manifest-format'
  | 'tagmanifest-format'
  | 'payload-missing'
  | 'payload-unlisted'
  | 'payload-hash'
  | 'tag-missing'
  | 'tag-unlisted'
  | 'tag-hash'
  | 'signature'
  | 'signer'
  | 'signer-validity'
  /** The signer certificate's own signature does not verify (self-issued: its own key; else its issuer's). */
  | 'signer-certificate'
  /** A CA certificate on the signer's path is not a CA, is out of validity, or its signature is broken. */
  | 'signer-chain'
  /** The signer certificate's keyUsage forbids signing (no digitalSignature/nonRepudiation). */
  | 'signer-usage';

export interface VerifyProblem {
  check: VerifyCheck;
  /** Path inside the bag folder (e.g. `data/package.json`), the raw zip entry name for zip-level problems, or null. */
  file: string | null;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  problems: VerifyProblem[];
  bagName: string | null;
  /** bag-info.txt fields (first occurrence of each label). */
  bagInfo: Record<string, string>;
  signer: CertificateInfo | null;
  signerCertificatePem: string | null;
  /** Epoch ms from the signature's signingTime attribute. */
  signingTime: number | null;
  /** Every payload file present and listed, with its real size and SHA-256. */
  payload: { path: string; size: number; sha256: string }[];
  /**
   * Who signed (trust.ts): `known` only when the signer is one of `trustAnchors` (or issued by an
   * anchor that is a CA), `unknown` when intact but not known, `invalid` whenever `ok` is false.
   * Always set by verifyPackage; optional in the type for reports built by hand.
   */
  trust?: TrustOutcome;
  /** Fingerprints of the CA certificates verified above the signer (empty for a self-issued one). */
  issuerPath?: string[];
  /** The bytes of the payload files asked for with `keepPayload`, as they were hashed (absent when over KEEP_MAX_BYTES). */
  kept?: Map<string, Buffer>;
}

export interface VerifyOptions {
  /** SHA-256 fingerprint of the enrolled certificate (hex, colons allowed): any other signer is a problem. */
  expectedSignerFingerprint?: string;
  /** Certificates that make a signer known (report.trust); without them every intact package is `unknown`. */
  trustAnchors?: readonly TrustAnchor[];
  /** CA certificates (PEM) the user added, besides the chain the signature carries, to check a CA-issued signer. */
  extraCaPem?: readonly string[];
  limits?: Partial<ZipLimits>;
  job?: JobHandle;
  /** Epoch ms for the certificate's expired/expiresInDays; defaults to now. */
  now?: number;
  /**
   * false skips the CRC-32 of payload files (≈ 25 % faster): their SHA-256 is checked against the
   * signed manifest anyway, so a CRC can only disagree where the zip header alone was edited, which
   * other unzip tools would then complain about. Tag files are always CRC-checked. Default true.
   */
  checkCrc?: boolean;
  /**
   * false skips reading the payload: each listed file must be there with its size, but its bytes
   * are not hashed. Only for a caller that proves the bytes another way — the USB export compares
   * the whole zip's SHA-256 with the one taken when the package was built (and its payload hashed).
   * Default true.
   */
  payloadHashes?: boolean;
  /**
   * Payload files (e.g. `data/package.json`) whose bytes the caller reads next: kept in
   * `report.kept` as they were hashed, instead of opening the zip and reading them again.
   */
  keepPayload?: readonly string[];
}
