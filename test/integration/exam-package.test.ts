// The signed package of the demo exam round's results, built through the API and checked with
// outside tools: openssl verifies the CMS signature over the tag manifest, pdfsig the PAdES
// results PDF, pdftotext reads its Vietnamese names, exceljs reads the XLSX back, and package.json
// parses with the shared schema and matches the results table. Then the CLI builds one too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openTestApp, cleanup, type TestApp } from '../helpers/services';
import { extract } from '../helpers/package';
import { runCli } from '../helpers/cli';
import { createDemo, DEMO_PASSWORD } from '../../main/services/demo';
import { findUserByUsername } from '../../main/services/users';
import { consoleView, startStep, endStep, setResult, addIncident, overrideDeadline } from '../../main/services/exam/console';
import { createRound } from '../../main/services/exam/rounds';
import { roundResults } from '../../main/services/exam/results';
import { verifyPackage } from '../../main/services/package-format';
import { examPackage, submissionPackage } from '../../shared/package-schema';
import type { Actor } from '../../main/services/context';
import type { ApiErrorShape } from '../../shared/errors';

const PASS = 'khoa-ky-xa-phu-thuong';
const MINUTE = 60_000;
let app: TestApp;
let closed = false;
let token: string;
let roundId: number;
let proctor: Actor;
let refusedRunning: ApiErrorShape;
let refusedIncomplete: ApiErrorShape;
let partial: { totals: { pending: number } };
let zip: string;
let bag: string;

/** Runs one step of one team the way a proctor would: start, write every result, end early. */
function runStep(teamId: number, step: 1 | 2 | 3 | 4, result: (name: string) => 'dat' | 'khong_dat') {
  const find = () =>
    consoleView(app.s, roundId)
      .teams.find((t) => t.id === teamId)!
      .steps.find((s) => s.step === step)!;
  if (find().phase === 'pending') startStep(app.s, proctor, teamId, step);
  app.clock.advance(MINUTE);
  for (const r of find().records) setResult(app.s, proctor, { recordId: r.id, result: result(r.fullName), finished: true, note: null });
  endStep(app.s, proctor, find().id);
}

beforeAll(async () => {
  app = openTestApp();
  app.clock.set(Date.now());
  await createDemo(app.s);
  const u = findUserByUsername(app.s, 'giamkhao')!;
  proctor = { id: u.id, name: u.full_name, roles: ['proctor'] };
  token = (await app.call('auth.login', { username: 'chutich', password: DEMO_PASSWORD })).token;
  await app.call('keys.create', { passphrase: PASS, replace: false }, token);
  roundId = (await app.call('exam.rounds', {}, token))[0]!.id;

  // The demo round: Phú Thượng is in step 1, La Hiên has not started.
  refusedRunning = await app.fail('package.buildExam', { roundId, passphrase: PASS, allowIncomplete: true }, token);
  refusedIncomplete = await app.fail('package.buildExam', { roundId, passphrase: PASS, allowIncomplete: false }, token);

  const teams = consoleView(app.s, roundId).teams;
  const phu = teams.find((t) => t.commune === 'Phú Thượng')!;
  const la = teams.find((t) => t.commune === 'La Hiên')!;
  runStep(phu.id, 1, () => 'dat');
  // With step 1 ended and nothing running, a deliberate "sign anyway" builds a package that says who is unfinished.
  const early = await app.call('package.buildExam', { roundId, passphrase: PASS, allowIncomplete: true }, token);
  const earlyOut = path.join(app.dir, 'early');
  await extract(path.join(app.dir, 'packages', early.fileName), earlyOut);
  partial = JSON.parse(readFileSync(path.join(earlyOut, early.bagName, 'data/package.json'), 'utf8'));

  // Step 2 of Phú Thượng ran long: the proctor gave 5 more minutes, with a reason.
  startStep(app.s, proctor, phu.id, 2);
  const phu2 = consoleView(app.s, roundId).teams.find((t) => t.id === phu.id)!.steps[1]!;
  overrideDeadline(app.s, proctor, { stepId: phu2.id, deltaMs: 5 * MINUTE, reason: 'Máy tính của thí sinh bị treo, khởi động lại' });
  runStep(phu.id, 2, () => 'dat');
  runStep(phu.id, 3, () => 'dat');
  runStep(phu.id, 4, () => 'dat');
  runStep(la.id, 1, () => 'dat');
  runStep(la.id, 2, (n) => (n === 'Hà Văn Sơn' ? 'khong_dat' : 'dat'));
  // Step 3 of La Hiên lost the Internet: by the rules that fails the step for everyone in it.
  startStep(app.s, proctor, la.id, 3);
  const la3 = consoleView(app.s, roundId).teams.find((t) => t.id === la.id)!.steps[2]!;
  // The incident itself stops that step's clock (the step is over).
  addIncident(app.s, proctor, { stepId: la3.id, kind: 'internet', description: 'Mất mạng từ 9 giờ 40' });
  runStep(la.id, 4, () => 'dat');

  const built = await app.call('package.buildExam', { roundId, passphrase: PASS, allowIncomplete: false }, token);
  expect(built).toMatchObject({ kind: 'exam', refId: roundId });
  zip = path.join(app.dir, 'packages', built.fileName);
  const out = path.join(app.dir, 'unzipped');
  await extract(zip, out);
  bag = path.join(out, built.bagName);
}, 180_000);

afterAll(() => {
  if (!closed) app.close();
  cleanup(app.dir);
});

describe('refusing an unfinished round', () => {
  it('names the running step even when told to sign an incomplete round', () => {
    expect(refusedRunning.code).toBe('CONFLICT');
    expect(refusedRunning.message).toMatch(/Chưa đóng gói được kết quả thi: còn 1 vấn đề/);
    expect(refusedRunning.issues?.map((i) => i.message)).toEqual([expect.stringContaining('Đội Phú Thượng: Bước 1 (')]);
    expect(refusedRunning.issues?.[0]?.message).toContain('đang diễn ra');
  });

  it('lists the steps not started, team by team', () => {
    const messages = refusedIncomplete.issues!.map((i) => i.message);
    expect(messages[0]).toMatch(/Phú Thượng: Bước 1 .*đang diễn ra/);
    expect(messages).toContainEqual(expect.stringMatching(/^Đội La Hiên: Bước 1 \(.+\) chưa bắt đầu \(\d+ người chưa có kết quả\)\.$/));
    expect(messages).toContainEqual(expect.stringMatching(/^Đội Phú Thượng: Bước 4 .*chưa bắt đầu/));
  });

  it('a deliberate "sign anyway" records who is unfinished', () => {
    expect(partial.totals.pending).toBeGreaterThan(0);
  });

  it('is for the office’s leaders: a proctor cannot sign with the office key', async () => {
    const t = (await app.call('auth.login', { username: 'giamkhao', password: DEMO_PASSWORD })).token;
    expect((await app.fail('package.buildExam', { roundId, passphrase: PASS, allowIncomplete: false }, t)).code).toBe('FORBIDDEN');
  });
});

describe('the demo round’s results package', () => {
  it('verifies, and openssl accepts the tag-manifest signature', async () => {
    const report = await verifyPackage(zip);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.bagName).toMatch(/^KC-\d{4}-PhuThuong-THI-\d+$/);
    expect(report.bagInfo).toMatchObject({
      'Kiemchung-Kind': 'exam',
      'Kiemchung-Pending': '0',
      'Kiemchung-People': String(roundResults(app.s, roundId).totals.people),
    });
    expect(report.payload.map((p) => p.path).sort()).toEqual(['data/package.json', 'data/results.pdf', 'data/results.xlsx']);

    const certPem = path.join(app.dir, 'cert.pem');
    writeFileSync(certPem, JSON.parse(readFileSync(path.join(app.dir, 'keys', 'identity.json'), 'utf8')).certificatePem);
    const r = spawnSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-content',
        path.join(bag, 'tagmanifest-sha256.txt'),
        '-in',
        path.join(bag, 'tagmanifest-sha256.txt.p7s'),
        '-CAfile',
        certPem,
        '-purpose',
        'any',
        '-out',
        '/dev/null',
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toContain('Verification successful');
    expect(r.status).toBe(0);
  });

  it('carries a PAdES-signed results PDF that pdfsig accepts and pdftotext reads in Vietnamese', () => {
    const pdf = path.join(bag, 'data/results.pdf');
    const sig = spawnSync('pdfsig', [pdf], { encoding: 'utf8' });
    expect(sig.stdout).toContain('Signature is Valid');
    expect(sig.stdout).toContain('UBND xã Phú Thượng');
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const name of ['Nguyễn Văn Hùng', 'Lê Thị Hương', 'Hà Văn Sơn', 'Triệu Thị Lan']) expect(text).toContain(name);
    expect(text).toContain('KẾT QUẢ KIỂM TRA, ĐÁNH GIÁ NĂNG LỰC');
    // The incident and the override are on the signed sheet, not only in package.json.
    expect(text).toContain('Mất kết nối Internet tại điểm thi');
    expect(text).toContain('Máy tính của thí sinh bị treo');
  });

  it('carries the results as XLSX with every person', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(bag, 'data/results.xlsx'));
    const names = new Set<string>();
    wb.getWorksheet('Kết quả')!.eachRow((row, n) => n > 3 && names.add(String(row.getCell(2).value)));
    const results = roundResults(app.s, roundId);
    expect([...names].sort()).toEqual(results.people.map((p) => p.fullName).sort());
    expect(names.has('Đinh Văn Toàn')).toBe(true);
  });

  it('has a package.json that parses with the shared schema and matches the results table', () => {
    const raw = JSON.parse(readFileSync(path.join(bag, 'data/package.json'), 'utf8'));
    const doc = examPackage.parse(raw);
    expect(submissionPackage.parse(raw).kind).toBe('exam');
    const results = roundResults(app.s, roundId);
    expect(doc.totals).toEqual(results.totals);
    expect(doc.communes).toEqual(results.communes);
    expect(doc.totals.pending).toBe(0);
    expect(doc.totals.failed).toBeGreaterThan(0);
    expect(doc.people.map((p) => [p.fullName, p.commune, p.passed])).toEqual(results.people.map((p) => [p.fullName, p.commune, p.passed]));
    expect(doc.people.find((p) => p.fullName === 'Hà Văn Sơn')).toMatchObject({
      passed: false,
      steps: expect.arrayContaining([expect.objectContaining({ step: 2, result: 'khong_dat' })]),
    });
    expect(doc.people.find((p) => p.fullName === 'Lê Thị Hương')!.steps[0]).toMatchObject({
      step: 1,
      result: 'dat',
      codes: [expect.stringMatching(/^G22\.61-/), expect.any(String)],
      finishedAt: expect.any(String),
    });
    expect(doc.round).toMatchObject({ id: roundId, venue: 'Hội trường UBND huyện Võ Nhai', district: 'Võ Nhai' });
    const la3 = doc.teams.find((t) => t.commune === 'La Hiên')!.steps.find((s) => s.step === 3)!;
    expect(la3).toMatchObject({ failed: true, endedBy: 'proctor', incidents: [{ kind: 'internet', description: 'Mất mạng từ 9 giờ 40' }] });
    const phu2 = doc.teams.find((t) => t.commune === 'Phú Thượng')!.steps.find((s) => s.step === 2)!;
    expect(phu2.overrides).toEqual([expect.objectContaining({ deltaMs: 5 * MINUTE, reason: 'Máy tính của thí sinh bị treo, khởi động lại' })]);
    expect(doc.signedBy.holder).toBe('UBND xã Phú Thượng');
  });

  it('is listed with kind "exam" and audited', async () => {
    const list = await app.call('package.list', {}, token);
    expect(list.filter((p) => p.kind === 'exam')).toHaveLength(2);
    const audit = app.s.db.all(app.s.db.q.selectFrom('audit_log').select(['action', 'after_json']).where('action', '=', 'package.build'));
    expect(audit.some((a) => String(a.after_json).includes('"kind":"exam"'))).toBe(true);
  });
});

describe('kiemchung package build --kind exam', () => {
  let round2: number;
  beforeAll(() => {
    // A second round in the same year, with nobody in it: the CLI must ask which one.
    round2 = createRound(app.s, proctor, {
      name: 'Kiểm tra bổ sung — đợt 2',
      examDate: `${new Date().getUTCFullYear()}-12-01`,
      venue: null,
      district: 'Võ Nhai',
    }).id;
    app.close();
    closed = true;
  });
  const year = String(new Date().getUTCFullYear());
  const env = { KIEMCHUNG_KEY_PASSPHRASE: PASS };

  it('asks for --round when the year has several rounds, listing them', () => {
    const r = runCli(['package', 'build', '--kind', 'exam', '--year', year, '--out', path.join(app.dir, 'x.zip'), '--data-dir', app.dir], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Năm ${year} có nhiều đợt kiểm tra`);
    expect(r.stderr).toContain(`--round ${roundId}`);
    expect(r.stderr).toContain(`--round ${round2}   ${year}-12-01  Kiểm tra bổ sung — đợt 2`);
    expect(existsSync(path.join(app.dir, 'x.zip'))).toBe(false);
  });

  it('refuses a round with no one in it', () => {
    const r = runCli(
      ['package', 'build', '--kind', 'exam', '--year', year, '--round', String(round2), '--out', path.join(app.dir, 'y.zip'), '--data-dir', app.dir],
      env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('chưa có ai dự thi');
  });

  it('builds and signs the chosen round; the CLI verifier accepts it', () => {
    const out = path.join(app.dir, 'ket-qua-thi.zip');
    const r = runCli(['package', 'build', '--kind', 'exam', '--year', year, '--round', String(roundId), '--out', out, '--data-dir', app.dir], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Đã đóng gói và ký kết quả thi: .*ket-qua-thi\.zip \(KC-\d{4}-PhuThuong-THI-\d+, 3 tệp/);
    const v = runCli(['package', 'verify', out, '--data-dir', app.dir]);
    expect(v.stdout).toContain('Gói hồ sơ hợp lệ, người ký đã biết');
    expect(v.code).toBe(0);
    // Elsewhere (no office certificate, nothing trusted) the same package is intact but from an unknown signer.
    const elsewhere = runCli(['package', 'verify', out], { KIEMCHUNG_DATA_DIR: path.join(app.dir, 'nowhere') });
    expect(elsewhere.stdout).toContain('người ký chưa được xác nhận');
    expect(elsewhere.code).toBe(3);
  });

  it('rejects an unknown kind', () => {
    const r = runCli(['package', 'build', '--kind', 'thi', '--year', year, '--out', path.join(app.dir, 'z.zip'), '--data-dir', app.dir], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--kind chỉ nhận assessment');
  });
});
