// Handlers of the sync with the province: status (anyone signed in), enrollment and the outbox
// (leaders and admins). The work itself is the background runner's (services/sync/runner.ts).
import type { Router } from '../router';
import { getConnection, connectionView } from '../../services/sync/connection';
import { listOutbox, queuePackage, retryRow, outboxView } from '../../services/sync/outbox';
import { enroll, disconnect } from '../../services/sync/enroll';
import { wakeSync } from '../../services/sync/runner';

export function registerSync(r: Router): void {
  r.register('sync.status', (_i, { s }) => {
    const c = getConnection(s);
    return { connection: c ? connectionView(c) : null, outbox: listOutbox(s) };
  });
  r.register('sync.enroll', async (input, { s, actor }) => {
    const view = await enroll(s, actor, input);
    wakeSync(s);
    return view;
  });
  r.register('sync.disconnect', (_i, { s, actor }) => {
    disconnect(s, actor);
    return { ok: true as const };
  });
  r.register('sync.queue', async ({ packageId }, { s, actor }) => {
    const row = await queuePackage(s, actor, packageId);
    wakeSync(s);
    return outboxView(s, row);
  });
  r.register('sync.retry', ({ outboxId }, { s, actor }) => {
    const row = retryRow(s, actor, outboxId);
    wakeSync(s);
    return outboxView(s, row);
  });
}
