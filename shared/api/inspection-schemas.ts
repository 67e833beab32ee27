// Schemas of the inspection report (document 003) and the training register with its tests
// (document 004), issue 15.
import { z } from 'zod';
import { vi } from '../i18n/vi';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: vi.dateTime.invalidDate });
const t = vi.training;

export const inspectionMethod = z.enum(['scheduled', 'surprise', 'report', 'recheck']);

export const inspectionInput = z.object({
  year: z.number().int().min(2000).max(2100),
  planNumber: z.string().trim().min(1, { error: vi.inspection.planNumberRequired }).max(120),
  planDate: isoDate.nullable(),
  method: inspectionMethod,
  visitDate: isoDate.nullable(),
});

export const inspectionSummary = inspectionInput.extend({
  id: z.number().int(),
  dueDate: isoDate.nullable(),
  daysLeft: z.number().int().nullable(),
  visitPast: z.boolean(),
});
export type InspectionSummary = z.infer<typeof inspectionSummary>;

export const linkedDocument = z.object({
  id: z.number().int(),
  sha256: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  docNumber: z.string().nullable(),
  docDate: z.string().nullable(),
  summary: z.string().nullable(),
});

export const outlineLine = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), key: z.string(), title: z.string(), level: z.number().int(), optional: z.boolean() }),
  z.object({
    kind: z.literal('item'),
    key: z.string(),
    prompt: z.string(),
    level: z.number().int(),
    optional: z.boolean(),
    check: z.enum(['apologyPerDossier', 'incomingDigitised']).nullable(),
    text: z.string(),
    prefilled: z.boolean(),
    documents: z.array(linkedDocument),
  }),
]);
export type OutlineLineView = z.infer<typeof outlineLine>;

export const lateDossier = z.object({ dossierCode: z.string(), apologyNumber: z.string().nullable(), apologyDate: z.string().nullable() });

export const inspectionDetail = z.object({
  inspection: inspectionSummary,
  incomingTotal: z.number().int().nullable(),
  incomingDigitised: z.number().int().nullable(),
  incomingPercent: z.number().nullable(),
  incomingWarning: z.string().nullable(),
  lines: z.array(outlineLine),
  late: z.array(lateDossier),
  lateProblems: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type InspectionDetail = z.infer<typeof inspectionDetail>;

export const libraryDocument = z.object({
  sha256: z.string(),
  originalName: z.string(),
  mediaType: z.string(),
  docNumber: z.string().nullable(),
  docDate: z.string().nullable(),
  summary: z.string().nullable(),
  pdfSigned: z.boolean().nullable(),
});

// ── Training ──
export const testSummary = z.object({
  id: z.number().int(),
  courseId: z.number().int(),
  name: z.string(),
  questionCount: z.number().int(),
  timeLimitMinutes: z.number().int(),
  passingPercent: z.number(),
});

export const courseSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  organiser: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  attendees: z.number().int(),
  questions: z.number().int(),
  tests: z.array(testSummary),
});
export type CourseSummary = z.infer<typeof courseSummary>;

export const courseInput = z.object({
  name: z.string().trim().min(1, { error: t.courseName }).max(300),
  organiser: z.string().trim().max(300).nullable(),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
});

export const personRef = z.object({ id: z.number().int(), fullName: z.string(), position: z.string() });

export const courseDetail = z.object({
  course: courseSummary,
  attendees: z.array(z.object({ userId: z.number().int(), fullName: z.string(), position: z.string(), certificate: z.string().nullable() })),
  people: z.array(personRef),
});

export const letter = z.enum(['A', 'B', 'C', 'D']);

export const attemptView = z.object({
  id: z.number().int(),
  testId: z.number().int(),
  testName: z.string(),
  courseName: z.string(),
  attemptNo: z.number().int(),
  startedAt: z.number(),
  deadlineAt: z.number(),
  now: z.number(),
  submittedAt: z.number().nullable(),
  late: z.boolean(),
  score: z.number().nullable(),
  maxScore: z.number(),
  passed: z.boolean().nullable(),
  questions: z.array(
    z.object({
      id: z.number().int(),
      text: z.string(),
      options: z.object({ A: z.string(), B: z.string(), C: z.string(), D: z.string() }),
      answer: letter.nullable(),
    }),
  ),
});
export type AttemptView = z.infer<typeof attemptView>;

export const myTest = testSummary.extend({
  courseName: z.string(),
  attempts: z.array(
    z.object({
      id: z.number().int(),
      attemptNo: z.number().int(),
      submittedAt: z.number().nullable(),
      score: z.number().nullable(),
      maxScore: z.number(),
      passed: z.boolean().nullable(),
      late: z.boolean(),
    }),
  ),
});

export const resultRow = z.object({
  attemptId: z.number().int(),
  userId: z.number().int(),
  fullName: z.string(),
  position: z.string(),
  testName: z.string(),
  attemptNo: z.number().int(),
  score: z.number().nullable(),
  maxScore: z.number(),
  passed: z.boolean().nullable(),
  late: z.boolean(),
  submittedAt: z.number().nullable(),
});
export type ResultRow = z.infer<typeof resultRow>;

export const targetFigure = z.object({
  id: z.enum(['T1', 'T2']),
  operator: z.enum(['>', '>=']),
  threshold: z.number(),
  eligible: z.number().int(),
  trained: z.number().int(),
  percent: z.number().nullable(),
  met: z.boolean(),
  gap: z.number().nullable(),
  missing: z.array(z.object({ userId: z.number().int(), fullName: z.string() })),
});

export const targetsView = z.object({
  year: z.number().int(),
  figures: z.array(targetFigure),
  people: z.array(personRef.extend({ advises: z.boolean(), oneStop: z.boolean(), trained: z.boolean() })),
});
export type TargetsView = z.infer<typeof targetsView>;
