// data/package.json inside a submission package: machine-readable, schema-versioned. Validated
// when written and again when a package is opened, so both sides agree on one shape. Four kinds
// share the envelope (format, schemaVersion, generatedAt, app, office, signedBy): a year's
// self-assessment, an exam round's results, the report for the inspection team (document 003) and
// a course's end-of-course test results (document 004); `kind` tells them apart. The same word is
// `Kiemchung-Kind` in bag-info.txt and the `kind` of the package list and the outbox.
import { z } from 'zod';

export const PACKAGE_SCHEMA_VERSION = 1;

export const PACKAGE_KINDS = ['assessment', 'exam', 'inspection', 'training'] as const;
export const packageKind = z.enum(PACKAGE_KINDS);
export type PackageKind = z.infer<typeof packageKind>;

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

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The report for the inspection team (services/inspection/package.ts): the inspection, each
 * outline item's text with its documents (payload paths under evidence/<item number>/), the late
 * dossiers and the incoming-documents figure as the report states them.
 */
export const inspectionPackage = z.object({
  format: z.literal('kiemchung-package'),
  schemaVersion: z.literal(PACKAGE_SCHEMA_VERSION),
  kind: z.literal('inspection'),
  generatedAt: z.string(),
  app,
  office,
  inspection: z.object({
    year: z.number().int(),
    planNumber: z.string(),
    planDate: isoDate.nullable(),
    method: z.enum(['scheduled', 'surprise', 'report', 'recheck']),
    visitDate: isoDate.nullable(),
    dueDate: isoDate.nullable(),
  }),
  items: z.array(
    z.object({
      key: z.string(),
      prompt: z.string(),
      text: z.string(),
      prefilled: z.boolean(),
      documents: z.array(
        z.object({
          path: z.string(),
          sha256: z.string().regex(/^[0-9a-f]{64}$/),
          docNumber: z.string().nullable(),
          docDate: z.string().nullable(),
          summary: z.string().nullable(),
        }),
      ),
    }),
  ),
  lateDossiers: z.array(z.object({ dossierCode: z.string(), apologyNumber: z.string().nullable(), apologyDate: z.string().nullable() })),
  lateProblems: z.array(z.string()),
  incoming: z.object({ total: z.number().int().nullable(), digitised: z.number().int().nullable(), percent: z.number().nullable() }),
  signedBy,
});
export type InspectionPackage = z.infer<typeof inspectionPackage>;

/** A course's end-of-course test results (services/training/package.ts): every attempt, never only the best. */
export const trainingPackage = z.object({
  format: z.literal('kiemchung-package'),
  schemaVersion: z.literal(PACKAGE_SCHEMA_VERSION),
  kind: z.literal('training'),
  generatedAt: z.string(),
  app,
  office,
  course: z.object({
    id: z.number().int(),
    name: z.string(),
    organiser: z.string().nullable(),
    startsOn: isoDate.nullable(),
    endsOn: isoDate.nullable(),
    attendees: z.number().int(),
    questions: z.number().int(),
    tests: z.array(z.object({ name: z.string(), questionCount: z.number().int(), timeLimitMinutes: z.number().int(), passingPercent: z.number() })),
  }),
  results: z.array(
    z.object({
      fullName: z.string(),
      position: z.string(),
      testName: z.string(),
      attemptNo: z.number().int(),
      score: z.number().nullable(),
      maxScore: z.number(),
      passed: z.boolean().nullable(),
      late: z.boolean(),
      submittedAt: z.string().nullable(),
    }),
  ),
  signedBy,
});
export type TrainingPackage = z.infer<typeof trainingPackage>;

/** Any package.json: read this when the kind is not known yet (e.g. a package from a stick). */
export const submissionPackage = z.discriminatedUnion('kind', [assessmentPackage, examPackage, inspectionPackage, trainingPackage]);
export type SubmissionPackage = z.infer<typeof submissionPackage>;

/** The year a package speaks for (the receiver files it under that year): null when it does not say. */
export function packageYear(p: SubmissionPackage): number | null {
  const yearOf = (d: string | null) => (d && /^\d{4}-/.test(d) ? Number(d.slice(0, 4)) : null);
  switch (p.kind) {
    case 'assessment':
      return p.assessment.year;
    case 'exam':
      return yearOf(p.round.examDate);
    case 'inspection':
      return p.inspection.year;
    case 'training':
      return yearOf(p.course.endsOn ?? p.course.startsOn) ?? yearOf(p.generatedAt);
    default: {
      const never: never = p;
      return never;
    }
  }
}
