// The inspection report (document 003) and a course's test results (document 004) travel like the
// self-assessment (issue 15): signed on their own page, recorded under Gói hồ sơ, written to a
// "stick" (a folder) and read back, queued to the outbox, delivered to a real receiver process that
// verifies them and answers with a signed receipt, and `package verify` says they are intact and
// signed by the office (exit 0, with what they hold in words).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, openTestApp, setUpOffice, tempDir, LEADER, type TestApp } from '../helpers/services';
import { importSmallSet, uploadBytes, OPENS, CLOSES } from '../helpers/assessment';
import { goodRows, writeBank } from '../helpers/question-bank';
import { startReceiver, enrollCode, receiverPackages, runCli, useSnapshot, dropSnapshot, type RunningReceiver } from '../helpers/sync-receiver';
import { makeDemoPdf } from '../../main/services/demo-files';
import { SyncRunner } from '../../main/services/sync/runner';
import { keyStore } from '../../main/services/submission/identity';
import { verifyPackage } from '../../main/services/package-format/bag-verify';
import { officeOverviewResponse } from '../../shared/sync/protocol';

const OFFICE = 'Thái Nguyên/Võ Nhai/Phú Thượng';
const KEY_PASS = 'khoa-ky-rat-manh';
const YEAR = 2023;
let app: TestApp;
let leader: string;
let r: RunningReceiver;
let rDir: string;
let inspectionId: number;
let courseId: number;

beforeAll(async () => {
  useSnapshot();
  rDir = tempDir('kc-report-recv-');
  r = await startReceiver(path.join(rDir, 'r'));
  // The records are made in 2023 (the test clock: 20/09/2023, the assessment window open) …
  app = openTestApp();
  leader = await setUpOffice(app);
  const year = YEAR;

  // An inspection report with a document reused from the evidence library.
  const setId = await importSmallSet(app, leader);
  const a = await app.call('assessment.create', { year, setId, opensAt: OPENS, closesAt: CLOSES }, leader);
  const item = (await app.call('assessment.get', { assessmentId: a.id }, leader)).items.find((i) => i.criterionCode === '1.1')!;
  const up = await uploadBytes(app, leader, 'kh.pdf', await makeDemoPdf(['Kế hoạch số 05/KH-UBND', 'Kế hoạch CCHC']));
  const doc = (
    await app.call(
      'evidence.attach',
      { itemId: item.id, uploadId: up, fileName: '1.1_so 05KH-UBND_KH CCHC', docNumber: '05/KH-UBND', docDate: `${year}-01-12`, summary: 'Kế hoạch CCHC' },
      leader,
    )
  ).item.evidence[0]!;
  const ins = await app.call(
    'inspection.create',
    { year, planNumber: '110/KH-UBND', planDate: '2023-05-26', method: 'scheduled', visitDate: '2023-09-28' },
    leader,
  );
  inspectionId = ins.inspection.id;
  await app.call('inspection.link', { id: inspectionId, key: 'I.1.1', sha256: doc.sha256, fileName: 'I.1.1_so 05KH-UBND_KH CCHC' }, leader);

  // A course whose one attendee took the end-of-course test.
  const lanUser = await app.call(
    'users.create',
    { fullName: 'Trần Thị Lan', position: 'Văn phòng - Thống kê', username: 'lan', password: 'lan-mat-khau', roles: ['officer'] },
    leader,
  );
  const lan = (await app.call('auth.login', { username: 'lan', password: 'lan-mat-khau' })).token;
  const course = await app.call(
    'training.createCourse',
    { name: 'Bồi dưỡng nghiệp vụ CCHC', organiser: 'Sở Nội vụ', startsOn: `${year}-03-02`, endsOn: `${year}-03-04` },
    leader,
  );
  courseId = course.id;
  await app.call('training.setAttendees', { courseId, userIds: [lanUser.id] }, leader);
  const bank = path.join(app.dir, 'ngan-hang.xlsx');
  await writeBank(bank, goodRows(5));
  await app.call('training.importQuestions', { courseId, uploadId: await uploadBytes(app, leader, 'ngan-hang.xlsx', readFileSync(bank)) }, leader);
  const test = await app.call(
    'training.createTest',
    { courseId, name: 'Kiểm tra cuối khóa', questionCount: 5, timeLimitMinutes: 15, passingPercent: 50 },
    leader,
  );
  const attempt = await app.call('training.start', { testId: test.id }, lan);
  for (const q of attempt.questions) await app.call('training.answer', { attemptId: attempt.id, questionId: q.id, answer: 'A' }, lan);
  await app.call('training.submit', { attemptId: attempt.id }, lan);

  // … and signed and sent now: the receiver checks certificates and receipts against the real time.
  app.clock.set(Date.now());
  leader = (await app.call('auth.login', { username: LEADER.username, password: LEADER.password })).token;
  await app.call('keys.create', { passphrase: KEY_PASS }, leader);
}, 120_000);

afterAll(async () => {
  await r?.kill();
  app?.close();
  cleanup(app?.dir);
  cleanup(rDir);
  dropSnapshot();
});

describe('inspection and training packages', () => {
  it('are recorded under Gói hồ sơ, exported to a stick, delivered to the receiver with a receipt, and verify as signed by the office', async () => {
    const ins = await app.call('inspection.buildPackage', { id: inspectionId, passphrase: KEY_PASS }, leader);
    const trn = await app.call('training.buildPackage', { courseId, passphrase: KEY_PASS }, leader);

    // Listed with the others, by kind and the record they came from; each build is audited once.
    const list = await app.call('package.list', {}, leader);
    expect(list.map((p) => [p.id, p.kind, p.refId, p.fileName])).toEqual([
      [trn.packageId, 'training', courseId, trn.fileName],
      [ins.packageId, 'inspection', inspectionId, ins.fileName],
    ]);
    expect(ins.fileName).toMatch(/^KC-2023-PhuThuong-KT-\d+-\d{8}T\d{6}\.zip$/);
    expect(trn.fileName).toMatch(/^KC-2023-PhuThuong-BD-\d+-\d{8}T\d{6}\.zip$/);
    const audit = (await app.call('audit.list', { limit: 10 }, leader)).entries.filter((e) => e.action === 'package.build');
    expect(audit).toHaveLength(2);

    // USB: written, read back and verified like any package.
    const stick = path.join(app.dir, 'the-nho');
    mkdirSync(stick);
    for (const p of [ins, trn]) {
      const out = await app.call('package.exportToDrive', { packageId: p.packageId, destDir: stick }, leader);
      expect(path.basename(out.path)).toBe(p.fileName);
      expect((await verifyPackage(out.path)).ok).toBe(true);
    }

    // The outbox: enrolled with the province, both queued and delivered with a receipt.
    await app.call('sync.enroll', { url: r.url, code: enrollCode(path.join(rDir, 'r'), OFFICE) }, leader);
    const queued = [await app.call('sync.queue', { packageId: ins.packageId }, leader), await app.call('sync.queue', { packageId: trn.packageId }, leader)];
    expect(queued.map((q) => [q.kind, q.state])).toEqual([
      ['inspection', 'waiting'],
      ['training', 'waiting'],
    ]);
    await new SyncRunner(app.s, { chunkSize: 64 * 1024 }).runOnce();
    const outbox = (await app.call('sync.status', {}, leader)).outbox;
    for (const q of queued) {
      const row = outbox.find((o) => o.id === q.id)!;
      expect(row.state, `${row.kind}: ${row.lastError ?? ''} ${JSON.stringify(row.reasons)}`).toBe('sent');
      expect(row.remoteStatus).toBe('accepted');
      expect(row.receiptId).toMatch(/\S{6,}/);
    }

    // The receiver kept both as accepted, with their kind and year.
    const held = receiverPackages(path.join(rDir, 'r')) as unknown as { sha256: string; status: string; kind: string; year: number; receiptId: string }[];
    expect(held.map((p) => [p.kind, p.status, p.year]).sort()).toEqual([
      ['inspection', 'accepted', YEAR],
      ['training', 'accepted', YEAR],
    ]);
    const text = runCli(['receiver', 'list', '--data-dir', path.join(rDir, 'r')]).stdout;
    expect(text).toContain('Báo cáo phục vụ Đoàn kiểm tra');
    expect(text).toContain('Kết quả kiểm tra cuối khóa');

    // On the operator's board the office has still not sent its self-assessment ("chưa gửi"):
    // these two are listed beside it as other records received, each with its own status.
    const rData = path.join(rDir, 'r');
    const operator = runCli(['receiver', 'operator-token', '--name', 'Trần Thị Sở', '--data-dir', rData]).stdout.trim().split('\n').pop()!;
    const board = officeOverviewResponse.parse(await (await fetch(new URL('v1/offices', r.url), { headers: { authorization: `Bearer ${operator}` } })).json());
    const row = board.offices.find((o) => o.office === OFFICE)!;
    expect(row.status).toBe('none');
    expect(row.latest).toBeNull();
    expect(row.others.map((p) => [p.kind, p.status]).sort()).toEqual([
      ['inspection', 'accepted'],
      ['training', 'accepted'],
    ]);

    // `package verify` with the office's certificate trusted: exit 0, and the kind in words.
    const cert = path.join(app.dir, 'chung-thu.pem');
    writeFileSync(cert, (await keyStore(app.s).info())!.certificatePem);
    const empty = tempDir('kc-verify-');
    try {
      for (const [p, label] of [
        [ins, 'Loại gói: Báo cáo phục vụ Đoàn kiểm tra'],
        [trn, 'Loại gói: Kết quả kiểm tra cuối khóa'],
      ] as const) {
        const v = runCli(['package', 'verify', path.join(stick, p.fileName), '--trust', cert, '--data-dir', empty]);
        expect(v.code, v.stdout + v.stderr).toBe(0);
        expect(v.stdout).toContain(label);
        expect(v.stdout).toContain('UBND xã Phú Thượng');
      }
    } finally {
      cleanup(empty);
    }
  }, 120_000);

  it('open read-only in the package viewer with their kind and documents', async () => {
    const built = await app.call('inspection.buildPackage', { id: inspectionId, passphrase: KEY_PASS }, leader);
    const file = path.join(app.dir, 'packages', built.fileName);
    const uploadId = await uploadBytes(app, leader, built.fileName, readFileSync(file));
    const view = await app.call('package.verify', { uploadId }, leader);
    expect(view.ok).toBe(true);
    expect(view.trust.level).toBe('known');
    expect(view.kind).toBe('inspection');
    expect(view.contentError).toBeNull();
    // The report and its attachment can be opened from inside the package.
    expect(view.documents.map((d) => d.path).sort()).toEqual(['data/evidence/I.1.1/I.1.1_so 05KH-UBND_KH CCHC.pdf', 'data/report.pdf']);
    const kept = (await app.call('package.received', {}, leader)).find((p) => p.packageKey === view.packageKey)!;
    expect(kept.title).toBe('UBND xã Phú Thượng — báo cáo phục vụ Đoàn kiểm tra năm 2023 (KH 110/KH-UBND)');
  }, 60_000);
});
