// Each way the network to the province can fail has its own Vietnamese words: nothing refused,
// proxied, unresolvable or untrusted is mistaken for an answer of the receiver.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createSelfSignedIdentity } from '../../main/services/package-format';
import { probeHealth } from '../../main/services/sync/connection';
import { SyncFault } from '../../main/services/sync/faults';
import { openTestApp, setUpOffice, cleanup, type TestApp } from '../helpers/services';

let app: TestApp;
let token: string;
const servers: (http.Server | https.Server)[] = [];
const listen = async (srv: http.Server | https.Server) => {
  servers.push(srv);
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return (srv.address() as AddressInfo).port;
};
const freePort = async () => {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
};

beforeAll(async () => {
  app = openTestApp();
  token = await setUpOffice(app);
});
afterAll(() => {
  for (const s of servers) s.close();
  app.close();
  cleanup(app.dir);
});

async function fault(url: string): Promise<SyncFault> {
  try {
    await probeHealth(app.s, url, 5_000);
  } catch (e) {
    expect(e).toBeInstanceOf(SyncFault);
    return e as SyncFault;
  }
  throw new Error('expected a fault');
}

describe('sync faults', () => {
  it('connection refused: the receiver is down or unreachable, and it will retry', async () => {
    const f = await fault(`http://127.0.0.1:${await freePort()}/`);
    expect(f.kind).toBe('unreachable');
    expect(f.retry).toBe(true);
    expect(f.message).toMatch(/Không kết nối được máy chủ tiếp nhận/);
  });

  it('DNS failure names the host', async () => {
    const f = await fault('http://khong-co-may-chu-nay.invalid/');
    expect(f.kind).toBe('dns');
    expect(f.message).toMatch(/Không tìm thấy địa chỉ "khong-co-may-chu-nay\.invalid"/);
  });

  it('an HTML page from a proxy or captive portal is not an answer', async () => {
    const port = await listen(
      http.createServer((_q, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<html><body>Đăng nhập Wi-Fi</body></html>');
      }),
    );
    const f = await fault(`http://127.0.0.1:${port}/`);
    expect(f.kind).toBe('html');
    expect(f.message).toMatch(/trang web .*proxy/);
    // The same through the API, at enrollment (after a key exists).
    await app.call('keys.create', { passphrase: 'mat-khau-khoa-ky', replace: false }, token);
    const e = await app.fail('sync.enroll', { url: `http://127.0.0.1:${port}/`, code: 'ABCD-EFGH' }, token);
    expect(e.message).toMatch(/trang web/);
  });

  it('a wrong JSON shape is a protocol fault, a 507 is a full disk', async () => {
    let status = 200;
    const port = await listen(
      http.createServer((_q, res) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status === 200 ? '{"ok":true}' : '{"code":"DISK_FULL","message":"Hết chỗ"}');
      }),
    );
    expect((await fault(`http://127.0.0.1:${port}/`)).kind).toBe('protocol');
    status = 507;
    const full = await fault(`http://127.0.0.1:${port}/`);
    expect(full.kind).toBe('full');
    expect(full.message).toMatch(/hết dung lượng/);
  });

  it('TLS: an untrusted certificate, and plain HTTP where HTTPS was asked', async () => {
    const id = await createSelfSignedIdentity({ commonName: 'localhost', organization: 'X', locality: 'Y', province: 'Z', now: Date.now() });
    const port = await listen(
      https.createServer({ key: id.privateKey.export({ type: 'pkcs8', format: 'pem' }), cert: id.certificatePem }, (_q, res) => res.end('{}')),
    );
    const f = await fault(`https://127.0.0.1:${port}/`);
    expect(f.kind).toBe('tls');
    expect(f.message).toMatch(/kết nối bảo mật \(HTTPS\).*(tự cấp|xác minh)/);
    const plain = await listen(http.createServer((_q, res) => res.end('{}')));
    const g = await fault(`https://127.0.0.1:${plain}/`);
    expect(g.kind).toBe('tls');
  });

  it('enrollment without a receiver address, or before a signing key exists, says what to do', async () => {
    const fresh = openTestApp();
    try {
      const t = await setUpOffice(fresh);
      expect((await fresh.fail('sync.enroll', { url: 'ftp://tinh.gov.vn/', code: 'ABCD-EFGH' }, t)).message).toMatch(/http:\/\/ hoặc https:\/\//);
      expect((await fresh.fail('sync.enroll', { url: 'http://127.0.0.1:9/', code: 'ABCD-EFGH' }, t)).message).toMatch(/chưa có khóa ký số/);
      // Nothing enrolled: "Gửi báo cáo" cannot claim to send.
      expect((await fresh.call('sync.status', {}, t)).connection).toBeNull();
    } finally {
      fresh.close();
      cleanup(fresh.dir);
    }
  });
});
