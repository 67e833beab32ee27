// The contract: every API method the renderer can call, with its input and output schemas.
// main/api implements each name exactly once; the client derives its types from here.
import { z } from 'zod';
import './zod-vi';
import { vi } from '../i18n/vi';
import { method } from './define';
import * as s from './schemas';
import * as a from './assessment-schemas';
import * as x from './exam-schemas';
import * as p from './package-api-schemas';
import * as y from './sync-schemas';
import * as ap from './appraisal-schemas';
import * as lan from './lan-schemas';
import * as ins from './inspection-schemas';

const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

export const contract = {
  'system.info': method(
    empty,
    z.object({
      version: z.string(),
      setUp: z.boolean(),
      office: s.office.nullable(),
      dataDir: z.string(),
      testHooks: z.boolean(),
    }),
  ),
  'office.setup': method(
    z.object({
      office: s.officeInput,
      leader: z.object({ fullName: s.fullName, position: s.position, username: s.username, password: s.password }),
    }),
    s.office,
  ),
  'office.update': method(s.officeInput, s.office),

  'auth.login': method(z.object({ username: z.string().trim().toLowerCase(), password: z.string() }), z.object({ token: z.string(), session: s.session })),
  /** The current session, or null. `touch: true` records user activity (keeps it from locking). */
  'auth.session': method(z.object({ touch: z.boolean().default(false) }), s.session.nullable()),
  'auth.unlock': method(z.object({ password: z.string() }), s.session),
  'auth.logout': method(empty, ok),
  'auth.changePassword': method(z.object({ current: z.string(), next: s.password }), ok),

  'users.list': method(z.object({ includeInactive: z.boolean().default(true) }), z.array(s.userPublic)),
  'users.create': method(s.userCreate, s.userPublic),
  'users.update': method(s.userUpdate, s.userPublic),
  'users.setActive': method(z.object({ id: z.number().int(), active: z.boolean() }), s.userPublic),
  /** Accounts with wrong passwords on record, and any lock still running (managers). */
  'users.loginLocks': method(empty, z.array(z.object({ userId: z.number().int(), failures: z.number().int(), lockedUntil: z.number().int().nullable() }))),
  'users.unlockLogin': method(z.object({ id: z.number().int() }), ok),

  /** The deadline clock: the PC clock, the trusted time, recorded jumps and resets. */
  'clock.status': method(empty, s.clockStatus),
  /** A leader brings back a trusted time that ran ahead: by the receiver's clock, or offline with a reason. */
  'clock.reset': method(
    z.discriminatedUnion('source', [z.object({ source: z.literal('receiver') }), z.object({ source: z.literal('reason'), reason: z.string().max(500) })]),
    s.clockStatus,
  ),

  'audit.list': method(
    z.object({ beforeSeq: z.number().int().optional(), limit: z.number().int().min(1).max(500).default(100) }),
    z.object({ entries: z.array(s.auditEntry), hasMore: z.boolean() }),
  ),
  'audit.verify': method(empty, s.chainReport),

  'settings.get': method(empty, s.settings),
  'settings.update': method(s.settings.partial(), s.settings),

  'jobs.cancel': method(z.object({ jobId: z.string() }), ok),
  'jobs.list': method(empty, z.array(s.jobProgress)),
  /** A ticket that opens the browser-mode event stream for this session (EventSource cannot send headers). */
  'events.ticket': method(empty, z.object({ ticket: z.string() })),

  // Criteria sets (Bộ tiêu chí)
  'criteria.list': method(empty, z.array(a.criteriaSetSummary)),
  'criteria.get': method(z.object({ setId: z.number().int() }), z.object({ set: a.criteriaSetSummary, nodes: z.array(a.criterionView) })),
  /** Checks an uploaded file and imports it when it has no errors; warnings are returned. */
  'criteria.import': method(z.object({ uploadId: z.string() }), a.criteriaSetSummary),
  'criteria.importSample': method(empty, a.criteriaSetSummary),
  /** The user's name for a set (proposed from the file's title rows at import). */
  'criteria.rename': method(a.renameCriteriaSet, a.criteriaSetSummary),

  // A year's assessment
  'assessment.list': method(empty, z.array(a.assessmentSummary)),
  'assessment.create': method(a.createAssessment, a.assessmentSummary),
  'assessment.get': method(z.object({ assessmentId: z.number().int() }), a.assessmentDetail),
  'assessment.setWindow': method(z.object({ assessmentId: z.number().int(), opensAt: z.number().int(), closesAt: z.number().int() }), a.assessmentSummary),
  'assessment.addSupplementary': method(
    z.object({
      assessmentId: z.number().int(),
      opensAt: z.number().int(),
      closesAt: z.number().int(),
      codes: z.array(z.string()).min(1),
      note: z.string().max(500).nullable(),
      /** The province's instruction that allows it (number and date): required, audited, stamped into packages. */
      instructionRef: z.string().trim().max(300),
    }),
    a.assessmentDetail.shape.assessment,
  ),
  /** Opens a supplementary window from the province's signed instruction file (checked against the pinned receiver certificate). */
  'assessment.importInstruction': method(z.object({ assessmentId: z.number().int(), uploadId: z.string() }), a.assessmentDetail.shape.assessment),
  /** Assigns the leaves under each code (a subtree or single items) to a person, or unassigns (null). */
  'assessment.assign': method(
    z.object({ assessmentId: z.number().int(), codes: z.array(z.string()).min(1), assigneeId: z.number().int().nullable() }),
    z.object({ changed: z.number().int() }),
  ),
  'assessment.precheck': method(z.object({ assessmentId: z.number().int() }), a.precheckReport),
  /** Locks the report; with a receiver enrolled also builds (or reuses) the signed package and queues it (passphrase for a passphrase-sealed key). */
  'assessment.send': method(
    z.object({ assessmentId: z.number().int(), passphrase: z.string().max(200).optional() }),
    a.assessmentSummary.extend({ delivery: y.delivery.optional() }),
  ),
  'assessment.withdraw': method(z.object({ assessmentId: z.number().int() }), a.assessmentSummary),
  'assessment.exportSummary': method(z.object({ assessmentId: z.number().int(), format: z.enum(['xlsx', 'pdf']) }), a.fileRef),
  /** "Việc của tôi": the items assigned to the current user in open assessments. */
  'assessment.mine': method(
    empty,
    z.array(z.object({ assessment: a.assessmentSummary, items: z.array(a.itemView.extend({ title: z.string(), maxPoints: z.number().nullable() })) })),
  ),

  // Entry and review of one item
  'item.update': method(a.itemUpdate, a.itemChange),
  'item.markDone': method(z.object({ itemId: z.number().int() }), a.itemChange),
  'item.reopen': method(z.object({ itemId: z.number().int() }), a.itemChange),
  'item.approve': method(z.object({ itemId: z.number().int() }), a.itemChange),
  'item.return': method(
    z.object({ itemId: z.number().int(), comment: z.string().trim().min(1, { error: 'Cần ghi lý do trả lại để công chức biết cần sửa gì.' }).max(2000) }),
    a.itemChange,
  ),

  // Appraisal council's results (Kết quả thẩm định) and the improvement plan (issue 10)
  'appraisal.get': method(z.object({ assessmentId: z.number().int() }), ap.appraisalView),
  /** The XLSX form the council fills: codes, titles, maxima, self-scores, empty appraisal columns. */
  'appraisal.template': method(z.object({ assessmentId: z.number().int() }), a.fileRef),
  /** Imports an uploaded results XLSX, all or nothing (every problem by row), and drafts the plan. */
  'appraisal.import': method(
    z.object({ assessmentId: z.number().int(), uploadId: z.string() }),
    z.object({ imported: z.number().int(), drafted: z.number().int(), message: z.string() }),
  ),
  /** Last year's council result, reason and measure for one criterion of this year's assessment. */
  'appraisal.previous': method(z.object({ assessmentId: z.number().int(), criterionCode: z.string().max(40) }), ap.previousView),
  'plan.get': method(z.object({ assessmentId: z.number().int() }), ap.planView),
  /** Leaders complete any task; an officer only updates the status and note of a task given to them. */
  'plan.updateTask': method(ap.taskUpdate, ap.taskView),
  /** A task added by hand, not tied to a deduction; only such a task can be removed (returns the tasks left). */
  'plan.addTask': method(ap.taskNew, ap.taskView),
  'plan.removeTask': method(z.object({ taskId: z.number().int() }), z.array(ap.taskView)),
  'plan.saveTarget': method(ap.targetInput, z.array(ap.targetView)),
  'plan.removeTarget': method(z.object({ targetId: z.number().int() }), z.array(ap.targetView)),
  'plan.export': method(z.object({ assessmentId: z.number().int(), format: z.enum(['xlsx', 'pdf']) }), a.fileRef),
  /** "Việc của tôi" and the home page: the user's plan tasks, and the late ones (a leader's: everyone's). */
  'plan.mine': method(empty, z.object({ tasks: z.array(ap.taskView), overdue: z.array(ap.taskView) })),

  // Evidence (tài liệu kiểm chứng)
  'evidence.proposeName': method(
    z.object({ criterionCode: z.string(), docNumber: z.string().nullable(), summary: z.string() }),
    z.object({ fileName: z.string() }),
  ),
  'evidence.attach': method(a.evidenceMeta.extend({ itemId: z.number().int(), uploadId: z.string(), fileName: z.string() }), a.itemChange),
  'evidence.link': method(a.evidenceMeta.partial().extend({ itemId: z.number().int(), sha256: z.string(), fileName: z.string() }), a.itemChange),
  'evidence.update': method(a.evidenceMeta.extend({ linkId: z.number().int(), fileName: z.string() }), a.itemChange),
  'evidence.remove': method(z.object({ linkId: z.number().int() }), a.itemChange),
  'evidence.documents': method(
    z.object({ assessmentId: z.number().int() }),
    z.array(a.evidenceView.omit({ linkId: true, fileName: true }).extend({ usedBy: z.array(z.string()) })),
  ),
  'evidence.open': method(z.object({ linkId: z.number().int() }), a.fileRef),

  // Competency exams
  'exam.rounds': method(empty, z.array(x.roundSummary)),
  'exam.createRound': method(
    z.object({
      name: z.string().trim().min(1, { error: 'Cần nhập tên đợt kiểm tra.' }).max(200),
      examDate: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Ngày kiểm tra không hợp lệ.' })
        .nullable(),
      venue: z.string().max(300).nullable(),
      district: z.string().max(120).nullable(),
    }),
    x.roundSummary,
  ),
  'exam.round': method(z.object({ roundId: z.number().int() }), z.object({ round: x.roundSummary, entries: z.array(x.rosterEntry) })),
  /** Imports an uploaded roster XLSX (forms 01–05) into a round: all or nothing. */
  'exam.importRoster': method(
    z.object({ uploadId: z.string(), roundId: z.number().int() }),
    z.object({ round: x.roundSummary, imported: z.record(z.string(), z.number().int()), warnings: z.array(z.string()) }),
  ),
  'exam.exportRoster': method(z.object({ roundId: z.number().int(), form: x.form, format: z.enum(['xlsx', 'pdf']) }), a.fileRef),
  'exam.formTeams': method(
    z.object({ roundId: z.number().int() }),
    z.object({ teams: z.number().int(), performers: z.number().int(), kept: z.number().int() }),
  ),
  'exam.setPerformer': method(
    z.object({
      teamId: z.number().int(),
      step: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      entryId: z.number().int(),
      add: z.boolean(),
    }),
    ok,
  ),
  /** The 6-month rule: a recently moved officer chooses between the previous and the new position. */
  'exam.choosePosition': method(z.object({ entryId: z.number().int(), positionId: z.string().max(20) }), ok),
  /** Records the position held before a move (and the day of the move) for the 6-month rule. */
  'exam.setMove': method(
    z.object({
      entryId: z.number().int(),
      previousPositionId: z.enum(['CT_PCT', 'VP_TK', 'TC_KT', 'VH_XH', 'TP_HT', 'DC']).nullable(),
      movedAt: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: vi.examDay.badMovedAt })
        .nullable(),
    }),
    ok,
  ),
  /** A read-only room-board link for one round, valid for the exam day. */
  'exam.boardLink': method(z.object({ roundId: z.number().int() }), x.boardLink),
  /** The room board behind such a link: no login, the token is the only key. */
  'exam.board': method(z.object({ token: z.string().min(16).max(100) }), x.boardView),
  'exam.console': method(z.object({ roundId: z.number().int() }), x.consoleView),
  'exam.startStep': method(z.object({ teamId: z.number().int(), step: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }), ok),
  'exam.endStep': method(z.object({ stepId: z.number().int() }), ok),
  'exam.setCodes': method(z.object({ recordId: z.number().int(), codes: z.array(z.string().max(60)).max(20) }), ok),
  'exam.setResult': method(
    z.object({ recordId: z.number().int(), result: x.result.nullable(), finished: z.boolean(), note: z.string().max(500).nullable() }),
    ok,
  ),
  'exam.addIncident': method(
    z.object({ stepId: z.number().int(), kind: z.enum(['internet', 'other']), description: z.string().trim().min(1, { error: 'Cần mô tả sự cố.' }).max(1000) }),
    /** Who an Internet failure failed. */
    z.object({ failed: z.array(z.string()) }),
  ),
  /** The only way to change a running step's time: explicit, with a reason, audited. */
  'exam.override': method(
    z.object({
      stepId: z.number().int(),
      deltaMs: z
        .number()
        .int()
        .min(-15 * 60_000)
        .max(60 * 60_000),
      reason: z.string().trim().min(5, { error: 'Cần ghi rõ lý do điều chỉnh thời gian.' }).max(500),
    }),
    ok,
  ),
  'exam.results': method(z.object({ roundId: z.number().int() }), x.resultsView),
  'exam.exportResults': method(z.object({ roundId: z.number().int(), format: z.enum(['xlsx', 'pdf']) }), a.fileRef),

  // Signing identity and submission packages
  'keys.status': method(empty, p.identityStatus),
  'keys.create': method(z.object({ passphrase: p.passphrase.optional(), replace: z.boolean().default(false) }), p.identityStatus),
  'keys.import': method(z.object({ uploadId: z.string(), p12Password: z.string().max(200), passphrase: p.passphrase.optional() }), p.identityStatus),
  /** Long job: progress arrives as job events; cancellable with jobs.cancel. */
  'package.build': method(z.object({ assessmentId: z.number().int(), passphrase: z.string().max(200) }), p.packageView),
  /** Long job like package.build: an exam round's results. allowIncomplete signs a round where some people have no result (e.g. a team that never came); a running step is always refused. */
  'package.buildExam': method(
    z.object({ roundId: z.number().int(), passphrase: z.string().max(200), allowIncomplete: z.boolean().default(false) }),
    p.packageView,
  ),
  'package.list': method(empty, z.array(p.packageView)),
  'package.download': method(z.object({ packageId: z.number().int() }), a.fileRef),
  'package.verify': method(z.object({ uploadId: z.string() }), p.verifyView),
  'package.drives': method(z.object({ extraFolders: z.array(z.string().max(500)).max(10).default([]) }), z.array(p.driveView)),
  'package.exportToDrive': method(
    z.object({ packageId: z.number().int(), destDir: z.string().min(1).max(500) }),
    z.object({ path: z.string(), bytes: z.number(), sha256: z.string() }),
  ),
  'package.exportManual': method(
    z.object({ assessmentId: z.number().int(), destDir: z.string().min(1).max(500) }),
    z.object({ folder: z.string(), files: z.number().int(), totalBytes: z.number() }),
  ),
  /** Packages verified earlier and kept (content-addressed) for reopening ("Gói đã mở"), newest first. */
  'package.received': method(empty, z.array(p.receivedPackageView)),
  /** Verifies a kept package again (the file may have changed) and returns its view; one that fails is discarded. */
  'package.reopen': method(z.object({ packageKey: p.packageKey }), p.verifyView),
  'package.forget': method(z.object({ packageKey: p.packageKey }), ok),
  /** One payload file of a kept, verified package, extracted and re-hashed against its manifest; PDF/JPEG/PNG served inline. */
  'package.openFile': method(z.object({ packageKey: p.packageKey, path: z.string().min(1).max(1000) }), a.fileRef),
  /** Trusted certificates (DESIGN §7 "Trust"): the office's current one first, then earlier, trusted, enrolled ones. */
  'trust.list': method(empty, z.array(p.trustedCertificateView)),
  /** "Tin cậy chứng thư này": the signer of a kept package (fingerprint as shown, re-checked) or a certificate file (uploadId). Leaders. */
  'trust.add': method(
    z.union([
      z.object({ packageKey: p.packageKey, fingerprint: z.string().regex(/^[0-9a-fA-F: ]{64,95}$/, { error: 'Dấu vân tay không hợp lệ.' }) }),
      z.object({ uploadId: z.string(), name: z.string().trim().min(1).max(300).optional() }),
    ]),
    p.trustedCertificateView,
  ),
  /** Stops trusting a certificate (kept in the list's history and the audit log). Leaders. */
  'trust.remove': method(z.object({ fingerprint: z.string().regex(/^[0-9a-fA-F:]{64,95}$/, { error: 'Dấu vân tay không hợp lệ.' }) }), ok),

  // Sync with the province's receiver (DESIGN §7)
  'sync.status': method(empty, y.syncStatus),
  'sync.enroll': method(y.enrollInput, y.connectionView),
  'sync.disconnect': method(empty, ok),
  /** Puts a package built here (any kind: assessment, exam results, inspection report, training results) in the outbox; the same package twice is one row. */
  'sync.queue': method(z.object({ packageId: z.number().int() }), y.outboxView),
  /** Tries a waiting/failed/rejected row again now (a rejected one only after a new package, so mostly failed/waiting). */
  'sync.retry': method(z.object({ outboxId: z.number().int() }), y.outboxView),

  // Office network mode: this PC serves the office copy to the other PCs over HTTPS (main/host/lan-*.ts)
  'lan.status': method(empty, lan.lanStatus),
  /** Opens the HTTPS listener (and keeps it on across restarts). Only at the serving PC itself. */
  'lan.enable': method(empty, lan.lanStatus),
  /** Closes the listener and ends every session opened over the network. Only at the serving PC itself. */
  'lan.disable': method(empty, lan.lanDisabled),
  /** The desktop app joined to another PC's office server (answered by this PC, never forwarded). */
  'join.status': method(empty, lan.joinStatus),
  /** Pins the server's certificate after checking it against the short code; the app then works against that server. */
  'join.connect': method(lan.joinInput, lan.joinStatus),
  'join.disconnect': method(empty, lan.joinStatus),

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

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;
export const methodNames = Object.keys(contract) as MethodName[];

/** Channel names of the transports. */
export { ipcChannel, eventChannel } from './channels';
export const httpTokenHeader = 'x-kiemchung-token';
export const httpSessionHeader = 'x-kiemchung-session';
