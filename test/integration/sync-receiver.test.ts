// The outbox against a real receiver process (`kiemchung receiver start`) on 127.0.0.1, driven
// through the real CLI (`kiemchung sync …`) and the real browser-mode backend (`kiemchung serve`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildDemoPackage } from '../helpers/demo-package';
import { tempDir, cleanup } from '../helpers/services';
import { apiCall } from '../helpers/cli';
import {
  startReceiver,
  enrollCode,
  receiverPackages,
  runCli,
  startServe,
  useSnapshot,
  dropSnapshot,
  binPath,
  type RunningReceiver,
} from '../helpers/sync-receiver';
import { createSelfSignedIdentity } from '../../main/services/package-format';
import { certificateFingerprint } from '../../main/services/sync/receipts';
import { DEMO_PASSWORD } from '../../main/services/demo';
import { DB_FILE } from '../../main/db/connection';

const OFFICE = 'Thái Nguyên/Võ Nhai/Phú Thượng';
const FAST = { KIEMCHUNG_SYNC_BACKOFF_MS: '200', KIEMCHUNG_SYNC_SEED: '7' };
let template: string;
let zip: string;
const dirs: string[] = [];
const receivers: RunningReceiver[] = [];

const fresh = (prefix: string) => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d;
};
const receiver = async (dir: string, port = 0) => {
  const r = await startReceiver(dir, port);
  receivers.push(r);
  return r;
};

/** `kiemchung sync …` as a child process that can be awaited (or killed). */
function syncAsync(args: string[], env: NodeJS.ProcessEnv = {}) {
  const proc = spawn(process.execPath, [binPath(), 'sync', ...args], {
    env: { ...process.env, KIEMCHUNG_LOG: 'warn', ...FAST, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { proc, done };
}

const enroll = (dir: string, r: RunningReceiver) =>
  runCli(['sync', 'enroll', '--url', r.url, '--code', enrollCode(path.join(dir, '..', 'r'), OFFICE), '--data-dir', dir]);

beforeAll(async () => {
  useSnapshot();
  const demo = await buildDemoPackage();
  template = demo.app.dir;
  zip = demo.zip;
  demo.app.close();
}, 120_000);

afterAll(async () => {
  for (const r of receivers) await r.kill().catch(() => undefined);
  for (const d of [...dirs, template]) cleanup(d);
  dropSnapshot();
});

describe('sync with a real receiver', () => {
  it('enrolls with a one-time code and pins the receiver certificate; wrong, reused and expired codes are refused in Vietnamese', async () => {
    const base = fresh('kc-sync-');
    const rDir = path.join(base, 'r');
    const r = await receiver(rDir);
    const app = path.join(base, 'app');
    cpSync(template, app, { recursive: true });

    const wrong = runCli(['sync', 'enroll', '--url', r.url, '--code', 'AAAA-BBBB-CCCC-DDDD', '--data-dir', app]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Mã đăng ký không đúng/);

    const expired = enrollCode(rDir, OFFICE, ['--days', '0.00001']);
    await new Promise((res) => setTimeout(res, 1500));
    const exp = runCli(['sync', 'enroll', '--url', r.url, '--code', expired, '--data-dir', app]);
    expect(exp.stderr).toMatch(/Mã đăng ký đã hết hạn/);

    const code = enrollCode(rDir, OFFICE);
    const ok = runCli(['sync', 'enroll', '--url', r.url, '--code', code, '--data-dir', app]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Đã đăng ký với máy chủ tiếp nhận cho "Thái Nguyên\/Võ Nhai\/Phú Thượng"/);

    const again = runCli(['sync', 'enroll', '--url', r.url, '--code', code, '--data-dir', app]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Mã đăng ký này đã được dùng/);

    const human = runCli(['sync', 'status', '--data-dir', app]);
    expect(human.stdout).toMatch(/Đã đăng ký với tỉnh cho: Thái Nguyên\/Võ Nhai\/Phú Thượng/);
    expect(human.stdout).toMatch(/Liên lạc gần nhất: \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    const st = runCli(['sync', 'status', '--json', '--data-dir', app]);
    const status = JSON.parse(st.stdout) as { connection: { receiverFingerprint: string; url: string; lastContactAt: number } };
    expect(status.connection.url).toBe(r.url);
    expect(status.connection.receiverFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(st.stdout).not.toMatch(/clientToken|client_token/);
    // The pin is the certificate the receiver sent, stored with it.
    const db = new Database(path.join(app, DB_FILE), { readonly: true });
    const row = db.prepare('SELECT receiver_certificate_pem AS pem, receiver_fingerprint AS fp FROM sync_connection').get() as { pem: string; fp: string };
    db.close();
    expect(certificateFingerprint(row.pem)).toBe(row.fp);
  }, 60_000);

  it('a package queued while the receiver is down is sent when it comes up; sending it again gets the same receipt', async () => {
    const base = fresh('kc-sync-');
    const rDir = path.join(base, 'r');
    let r = await receiver(rDir);
    const port = r.port;
    const app = path.join(base, 'app');
    cpSync(template, app, { recursive: true });
    expect(enroll(app, r).code).toBe(0);
    await r.stop();

    const send = syncAsync(['send', zip, '--wait', '40', '--data-dir', app]);
    // Waits for the known state (the first attempt failed and was recorded), not for a time.
    const outbox = () =>
      (JSON.parse(runCli(['sync', 'status', '--json', '--data-dir', app]).stdout) as { outbox: { state: string; lastError: string | null }[] }).outbox[0];
    const stateOf = (o: { state: string; lastError: string | null } | undefined) => `${o?.state} ${o?.lastError}`;
    await expect.poll(() => stateOf(outbox()), { timeout: 20_000 }).toMatch(/^waiting Không kết nối được máy chủ tiếp nhận/);

    r = await receiver(rDir, port);
    const res = await send.done;
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const receiptId = /Biên nhận: (\S+)/.exec(res.stdout)?.[1];
    expect(receiptId).toBeTruthy();
    const listed = receiverPackages(rDir);
    expect(listed.filter((p) => p.status === 'accepted')).toHaveLength(1);
    expect(listed[0]!.receiptId).toBe(receiptId);

    // The same package from another copy of the app (a new code, same office): the same receipt, nothing uploaded twice.
    const other = path.join(base, 'app2');
    cpSync(template, other, { recursive: true });
    expect(enroll(other, r).code).toBe(0);
    const twice = runCli(['sync', 'send', zip, '--wait', '20', '--data-dir', other], FAST);
    expect(twice.code, twice.stdout + twice.stderr).toBe(0);
    expect(twice.stdout).toContain(`Biên nhận: ${receiptId}`);
    expect(receiverPackages(rDir)).toHaveLength(1);
  }, 90_000);

  it('a tampered package is rejected with the reasons; a receipt not signed by the pinned receiver is not accepted as sent', async () => {
    const base = fresh('kc-sync-');
    const rDir = path.join(base, 'r');
    const r = await receiver(rDir);
    const app = path.join(base, 'app');
    cpSync(template, app, { recursive: true });
    expect(enroll(app, r).code).toBe(0);

    // One byte of data/package.json changed inside the (stored, uncompressed) zip.
    const bytes = readFileSync(zip);
    const at = bytes.indexOf(Buffer.from('"kind": "assessment"'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 2] = 'K'.charCodeAt(0);
    const tampered = path.join(base, 'tampered.zip');
    writeFileSync(tampered, bytes);
    const rej = runCli(['sync', 'send', tampered, '--wait', '20', '--data-dir', app], FAST);
    expect(rej.code, rej.stdout + rej.stderr).toBe(2);
    expect(rej.stdout).toMatch(/Tỉnh từ chối gói:\n\s+\S/);

    // An impostor's certificate pinned instead of the real one: the real receiver's receipt no longer counts.
    const impostor = await createSelfSignedIdentity({ commonName: 'Máy chủ giả', organization: 'X', locality: 'Y', province: 'Z', now: Date.now() });
    const db = new Database(path.join(app, DB_FILE));
    db.prepare('UPDATE sync_connection SET receiver_certificate_pem = ?, receiver_fingerprint = ?').run(
      impostor.certificatePem,
      certificateFingerprint(impostor.certificatePem),
    );
    db.close();
    const forged = runCli(['sync', 'send', zip, '--wait', '20', '--data-dir', app], FAST);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toMatch(/Biên nhận không có chữ ký hợp lệ của máy chủ tiếp nhận đã đăng ký/);
    const st = JSON.parse(runCli(['sync', 'status', '--json', '--data-dir', app]).stdout) as { outbox: { state: string; receiptId: string | null }[] };
    expect(st.outbox.find((o) => o.state === 'failed')?.receiptId).toBeNull();
  }, 90_000);

  it('a package signed by a key not enrolled is quarantined with a receipt; once the province accepts it, it counts as sent', async () => {
    const base = fresh('kc-sync-');
    const rDir = path.join(base, 'r');
    const r = await receiver(rDir);
    const app = path.join(base, 'app');
    cpSync(template, app, { recursive: true });
    expect(enroll(app, r).code).toBe(0);
    // The same office's report, signed on another PC whose key the province never enrolled.
    const other = await buildDemoPackage();
    other.app.close();
    dirs.push(other.app.dir);
    const q = runCli(['sync', 'send', other.zip, '--wait', '20', '--data-dir', app], FAST);
    expect(q.code, q.stdout + q.stderr).toBe(3);
    expect(q.stdout).toMatch(/Tỉnh đã nhận nhưng đang cách ly gói/);
    expect(q.stdout).toMatch(/Biên nhận: \S+/);
    const st = JSON.parse(runCli(['sync', 'status', '--json', '--data-dir', app]).stdout) as {
      outbox: { state: string; sha256: string; reasons: unknown[] }[];
    };
    expect(st.outbox[0]!.state).toBe('quarantined');
    expect(st.outbox[0]!.reasons.length).toBeGreaterThan(0);

    const decided = runCli([
      'receiver',
      'decide',
      '--sha256',
      st.outbox[0]!.sha256,
      '--accept',
      '--reason',
      'Đã gọi điện xác nhận với UBND xã',
      '--data-dir',
      rDir,
    ]);
    expect(decided.code, decided.stdout + decided.stderr).toBe(0);
    const after = runCli(['sync', 'send', other.zip, '--wait', '20', '--data-dir', app], FAST);
    expect(after.code, after.stdout + after.stderr).toBe(0);
    expect(after.stdout).toMatch(/Biên nhận: \S+/);
  }, 90_000);

  it('a package file changed on this PC after it was queued fails with the reason instead of being retried forever', async () => {
    const base = fresh('kc-sync-');
    const rDir = path.join(base, 'r');
    let r = await receiver(rDir);
    const port = r.port;
    const app = path.join(base, 'app');
    cpSync(template, app, { recursive: true });
    expect(enroll(app, r).code).toBe(0);
    await r.stop();
    const down = runCli(['sync', 'send', zip, '--wait', '1', '--data-dir', app], FAST);
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/Sau 1 giây vẫn chưa có biên nhận/);
    // The outbox's copy is damaged (same size, one byte different) before it goes.
    const st = JSON.parse(runCli(['sync', 'status', '--json', '--data-dir', app]).stdout) as { outbox: { sha256: string }[] };
    const kept = path.join(app, 'outbox', `${st.outbox[0]!.sha256}.zip`);
    const bytes = readFileSync(kept);
    const mid = Math.floor(bytes.length / 2);
    bytes[mid] = bytes[mid]! ^ 0xff;
    writeFileSync(kept, bytes);
    r = await receiver(rDir, port);
    const res = runCli(['sync', 'send', zip, '--wait', '20', '--data-dir', app], FAST);
    expect(res.code, res.stdout + res.stderr).toBe(1);
    expect(res.stdout).toMatch(/Tệp gói trên máy này đã bị thay đổi hoặc hỏng/);
    expect(receiverPackages(rDir).filter((p) => p.status === 'accepted')).toHaveLength(0);
  }, 90_000);

  it('a token the receiver no longer accepts stops the package with what to do; enrolling again sends it', async () => {
    const base = fresh('kc-sync-');
    const rDir = path.join(base, 'r');
    const r = await receiver(rDir);
    const app = path.join(base, 'app');
    cpSync(template, app, { recursive: true });
    expect(enroll(app, r).code).toBe(0);
    const db = new Database(path.join(app, DB_FILE));
    db.prepare('UPDATE sync_connection SET client_token = ?').run('k'.repeat(48));
    db.close();
    const refused = runCli(['sync', 'send', zip, '--wait', '20', '--data-dir', app], FAST);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/không còn chấp nhận kết nối của xã \(mã 401\).*đăng ký lại/);
    expect(enroll(app, r).code).toBe(0);
    const st = JSON.parse(runCli(['sync', 'status', '--json', '--data-dir', app]).stdout) as { outbox: { state: string }[] };
    expect(st.outbox[0]!.state).toBe('waiting');
    const sent = runCli(['sync', 'send', zip, '--wait', '20', '--data-dir', app], FAST);
    expect(sent.code, sent.stdout + sent.stderr).toBe(0);
  }, 90_000);

  it('the browser-mode backend sends from its outbox in the background, and the state survives a restart', async () => {
    const base = fresh('kc-sync-');
    const rDir = path.join(base, 'r');
    let r = await receiver(rDir);
    const port = r.port;
    const app = path.join(base, 'app');
    cpSync(template, app, { recursive: true });
    await r.stop();

    let served = await startServe(app, FAST);
    try {
      const login = await apiCall(served, 'auth.login', { username: 'chutich', password: DEMO_PASSWORD });
      const session = login.value.token as string;
      r = await receiver(rDir, port);
      const code = enrollCode(rDir, OFFICE);
      const enrolled = await apiCall(served, 'sync.enroll', { url: r.url, code }, session);
      expect(enrolled.ok, JSON.stringify(enrolled)).toBe(true);
      await r.stop();
      const pkgs = await apiCall(served, 'package.list', {}, session);
      const queued = await apiCall(served, 'sync.queue', { packageId: pkgs.value[0].id }, session);
      expect(queued.value.state).toBe('waiting');
      // The first attempt fails (receiver down) and is recorded: wait for that state, not for a time.
      const first = async () => (await apiCall(served, 'sync.status', {}, session)).value.outbox[0] as { state: string; lastError: string | null };
      await expect.poll(async () => ((o) => `${o.state} ${o.lastError}`)(await first()), { timeout: 20_000 }).toMatch(/^waiting Không kết nối được/);

      // Restart the app while the receiver is down: the row is still there and goes once the receiver is up.
      await served.stop();
      served = await startServe(app, FAST);
      r = await receiver(rDir, port);
      const login2 = await apiCall(served, 'auth.login', { username: 'chutich', password: DEMO_PASSWORD });
      let row: { state: string; receiptId: string | null; bytesSent: number; size: number } | undefined;
      for (let i = 0; i < 100; i++) {
        row = (await apiCall(served, 'sync.status', {}, login2.value.token)).value.outbox[0];
        if (row?.state === 'sent') break;
        await new Promise((res) => setTimeout(res, 200));
      }
      expect(row?.state).toBe('sent');
      expect(row?.receiptId).toBeTruthy();
      expect(row?.bytesSent).toBe(row?.size);
      const audit = await apiCall(served, 'audit.list', { limit: 50 }, login2.value.token);
      expect(audit.value.entries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['sync.enroll', 'sync.queue', 'sync.sent']));
    } finally {
      await served.stop();
    }
  }, 120_000);
});
