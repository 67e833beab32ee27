// The signed submission package (DESIGN §6): signing identity, detached CMS, PAdES, BagIt zip
// writer and verifier: the format itself. The use-cases that build, record and send packages are
// services/submission/; writing them to a stick is services/usb/.
export { messages } from './messages';
export {
  createSelfSignedIdentity,
  certificateInfo,
  certificateFingerprint,
  normaliseFingerprint,
  assertCertificateUsable,
  EXPIRY_WARNING_DAYS,
  type SigningIdentity,
  type CertificateInfo,
  type SelfSignedOptions,
} from './keys';
export { KeyStore, passphraseProtector, keychainProtector, type OsKeychain, type KeyProtector, type StoredIdentity, type IdentityKind } from './key-store';
export { importPkcs12, type ImportedIdentity } from './pkcs12';
export { signDetached, signDetachedDigest, signDetachedBytes, verifyDetached, type CmsVerification, type CmsFailure, type DetachedContent } from './cms';
export { signPdf, addPlaceholderAndSign, type PdfSignOptions } from './pades';
export { buildBag, type BagSpec, type PayloadItem, type BuildResult, type BuildOptions } from './bag-writer';
export { verifyPackage, type VerifyReport, type VerifyProblem, type VerifyCheck, type VerifyOptions } from './bag-verify';
export { checkSignerCertificate, keyUsageBits, type CertCheck, type CertProblem, type CertCheckResult, type CertCheckOptions } from './cert-check';
export {
  classifySigner,
  anchorFromPem,
  groupFingerprint,
  dedupeAnchors,
  sameName,
  type TrustAnchor,
  type TrustSource,
  type TrustLevel,
  type TrustOutcome,
  type AnchorRef,
} from './trust';
export { readPackageFile, extractPackageFile, type ReadOptions } from './bag-read';
export { MAX_ZIP_PATH, TAG, checkPayloadPath, isValidBagName } from './bag-format';
export { DEFAULT_LIMITS, type ZipLimits } from './zip-read';
export { hashFile, hashStream, CHUNK_BYTES } from './hash';
