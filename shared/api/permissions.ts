// Who may call what: the one permission table. The router enforces it (main/api/router.ts takes
// each method's access from here, never from the handler files), and the UI asks it (mayCall) to
// hide what a role cannot do. Per-record rules — an officer's own criteria, a job's owner — are
// enforced by the services on top of this.
import type { MethodName } from './contract';
import type { Role } from '../office';

/** 'public': no login; 'user': any logged-in user; a role list: one of those roles. */
export type Access = 'public' | 'user' | readonly Role[];

/** The commune's leaders: the self-assessment's decisions (assign, approve, window, send). */
const LEADER = ['leader'] as const;
/** Leaders and admins: people, settings, the signing key, packages, the link with the province. */
const MANAGERS = ['leader', 'admin'] as const;
/** Who works on the self-assessment (officers on their own criteria). */
const WORKERS = ['leader', 'officer'] as const;
/** Who may read the office's built packages. */
const PACKAGE_READERS = ['leader', 'officer', 'admin'] as const;
/** Who runs exam rounds. */
const EXAM = ['proctor', 'leader', 'admin'] as const;
/** Who keeps the training register and runs end-of-course tests (issue 15). */
const TRAINING = ['leader', 'proctor', 'admin'] as const;

export const permissions = {
  'system.info': 'public',
  'office.setup': 'public',
  'office.update': MANAGERS,
  'auth.login': 'public',
  'auth.session': 'public',
  'auth.unlock': 'user',
  'auth.logout': 'user',
  'auth.changePassword': 'user',
  'users.list': MANAGERS,
  'users.create': MANAGERS,
  'users.update': MANAGERS,
  'users.setActive': MANAGERS,
  'users.loginLocks': MANAGERS,
  'users.unlockLogin': MANAGERS,
  'clock.status': 'user',
  'clock.reset': LEADER,
  'audit.list': 'user',
  'audit.verify': 'user',
  'settings.get': 'user',
  'settings.update': MANAGERS,
  'jobs.cancel': 'user',
  'jobs.list': 'user',
  'events.ticket': 'user',
  'criteria.list': 'user',
  'criteria.get': 'user',
  'criteria.import': LEADER,
  'criteria.importSample': LEADER,
  'criteria.rename': LEADER,
  'assessment.list': 'user',
  'assessment.create': LEADER,
  'assessment.get': WORKERS,
  'assessment.setWindow': LEADER,
  'assessment.addSupplementary': LEADER,
  'assessment.importInstruction': LEADER,
  'assessment.assign': LEADER,
  'assessment.precheck': WORKERS,
  'assessment.send': LEADER,
  'assessment.withdraw': LEADER,
  'assessment.exportSummary': WORKERS,
  'assessment.mine': 'user',
  'item.update': WORKERS,
  'item.markDone': WORKERS,
  'item.reopen': WORKERS,
  'item.approve': LEADER,
  'item.return': LEADER,
  'appraisal.get': WORKERS,
  'appraisal.template': WORKERS,
  'appraisal.import': LEADER,
  'appraisal.previous': WORKERS,
  'plan.get': WORKERS,
  'plan.updateTask': WORKERS,
  'plan.addTask': LEADER,
  'plan.removeTask': LEADER,
  'plan.saveTarget': LEADER,
  'plan.removeTarget': LEADER,
  'plan.export': WORKERS,
  'plan.mine': 'user',
  'evidence.proposeName': WORKERS,
  'evidence.attach': WORKERS,
  'evidence.link': WORKERS,
  'evidence.update': WORKERS,
  'evidence.remove': WORKERS,
  'evidence.documents': WORKERS,
  'evidence.open': WORKERS,
  'exam.rounds': EXAM,
  'exam.createRound': EXAM,
  'exam.round': EXAM,
  'exam.importRoster': EXAM,
  'exam.exportRoster': EXAM,
  'exam.formTeams': EXAM,
  'exam.setPerformer': EXAM,
  'exam.choosePosition': EXAM,
  'exam.setMove': EXAM,
  'exam.boardLink': EXAM,
  // The room screen opens it without a login: the round's random token, valid for the exam day,
  // is the key, and it shows only that round's board (services/exam/board.ts).
  'exam.board': 'public',
  'exam.console': EXAM,
  'exam.startStep': EXAM,
  'exam.endStep': EXAM,
  'exam.setCodes': EXAM,
  'exam.setResult': EXAM,
  'exam.addIncident': EXAM,
  'exam.override': EXAM,
  'exam.results': EXAM,
  'exam.exportResults': EXAM,
  'keys.status': 'user',
  'keys.create': MANAGERS,
  'keys.import': MANAGERS,
  'package.build': MANAGERS,
  'package.buildExam': MANAGERS,
  'package.list': PACKAGE_READERS,
  'package.download': PACKAGE_READERS,
  'package.verify': 'user',
  'package.drives': MANAGERS,
  'package.exportToDrive': MANAGERS,
  'package.exportManual': MANAGERS,
  'package.received': 'user',
  'package.reopen': 'user',
  'package.forget': MANAGERS,
  'package.openFile': 'user',
  'trust.list': 'user',
  'trust.add': MANAGERS,
  'trust.remove': MANAGERS,
  'sync.status': 'user',
  'sync.enroll': MANAGERS,
  'sync.disconnect': MANAGERS,
  'sync.queue': MANAGERS,
  'sync.retry': MANAGERS,
  'lan.status': MANAGERS,
  'lan.enable': MANAGERS,
  'lan.disable': MANAGERS,
  // Before any login: the PC joining has no account of its own; only the desktop app's own page reaches them.
  'join.status': 'public',
  'join.connect': 'public',
  'join.disconnect': 'public',
  'inspection.list': WORKERS,
  'inspection.upcoming': 'user',
  'inspection.create': LEADER,
  'inspection.get': WORKERS,
  'inspection.update': LEADER,
  'inspection.saveItem': WORKERS,
  'inspection.library': WORKERS,
  'inspection.link': WORKERS,
  'inspection.unlink': WORKERS,
  'inspection.setLate': WORKERS,
  'inspection.export': WORKERS,
  'inspection.buildPackage': LEADER,
  'training.courses': 'user',
  'training.createCourse': TRAINING,
  'training.course': TRAINING,
  'training.setAttendees': TRAINING,
  'training.attachCertificate': TRAINING,
  'training.importQuestions': TRAINING,
  'training.createTest': TRAINING,
  'training.myTests': 'user',
  'training.start': 'user',
  'training.attempt': 'user',
  'training.answer': 'user',
  'training.submit': 'user',
  'training.results': TRAINING,
  'training.exportResults': TRAINING,
  'training.buildPackage': TRAINING,
  'training.targets': 'user',
  'training.setPopulation': MANAGERS,
  'test.setClock': 'public',
} as const satisfies Record<MethodName, Access>;

export const accessOf = (m: MethodName): Access => permissions[m];

/** Whether a user with these roles may call the method at all (records may still be refused). */
export function mayCall(roles: readonly Role[] | null, m: MethodName): boolean {
  const a = accessOf(m);
  if (a === 'public') return true;
  if (!roles) return false;
  return a === 'user' || roles.some((r) => a.includes(r));
}
