// A supplementary window opened by the province's signed instruction: the receiver signs it with
// its own key (`kiemchung receiver instruction`), the app checks it against the certificate it
// pinned at enrollment. A forged, edited, other-office, other-year or reused instruction opens
// nothing; a good one opens exactly the window it names, audited and stamped into packages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { generateKeyPairSync, sign } from 'node:crypto';
import { receiverConfig } from '../../main/receiver/config';
import { issueEnrollCode } from '../../main/receiver/enroll';
import { issueSupplementaryInstruction } from '../../main/receiver/instructions';
import { startReceiver, type RunningReceiver } from '../../main/receiver/server';
import { packageStamps } from '../../main/services/submission/stamps';
import type { SignedInstructionFile } from '../../shared/sync/instruction';
import { officeKeyOf } from '../../shared/sync/protocol';
import { CLOSES, OPENS, importSmallSet, uploadBytes } from '../helpers/assessment';
import { runCli } from '../helpers/receiver';
import { readFileSync } from 'node:fs';
import { OFFICE, cleanup, openTestApp, setUpOffice, LEADER, type TestApp } from '../helpers/services';

const DAY = 86_400_000;
const KEY = officeKeyOf(OFFICE);
let app: TestApp;
let rx: RunningReceiver;
let leader: string;
let assessmentId: number;

beforeAll(async () => {
  app = openTestApp();
  app.clock.set(OPENS + DAY);
  leader = await setUpOffice(app);
  const setId = await importSmallSet(app, leader);
  assessmentId = (await app.call('assessment.create', { year: 2023, setId, opensAt: OPENS, closesAt: CLOSES }, leader)).id;
  // The receiver keeps the same time as the app's test clock (its answers feed the trusted time).
  rx = await startReceiver(receiverConfig({ dataDir: path.join(app.dir, 'receiver'), port: 0, databaseUrl: null, now: () => app.clock.now() }));
  await app.call('keys.create', { passphrase: 'mat-khau-khoa-ky', replace: false }, leader);
  const { code } = await issueEnrollCode(rx.ctx, KEY, 7, 'test');
  await app.call('sync.enroll', { url: rx.url, code }, leader);
  app.clock.set(CLOSES + DAY);
  leader = (await app.call('auth.login', { username: LEADER.username, password: LEADER.password })).token;
}, 60_000);

afterAll(async () => {
  await rx?.close();
  app?.close();
  cleanup(app?.dir);
});

const window = {
  office: KEY,
  year: 2023,
  opensAt: CLOSES + DAY,
  closesAt: CLOSES + 5 * DAY,
  codes: ['2.2'],
  reference: 'Công văn số 215/SNV-CCHC ngày 06/10/2023',
  note: null,
};
const fileOf = (signed: SignedInstructionFile) => Buffer.from(JSON.stringify(signed));
const importFile = async (bytes: Buffer, name = 'chi-dao.json') =>
  app.fail('assessment.importInstruction', { assessmentId, uploadId: await uploadBytes(app, leader, name, bytes) }, leader);
const windows = async () => (await app.call('assessment.get', { assessmentId }, leader)).assessment.supplementary;

describe('a province instruction file', () => {
  it('forged, edited, for another office or another year: refused by name, nothing opened', async () => {
    const good = await issueSupplementaryInstruction(rx.ctx, window, 'cli:test');

    const edited = { ...good, payload: good.payload.replace('"2.2"', '"1.1"') };
    expect(await importFile(fileOf(edited))).toEqual({ code: 'CONFLICT', message: expect.stringMatching(/^Chữ ký của văn bản chỉ đạo không khớp/) });

    // Signed by a key that is not the pinned receiver's (a commune writing its own instruction).
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = { ...good, signature: sign('sha256', Buffer.from(good.payload), privateKey).toString('base64') };
    expect((await importFile(fileOf(forged))).message).toMatch(/không do tỉnh lập/);

    const other = await issueSupplementaryInstruction(rx.ctx, { ...window, office: 'Thái Nguyên/Võ Nhai/Bình Long' }, 'cli:test').catch((e: Error) => e);
    // The receiver only signs for offices it knows.
    expect(other).toBeInstanceOf(Error);
    await issueEnrollCode(rx.ctx, 'Thái Nguyên/Võ Nhai/Bình Long', 7, 'test');
    const otherOffice = await issueSupplementaryInstruction(rx.ctx, { ...window, office: 'Thái Nguyên/Võ Nhai/Bình Long' }, 'cli:test');
    expect((await importFile(fileOf(otherOffice))).message).toBe('Văn bản chỉ đạo này dành cho Thái Nguyên/Võ Nhai/Bình Long, không phải đơn vị này.');

    const otherYear = await issueSupplementaryInstruction(rx.ctx, { ...window, year: 2024 }, 'cli:test');
    expect((await importFile(fileOf(otherYear))).message).toBe('Văn bản chỉ đạo này dành cho kỳ đánh giá năm 2024, không phải năm 2023.');

    expect((await importFile(Buffer.from('<html>không phải</html>'), 'trang.json')).message).toBe(
      'Tệp trang.json không phải văn bản chỉ đạo của Kiểm Chứng (không đọc được nội dung JSON).',
    );
    expect(await windows()).toEqual([]);
  });

  it('a good one opens exactly the window it names, once; it is audited and stamped into packages', async () => {
    const good = await issueSupplementaryInstruction(rx.ctx, window, 'cli:test');
    const id = (JSON.parse(good.payload) as { id: string }).id;
    const opened = await app.call(
      'assessment.importInstruction',
      { assessmentId, uploadId: await uploadBytes(app, leader, 'chi-dao.json', fileOf(good)) },
      leader,
    );
    expect(opened.supplementary).toHaveLength(1);
    expect(opened.supplementary[0]).toMatchObject({ opensAt: window.opensAt, closesAt: window.closesAt, codes: ['2.2'] });
    expect(opened.supplementary[0]!.instructionRef).toBe(`${window.reference} (văn bản ký số của tỉnh, mã ${id})`);

    const again = await importFile(fileOf(good));
    expect(again.message).toMatch(new RegExp(`^Văn bản chỉ đạo ${id} đã được nhập lúc \\d\\d:\\d\\d \\d\\d/\\d\\d/2023`));
    expect(await windows()).toHaveLength(1);

    const audit = await app.call('audit.list', { limit: 5 }, leader);
    expect(audit.entries[0]).toMatchObject({ action: 'assessment.supplementary' });
    expect(packageStamps(app.s, assessmentId)['Kiemchung-Supplementary-1']).toContain(`mã ${id}`);
  });

  it('`receiver instruction` writes the signed file the leader imports; bad flags are named', async () => {
    const dataDir = path.join(app.dir, 'receiver');
    const out = path.join(app.dir, 'chi-dao-cli.json');
    const args = ['receiver', 'instruction', '--office', KEY, '--year', '2023', '--codes', '1.1, 2.2', '--ref', 'Công văn số 230/SNV-CCHC ngày 07/10/2023'];
    const bad = runCli([...args, '--opens', '31/02/2023 08:00', '--closes', '12/10/2023 17:00', '--out', out, '--data-dir', dataDir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--opens: cần ngày giờ dạng dd/mm/yyyy HH:mm');
    const ok = runCli([...args, '--opens', '08/10/2023 08:00', '--closes', '12/10/2023 17:00', '--out', out, '--data-dir', dataDir]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Đã lập văn bản chỉ đạo CD-\d{8}-[0-9A-F]+ cho Thái Nguyên\/Võ Nhai\/Phú Thượng: /);
    // Never overwrites an instruction already written.
    const again = runCli([...args, '--opens', '08/10/2023 08:00', '--closes', '12/10/2023 17:00', '--out', out, '--data-dir', dataDir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('đã có');
    const opened = await app.call(
      'assessment.importInstruction',
      { assessmentId, uploadId: await uploadBytes(app, leader, 'chi-dao-cli.json', readFileSync(out)) },
      leader,
    );
    expect(opened.supplementary.at(-1)).toMatchObject({ codes: ['1.1', '2.2'], opensAt: Date.UTC(2023, 9, 8, 1, 0), closesAt: Date.UTC(2023, 9, 12, 10, 0) });
  });

  it('an officer cannot import one', async () => {
    await app.call(
      'users.create',
      { fullName: 'Lê Thị Hương', position: 'Văn phòng - Thống kê', username: 'huong', password: 'huong-123456', roles: ['officer'] },
      leader,
    );
    const officer = (await app.call('auth.login', { username: 'huong', password: 'huong-123456' })).token;
    const good = await issueSupplementaryInstruction(rx.ctx, window, 'cli:test');
    const e = await app.fail(
      'assessment.importInstruction',
      { assessmentId, uploadId: await uploadBytes(app, officer, 'chi-dao.json', fileOf(good)) },
      officer,
    );
    expect(e.code).toBe('FORBIDDEN');
  });
});
