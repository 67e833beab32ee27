// API methods: the inspection report (document 003) and training with end-of-course tests (document 004). Merged into the one contract by ./contract.ts.
import { z } from 'zod';
import { method } from './define';
import { empty } from './common-io';
import * as a from './assessment-schemas';
import * as p from './package-api-schemas';
import * as ins from './inspection-schemas';

export const reportsMethods = {
  // Inspection report for the city's inspection team (document 003) — issue 15
  'inspection.list': method(empty, z.array(ins.inspectionSummary)),
  /** The home page: inspections whose report is still due, nearest first. */
  'inspection.upcoming': method(empty, z.array(ins.inspectionSummary)),
  'inspection.create': method(ins.inspectionInput, ins.inspectionDetail),
  'inspection.get': method(z.object({ id: z.number().int() }), ins.inspectionDetail),
  'inspection.update': method(
    ins.inspectionInput.extend({
      id: z.number().int(),
      incomingTotal: z.number().int().min(0).nullable(),
      incomingDigitised: z.number().int().min(0).nullable(),
    }),
    ins.inspectionDetail,
  ),
  'inspection.saveItem': method(z.object({ id: z.number().int(), key: z.string().max(40), text: z.string().max(20000) }), ins.inspectionDetail),
  /** Documents of the evidence library the caller may reuse (officers: those of their criteria). */
  'inspection.library': method(empty, z.array(ins.libraryDocument)),
  'inspection.link': method(
    z.object({ id: z.number().int(), key: z.string().max(40), sha256: z.string().regex(/^[0-9a-f]{64}$/), fileName: z.string().max(200) }),
    ins.inspectionDetail,
  ),
  'inspection.unlink': method(z.object({ documentId: z.number().int() }), ins.inspectionDetail),
  /** The late dossiers, one per line "mã; số văn bản xin lỗi; ngày"; refused whole with every bad line. */
  'inspection.setLate': method(z.object({ id: z.number().int(), lines: z.string().max(50000) }), ins.inspectionDetail),
  'inspection.export': method(z.object({ id: z.number().int(), format: z.literal('pdf') }), a.fileRef),
  /** The signed package (`Kiemchung-Kind: inspection`), recorded under Gói hồ sơ (USB, outbox) and offered for download (passphrase for a passphrase-sealed key). */
  'inspection.buildPackage': method(z.object({ id: z.number().int(), passphrase: z.string().max(200).optional() }), p.builtPackageFile),

  // Training register and end-of-course tests (document 004) — issue 15
  'training.courses': method(empty, z.array(ins.courseSummary)),
  'training.createCourse': method(ins.courseInput, ins.courseSummary),
  'training.course': method(z.object({ courseId: z.number().int() }), ins.courseDetail),
  'training.setAttendees': method(z.object({ courseId: z.number().int(), userIds: z.array(z.number().int()).max(2000) }), ins.courseDetail),
  /** A certificate (PDF or image, checked by content) kept as an evidence document. */
  'training.attachCertificate': method(z.object({ courseId: z.number().int(), userId: z.number().int(), uploadId: z.string() }), ins.courseDetail),
  /** Imports an uploaded question bank XLSX, all or nothing (every problem by row). */
  'training.importQuestions': method(
    z.object({ courseId: z.number().int(), uploadId: z.string() }),
    z.object({ imported: z.number().int(), message: z.string() }),
  ),
  'training.createTest': method(
    z.object({
      courseId: z.number().int(),
      name: z.string().trim().min(1).max(300),
      questionCount: z.number().int().min(1).max(500),
      timeLimitMinutes: z.number().int().min(1).max(600),
      passingPercent: z.number().min(0).max(100),
    }),
    ins.testSummary,
  ),
  /** The tests of the courses the caller attended, with their attempts. */
  'training.myTests': method(empty, z.array(ins.myTest)),
  /** Starts an attempt (or returns the one still running); the deadline is the server's. */
  'training.start': method(z.object({ testId: z.number().int() }), ins.attemptView),
  'training.attempt': method(z.object({ attemptId: z.number().int() }), ins.attemptView),
  'training.answer': method(z.object({ attemptId: z.number().int(), questionId: z.number().int(), answer: ins.letter }), z.object({ savedAt: z.number() })),
  'training.submit': method(z.object({ attemptId: z.number().int() }), ins.attemptView),
  'training.results': method(z.object({ courseId: z.number().int() }), z.array(ins.resultRow)),
  'training.exportResults': method(z.object({ courseId: z.number().int(), format: z.enum(['xlsx', 'pdf']) }), a.fileRef),
  /** The course's results as a signed package (`Kiemchung-Kind: training`), recorded under Gói hồ sơ (USB, outbox). */
  'training.buildPackage': method(z.object({ courseId: z.number().int(), passphrase: z.string().max(200).optional() }), p.builtPackageFile),
  'training.targets': method(z.object({ year: z.number().int().min(2000).max(2100) }), ins.targetsView),
  'training.setPopulation': method(
    z.object({ year: z.number().int(), people: z.array(z.object({ userId: z.number().int(), advises: z.boolean(), oneStop: z.boolean() })).max(2000) }),
    ins.targetsView,
  ),

  /** Only registered when the server runs with KIEMCHUNG_TEST_HOOKS=1 (e2e tests' injected clock). */
  'test.setClock': method(z.object({ offsetMs: z.number(), resetTrusted: z.boolean().default(true) }), z.object({ now: z.number() })),
} as const;
