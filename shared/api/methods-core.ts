// API methods: the office, accounts, sessions, the clock, audit, settings and jobs. Merged into the one contract by ./contract.ts.
import { z } from 'zod';
import { method } from './define';
import { empty, ok } from './common-io';
import * as s from './schemas';

export const coreMethods = {
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
} as const;
