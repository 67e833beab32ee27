// The preload bridge, loaded against a stand-in `electron`: what it exposes (only invoke and
// on, under one name), what reaches ipcRenderer, and what reaches the page's listeners.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import type { KiemchungBridge } from '../../shared/api/bridge';
import type { AppEvent } from '../../shared/api/events';
import { eventChannel, uploadChannel } from '../../shared/api/channels';

const fake = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  return {
    exposed: new Map<string, unknown>(),
    invoked: new Array<[string, unknown]>(),
    renderer: new Emitter(),
    reply: (channel: string): Promise<unknown> => Promise.resolve({ ok: true, value: channel }),
  };
});
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, envelope: unknown) => {
      fake.invoked.push([channel, envelope]);
      return fake.reply(channel);
    },
    on: (channel: string, l: (...args: unknown[]) => void) => fake.renderer.on(channel, l),
    removeListener: (channel: string, l: (...args: unknown[]) => void) => fake.renderer.removeListener(channel, l),
  },
}));

const isBridge = (x: unknown): x is KiemchungBridge =>
  typeof x === 'object' &&
  x !== null &&
  'invoke' in x &&
  typeof x.invoke === 'function' &&
  'upload' in x &&
  typeof x.upload === 'function' &&
  'on' in x &&
  typeof x.on === 'function';

let bridge: KiemchungBridge;
beforeAll(async () => {
  await import('../../preload/index');
  const exposed = fake.exposed.get('kiemchung');
  if (!isBridge(exposed)) throw new Error('the preload exposed no bridge');
  bridge = exposed;
});

describe('preload bridge', () => {
  it('exposes one object, window.kiemchung, with invoke, upload and on only (no ipcRenderer)', () => {
    expect([...fake.exposed.keys()]).toEqual(['kiemchung']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'upload']);
  });

  it('sends { input, session } on api:<method> and returns main’s answer', async () => {
    fake.invoked.length = 0;
    expect(await bridge.invoke('users.list', { includeInactive: true }, 'phien-1')).toEqual({ ok: true, value: 'api:users.list' });
    expect(await bridge.invoke('auth.changePassword', {}, null)).toMatchObject({ ok: true });
    expect(fake.invoked).toEqual([
      ['api:users.list', { input: { includeInactive: true }, session: 'phien-1' }],
      ['api:auth.changePassword', { input: {}, session: null }],
    ]);
  });

  it.each(['', 'users', 'users.', '.list', 'Users.list', 'users.list.all', 'users/list', '../x.y', 'users.list\n', 'api:users.list', 'users.li-st'])(
    'does not send a malformed method name: %j',
    async (method) => {
      fake.invoked.length = 0;
      expect(await bridge.invoke(method, {}, null)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(fake.invoked).toEqual([]);
    },
  );

  it('turns a failed invoke (no handler, uncloneable input) into an error value', async () => {
    fake.reply = () => Promise.reject(new Error("No handler registered for 'api:users.dropAll'"));
    expect(await bridge.invoke('users.dropAll', {}, null)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('sends an upload as { name, data, session } on its own channel', async () => {
    fake.invoked.length = 0;
    fake.reply = () => Promise.resolve({ ok: true, value: { uploadId: 'u1', name: 'Biên bản.pdf', size: 3, sha256: 'x' } });
    const data = new Uint8Array([37, 80, 68]).buffer;
    expect(await bridge.upload('Biên bản.pdf', data, 'phien-1')).toMatchObject({ ok: true, value: { uploadId: 'u1' } });
    expect(fake.invoked).toEqual([[uploadChannel, { name: 'Biên bản.pdf', data, session: 'phien-1' }]]);
  });

  it('turns a failed upload into an error value', async () => {
    fake.reply = () => Promise.reject(new Error('An object could not be cloned.'));
    expect(await bridge.upload('a.pdf', new ArrayBuffer(1), null)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('không thành công') },
    });
  });

  it('passes listeners only the event payload, and unsubscribes', () => {
    const got: unknown[] = [];
    const off = bridge.on((e) => got.push(e));
    const event: AppEvent = { type: 'clock', warning: 'Đồng hồ máy bị lùi' };
    // What ipcRenderer gives its listeners: the IpcRendererEvent (holding `sender`), then the payload.
    fake.renderer.emit(eventChannel, { sender: new EventEmitter(), ports: [] }, event);
    expect(got).toEqual([event]);
    off();
    fake.renderer.emit(eventChannel, { sender: new EventEmitter(), ports: [] }, event);
    expect(got).toHaveLength(1);
    expect(fake.renderer.listenerCount(eventChannel)).toBe(0);
  });
});
