// The receiver's enrollment, against the real `kiemchung receiver start` process and the real
// CLI, once with SQLite and once with PostgreSQL: one-time codes (wrong, reused, expired codes are
// refused with Vietnamese messages), a second enrollment adds a certificate and supersedes the old.
import { X509Certificate, createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReceiverDb } from '../../main/receiver/db/open';
import { enrollResponse, healthResponse, receiverError } from '../../shared/sync/protocol';
import { newIdentity } from '../helpers/package';
import { DIALECTS, OFFICE_KEY, api, databaseEnv, hasPostgres, startReceiverProcess, stopPostgres, type ReceiverProcess, runCli } from '../helpers/receiver';

afterAll(() => stopPostgres());

const issueCode = (dataDir: string, env: NodeJS.ProcessEnv, extra: string[] = []) => {
  const r = runCli(['receiver', 'enroll-code', '--office', OFFICE_KEY, '--data-dir', dataDir, ...extra], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines[0]).toContain('Mã đăng ký cho Thừa Thiên Huế/Phú Vang/Phú Thượng');
  return lines[lines.length - 1]!;
};

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !hasPostgres())(`receiver enrollment (${dialect})`, () => {
    let dir: string;
    let env: NodeJS.ProcessEnv;
    let rx: ReceiverProcess;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), `kc-rx-enroll-${dialect}-`));
      env = await databaseEnv(dialect);
      rx = await startReceiverProcess(path.join(dir, 'data'), env);
    });
    afterAll(async () => {
      if (rx) expect(await rx.stop()).toBe(0);
      if (rx) expect(rx.output()).toContain('Đã dừng máy nhận hồ sơ.');
      rmSync(dir, { recursive: true, force: true });
    });

    it('answers health with its time and keeps its key private', async () => {
      const r = await api(rx.url, 'GET', '/v1/health');
      expect(r.status).toBe(200);
      const h = healthResponse.parse(r.json);
      expect(Math.abs(h.time - Date.now())).toBeLessThan(10_000);
      expect(statSync(path.join(dir, 'data/receiver-key.pem')).mode & 0o777).toBe(0o600);
      expect(rx.output()).toContain(dialect === 'postgres' ? 'PostgreSQL 127.0.0.1' : 'SQLite');
    });

    it('enrolls with a one-time code, returns its own certificate, refuses the code a second time', async () => {
      const code = issueCode(path.join(dir, 'data'), env);
      expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
      const id = await newIdentity();
      const r = await api(rx.url, 'POST', '/v1/enroll', undefined, { code: code.toLowerCase().replace(/-/g, ' '), certificatePem: id.certificatePem });
      expect(r.status).toBe(200);
      const e = enrollResponse.parse(r.json);
      expect(e.office).toBe(OFFICE_KEY);
      const pinned = readFileSync(path.join(dir, 'data/receiver-cert.pem'), 'utf8');
      expect(new X509Certificate(e.receiverCertificatePem).fingerprint256).toBe(new X509Certificate(pinned).fingerprint256);

      const again = await api(rx.url, 'POST', '/v1/enroll', undefined, { code, certificatePem: id.certificatePem });
      expect(again.status).toBe(409);
      expect(receiverError.parse(again.json)).toEqual({ code: 'ENROLL_CODE_USED', message: expect.stringContaining('đã được dùng') });
    });

    it('refuses a wrong code, an unreadable certificate and a body that is not JSON', async () => {
      const id = await newIdentity();
      const wrong = await api(rx.url, 'POST', '/v1/enroll', undefined, { code: 'ABCD-EFGH-JKMN-PQRS', certificatePem: id.certificatePem });
      expect(wrong.status).toBe(400);
      expect(wrong.json).toEqual({ code: 'ENROLL_CODE_INVALID', message: expect.stringContaining('Mã đăng ký không đúng') });
      const code = issueCode(path.join(dir, 'data'), env);
      const bad = await api(rx.url, 'POST', '/v1/enroll', undefined, {
        code,
        certificatePem: `-----BEGIN CERTIFICATE-----\n${'A'.repeat(200)}\n-----END CERTIFICATE-----`,
      });
      expect(bad.status).toBe(400);
      expect(bad.json.code).toBe('CERT_UNREADABLE');
      const res = await fetch(`${rx.url}v1/enroll`, { method: 'POST', body: '<html>' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toContain('không phải JSON');
      // The refused certificate did not use the code up.
      const ok = await api(rx.url, 'POST', '/v1/enroll', undefined, { code, certificatePem: id.certificatePem });
      expect(ok.status).toBe(200);
    });

    it('refuses an expired code', async () => {
      const code = issueCode(path.join(dir, 'data'), env, ['--days', '0.00002']); // ≈ 1.7 s
      await new Promise((r) => setTimeout(r, 2_500));
      const id = await newIdentity();
      const r = await api(rx.url, 'POST', '/v1/enroll', undefined, { code, certificatePem: id.certificatePem });
      expect(r.status).toBe(410);
      expect(r.json).toEqual({ code: 'ENROLL_CODE_EXPIRED', message: expect.stringContaining('đã hết hạn') });
    });

    it('a new enrollment adds the new certificate and marks the older ones superseded; codes are stored hashed', async () => {
      const { db, close } = await openReceiverDb({ sqliteFile: path.join(dir, 'data/receiver.sqlite'), databaseUrl: env.DATABASE_URL || null });
      try {
        const certs = await db.selectFrom('office_cert').selectAll().where('office_key', '=', OFFICE_KEY).orderBy('enrolled_at').execute();
        expect(certs.length).toBe(2);
        expect(certs[0]!.superseded_at).toEqual(expect.any(Number));
        expect(certs[1]!.superseded_at).toBeNull();
        expect(certs[1]!.fingerprint).toBe(createHash('sha256').update(new X509Certificate(certs[1]!.certificate_pem).raw).digest('hex'));
        const codes = await db.selectFrom('enroll_code').selectAll().execute();
        expect(codes.length).toBe(3);
        for (const c of codes) expect(c.code_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(typeof codes[0]!.expires_at).toBe('number'); // int8 read as a number in PostgreSQL too
        const actions = (await db.selectFrom('audit').select('action').orderBy('seq').execute()).map((a) => a.action);
        expect(actions.filter((a) => a === 'enroll-code.issued').length).toBe(3);
        expect(actions.filter((a) => a === 'enrolled').length).toBe(2);
      } finally {
        await close();
      }
    });

    it('the CLI refuses an office that is not "<tỉnh>/<huyện>/<xã>"', () => {
      const r = runCli(['receiver', 'enroll-code', '--office', 'Phú Thượng', '--data-dir', path.join(dir, 'data')], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('<tỉnh>/<huyện>/<xã>');
    });
  });
}
