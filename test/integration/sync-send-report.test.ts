// "Gửi báo cáo" made honest: without a receiver it locks the report and says it must go by USB;
// with one it packages, signs and queues the report, and the outbox delivers it to a real receiver.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildDemoPackage, DEMO_KEY_PASS, type DemoPackage } from '../helpers/demo-package';
import { cleanup, tempDir } from '../helpers/services';
import { startReceiver, enrollCode, useSnapshot, dropSnapshot, type RunningReceiver } from '../helpers/sync-receiver';
import { SyncRunner } from '../../main/services/sync/runner';
import { findUserByUsername } from '../../main/services/users';
import { consoleView, endStep } from '../../main/services/exam/console';
import { queueRow } from '../../main/services/sync/outbox';
import { SYSTEM_ACTOR } from '../../main/services/context';

const OFFICE = 'Thái Nguyên/Võ Nhai/Phú Thượng';
let demo: DemoPackage;
let r: RunningReceiver;
let rDir: string;

beforeAll(async () => {
  useSnapshot();
  rDir = tempDir('kc-sync-recv-');
  r = await startReceiver(path.join(rDir, 'r'));
  demo = await buildDemoPackage();
}, 120_000);

afterAll(async () => {
  await r.kill();
  demo.app.close();
  cleanup(demo.app.dir);
  cleanup(rDir);
  dropSnapshot();
});

describe('Gửi báo cáo', () => {
  it('without a receiver: locks the report and says plainly that it was not sent and must go by USB', async () => {
    const { app, token, assessmentId } = demo;
    const sent = await app.call('assessment.send', { assessmentId }, token);
    expect(sent.status).toBe('sent');
    expect(sent.delivery?.mode).toBe('usb');
    expect(sent.delivery?.message).toMatch(/CHƯA được gửi đi.*USB \(Gói hồ sơ → Xuất ra USB\)/);
    expect((await app.call('sync.status', {}, token)).outbox).toEqual([]);
    await app.call('assessment.withdraw', { assessmentId }, token);
  });

  it('with a receiver: a wrong passphrase locks nothing; the latest matching package is queued, delivered and receipted', async () => {
    const { app, token, assessmentId } = demo;
    const conn = await app.call('sync.enroll', { url: r.url, code: enrollCode(path.join(rDir, 'r'), OFFICE) }, token);
    expect(conn.office).toBe(OFFICE);
    expect(conn.warning).toBeNull();
    app.clock.advance(60_000);

    const bad = await app.fail('assessment.send', { assessmentId, passphrase: 'sai-mat-khau-roi' }, token);
    expect(bad.code).toBe('BAD_CREDENTIALS');
    expect((await app.call('assessment.get', { assessmentId }, token)).assessment.status).toBe('open');

    // Enrollment made the office's enrolled certificate and the receiver's own trust anchors.
    const anchors = app.s.db.sqlite.prepare('SELECT source FROM trusted_certificate WHERE revoked_at IS NULL').all() as { source: string }[];
    expect(anchors.map((a) => a.source)).toEqual(expect.arrayContaining(['enrolled', 'receiver']));

    // A package built after the last change is reused: no passphrase needed to send it.
    const built = await app.call('package.build', { assessmentId, passphrase: DEMO_KEY_PASS }, token);
    app.clock.advance(60_000);
    const sent = await app.call('assessment.send', { assessmentId }, token);
    expect(sent.status).toBe('sent');
    expect(sent.delivery?.mode).toBe('outbox');
    expect(sent.delivery?.outbox?.packageId).toBe(built.id);
    expect(sent.delivery?.outbox?.state).toBe('waiting');
    expect(sent.delivery?.outbox?.refId).toBe(assessmentId);

    const events: string[] = [];
    const off = app.s.events.on((e) => e.type === 'sync' && events.push(e.progress.state));
    await new SyncRunner(app.s, { chunkSize: 64 * 1024 }).runOnce();
    off();
    const row = (await app.call('sync.status', {}, token)).outbox[0]!;
    expect(row.state, row.lastError ?? '').toBe('sent');
    expect(row.receiptId).toMatch(/\S{6,}/);
    expect(row.remoteStatus).toBe('accepted');
    expect(events).toContain('sending');
    expect(events.at(-1)).toBe('sent');
    const actions = (await app.call('audit.list', { limit: 30 }, token)).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['sync.enroll', 'assessment.send', 'sync.queue', 'sync.sent']));

    // Queuing the same package again is the same row, already sent.
    const again = await app.call('sync.queue', { packageId: row.packageId! }, token);
    expect(again.id).toBe(row.id);
    expect(again.state).toBe('sent');
  }, 60_000);

  it('an exam-results package is queued and delivered the same way; a broken package before it does not hold it up', async () => {
    const { app, token } = demo;
    const u = findUserByUsername(app.s, 'giamkhao')!;
    const proctor = { id: u.id, name: u.full_name, roles: ['proctor' as const] };
    const roundId = (await app.call('exam.rounds', {}, token))[0]!.id;
    // The demo round has a step running; the proctor ends it, the leader signs the results as they stand.
    for (const team of consoleView(app.s, roundId).teams) for (const st of team.steps) if (st.phase === 'running') endStep(app.s, proctor, st.id);
    const built = await app.call('package.buildExam', { roundId, passphrase: DEMO_KEY_PASS, allowIncomplete: true }, token);
    // A broken row queued before it (its file gone) must not hold it up.
    const broken = app.s.db.tx((w) =>
      queueRow(w, app.s, SYSTEM_ACTOR, { packageId: null, path: path.join(app.dir, 'mat-roi.zip'), sha256: 'f'.repeat(64), size: 10, kind: null }),
    );
    const queued = await app.call('sync.queue', { packageId: built.id }, token);
    expect(queued).toMatchObject({ kind: 'exam', refId: roundId, state: 'waiting' });
    await new SyncRunner(app.s).runOnce();
    const rows = (await app.call('sync.status', {}, token)).outbox;
    const row = rows.find((o) => o.id === queued.id)!;
    expect(row.state, row.lastError ?? '').toBe('sent');
    expect(row.receiptId).toBeTruthy();
    const bad = rows.find((o) => o.id === broken.id)!;
    expect(bad.state).toBe('failed');
    expect(bad.lastError).toMatch(/Không tìm thấy tệp gói "mat-roi\.zip"/);
  }, 60_000);
});
