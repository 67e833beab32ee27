// data/package.json inside a submission package: machine-readable, schema-versioned. Validated
// when written and again when a package is opened, so both sides agree on one shape. Two kinds
// share the envelope (format, schemaVersion, generatedAt, app, office, signedBy): a year's
// self-assessment and an exam round's results; `kind` tells them apart.
import { z } from 'zod';

export const PACKAGE_SCHEMA_VERSION = 1;

export const packageEvidence = z.object({
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

/** One criterion's item: the score, the explanation, who did what, the evidence. */
export const packageItem = z.object({
  points: z.number().nullable(),
  notApplicable: z.boolean(),
  naReason: z.string().nullable(),
  explanation: z.string(),
  status: z.string(),
  reviewComment: z.string().nullable(),
  assignee: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
  evidence: z.array(packageEvidence),
});

/** One node of the criteria set, with the assessment's totals and (for an assessed node) its item. */
export const packageCriterion = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  title: z.string(),
  maxPoints: z.number().nullable(),
  isLeaf: z.boolean(),
  total: z.object({ points: z.number(), applicableMax: z.number() }).nullable(),
  item: packageItem.nullable(),
});

const app = z.object({ name: z.literal('Kiểm Chứng'), version: z.string() });
const office = z.object({ province: z.string(), district: z.string(), commune: z.string(), kind: z.enum(['xa', 'phuong', 'thi_tran']) });
const signedBy = z.object({ holder: z.string(), fingerprint: z.string() });

export const assessmentPackage = z.object({
  format: z.literal('kiemchung-package'),
  schemaVersion: z.literal(PACKAGE_SCHEMA_VERSION),
  kind: z.literal('assessment'),
  generatedAt: z.string(),
  app,
  office,
  assessment: z.object({ year: z.number().int(), opensAt: z.string(), closesAt: z.string(), status: z.string(), sentAt: z.string().nullable() }),
  criteriaSet: z.object({
    name: z.string(),
    decision: z.string().nullable(),
    province: z.string().nullable(),
    year: z.number().int().nullable(),
    totalMax: z.number(),
  }),
  criteria: z.array(packageCriterion),
  totals: z.object({ points: z.number(), applicableMax: z.number(), percent: z.number().nullable(), band: z.string().nullable() }),
  signedBy,
});
export type AssessmentPackage = z.infer<typeof assessmentPackage>;

const stepResult = z.enum(['dat', 'khong_dat']).nullable();
const tally = z.object({ people: z.number().int(), passed: z.number().int(), failed: z.number().int(), pending: z.number().int() });

/**
 * An exam round's results. `people`, `communes` and `totals` are exactly the results table
 * (services/exam/results.ts); `teams` carries each step's timing with the incidents and deadline
 * overrides behind it, so a reviewer can see why a step failed or ran long without the app.
 * Times are ISO 8601 (UTC).
 */
export const examPackage = z.object({
  format: z.literal('kiemchung-package'),
  schemaVersion: z.literal(PACKAGE_SCHEMA_VERSION),
  kind: z.literal('exam'),
  generatedAt: z.string(),
  app,
  office,
  round: z.object({ id: z.number().int(), name: z.string(), examDate: z.string().nullable(), venue: z.string().nullable(), district: z.string().nullable() }),
  people: z.array(
    z.object({
      fullName: z.string(),
      positionTitle: z.string().nullable(),
      commune: z.string(),
      steps: z.array(
        z.object({
          step: z.number().int().min(1).max(4),
          result: stepResult,
          codes: z.array(z.string()),
          finishedAt: z.string().nullable(),
          note: z.string().nullable(),
        }),
      ),
      passed: z.boolean().nullable(),
    }),
  ),
  communes: z.array(tally.extend({ commune: z.string() })),
  totals: tally,
  teams: z.array(
    z.object({
      commune: z.string(),
      steps: z.array(
        z.object({
          step: z.number().int().min(1).max(4),
          name: z.string(),
          startedAt: z.string().nullable(),
          deadlineAt: z.string().nullable(),
          endedAt: z.string().nullable(),
          endedBy: z.enum(['proctor', 'time']).nullable(),
          failed: z.boolean(),
          incidents: z.array(z.object({ at: z.string(), kind: z.enum(['internet', 'other']), description: z.string() })),
          overrides: z.array(z.object({ at: z.string(), deltaMs: z.number().int(), reason: z.string() })),
        }),
      ),
    }),
  ),
  /** Wall-clock jumps the app saw while the round ran: they bear on how far its times can be trusted. */
  clockEvents: z.array(z.object({ at: z.string(), deltaMs: z.number().int(), note: z.string() })),
  signedBy,
});
export type ExamPackage = z.infer<typeof examPackage>;

/** Any package.json: read this when the kind is not known yet (e.g. a package from a stick). */
export const submissionPackage = z.discriminatedUnion('kind', [assessmentPackage, examPackage]);
export type SubmissionPackage = z.infer<typeof submissionPackage>;
