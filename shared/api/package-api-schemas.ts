// zod schemas for the signing identity and submission packages.
import { z } from 'zod';

export const passphrase = z.string().min(8, { error: 'Mật khẩu bảo vệ khóa ký phải có ít nhất 8 ký tự.' }).max(200);

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

export const identityStatus = z.object({ present: z.boolean(), kind: z.enum(['self-issued', 'pkcs12']).nullable(), certificate: certificateView.nullable() });

export const packageView = z.object({
  id: z.number().int(),
  kind: z.enum(['assessment', 'exam']),
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

export const verifyView = z.object({
  ok: z.boolean(),
  message: z.string(),
  problems: z.array(z.object({ check: z.string(), file: z.string().nullable(), message: z.string() })),
  bagName: z.string().nullable(),
  bagInfo: z.record(z.string(), z.string()),
  signer: certificateView.nullable(),
  signingTime: z.number().nullable(),
  payloadFiles: z.number().int(),
  payloadBytes: z.number(),
  content: z
    .object({
      office: z.string(),
      year: z.number().int(),
      criteriaSet: z.string(),
      points: z.number(),
      applicableMax: z.number(),
      percent: z.number().nullable(),
      band: z.string().nullable(),
      criteria: z.number().int(),
      evidence: z.number().int(),
      areas: z.array(z.object({ code: z.string(), title: z.string(), points: z.number(), applicableMax: z.number() })),
    })
    .nullable(),
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
