// The IPC transport against the real router on a real database: one handler per registered
// method and no other, the sender's origin checked before anything runs, the session passed
// through, and events forwarded. `electron` is replaced by a stand-in ipcMain.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { createHash } from 'node:crypto';
import { createIpcCalls, readEnvelope } from '../../main/app/ipc-dispatch';
import { registerIpc, forwardEvents } from '../../main/app/ipc';
import { receiveIpcUpload } from '../../main/app/ipc-upload';
import { ipcChannel, eventChannel, uploadChannel } from '../../shared/api/channels';
import { methodNames } from '../../shared/api/contract';
import type { Result } from '../../shared/errors';
import { openTestApp, cleanup, setUpOffice, type TestApp } from '../helpers/services';

type Handle = (event: { senderFrame: { url: string } | null }, envelope: unknown) => Promise<Result<unknown>>;
const ipc = await vi.hoisted(async () => ({ handlers: new Map<string, Handle>() }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, h: Handle) => {
      if (ipc.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipc.handlers.set(channel, h);
    },
    removeHandler: (channel: string) => ipc.handlers.delete(channel),
  },
}));

const APP_PAGE = 'app://kiemchung/index.html#/users';
let app: TestApp;
afterEach(() => {
  app?.close();
  cleanup(app.dir);
});

describe('IPC calls', () => {
  it('exist for exactly the methods the router registered, all of them in the contract', () => {
    app = openTestApp();
    const calls = createIpcCalls(app.api);
    expect([...calls.keys()].sort()).toEqual(app.api.names().sort());
    for (const name of calls.keys()) expect(methodNames).toContain(name);
    // Test hooks are off: the clock-moving method has no handler at all.
    expect(calls.has('test.setClock')).toBe(false);
  });

  it('answer our own page', async () => {
    app = openTestApp();
    const r = await createIpcCalls(app.api).get('system.info')!(APP_PAGE, { input: {}, session: null });
    expect(r).toMatchObject({ ok: true, value: { setUp: false } });
  });

  it.each([
    ['a web page', 'https://evil.example/'],
    ['the browser-mode origin', 'http://127.0.0.1:4310/'],
    ['a local file', 'file:///tmp/x.html'],
    ['another app:// host', 'app://evil/index.html'],
    ['a frame that is gone', undefined],
  ])('refuse %s before the router runs', async (_what, senderUrl) => {
    app = openTestApp();
    const dispatch = vi.spyOn(app.api, 'dispatch');
    const r = await createIpcCalls(app.api).get('system.info')!(senderUrl, { input: {}, session: null });
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('không có quyền') } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('pass the session token through, and treat a malformed one as none', async () => {
    app = openTestApp();
    const token = await setUpOffice(app);
    const list = createIpcCalls(app.api).get('users.list')!;
    expect(await list(APP_PAGE, { input: {}, session: token })).toMatchObject({ ok: true });
    for (const session of [null, '', 42, { token }, [token]]) {
      expect(await list(APP_PAGE, { input: {}, session }), JSON.stringify(session)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('validate the input in the router, whatever the envelope looks like', async () => {
    app = openTestApp();
    const token = await setUpOffice(app);
    const create = createIpcCalls(app.api).get('users.create')!;
    expect(await create(APP_PAGE, { input: { username: 'A B' }, session: token })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    for (const raw of [undefined, null, 'users.create', 7, []]) {
      expect(readEnvelope(raw)).toEqual({ input: undefined, token: undefined });
    }
  });
});

describe('uploads over IPC', () => {
  const bytes = new TextEncoder().encode('%PDF-1.7\nBiên bản họp\n');
  const sha = createHash('sha256').update(bytes).digest('hex');

  it('store the bytes for the logged-in user, from an ArrayBuffer or a Uint8Array', async () => {
    app = openTestApp();
    const token = await setUpOffice(app);
    for (const data of [bytes.slice().buffer, bytes]) {
      const r = await receiveIpcUpload(app.s, APP_PAGE, { name: 'Biên bản.pdf', data, session: token });
      expect(r).toMatchObject({ ok: true, value: { name: 'Biên bản.pdf', size: bytes.length, sha256: sha } });
    }
  });

  it.each([
    ['a foreign page', 'https://evil.example/', 'FORBIDDEN'],
    ['a frame that is gone', undefined, 'FORBIDDEN'],
  ])('refuse %s', async (_what, senderUrl, code) => {
    app = openTestApp();
    const token = await setUpOffice(app);
    expect(await receiveIpcUpload(app.s, senderUrl, { name: 'a.pdf', data: bytes, session: token })).toMatchObject({ ok: false, error: { code } });
  });

  it('need a session, and bytes', async () => {
    app = openTestApp();
    const token = await setUpOffice(app);
    expect(await receiveIpcUpload(app.s, APP_PAGE, { name: 'a.pdf', data: bytes, session: null })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    for (const raw of [null, 'a.pdf', { name: 'a.pdf', data: 'JVBERi0=', session: token }, { name: 7, data: bytes, session: token }]) {
      expect(await receiveIpcUpload(app.s, APP_PAGE, raw), JSON.stringify(raw)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await receiveIpcUpload(app.s, APP_PAGE, { name: 'rong.pdf', data: new ArrayBuffer(0), session: token })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});

describe('registerIpc / forwardEvents (Electron wiring)', () => {
  it('registers one ipcMain handler per router method on api:<name> and one for uploads, and removes them again', async () => {
    app = openTestApp();
    const remove = registerIpc(app.api, app.s);
    expect([...ipc.handlers.keys()].sort()).toEqual([...app.api.names().map(ipcChannel), uploadChannel].sort());
    const info = ipc.handlers.get(ipcChannel('system.info'))!;
    expect(await info({ senderFrame: { url: APP_PAGE } }, { input: {}, session: null })).toMatchObject({ ok: true });
    expect(await info({ senderFrame: null }, { input: {}, session: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    remove();
    expect(ipc.handlers.size).toBe(0);
  });

  it('sends events to the window until it is destroyed', () => {
    app = openTestApp();
    const sent: unknown[] = [];
    let destroyed = false;
    const contents = Object.assign(new EventEmitter(), {
      isDestroyed: () => destroyed,
      send: (channel: string, payload: unknown) => sent.push([channel, payload]),
    });
    forwardEvents(app.s.events, contents);
    app.s.events.emit({ type: 'clock', warning: 'Đồng hồ máy bị lùi' });
    expect(sent).toEqual([[eventChannel, { type: 'clock', warning: 'Đồng hồ máy bị lùi' }]]);
    destroyed = true;
    contents.emit('destroyed');
    app.s.events.emit({ type: 'clock', warning: 'sau khi đóng' });
    expect(sent).toHaveLength(1);
  });
});
