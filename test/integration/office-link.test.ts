// Joining from another PC with the desktop app: the office link (main/host/office-link.ts) that the
// Electron shell plugs between its window and the router, against a real `kiemchung serve --lan`.
// The joining PC is a fresh data folder of its own (no office); once joined, every call of its
// window answers from the office server, uploads go there, and the server's events reach it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, openTestApp, tempDir, type TestApp } from '../helpers/services';
import { localCall, startLanServe, type LanServed } from '../helpers/lan';
import { createOfficeLink, LINK_FILE, type LinkDispatcher, type OfficeLink } from '../../main/host/office-link';
import { ensureLanIdentity } from '../../main/host/lan-cert';
import { makeDemoPdf } from '../../main/services/demo-files';
import { DEMO_PASSWORD } from '../../main/services/demo';
import type { AppEvent } from '../../shared/api/events';

let dir: string;
let srv: LanServed;
let pc: TestApp;
let link: OfficeLink;
let window: LinkDispatcher;
beforeAll(async () => {
  dir = tempDir('kc-link-');
  srv = await startLanServe(dir, { demo: true });
  pc = openTestApp();
  link = createOfficeLink(pc.s);
  window = link.dispatcher(pc.api);
}, 90_000);
afterAll(async () => {
  link.close();
  pc.close();
  cleanup(pc.dir);
  await srv.stop();
  cleanup(dir);
});

type Answer = { ok: boolean; value?: any; error?: { code: string; message: string; issues?: { path: string; message: string }[] } };
const call = async (m: string, input: unknown = {}) => (await window.dispatch(m, input, { client: 'ipc' })) as Answer;

describe('Kết nối tới máy chủ văn phòng (desktop app)', () => {
  it('refuses a short code that does not match the certificate, then pins the right one', async () => {
    expect((await call('join.status')).value).toEqual({ available: true, connected: false, origin: null, shortCode: null });
    const other = ensureLanIdentity(tempDir('kc-link-other-'));
    const wrong = await call('join.connect', { address: srv.lanUrl, shortCode: other.shortCode });
    expect(wrong.ok).toBe(false);
    expect(wrong.error?.message).toMatch(/không khớp với mã bạn gõ/);
    expect(existsSync(path.join(pc.dir, LINK_FILE))).toBe(false);

    const ok = await call('join.connect', { address: `127.0.0.2:${srv.lanPort}`, shortCode: srv.shortCode.toLowerCase().replace(/-/g, ' ') });
    expect(ok.value).toEqual({ available: true, connected: true, origin: srv.lanUrl.replace(/\/$/, ''), shortCode: srv.shortCode });
    expect(JSON.parse(readFileSync(path.join(pc.dir, LINK_FILE), 'utf8')).fingerprint).toBe(srv.fingerprint);
  });

  it('then works against the office copy: login, a score, evidence, and the server’s live events', async () => {
    // This PC has no office of its own; the answer is the server's.
    expect((await call('system.info')).value).toMatchObject({ setUp: true, office: { commune: 'Phú Thượng' } });
    const login = await call('auth.login', { username: 'vanphong', password: DEMO_PASSWORD });
    expect(login.ok).toBe(true);
    const [a] = (await call('assessment.list')).value as { id: number }[];
    const detail = (await call('assessment.get', { assessmentId: a!.id })).value as { items: { id: number; criterionCode: string; version: number }[] };
    const item = detail.items.find((i) => i.criterionCode === '1.5')!;

    const events: AppEvent[] = [];
    pc.s.events.on((e) => events.push(e));
    const saved = await call('item.update', { itemId: item.id, points: 1, baseVersion: item.version });
    expect(saved.ok).toBe(true);
    const up = await link.upload('BC 31.pdf', await makeDemoPdf(['Số: 31/BC-UBND']));
    expect(up?.ok).toBe(true);
    const attached = await call('evidence.attach', {
      itemId: item.id,
      uploadId: up!.ok ? up!.value.uploadId : '',
      fileName: '1.5_so 31BC-UBND_BC',
      docNumber: '31/BC-UBND',
      docDate: null,
      summary: 'BC',
    });
    expect(attached.ok).toBe(true);
    // Stored on the server, not here.
    const leader = await localCall(srv, 'auth.login', { username: 'chutich', password: DEMO_PASSWORD });
    const onServer = (await localCall(srv, 'assessment.get', { assessmentId: a!.id }, leader.value.token)).value.items.find(
      (i: { id: number }) => i.id === item.id,
    );
    expect(onServer).toMatchObject({ points: 1, evidence: [{ fileName: '1.5_so 31BC-UBND_BC' }] });
    expect(pc.s.db.first(pc.s.db.q.selectFrom('assessment_item').select('id'))).toBeUndefined();
    // A change made on the server reaches this PC's window through the relayed event stream.
    // (Changed again at each look: an event stream has no replay, and the relay may still be connecting.)
    await expect
      .poll(
        async () => {
          await localCall(srv, 'item.update', { itemId: item.id, points: 0.5 }, leader.value.token);
          return events.some((e) => e.type === 'item' && e.itemId === item.id);
        },
        { timeout: 15_000 },
      )
      .toBe(true);
  });

  it('a pinned certificate that no longer matches is refused with what it means, marked as a connection problem', async () => {
    const file = path.join(pc.dir, LINK_FILE);
    const saved = readFileSync(file, 'utf8');
    const other = ensureLanIdentity(tempDir('kc-link-other2-'));
    writeFileSync(file, JSON.stringify({ ...JSON.parse(saved), fingerprint: other.fingerprint, certPem: other.certPem }));
    const restarted = createOfficeLink(pc.s);
    const r = await restarted.dispatcher(pc.api).dispatch('system.info', {}, {});
    restarted.close();
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain('Chứng thư của máy chủ văn phòng đã thay đổi');
    expect(!r.ok && r.error.issues?.[0]?.path).toBe('connection');
    writeFileSync(file, saved);
    link.close();
    link = createOfficeLink(pc.s);
    window = link.dispatcher(pc.api);
    expect((await call('join.status')).value).toMatchObject({ connected: true, shortCode: srv.shortCode });
  });

  it('disconnecting goes back to this PC’s own data', async () => {
    expect((await call('join.disconnect')).value).toMatchObject({ connected: false });
    expect(existsSync(path.join(pc.dir, LINK_FILE))).toBe(false);
    expect((await call('system.info')).value).toMatchObject({ setUp: false });
  });
});
