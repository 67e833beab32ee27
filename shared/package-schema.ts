// data/package.json inside a submission package: machine-readable, schema-versioned. Validated
// when written and again when a package is opened, so both sides agree on one shape.
import { z } from 'zod';

export const PACKAGE_SCHEMA_VERSION = 1;

const evidence = z.object({
  fileName: z.string(),
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int(),
  mediaType: z.string(),
  pdfSigned: z.boolean().nullable(),
  docNumber: z.string().nullable(),
  docDate: z.string().nullable(),
  summary: z.string().nullable(),
  originalName: z.string(),
});

export const assessmentPackage = z.object({
  format: z.literal('kiemchung-package'),
  schemaVersion: z.literal(PACKAGE_SCHEMA_VERSION),
  kind: z.literal('assessment'),
  generatedAt: z.string(),
  app: z.object({ name: z.literal('Kiểm Chứng'), version: z.string() }),
  office: z.object({ province: z.string(), district: z.string(), commune: z.string(), kind: z.enum(['xa', 'phuong', 'thi_tran']) }),
  assessment: z.object({ year: z.number().int(), opensAt: z.string(), closesAt: z.string(), status: z.string(), sentAt: z.string().nullable() }),
  criteriaSet: z.object({ name: z.string(), decision: z.string().nullable(), province: z.string().nullable(), year: z.number().int().nullable(), totalMax: z.number() }),
  criteria: z.array(
    z.object({
      code: z.string(),
      parentCode: z.string().nullable(),
      title: z.string(),
      maxPoints: z.number().nullable(),
      isLeaf: z.boolean(),
      total: z.object({ points: z.number(), applicableMax: z.number() }).nullable(),
      item: z
        .object({
          points: z.number().nullable(),
          notApplicable: z.boolean(),
          naReason: z.string().nullable(),
          explanation: z.string(),
          status: z.string(),
          reviewComment: z.string().nullable(),
          assignee: z.string().nullable(),
          updatedBy: z.string().nullable(),
          updatedAt: z.string(),
          evidence: z.array(evidence),
        })
        .nullable(),
    }),
  ),
  totals: z.object({ points: z.number(), applicableMax: z.number(), percent: z.number().nullable(), band: z.string().nullable() }),
  signedBy: z.object({ holder: z.string(), fingerprint: z.string() }),
});
export type AssessmentPackage = z.infer<typeof assessmentPackage>;
