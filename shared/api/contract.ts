// The contract: every API method the renderer can call, with its input and output schemas.
// main/api implements each name exactly once; the client derives its types from here.
import { z } from 'zod';
import './zod-vi';
import { method } from './define';
import * as s from './schemas';

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

  'audit.list': method(
    z.object({ beforeSeq: z.number().int().optional(), limit: z.number().int().min(1).max(500).default(100) }),
    z.object({ entries: z.array(s.auditEntry), hasMore: z.boolean() }),
  ),
  'audit.verify': method(empty, s.chainReport),

  'settings.get': method(empty, s.settings),
  'settings.update': method(s.settings.partial(), s.settings),

  'jobs.cancel': method(z.object({ jobId: z.string() }), ok),
  'jobs.list': method(empty, z.array(s.jobProgress)),

  /** Only registered when the server runs with KIEMCHUNG_TEST_HOOKS=1 (e2e tests' injected clock). */
  'test.setClock': method(z.object({ offsetMs: z.number() }), z.object({ now: z.number() })),
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
