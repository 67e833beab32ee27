// The council's results through the province's receiver (issue 10): the operator imports the
// file for an office with the real CLI on a real receiver process; the receiver signs it; the
// app, enrolled with that receiver, fetches it on its next sync pass and stores it only because it
// verifies against the pinned receiver certificate. A result whose bytes were changed, or that
// names another office, is refused and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { cleanup, openTestApp, setUpOffice, tempDir, type TestApp } from '../helpers/services';
import { startReceiver, enrollCode, runCli, useSnapshot, dropSnapshot, type RunningReceiver } from '../helpers/sync-receiver';
import { docRows, phuThuong2021, writeResultsXlsx } from '../helpers/appraisal';
import { SyncRunner } from '../../main/services/sync/runner';
import { getConnection } from '../../main/services/sync/connection';
import { acceptAppraisals } from '../../main/services/appraisal/from-receiver';
import { signedAppraisalFile } from '../../shared/sync/appraisal';

const OFFICE = 'Thái Nguyên/Võ Nhai/Phú Thượng';
let rDir: string;
let receiver: RunningReceiver;
let app: TestApp;
let leader: string;
let assessmentId: number;

beforeAll(async () => {
  useSnapshot();
  rDir = tempDir('kc-rcv-ap-');
  receiver = await startReceiver(rDir);
  app = openTestApp();
  app.clock.set(Date.now());
  leader = await setUpOffice(app);
  assessmentId = await phuThuong2021(app, leader);
  await app.call('keys.create', { passphrase: 'mat-khau-khoa-ky', replace: false }, leader);
  await app.call('sync.enroll', { url: receiver.url, code: enrollCode(rDir, OFFICE) }, leader);
}, 120_000);
afterAll(async () => {
  await receiver?.stop();
  app?.close();
  cleanup(app?.dir);
  cleanup(rDir);
  dropSnapshot();
});

describe('appraisal results from the receiver', () => {
  it('imported by the operator, signed, fetched on the next contact and verified', async () => {
    const file = path.join(rDir, 'ket qua tham dinh 2021.xlsx');
    await writeResultsXlsx(file, docRows({ leavesOnly: true }));
    const wrong = runCli(['receiver', 'appraisal', 'import', file, '--office', 'Thái Nguyên/Võ Nhai/Xã Lạ', '--year', '2021', '--data-dir', rDir]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('Chưa có đơn vị "Thái Nguyên/Võ Nhai/Xã Lạ" trên máy nhận');
    const r = runCli(['receiver', 'appraisal', 'import', file, '--office', OFFICE, '--year', '2021', '--data-dir', rDir]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Đã ký và lưu kết quả thẩm định năm 2021 của Thái Nguyên\/Võ Nhai\/Phú Thượng/);

    expect((await app.call('appraisal.get', { assessmentId }, leader)).imported).toBeNull();
    await new SyncRunner(app.s, { inboxPollMs: 0 }).runOnce();
    const view = await app.call('appraisal.get', { assessmentId }, leader);
    expect(view.imported).toMatchObject({ source: 'receiver', sourceName: expect.stringMatching(/^ket qua tham dinh 2021\.xlsx \(TD-\d{8}-[0-9A-F]+\)$/) });
    expect(view.comparison!.rows.find((x) => x.code === '1.8')).toMatchObject({ self: 1, appraised: 0.5 });
    expect((await app.call('plan.get', { assessmentId }, leader)).tasks.length).toBeGreaterThan(20);
    // The same result on the next contact is not stored again.
    const before = (await app.call('audit.list', { limit: 500 }, leader)).entries.filter((e) => e.action === 'appraisal.import').length;
    await new SyncRunner(app.s, { inboxPollMs: 0 }).runOnce();
    expect((await app.call('audit.list', { limit: 500 }, leader)).entries.filter((e) => e.action === 'appraisal.import')).toHaveLength(before);
  });

  it('refuses a result whose bytes were changed or that names another office', async () => {
    const res = await fetch(new URL('v1/appraisals', receiver.url), { headers: { authorization: `Bearer ${getConnection(app.s)!.client_token}` } });
    const [signed] = (await res.json()).appraisals as unknown[];
    const file = signedAppraisalFile.parse(signed);
    const conn = getConnection(app.s)!;
    const changed = { ...file, payload: file.payload.replace('"points":0.5', '"points":1') };
    expect(changed.payload).not.toBe(file.payload);
    expect(acceptAppraisals(app.s, conn, [changed])).toEqual([{ year: 0, id: '', outcome: 'refused', reason: 'signature' }]);
    expect(acceptAppraisals(app.s, { ...conn, office_key: 'Thái Nguyên/Võ Nhai/Xã Khác' }, [file])[0]!.outcome).toBe('refused');
    expect(acceptAppraisals(app.s, conn, [file])[0]!.outcome).toBe('known');
  });
});
