// Office network mode through a real `kiemchung serve --lan` process: the HTTPS listener on
// 127.0.0.2 stands for the office LAN, clients connect from 127.0.0.3/127.0.0.4 as other PCs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import https from 'node:https';
import { cleanup, tempDir } from '../helpers/services';
import { localCall, startLanServe, type LanServed } from '../helpers/lan';
import { pinServer, RemoteClient, CertificateChangedError, type PinnedServer } from '../../main/host/remote-client';
import { ensureLanIdentity } from '../../main/host/lan-cert';
import { makeDemoPdf } from '../../main/services/demo-files';
import { DEMO_PASSWORD } from '../../main/services/demo';

let dir: string;
let srv: LanServed;
let pin: PinnedServer;
const clients: RemoteClient[] = [];
const pc = (localAddress: string) => {
  const c = new RemoteClient(pin, { localAddress });
  clients.push(c);
  return c;
};

beforeAll(async () => {
  dir = tempDir('kc-lan-');
  srv = await startLanServe(dir, { demo: true });
  pin = await pinServer(srv.lanUrl, srv.shortCode);
}, 90_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await srv.stop();
  cleanup(dir);
});

/** A raw HTTPS request to the LAN listener (no pinning: these check what the server answers). */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.2',
        port: srv.lanPort,
        path,
        method: opts.method ?? 'GET',
        rejectUnauthorized: false,
        headers: { host: `127.0.0.2:${srv.lanPort}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function officeItem(c: RemoteClient, code: string) {
  const list = await c.invoke<{ id: number }[]>('assessment.list', {});
  expect(list.ok).toBe(true);
  const id = (list as { value: { id: number }[] }).value[0]!.id;
  const detail = await c.invoke<{ items: { id: number; criterionCode: string; version: number; points: number | null }[] }>('assessment.get', {
    assessmentId: id,
  });
  if (!detail.ok) throw new Error(detail.error.message);
  return { assessmentId: id, item: detail.value.items.find((i) => i.criterionCode === code)! };
}

describe('office network mode (HTTPS on 127.0.0.2)', () => {
  it('prints the address and the certificate short code, which a pinned client verifies', () => {
    expect(srv.stdout()).toContain(`https://127.0.0.2:${srv.lanPort}/`);
    expect(srv.shortCode).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect(pin.fingerprint).toBe(srv.fingerprint);
  });

  it('an officer on another PC logs in, edits an assigned criterion and uploads evidence; the audit names that PC', async () => {
    const huong = pc('127.0.0.3');
    const login = await huong.login('vanphong', DEMO_PASSWORD);
    expect(login.ok).toBe(true);
    // The session travels only as an HttpOnly cookie; the page never sees the token.
    expect((login as { value: { token: string } }).value.token).toBe('cookie');
    expect(huong.loggedIn).toBe(true);

    const { item } = await officeItem(huong, '1.3');
    const saved = await huong.invoke<{ item: { points: number; version: number; explanation: string } }>('item.update', {
      itemId: item.id,
      points: 1.5,
      explanation: 'Báo cáo số 30/BC-UBND, mục II trang 3.',
      baseVersion: item.version,
    });
    expect(saved.ok).toBe(true);
    expect((saved as { value: { item: { points: number; version: number } } }).value.item).toMatchObject({ points: 1.5, version: item.version + 1 });

    const pdf = await makeDemoPdf(['ỦY BAN NHÂN DÂN XÃ PHÚ THƯỢNG', 'Số: 30/BC-UBND']);
    const up = await huong.upload(pdf, 'BC 30.pdf');
    expect(up.ok).toBe(true);
    const attached = await huong.invoke<{ item: { evidence: { fileName: string; size: number }[] } }>('evidence.attach', {
      itemId: item.id,
      uploadId: (up as { value: { uploadId: string } }).value.uploadId,
      fileName: '1.3_so 30BC-UBND_BC CCHC',
      docNumber: '30/BC-UBND',
      docDate: null,
      summary: 'BC CCHC',
    });
    if (!attached.ok) throw new Error(attached.error.message);
    expect(attached.value.item.evidence.map((e) => [e.fileName, e.size])).toEqual([['1.3_so 30BC-UBND_BC CCHC', pdf.length]]);

    // The leader reads the audit on the serving PC: both changes carry the officer's PC address.
    const leader = await localCall(srv, 'auth.login', { username: 'chutich', password: DEMO_PASSWORD });
    const audit = await localCall(srv, 'audit.list', { limit: 10 }, leader.value.token);
    const rows = (audit.value.entries as { action: string; remoteAddr: string | null; actorName: string }[]).filter((e) => e.actorName === 'Lê Thị Hương');
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['item.update', 'evidence.attach']));
    for (const r of rows.filter((x) => x.action !== 'auth.login')) expect(r.remoteAddr).toBe('127.0.0.3');
    // The chain (with the addresses hashed in) still verifies.
    expect((await localCall(srv, 'audit.verify', {}, leader.value.token)).value.ok).toBe(true);
  });

  it('the second save of the same criterion is a conflict naming who saved and when, with both values', async () => {
    const huong = pc('127.0.0.3');
    const lan = pc('127.0.0.4');
    expect((await huong.login('vanphong', DEMO_PASSWORD)).ok).toBe(true);
    expect((await lan.login('phochutich', DEMO_PASSWORD)).ok).toBe(true);
    const { item } = await officeItem(huong, '1.4');
    const first = await huong.invoke('item.update', { itemId: item.id, points: 1, baseVersion: item.version });
    expect(first.ok).toBe(true);
    const second = await lan.invoke('item.update', { itemId: item.id, points: 0.5, baseVersion: item.version });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error.code).toBe('CONFLICT');
    expect(second.error.message).toMatch(/^Đ\/c Lê Thị Hương vừa sửa mục này lúc \d{2}:\d{2} — tải lại để xem$/);
    expect(second.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'saved.points', message: '1' },
        { path: 'yours.points', message: '0,5' },
        { path: 'saved.version', message: String(item.version + 1) },
      ]),
    );
    // Nothing was overwritten.
    expect((await officeItem(huong, '1.4')).item.points).toBe(1);
  });

  it('without a login the network gets only the login page and static assets', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<meta name="kiemchung-token" content="" />');
    expect(page.body).not.toContain(srv.token);
    const asset = /src="(\.?\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(asset).toBeTruthy();
    expect((await raw(asset!.replace(/^\./, ''))).status).toBe(200);

    const post = (method: string, body = '{}') => raw(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    for (const m of ['assessment.list', 'users.list', 'audit.list', 'events.ticket', 'settings.get']) {
      const r = await post(m);
      expect(r.status, m).toBe(401);
      expect(JSON.parse(r.body).error.code).toBe('UNAUTHENTICATED');
    }
    // The first-run setup is never reachable over the network.
    expect(JSON.parse((await post('office.setup')).body).error.code).toBe('FORBIDDEN');
    // The login page's own calls answer, without the data folder's path.
    const info = JSON.parse((await post('system.info')).body);
    expect(info.value).toMatchObject({ setUp: true, dataDir: '' });
    expect((await raw('/upload?name=x.pdf', { method: 'POST', body: '%PDF-1.4' })).status).toBe(200);
    expect(JSON.parse((await raw('/upload?name=x.pdf', { method: 'POST', body: '%PDF-1.4' })).body).error.code).toBe('UNAUTHENTICATED');
    expect((await raw('/files/anything')).status).toBe(401);
    expect((await raw('/api/events?ticket=x')).status).toBe(401);
  });

  it('the 127.0.0.1 launch token and a local session are worth nothing on the network; Host and Origin must be ours', async () => {
    const local = await localCall(srv, 'auth.login', { username: 'chutich', password: DEMO_PASSWORD });
    expect(local.ok).toBe(true);
    const headers = { 'content-type': 'application/json', 'x-kiemchung-token': srv.token, 'x-kiemchung-session': local.value.token };
    const withToken = await raw('/api/users.list', { method: 'POST', headers, body: '{}' });
    expect(withToken.status).toBe(401);
    // A session opened on the serving PC, presented as the network cookie, is not a network session.
    const asCookie = await raw('/api/users.list', {
      method: 'POST',
      headers: { ...headers, cookie: `__Host-kiemchung-session=${local.value.token}` },
      body: '{}',
    });
    expect(asCookie.status).toBe(401);
    expect((await raw(`/api/events?token=${srv.token}&ticket=x`)).status).toBe(401);
    // DNS rebinding and cross-site requests.
    expect((await raw('/', { headers: { host: `evil.example:${srv.lanPort}` } })).status).toBe(421);
    const cross = await raw('/api/auth.login', { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(cross.status).toBe(403);
    // The login cookie is Secure, HttpOnly, SameSite=Strict.
    const r = await raw('/api/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `https://127.0.0.2:${srv.lanPort}` },
      body: JSON.stringify({ username: 'tuphap', password: DEMO_PASSWORD }),
    });
    const cookie = String((r.headers['set-cookie'] as string[])[0]);
    expect(cookie).toMatch(/^__Host-kiemchung-session=[\w-]{40,}; Path=\/; Secure; HttpOnly; SameSite=Strict$/);
    expect(r.body).not.toContain(cookie.split(';')[0]!.split('=')[1]!);
  });

  it('login guessing is slowed per remote address: one PC guessing across accounts waits, another PC does not', async () => {
    const guesser = pc('127.0.0.5');
    // Names nobody has (each slowed like a real one, see login-throttle), so no real account gets locked here.
    for (let k = 0; k < 20; k++) expect((await guesser.login(`khong-co-${k}`, 'sai-mat-khau')).ok).toBe(false);
    const slowed = await guesser.login('vanphong', DEMO_PASSWORD);
    expect(!slowed.ok && slowed.error.code).toBe('RATE_LIMITED');
    expect(!slowed.ok && slowed.error.message).toMatch(/^Máy này đã đăng nhập sai quá nhiều lần/);
    expect((await pc('127.0.0.6').login('vanphong', DEMO_PASSWORD)).ok).toBe(true);
  });

  it('a client pinned to another certificate is refused, saying the certificate changed; a wrong short code too', async () => {
    const other = ensureLanIdentity(tempDir('kc-lan-other-'));
    await expect(pinServer(srv.lanUrl, other.shortCode)).rejects.toThrow(/không khớp với mã bạn gõ/);
    const wrong = new RemoteClient({ ...pin, fingerprint: other.fingerprint, certPem: other.certPem });
    clients.push(wrong);
    const err = await wrong.login('vanphong', DEMO_PASSWORD).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CertificateChangedError);
    expect((err as Error).message).toContain(`Chứng thư của máy chủ văn phòng đã thay đổi (mã mới ${srv.shortCode})`);
    expect(wrong.loggedIn).toBe(false);
  });

  it('turning access off (only at the serving PC) closes the listener and ends remote sessions', async () => {
    const duc = pc('127.0.0.3');
    expect((await duc.login('tuphap', DEMO_PASSWORD)).ok).toBe(true);
    expect((await duc.invoke('lan.disable', {})).ok).toBe(false);
    const leader = await localCall(srv, 'auth.login', { username: 'chutich', password: DEMO_PASSWORD });
    const status = await localCall(srv, 'lan.status', {}, leader.value.token);
    expect(status.value).toMatchObject({ enabled: true, urls: [srv.lanUrl], shortCode: srv.shortCode });
    expect(status.value.remoteSessions).toBeGreaterThan(0);
    const off = await localCall(srv, 'lan.disable', {}, leader.value.token);
    expect(off.value).toMatchObject({ enabled: false, remoteSessions: 0 });
    expect(off.value.endedSessions).toBeGreaterThan(0);
    await expect(duc.invoke('assessment.list', {})).rejects.toThrow(/Không kết nối được/);
    // On again: the same certificate (the pin holds), but the old session is gone.
    const on = await localCall(srv, 'lan.enable', {}, leader.value.token);
    expect(on.value).toMatchObject({ enabled: true, shortCode: srv.shortCode });
    const again = await duc.invoke<unknown>('assessment.list', {});
    expect(again.ok).toBe(false);
  });
});
