// Handlers for the foundation: system, office, auth, users, audit, settings, jobs.
import type { Router } from '../router';
import { requireSession } from '../router';
import { MANAGER_ROLES } from '../../domain/authz';
import { getOffice, setupOffice, updateOffice } from '../../services/office';
import { login, logout, sessionView, unlock, changeOwnPassword, touchSession } from '../../services/auth';
import { createUser, listUsers, setUserActive, updateUser } from '../../services/users';
import { listAudit, verifyAuditChain } from '../../services/audit';
import { getSettings, updateSettings } from '../../services/settings';
import { OffsetClock } from '../../services/clock';

export function registerCore(r: Router): void {
  r.register('system.info', 'public', (_i, { s }) => {
    const office = getOffice(s);
    return { version: s.version, setUp: office !== null, office, dataDir: s.dataDir, testHooks: s.testHooks };
  });

  r.register('office.setup', 'public', (input, { s }) => setupOffice(s, input));
  r.register('office.update', MANAGER_ROLES, (input, { s, actor }) => updateOffice(s, actor, input));

  r.register('auth.login', 'public', (input, { s }) => login(s, input.username, input.password));
  r.register('auth.session', 'public', (input, { s, session }) => {
    if (!session) return null;
    if (input.touch && !session.locked) touchSession(s, session);
    return sessionView(s, session);
  });
  r.register('auth.unlock', 'user', (input, ctx) => unlock(ctx.s, requireSession(ctx), input.password), { whileLocked: true });
  r.register(
    'auth.logout',
    'user',
    (_i, ctx) => {
      logout(ctx.s, requireSession(ctx));
      return { ok: true as const };
    },
    { whileLocked: true },
  );
  r.register('auth.changePassword', 'user', async (input, ctx) => {
    await changeOwnPassword(ctx.s, requireSession(ctx), input.current, input.next);
    return { ok: true as const };
  });

  r.register('users.list', MANAGER_ROLES, (input, { s }) => listUsers(s, input.includeInactive));
  r.register('users.create', MANAGER_ROLES, (input, { s, actor }) => createUser(s, actor, input));
  r.register('users.update', MANAGER_ROLES, (input, { s, actor }) => updateUser(s, actor, input));
  r.register('users.setActive', MANAGER_ROLES, (input, { s, actor }) => setUserActive(s, actor, input.id, input.active));

  r.register('audit.list', 'user', (input, { s }) => listAudit(s, input.beforeSeq, input.limit));
  r.register('audit.verify', 'user', (_i, { s }) => verifyAuditChain(s.db));

  r.register('settings.get', 'user', (_i, { s }) => getSettings(s));
  r.register('settings.update', MANAGER_ROLES, (input, { s, actor }) => updateSettings(s, actor, input));

  r.register('jobs.list', 'user', (_i, { s }) => s.jobs.list());
  r.register('jobs.cancel', 'user', (input, { s }) => {
    s.jobs.cancel(input.jobId);
    return { ok: true as const };
  });
}

/** Test hooks: only when the server was started with KIEMCHUNG_TEST_HOOKS=1. */
export function registerTestHooks(r: Router): void {
  r.register('test.setClock', 'public', (input, { s }) => {
    if (!(s.clock instanceof OffsetClock)) throw new Error('test clock not installed');
    s.clock.setOffset(input.offsetMs);
    return { now: s.clock.now() };
  });
}
