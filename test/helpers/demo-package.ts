// A real signed package of the demo assessment, built through the API on a real data folder:
// the demo's half-finished items are completed the way a commune would (scores already typed are
// kept, so 2.1 stays 0,5 and 2.2 stays 1,5), a signing key is created, and the package is built.
import path from 'node:path';
import { openTestApp, type TestApp } from './services';
import { createDemo, DEMO_PASSWORD } from '../../main/services/demo';
import { findUserByUsername } from '../../main/services/users';
import { itemViews } from '../../main/services/assessment/views';
import { updateItem, markDone, approve } from '../../main/services/assessment/items';
import { linkDocument } from '../../main/services/assessment/evidence';
import { assign } from '../../main/services/assessment/assessments';
import type { Actor } from '../../main/services/context';

export const DEMO_KEY_PASS = 'khoa-ky-xa-phu-thuong';

export function completeDemo(app: TestApp, assessmentId: number) {
  const u = findUserByUsername(app.s, 'chutich')!;
  const leader: Actor = { id: u.id, name: u.full_name, roles: ['leader', 'admin'] };
  const items = itemViews(app.s, assessmentId);
  const report = items.find((i) => i.criterionCode === '1.2')!.evidence[0]!;
  for (const it of items) {
    if (it.assigneeId === null) assign(app.s, leader, { assessmentId, codes: [it.criterionCode], assigneeId: u.id });
    if (it.status === 'approved') continue;
    if (it.status === 'done') {
      approve(app.s, leader, it.id);
      continue;
    }
    const nodeMax = app.s.db.first(app.s.db.q.selectFrom('criterion').select('max_points').where('code', '=', it.criterionCode))?.max_points ?? null;
    if (nodeMax === null)
      updateItem(app.s, leader, {
        itemId: it.id,
        notApplicable: true,
        naReason: 'Bộ tiêu chí chưa có điểm tối đa cho mục này',
        explanation: 'Không chấm được: bộ tiêu chí chưa có điểm tối đa cho mục này, xem quyết định ban hành bộ tiêu chí.',
      });
    else
      updateItem(app.s, leader, {
        itemId: it.id,
        points: it.points ?? nodeMax,
        explanation: `Minh chứng cho ${it.criterionCode}: Báo cáo số 25/BC-UBND, trang 2.`,
      });
    if (it.evidence.length === 0) linkDocument(app.s, leader, { itemId: it.id, sha256: report.sha256, fileName: `${it.criterionCode}_so 25BC-UBND_BC CCHC` });
    markDone(app.s, leader, it.id);
    approve(app.s, leader, it.id);
  }
}

export interface DemoPackage {
  app: TestApp;
  token: string;
  assessmentId: number;
  zip: string;
}

/** Opens a fresh data folder with the demo, completes it and builds its package (the app stays open). */
export async function buildDemoPackage(dir?: string): Promise<DemoPackage> {
  const app = openTestApp(dir);
  app.clock.set(Date.now());
  await createDemo(app.s);
  const token = (await app.call('auth.login', { username: 'chutich', password: DEMO_PASSWORD })).token;
  const a = (await app.call('assessment.list', {}, token))[0]!;
  completeDemo(app, a.id);
  await app.call('keys.create', { passphrase: DEMO_KEY_PASS, replace: false }, token);
  const built = await app.call('package.build', { assessmentId: a.id, passphrase: DEMO_KEY_PASS }, token);
  return { app, token, assessmentId: a.id, zip: path.join(app.dir, 'packages', built.fileName) };
}
