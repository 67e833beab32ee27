// The built desktop entry (dist/app/main.js), run by Node 22 — Electron 45's Node — with a
// stand-in `electron` module, since the Electron binary cannot be downloaded here. This catches
// what source-level tests cannot: the ESM bundle loads, its paths to dist/preload and
// dist/renderer are right, app:// serves the real renderer build, and IPC reaches the router
// and the upload store.
import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';
import { tempDir, cleanup } from '../helpers/services';

const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(root, 'dist/app/main.js');

// Records what the app does; once the window has loaded, serves index.html through the
// registered app:// handler, calls system.info through the registered IPC handler from our
// origin and from a foreign one, writes the report and quits as Electron would.
const FAKE_ELECTRON = `
import { EventEmitter } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
const report = { paths: {}, privileged: [], windows: [], channels: [], errors: [] };
const handlers = new Map();
let scheme = null;
const finish = (code) => { app.emit('will-quit'); writeFileSync(process.env.KC_REPORT, JSON.stringify(report)); process.exit(code); };
export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  setPath: (k, v) => { report.paths[k] = v; },
  enableSandbox: () => { report.sandbox = true; },
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  quit: () => finish(0),
  exit: (code) => finish(code),
});
export class BrowserWindow extends EventEmitter {
  webContents = Object.assign(new EventEmitter(), { isDestroyed: () => false, send() {}, setWindowOpenHandler() {} });
  constructor(options) {
    super();
    const preload = options.webPreferences.preload;
    report.windows.push({ title: options.title, preload, preloadExists: existsSync(preload), webPreferences: options.webPreferences });
  }
  async loadURL(url) {
    report.loaded = url;
    setTimeout(async () => {
      const res = await scheme(new Request(url));
      report.page = { status: res.status, csp: res.headers.get('content-security-policy'), type: res.headers.get('content-type'), body: await res.text() };
      const info = handlers.get('api:system.info');
      report.ours = await info({ senderFrame: { url } }, { input: {}, session: null });
      report.foreign = await info({ senderFrame: { url: 'https://evil.example/' } }, { input: {}, session: null });
      report.upload = await handlers.get('kiemchung:upload')({ senderFrame: { url } }, { name: 'a.pdf', data: new ArrayBuffer(4), session: null });
      // The signing key through the real glue: sealed by safeStorage, no passphrase asked.
      const call = (m, input, session = null) => handlers.get('api:' + m)({ senderFrame: { url } }, { input, session });
      await call('office.setup', { office: { province: 'Thái Nguyên', district: 'Võ Nhai', commune: 'Phú Thượng', kind: 'xa' }, leader: { fullName: 'Nguyễn Văn Hùng', position: 'Chủ tịch', username: 'chutich', password: 'mat-khau-manh' } });
      const login = await call('auth.login', { username: 'chutich', password: 'mat-khau-manh' });
      report.keys = await call('keys.create', {}, login.value.token);
      finish(0);
    }, 10);
  }
  isDestroyed() { return false; }
  isMinimized() { return false; }
  once() {}
  show() {}
  focus() {}
}
export const dialog = { showErrorBox: (title, message) => report.errors.push({ title, message }), showMessageBox: async () => ({}) };
export const Menu = { buildFromTemplate: (t) => t, setApplicationMenu: (m) => { report.menu = m.map((i) => i.label); } };
export const protocol = {
  registerSchemesAsPrivileged: (s) => report.privileged.push(...s),
  handle: (name, h) => { report.scheme = name; scheme = h; },
};
export const ipcMain = { handle: (c, h) => { report.channels.push(c); handlers.set(c, h); }, removeHandler() {} };
export const session = { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {} } };
export const shell = { openExternal: async () => {} };
// A keychain that marks what it sealed, so the test can tell the key went through it.
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (s) => Buffer.concat([Buffer.from('STUBSEAL'), Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)]),
  decryptString: (b) => Buffer.from(b.subarray(8)).map((x) => x ^ 0x5a).toString('utf8'),
};
`;

const reportSchema = z.object({
  paths: z.record(z.string(), z.string()),
  sandbox: z.boolean().optional(),
  scheme: z.string().optional(),
  loaded: z.string().optional(),
  windows: z.array(z.object({ title: z.string(), preload: z.string(), preloadExists: z.boolean(), webPreferences: z.record(z.string(), z.unknown()) })),
  channels: z.array(z.string()),
  errors: z.array(z.object({ title: z.string(), message: z.string() })),
  menu: z.array(z.string()).optional(),
  page: z.object({ status: z.number(), csp: z.string().nullable(), type: z.string().nullable(), body: z.string() }).optional(),
  ours: z.unknown(),
  foreign: z.unknown(),
  upload: z.unknown(),
  keys: z.unknown(),
});

let dir: string;
afterEach(() => cleanup(dir));

describe('dist/app/main.js under a stand-in Electron', () => {
  it('starts, serves the built renderer on app://kiemchung and answers IPC from its own page only', async () => {
    expect(existsSync(bundle), 'run `npm run build` first').toBe(true);
    dir = tempDir('kc-electron-bundle-');
    const fake = path.join(dir, 'fake-electron.mjs');
    const hooks = path.join(dir, 'hooks.mjs');
    const register = path.join(dir, 'register.mjs');
    const reportFile = path.join(dir, 'report.json');
    writeFileSync(fake, FAKE_ELECTRON);
    writeFileSync(
      hooks,
      `export async function resolve(s, c, next) { return s === 'electron' ? { url: ${JSON.stringify(pathToFileURL(fake).href)}, shortCircuit: true } : next(s, c); }`,
    );
    writeFileSync(register, `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`);

    const dataDir = path.join(dir, 'du lieu');
    await promisify(execFile)(process.execPath, ['--import', pathToFileURL(register).href, bundle, '.', `--data-dir=${dataDir}`], {
      env: { ...process.env, KC_REPORT: reportFile, KIEMCHUNG_LOG: 'warn', KIEMCHUNG_DATA_DIR: '' },
      timeout: 30_000,
    });
    const report = reportSchema.parse(JSON.parse(readFileSync(reportFile, 'utf8')));

    expect(report.errors).toEqual([]);
    expect(report.paths.userData).toBe(dataDir);
    expect(existsSync(path.join(dataDir, 'kiemchung.sqlite'))).toBe(true);
    expect(report.sandbox).toBe(true);
    expect(report.scheme).toBe('app');
    expect(report.windows).toHaveLength(1);
    const win = report.windows[0]!;
    expect(win).toMatchObject({ title: 'Kiểm Chứng', preloadExists: true });
    expect(win.preload).toBe(path.join(root, 'dist/preload/index.cjs'));
    expect(report.loaded).toBe('app://kiemchung/index.html');
    expect(report.page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(report.page?.csp).toContain("default-src 'self'");
    expect(report.page?.body).toBe(readFileSync(path.join(root, 'dist/renderer/index.html'), 'utf8'));
    expect(report.channels).toContain('api:system.info');
    expect(report.ours).toMatchObject({ ok: true, value: { dataDir } });
    expect(report.foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The upload channel is there and, like the API, wants a logged-in user.
    expect(report.upload).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(report.menu).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp']);
    // safeStorage is wired: the office key was created without a passphrase and sealed by it.
    expect(report.keys).toMatchObject({ ok: true, value: { present: true, protector: 'os-keychain', keychainAvailable: true } });
    const keyDir = path.join(dataDir, 'keys');
    const sealed = readdirSync(keyDir).find((f) => f.endsWith('.sealed'))!;
    expect(readFileSync(path.join(keyDir, sealed)).subarray(0, 12).toString('latin1')).toBe('KCO1STUBSEAL');
  });
});

describe('the preload bundle', () => {
  it('carries only the few texts it answers with, not the whole catalogue', () => {
    const preload = readFileSync(path.join(root, 'dist/preload/index.cjs'), 'utf8');
    // esbuild writes the texts as \u escapes: look at keys and size (the whole catalogue was 86 KB).
    expect(preload).toContain('uploadFailed');
    expect(preload).not.toContain('tagline');
    expect(preload.length).toBeLessThan(8 * 1024);
  });
});
