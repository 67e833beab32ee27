// The router: method name → handler, with the shared contract's schemas checked on the way in
// and out, authentication/authorization applied, and every failure turned into `{ code, message }`.
import type { z } from 'zod';
import { contract, type MethodName, type ParsedInput, type Output } from '../../shared/api/contract';
import { ApiError, type Issue, type Result } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { accessOf, type Access } from '../../shared/api/permissions';
import type { Services, Actor } from '../services/context';
import { resolveSession, actorOf, type ResolvedSession } from '../services/auth';
import { advanceTrustedTime } from '../services/trusted-time';
import { hasAnyRole } from '../domain/authz';
import { createLogger } from '../services/log';
import { withRemoteAddress } from '../services/request-origin';
import { validationMessage } from './validation-message';
import { durably } from '../db/durability';

const log = createLogger('router');

export type { Access };

export interface CallContext {
  /** The session token the client holds, if any. */
  token?: string | undefined;
  /** Where the call comes from (a remote address, or "ipc"): login limits count per client. */
  client?: string | undefined;
  /** Set only for calls over the office network: the address every audit row of the call records. */
  remote?: string | undefined;
}

export interface HandlerContext {
  s: Services;
  client: string;
  session: ResolvedSession | null;
  actor: Actor;
}

/** Only for handlers that declared a login requirement: the session is then always present. */
export function requireSession(ctx: HandlerContext): ResolvedSession {
  if (!ctx.session) throw new ApiError('UNAUTHENTICATED', vi.errors.unauthenticated);
  return ctx.session;
}

type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: HandlerContext) => Output<M> | Promise<Output<M>>;

interface Entry {
  access: Access;
  /** May run while the session is locked (unlock, logout, session). */
  whileLocked: boolean;
  handler: Handler<MethodName>;
}

export function zodIssues(err: z.ZodError): Issue[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export class Router {
  private entries = new Map<string, Entry>();
  constructor(private readonly services: Services) {}

  /** Who may call it comes from the one permission table (shared/api/permissions.ts), not from here. */
  register<M extends MethodName>(name: M, handler: Handler<M>, opts: { whileLocked?: boolean } = {}): this {
    if (this.entries.has(name)) throw new Error(`API method registered twice: ${name}`);
    if (!(name in contract)) throw new Error(`API method not in the contract: ${name}`);
    this.entries.set(name, { access: accessOf(name), whileLocked: opts.whileLocked ?? false, handler: handler });
    return this;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * Every transport (IPC, browser mode, the office network) answers from here, so this is where a
   * call that committed waits for the flush covering its commits (group commit, db/durability.ts):
   * "saved" is never said before it is on the disk. A call that wrote nothing answers at once.
   */
  async dispatch(name: string, rawInput: unknown, call: CallContext): Promise<Result<unknown>> {
    try {
      return { ok: true, value: await durably(() => withRemoteAddress(call.remote, () => this.call(name, rawInput, call))) };
    } catch (e) {
      if (e instanceof ApiError) return { ok: false, error: e.toJSON() };
      log.error('unexpected error', { method: name, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      return { ok: false, error: { code: 'INTERNAL', message: vi.errors.internal } };
    }
  }

  private async call(name: string, rawInput: unknown, call: CallContext): Promise<unknown> {
    const entry = this.entries.get(name);
    const spec = contract[name as MethodName];
    if (!entry || !spec) throw new ApiError('UNKNOWN_METHOD', vi.errors.unknownMethod(name));

    // Committed before (and apart from) whatever the handler writes: see services/trusted-time.ts.
    advanceTrustedTime(this.services);
    const session = resolveSession(this.services, call.token, entry.access !== 'public');
    if (entry.access !== 'public') {
      if (!session) throw new ApiError('UNAUTHENTICATED', vi.errors.unauthenticated);
      if (session.locked && !entry.whileLocked) throw new ApiError('LOCKED', vi.errors.locked);
      if (entry.access !== 'user' && !hasAnyRole(session.user.roles, entry.access)) {
        throw new ApiError('FORBIDDEN', vi.errors.forbidden);
      }
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      throw new ApiError('VALIDATION', validationMessage(issues), issues);
    }
    const actor: Actor = session ? actorOf(session.user) : { id: null, name: vi.audit.guest, roles: [] };
    const out = await entry.handler(parsed.data, { s: this.services, client: call.client ?? 'local', session, actor });
    const checked = spec.output.safeParse(out);
    if (!checked.success) {
      log.error('handler output does not match the contract', { method: name, issues: zodIssues(checked.error) });
      throw new ApiError('INTERNAL', vi.errors.internal);
    }
    return checked.data;
  }
}
