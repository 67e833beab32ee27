// "Gửi báo cáo", made honest: the report is locked as before, and then
//  - with a receiver enrolled: the signed package is built (or the latest one built after the last
//    change is reused) and queued in the outbox; the page shows the outbox state, not "Đã gửi";
//  - without one: it says plainly that nothing left this PC and the report must go by USB.
import type { Services, Actor } from '../context';
import { send, withdraw } from '../assessment/assessments';
import { requireAssessment } from '../assessment/common';
import { keyStore, openIdentity } from '../submission/identity';
import { runPrecheck, blockedError } from '../assessment/precheck';
import { getConnection } from './connection';
import { queuePackage, outboxView } from './outbox';
import { wakeSync } from './runner';
import type { AssessmentSummary } from '../../../shared/api/assessment-schemas';
import type { Delivery } from '../../../shared/api/sync-schemas';
import { vi } from '../../../shared/i18n/vi';

/** The newest package of this assessment built after its last change, if any. */
function reusablePackage(s: Services, assessmentId: number): { id: number } | null {
  const a = requireAssessment(s, assessmentId);
  const items = s.db.first(
    s.db.q
      .selectFrom('assessment_item')
      .select((eb) => eb.fn.max('updated_at').as('t'))
      .where('assessment_id', '=', a.id),
  );
  const lastChange = Math.max(a.updated_at, Number(items?.t ?? 0));
  const p = s.db.first(
    s.db.q.selectFrom('package').select(['id', 'created_at']).where('kind', '=', 'assessment').where('ref_id', '=', a.id).orderBy('id', 'desc').limit(1),
  );
  return p && p.created_at > lastChange ? { id: p.id } : null;
}

export async function sendReport(
  s: Services,
  actor: Actor,
  assessmentId: number,
  passphrase: string | undefined,
): Promise<AssessmentSummary & { delivery: Delivery }> {
  if (!getConnection(s)) {
    return { ...send(s, actor, assessmentId), delivery: { mode: 'usb', message: vi.sync.send.byUsb, outbox: null } };
  }
  const reuse = reusablePackage(s, assessmentId);
  // No key yet: said first, together with what the check still blocks (code and paths, not text).
  if (!reuse && !(await keyStore(s).info())) {
    const blocking = runPrecheck(s, requireAssessment(s, assessmentId)).filter((e) => e.severity === 'error');
    if (blocking.length) throw blockedError('send', blocking, true);
  }
  // A wrong passphrase is refused before anything is locked.
  if (!reuse) await openIdentity(s, passphrase);
  const summary = send(s, actor, assessmentId);
  let packageId = reuse?.id;
  if (packageId === undefined) {
    try {
      const { buildAssessmentPackage } = await import('../submission/build');
      const built = await s.jobs.run(vi.packagesUi.building, (job) => buildAssessmentPackage(s, actor, assessmentId, passphrase, job), actor);
      packageId = built.id;
    } catch (e) {
      // Not sent and not packaged: unlock again, so the page does not claim otherwise.
      try {
        withdraw(s, actor, assessmentId);
      } catch {
        /* the window closed meanwhile: stays locked, the error below says why nothing was sent */
      }
      throw e;
    }
  }
  const row = await queuePackage(s, actor, packageId);
  wakeSync(s);
  return { ...summary, delivery: { mode: 'outbox', message: vi.sync.send.queued, outbox: outboxView(s, row) } };
}
