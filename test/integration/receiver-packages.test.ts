// Packages sent to the real receiver process with tus-js-client, once with SQLite and once with
// PostgreSQL: accepted with a receipt signed by the receiver's certificate, the same receipt on a
// second finalize, tampered → rejected with reasons, another key → quarantined then accepted by
// the operator (CLI, audited), bytes that do not hash to the declared sha256 → refused, limits,
// the operator's list (HTTP and `receiver list --json`) and the export.
import { X509Certificate, verify } from 'node:crypto';
import http from 'node:http';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditBreak } from '../../main/receiver/audit';
import { openReceiverDb } from '../../main/receiver/db/open';
import { verifyReceipt } from '../../main/receiver/receipts';
import { enrollResponse, packageListResponse, packageStatusResponse, receiptBytes, type SignedReceipt } from '../../shared/sync/protocol';
import { newIdentity } from '../helpers/package';
import {
  DIALECTS,
  OFFICE_KEY,
  api,
  buildOfficePackage,
  databaseEnv,
  hasPostgres,
  sha256File,
  startReceiverProcess,
  stopPostgres,
  tusUpload,
  type BuiltPackage,
  type ReceiverProcess,
  runCli,
} from '../helpers/receiver';

afterAll(() => stopPostgres());

const OTHER_OFFICE = { province: 'Thừa Thiên Huế', district: 'Phú Vang', commune: 'Phú Mỹ', kind: 'xa' as const };

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !hasPostgres())(`receiver packages (${dialect})`, () => {
    let dir: string;
    let data: string;
    let env: NodeJS.ProcessEnv;
    let rx: ReceiverProcess;
    let token: string;
    let otherToken: string;
    let operator: string;
    let receiverCert: string;
    let good: BuiltPackage;
    let firstReceipt: SignedReceipt;

    const cli = (...args: string[]) => runCli(['receiver', ...args, '--data-dir', data], env);
    const enrollOffice = async (office: string, certificatePem: string) => {
      const r = cli('enroll-code', '--office', office);
      expect(r.code).toBe(0);
      const code = r.stdout.trim().split('\n').pop()!;
      const e = await api(rx.url, 'POST', '/v1/enroll', undefined, { code, certificatePem });
      expect(e.status).toBe(200);
      return enrollResponse.parse(e.json);
    };
    const send = async (pkg: BuiltPackage, tok = token) => {
      await tusUpload(rx.url, tok, readFileSync(pkg.zip), { sha256: pkg.sha256, filename: path.basename(pkg.zip) }).done;
      return api(rx.url, 'POST', `/v1/packages/${pkg.sha256}/finalize`, tok);
    };

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), `kc-rx-pkg-${dialect}-`));
      data = path.join(dir, 'data');
      env = await databaseEnv(dialect);
      rx = await startReceiverProcess(data, env);
      const identity = await newIdentity();
      const e = await enrollOffice(OFFICE_KEY, identity.certificatePem);
      token = e.clientToken;
      receiverCert = e.receiverCertificatePem;
      otherToken = (await enrollOffice('Thừa Thiên Huế/Phú Vang/Phú Mỹ', (await newIdentity()).certificatePem)).clientToken;
      const op = cli('operator-token', '--name', 'Nguyễn Văn Tỉnh');
      expect(op.code).toBe(0);
      operator = op.stdout.trim().split('\n').pop()!;
      good = await buildOfficePackage(dir, 'good', identity);
    });
    afterAll(async () => {
      if (rx) expect(await rx.stop()).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    });

    it('accepts a package signed by the enrolled certificate, with a receipt the receiver signed', async () => {
      const r = await send(good);
      expect(r.status).toBe(200);
      const s = packageStatusResponse.parse(r.json);
      expect(s).toMatchObject({ sha256: good.sha256, status: 'accepted', reasons: [] });
      firstReceipt = s.receipt!;
      expect(firstReceipt.receipt).toMatchObject({ sha256: good.sha256, office: OFFICE_KEY, status: 'accepted' });
      expect(Math.abs(firstReceipt.receipt.receivedAt - Date.now())).toBeLessThan(60_000);
      expect(firstReceipt.receipt.auditHead.seq).toBeGreaterThan(0);
      // Checked the way the app does: node:crypto, the pinned certificate, receiptBytes.
      const key = new X509Certificate(receiverCert).publicKey;
      expect(verify('sha256', receiptBytes(firstReceipt.receipt), key, Buffer.from(firstReceipt.signature, 'base64'))).toBe(true);
      expect(verifyReceipt({ ...firstReceipt, receipt: { ...firstReceipt.receipt, office: 'Khác/Khác/Khác' } }, receiverCert)).toBe(false);
      // Stored once, by hash; the upload's partial file is gone (removed just after the answer).
      expect(sha256File(path.join(data, 'store', `${good.sha256}.zip`))).toBe(good.sha256);
      await expect.poll(() => readdirSync(path.join(data, 'uploads')).filter((f) => !f.startsWith('.'))).toEqual([]);
    });

    it('finalizing the same package again (and uploading it again) returns the same receipt', async () => {
      const again = await api(rx.url, 'POST', `/v1/packages/${good.sha256}/finalize`, token);
      expect(again.status).toBe(200);
      expect(again.json.receipt).toEqual(firstReceipt);
      const resent = await send(good);
      expect(resent.json.receipt).toEqual(firstReceipt);
      expect(readdirSync(path.join(data, 'uploads')).filter((f) => !f.startsWith('.'))).toEqual([]);
      const status = await api(rx.url, 'GET', `/v1/packages/${good.sha256}/status`, token);
      expect(status.status).toBe(200);
      expect(packageStatusResponse.parse(status.json).receipt).toEqual(firstReceipt);
      // Another office's app cannot read it.
      const other = await api(rx.url, 'GET', `/v1/packages/${good.sha256}/status`, otherToken);
      expect(other.status).toBe(404);
      expect(other.json.message).toBe('Máy nhận không có gói này.');
    });

    it('rejects a tampered package with the reasons, and gives no receipt', async () => {
      const bytes = readFileSync(good.zip);
      const at = bytes.indexOf(Buffer.from('73.25'));
      expect(at).toBeGreaterThan(0);
      bytes.write('99.25', at, 'latin1');
      const tampered = path.join(dir, 'tampered.zip');
      writeFileSync(tampered, bytes);
      const pkg = { zip: tampered, sha256: sha256File(tampered), size: bytes.length };
      const r = await send(pkg);
      expect(r.status).toBe(422);
      const s = packageStatusResponse.parse(r.json);
      expect(s.status).toBe('rejected');
      expect(s.receipt).toBeNull();
      expect(s.reasons.map((x) => x.file)).toContain('data/package.json');
      expect(s.reasons.some((x) => x.check === 'payload-hash')).toBe(true);
      expect(existsSync(path.join(data, 'store', `${pkg.sha256}.zip`))).toBe(false);
      const again = await api(rx.url, 'POST', `/v1/packages/${pkg.sha256}/finalize`, token);
      expect(again.status).toBe(422);
      expect(again.json).toEqual(r.json);
    });

    it('quarantines a valid package signed by a key not enrolled for its office; the operator accepts it (CLI, audited)', async () => {
      const stranger = await newIdentity(); // same name "UBND xã Phú Thượng", another key
      const pkg = await buildOfficePackage(dir, 'stranger', stranger);
      const r = await send(pkg);
      expect(r.status).toBe(200);
      const s = packageStatusResponse.parse(r.json);
      expect(s.status).toBe('quarantined');
      expect(s.receipt!.receipt.status).toBe('quarantined');
      const text = s.reasons.map((x) => x.message).join('\n');
      expect(text).toContain('người ký chưa được xác nhận');
      expect(text).toContain(new X509Certificate(stranger.certificatePem).fingerprint256.replace(/:/g, '').toLowerCase());
      expect(text).toContain('mang tên UBND xã Phú Thượng nhưng khác chứng thư đã đăng ký');
      expect(existsSync(path.join(data, 'store', `${pkg.sha256}.zip`))).toBe(true);

      const list = cli('list', '--status', 'quarantined', '--json');
      expect(list.code).toBe(0);
      expect(packageListResponse.parse(JSON.parse(list.stdout)).packages.map((p) => p.sha256)).toEqual([pkg.sha256]);

      const noReason = cli('decide', '--sha256', pkg.sha256, '--accept');
      expect(noReason.code).toBe(1);
      expect(noReason.stderr).toContain('Cần ghi lý do');
      const d = cli('decide', '--sha256', pkg.sha256, '--accept', '--reason', 'Đã gọi điện xác nhận dấu vân tay với UBND xã');
      expect(d.stderr).toBe('');
      expect(d.code).toBe(0);
      expect(d.stdout).toContain('đã nhận');
      const st = packageStatusResponse.parse((await api(rx.url, 'GET', `/v1/packages/${pkg.sha256}/status`, token)).json);
      expect(st.status).toBe('accepted');
      expect(st.receipt!.receipt).toMatchObject({ receiptId: s.receipt!.receipt.receiptId, receivedAt: s.receipt!.receipt.receivedAt, status: 'accepted' });
      expect(verifyReceipt(st.receipt!, receiverCert)).toBe(true);
      expect(st.reasons.at(-1)!.message).toContain('Đã gọi điện xác nhận');
      const twice = cli('decide', '--sha256', pkg.sha256, '--reject', '--reason', 'nhầm');
      expect(twice.code).toBe(1);
      expect(twice.stderr).toContain('Chỉ quyết định được gói đang cách ly');
    });

    it('quarantines a package for an office signed with another office’s enrolled key', async () => {
      const mine = await newIdentity(Date.now(), 5, 'UBND xã Phú Mỹ');
      const pkg = await buildOfficePackage(dir, 'cross', mine, { office: OTHER_OFFICE });
      // Phú Mỹ enrolled a different certificate: this key is unknown for it.
      const r = await send(pkg, otherToken);
      expect(packageStatusResponse.parse(r.json).status).toBe('quarantined');
    });

    it('refuses bytes that do not hash to the declared sha256, and deletes them', async () => {
      const declared = 'ab'.repeat(32);
      await tusUpload(rx.url, token, readFileSync(good.zip), { sha256: declared }).done;
      const r = await api(rx.url, 'POST', `/v1/packages/${declared}/finalize`, token);
      expect(r.status).toBe(422);
      expect(r.json.code).toBe('HASH_MISMATCH');
      expect(r.json.message).toContain('không khớp với mã SHA-256 đã khai');
      const again = await api(rx.url, 'POST', `/v1/packages/${declared}/finalize`, token);
      expect(again.status).toBe(404);
      expect(again.json.code).toBe('NO_UPLOAD');
    });

    it('requires a client token, the metadata, a size within the limit; one office cannot touch another’s upload', async () => {
      const tusHeaders = { 'tus-resumable': '1.0.0', 'upload-length': '10' };
      const noAuth = await fetch(`${rx.url}v1/uploads/`, { method: 'POST', headers: tusHeaders });
      expect(noAuth.status).toBe(401);
      expect(((await noAuth.json()) as { message: string }).message).toContain('Thiếu mã truy cập');
      const auth = { authorization: `Bearer ${token}` };
      const noMeta = await fetch(`${rx.url}v1/uploads/`, { method: 'POST', headers: { ...tusHeaders, ...auth } });
      expect(noMeta.status).toBe(400);
      expect(((await noMeta.json()) as { message: string }).message).toContain('"sha256"');
      const meta = `sha256 ${Buffer.from('cd'.repeat(32)).toString('base64')},filename ${Buffer.from('a.zip').toString('base64')}`;
      const big = await fetch(`${rx.url}v1/uploads/`, {
        method: 'POST',
        headers: { ...tusHeaders, ...auth, 'upload-length': String(3 * 1024 ** 3), 'upload-metadata': meta },
      });
      expect(big.status).toBe(413);
      expect(((await big.json()) as { message: string }).message).toContain('dung lượng tối đa');
      const created = await fetch(`${rx.url}v1/uploads/`, { method: 'POST', headers: { ...tusHeaders, ...auth, 'upload-metadata': meta } });
      expect(created.status).toBe(201);
      const loc = created.headers.get('location')!;
      expect(loc).toMatch(/^\/v1\/uploads\/[0-9a-f]{16}-[0-9a-f]{32}$/);
      const head = await fetch(new URL(loc, rx.url), { method: 'HEAD', headers: { 'tus-resumable': '1.0.0', ...auth } });
      expect(head.headers.get('upload-offset')).toBe('0');
      const foreign = await fetch(new URL(loc, rx.url), { method: 'HEAD', headers: { 'tus-resumable': '1.0.0', authorization: `Bearer ${otherToken}` } });
      expect(foreign.status).toBe(404);
      // Nor by hiding the other office's id behind its own (extra path segment, encoded slash, query).
      const mineUrl = new URL(loc, rx.url).toString();
      const theirs = await fetch(`${rx.url}v1/uploads/`, {
        method: 'POST',
        headers: { ...tusHeaders, 'upload-length': '20', authorization: `Bearer ${otherToken}`, 'upload-metadata': meta },
      });
      const theirId = theirs.headers.get('location')!.split('/').pop()!;
      for (const trick of [`${mineUrl}/${theirId}`, `${rx.url}v1/uploads/${loc.split('/').pop()}%2F${theirId}`]) {
        expect((await fetch(trick, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0', ...auth } })).status).toBe(404);
        expect((await fetch(trick, { method: 'DELETE', headers: { 'tus-resumable': '1.0.0', ...auth } })).status).toBe(404);
      }
      const viaQuery = await fetch(`${mineUrl}?/${theirId}`, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0', ...auth } });
      expect(viaQuery.headers.get('upload-length')).toBe('10'); // its own upload, not theirs (20)
      const stillThere = await fetch(`${rx.url}v1/uploads/${theirId}`, {
        method: 'HEAD',
        headers: { 'tus-resumable': '1.0.0', authorization: `Bearer ${otherToken}` },
      });
      expect(stillThere.headers.get('upload-length')).toBe('20');
      const del = await fetch(new URL(loc, rx.url), { method: 'DELETE', headers: { 'tus-resumable': '1.0.0', ...auth } });
      expect(del.status).toBe(204);
    });

    it('limits concurrent uploads per office', async () => {
      const auth = { authorization: `Bearer ${token}` };
      const meta = `sha256 ${Buffer.from('ef'.repeat(32)).toString('base64')},filename ${Buffer.from('b.zip').toString('base64')}`;
      const urls: string[] = [];
      for (let i = 0; i < 3; i++) {
        const c = await fetch(`${rx.url}v1/uploads/`, {
          method: 'POST',
          headers: { 'tus-resumable': '1.0.0', 'upload-length': '1000', 'upload-metadata': meta, ...auth },
        });
        urls.push(new URL(c.headers.get('location')!, rx.url).toString());
      }
      // Two PATCH requests that send part of their body and wait.
      const hanging = urls.slice(0, 2).map((u) => {
        const req = http.request(u, {
          method: 'PATCH',
          headers: { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', 'content-length': '1000', ...auth },
        });
        req.on('error', () => undefined);
        req.write(Buffer.alloc(100));
        return req;
      });
      // Left as a pause: admission is not observable from outside without a request that would itself
      // take a place (and could push one of the two out).
      await new Promise((r) => setTimeout(r, 500));
      const third = await fetch(urls[2]!, {
        method: 'PATCH',
        headers: { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', ...auth },
        body: Buffer.alloc(1000),
      });
      expect(third.status).toBe(429);
      expect(((await third.json()) as { message: string }).message).toContain('phiên tải lên cùng lúc');
      for (const h of hanging) h.destroy();
      // The places come free when the server sees the connections closed: refused (429) until then, then taken.
      const retry = () =>
        fetch(urls[2]!, {
          method: 'PATCH',
          headers: { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', ...auth },
          body: Buffer.alloc(1000),
        }).then((r) => r.status);
      await expect.poll(retry, { timeout: 10_000 }).toBe(204);
    });

    it('lists packages for the operator only (HTTP and CLI), exports the accepted ones, keeps its audit chain whole', async () => {
      const asClient = await api(rx.url, 'GET', '/v1/packages', token);
      expect(asClient.status).toBe(401);
      const r = await api(rx.url, 'GET', '/v1/packages', operator);
      expect(r.status).toBe(200);
      const all = packageListResponse.parse(r.json).packages;
      expect(all.map((p) => p.status).sort()).toEqual(['accepted', 'accepted', 'quarantined', 'rejected']);
      const decided = all.find((p) => p.decidedBy)!;
      expect(decided.decisionReason).toContain('Đã gọi điện');
      const cliList = cli('list', '--json');
      expect(packageListResponse.parse(JSON.parse(cliList.stdout)).packages).toEqual(all);
      const text = cli('list');
      expect(text.stdout).toContain('đã nhận');
      expect(text.stdout).toContain('bị từ chối');
      const accepted = cli('list', '--status', 'accepted', '--json');
      expect(JSON.parse(accepted.stdout).packages.length).toBe(2);

      const out = path.join(dir, 'export');
      const ex = cli('export', '--out', out);
      expect(ex.code).toBe(0);
      expect(ex.stdout).toContain('Đã xuất 2 gói');
      const folder = path.join(out, 'Thua Thien Hue - Phu Vang - Phu Thuong');
      expect(readdirSync(folder).filter((f) => f.endsWith('.zip')).length).toBe(2);
      expect(sha256File(path.join(folder, `${good.sha256}.zip`))).toBe(good.sha256);

      const { db, close } = await openReceiverDb({ sqliteFile: path.join(data, 'receiver.sqlite'), databaseUrl: env.DATABASE_URL || null });
      try {
        expect(await findAuditBreak(db)).toBeNull();
        const actions = (await db.selectFrom('audit').select('action').orderBy('seq').execute()).map((a) => a.action);
        expect(actions).toEqual(
          expect.arrayContaining([
            'package.accepted',
            'package.rejected',
            'package.quarantined',
            'package.decided',
            'upload.hash-mismatch',
            'packages.exported',
            'operator.created',
          ]),
        );
        // Someone with database access edits a decision: the chain shows it.
        await db.updateTable('audit').set({ data_json: '{}' }).where('action', '=', 'package.decided').execute();
        expect(await findAuditBreak(db)).toEqual(expect.any(Number));
      } finally {
        await close();
      }
    });
  });
}
