// zod schemas for the signing identity and submission packages.
import { z } from 'zod';
import { packageCriterion, packageEvidence, packageItem, packageKind } from '../package-schema';

export const passphrase = z.string().min(8, { error: 'Mật khẩu bảo vệ khóa ký phải có ít nhất 8 ký tự.' }).max(200);

export const packageKey = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Mã gói hồ sơ không hợp lệ.' });

export const certificateView = z.object({
  holder: z.string(),
  issuer: z.string(),
  serial: z.string(),
  fingerprint: z.string(),
  notBefore: z.number(),
  notAfter: z.number(),
  expired: z.boolean(),
  expiresInDays: z.number(),
  selfIssued: z.boolean(),
  warning: z.string().nullable(),
});

export const identityStatus = z.object({
  present: z.boolean(),
  kind: z.enum(['self-issued', 'pkcs12']).nullable(),
  /** How the stored key is sealed: the OS keychain (desktop app) or a passphrase. */
  protector: z.enum(['passphrase', 'os-keychain']).nullable(),
  /** The desktop app can seal a new key with the OS keychain: no passphrase is asked. */
  keychainAvailable: z.boolean(),
  certificate: certificateView.nullable(),
});

export const packageView = z.object({
  id: z.number().int(),
  kind: packageKind,
  refId: z.number().int(),
  bagName: z.string(),
  fileName: z.string(),
  size: z.number(),
  sha256: z.string(),
  payloadFiles: z.number().int(),
  signerFingerprint: z.string(),
  createdAt: z.number(),
});
export type PackageView = z.infer<typeof packageView>;

/** A package built from a record's own page (inspection report, course results): the zip to download, and its row in the package list (for "Gửi lên tỉnh"). */
export const builtPackageFile = z.object({ fileId: z.string(), fileName: z.string(), mediaType: z.string(), packageId: z.number().int() });
export type BuiltPackageFile = z.infer<typeof builtPackageFile>;

/** One evidence document of a criterion, as listed in the package's data/package.json. */
export const packageEvidenceView = packageEvidence.omit({ sha256: true }).extend({
  /** The file is a payload entry of the verified manifest (so it can be opened from the package). */
  inPackage: z.boolean(),
});
export type PackageEvidenceView = z.infer<typeof packageEvidenceView>;

/** One node of the criteria tree (lĩnh vực → tiêu chí → tiêu chí thành phần), flat in tree order. */
export const packageCriterionView = packageCriterion.extend({
  depth: z.number().int(),
  item: packageItem.extend({ statusLabel: z.string(), evidence: z.array(packageEvidenceView) }).nullable(),
});
export type PackageCriterionView = z.infer<typeof packageCriterionView>;

const tallyView = z.object({ people: z.number().int(), passed: z.number().int(), failed: z.number().int(), pending: z.number().int() });

/** An exam round's results as carried by a package (kind "exam"). */
export const packageExamView = z.object({
  office: z.string(),
  round: z.object({ name: z.string(), examDate: z.string().nullable(), venue: z.string().nullable(), district: z.string().nullable() }),
  people: z.array(
    z.object({
      fullName: z.string(),
      positionTitle: z.string().nullable(),
      commune: z.string(),
      steps: z.array(
        z.object({
          step: z.number().int(),
          result: z.enum(['dat', 'khong_dat']).nullable(),
          codes: z.array(z.string()),
          finishedAt: z.string().nullable(),
          note: z.string().nullable(),
        }),
      ),
      passed: z.boolean().nullable(),
    }),
  ),
  communes: z.array(tallyView.extend({ commune: z.string() })),
  totals: tallyView,
  incidents: z.array(z.object({ commune: z.string(), step: z.number().int(), stepName: z.string(), at: z.string(), description: z.string() })),
});
export type PackageExamView = z.infer<typeof packageExamView>;

export const trustLevel = z.enum(['known', 'unknown', 'invalid']);
export type TrustLevelView = z.infer<typeof trustLevel>;
export const trustSource = z.enum(['office', 'imported', 'enrolled', 'receiver', 'cli']);
const anchorRef = z.object({ name: z.string(), fingerprint: z.string(), source: trustSource });

/** Who signed (DESIGN §7 "Trust"): shown differently for each level, in words and with an icon. */
export const trustView = z.object({
  level: trustLevel,
  /** The outcome line: "Hợp lệ, người ký đã biết: …" / "Nội dung nguyên vẹn nhưng …" / "Không hợp lệ: n lý do." */
  title: z.string(),
  signer: z.string().nullable(),
  fingerprint: z.string().nullable(),
  /** The fingerprint in groups of four, for reading aloud over the phone. */
  fingerprintGroups: z.array(z.string()),
  /** The anchor that makes the signer known. */
  anchor: anchorRef.nullable(),
  /** An unknown certificate carrying the name of a known one: the forger's look. */
  sameNameAs: anchorRef.nullable(),
  /** Warnings to show under the title (same-name call-out, how to check the fingerprint by phone). */
  notes: z.array(z.string()),
  /** An intact package from an unknown signer: its certificate can be trusted (leaders, after a confirm). */
  canTrust: z.boolean(),
});
export type TrustView = z.infer<typeof trustView>;

/** One entry of the trusted-certificates list. */
export const trustedCertificateView = z.object({
  fingerprint: z.string(),
  name: z.string(),
  source: trustSource,
  addedAt: z.number(),
  addedBy: z.string().nullable(),
  holder: z.string(),
  issuer: z.string(),
  notAfter: z.number(),
  /** The office's current signing certificate (cannot be removed). */
  current: z.boolean(),
});
export type TrustedCertificateView = z.infer<typeof trustedCertificateView>;

export const verifyView = z.object({
  /** Intact: every check passed (the signer may still be unknown — see trust). */
  ok: z.boolean(),
  message: z.string(),
  trust: trustView,
  problems: z.array(z.object({ check: z.string(), file: z.string().nullable(), message: z.string() })),
  bagName: z.string().nullable(),
  bagInfo: z.record(z.string(), z.string()),
  signer: certificateView.nullable(),
  signingTime: z.number().nullable(),
  payloadFiles: z.number().int(),
  payloadBytes: z.number(),
  /** Set when the package verified and was kept: opens its files (package.openFile) and reopens it. */
  packageKey: z.string().nullable(),
  fileName: z.string().nullable(),
  kind: packageKind.nullable(),
  /** The package verified but its data/package.json is not a shape this version reads. */
  contentError: z.string().nullable(),
  /** Payload files outside data/evidence (summary PDF/XLSX …), openable from the package. */
  documents: z.array(z.object({ path: z.string(), size: z.number() })),
  content: z
    .object({
      office: z.string(),
      year: z.number().int(),
      criteriaSet: z.string(),
      points: z.number(),
      applicableMax: z.number(),
      percent: z.number().nullable(),
      band: z.string().nullable(),
      evidence: z.number().int(),
      areas: z.array(z.object({ code: z.string(), title: z.string(), points: z.number(), applicableMax: z.number() })),
      criteria: z.array(packageCriterionView),
    })
    .nullable(),
  exam: packageExamView.nullable(),
});
export type VerifyView = z.infer<typeof verifyView>;

export const driveView = z.object({
  path: z.string(),
  label: z.string(),
  fsType: z.string().nullable(),
  removable: z.boolean(),
  freeBytes: z.number().nullable(),
  totalBytes: z.number().nullable(),
  fat32: z.boolean(),
});

/** A package verified earlier and kept (content-addressed) so it can be reopened without a new upload. */
export const receivedPackageView = z.object({
  packageKey: z.string(),
  fileName: z.string(),
  size: z.number(),
  openedAt: z.number(),
  bagName: z.string().nullable(),
  kind: packageKind.nullable(),
  title: z.string(),
  signer: z.string().nullable(),
  /** Who signed, as last verified (absent in entries kept by older versions: shown as unknown). */
  trust: trustLevel.optional(),
  signerFingerprint: z.string().nullable().optional(),
});
export type ReceivedPackageView = z.infer<typeof receivedPackageView>;
