// Handlers for the foundation: system, office, auth, users, audit, settings, jobs.
import type { Router } from '../router';
import { requireSession } from '../router';
import { getOffice, setupOffice, updateOffice } from '../../services/office';
import { login, logout, sessionView, unlock, changeOwnPassword, touchSession } from '../../services/auth';
import { createUser, listUsers, setUserActive, updateUser } from '../../services/users';
import { listAudit, verifyAuditChain } from '../../services/audit';
import { getSettings, updateSettings } from '../../services/settings';
import { liftLoginLock, listLoginLocks } from '../../services/login-throttle';
import { clockStatus, resetTrustedTime } from '../../services/clock-reset';
import { issueEventTicket } from '../../services/event-tickets';

export function registerCore(r: Router): void {
  r.register('system.info', (_i, { s }) => {
    const office = getOffice(s);
    return { version: s.version, setUp: office !== null, office, dataDir: s.dataDir, testHooks: s.testHooks };
  });

  r.register('office.setup', (input, { s }) => setupOffice(s, input));
  r.register('office.update', (input, { s, actor }) => updateOffice(s, actor, input));

  r.register('auth.login', (input, { s, client }) => login(s, input.username, input.password, client));
  r.register('auth.session', (input, { s, session }) => {
    if (!session) return null;
    if (input.touch && !session.locked) touchSession(s, session);
    return sessionView(s, session);
  });
  r.register('auth.unlock', (input, ctx) => unlock(ctx.s, requireSession(ctx), input.password), { whileLocked: true });
  r.register(
    'auth.logout',
    (_i, ctx) => {
      logout(ctx.s, requireSession(ctx));
      return { ok: true as const };
    },
    { whileLocked: true },
  );
  r.register('auth.changePassword', async (input, ctx) => {
    await changeOwnPassword(ctx.s, requireSession(ctx), input.current, input.next);
    return { ok: true as const };
  });

  r.register('users.list', (input, { s }) => listUsers(s, input.includeInactive));
  r.register('users.create', (input, { s, actor }) => createUser(s, actor, input));
  r.register('users.update', (input, { s, actor }) => updateUser(s, actor, input));
  r.register('users.setActive', (input, { s, actor }) => setUserActive(s, actor, input.id, input.active));
  r.register('users.loginLocks', (_i, { s }) => listLoginLocks(s));
  r.register('users.unlockLogin', (input, { s, actor }) => {
    liftLoginLock(s, actor, input.id);
    return { ok: true as const };
  });

  r.register('audit.list', (input, { s }) => listAudit(s, input.beforeSeq, input.limit));
  r.register('audit.verify', (_i, { s }) => verifyAuditChain(s.db));

  r.register('settings.get', (_i, { s }) => getSettings(s));
  r.register('settings.update', (input, { s, actor }) => updateSettings(s, actor, input));

  r.register('events.ticket', (_i, ctx) => ({ ticket: issueEventTicket(ctx.s, requireSession(ctx)) }));
  r.register('clock.status', (_i, { s }) => clockStatus(s));
  r.register('clock.reset', (input, { s, actor }) => resetTrustedTime(s, actor, input));

  r.register('jobs.list', (_i, { s, actor }) => s.jobs.list(actor));
  r.register('jobs.cancel', (input, { s, actor }) => {
    s.jobs.cancel(input.jobId, actor);
    return { ok: true as const };
  });
}
