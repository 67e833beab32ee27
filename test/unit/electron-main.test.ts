// The desktop entry (main/app/main.ts) and window, run against a stand-in `electron` that
// records what the app asks of it: data folder, single-instance lock, window preferences,
// IPC handlers, the Vietnamese error dialog for a database it must not open, DB closed on quit.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { DB_FILE } from '../../main/db/connection';
import { dataDirFlag } from '../../main/app/argv';
import { menuTemplate } from '../../main/app/menu';
import { APP_ENTRY_URL } from '../../main/app/url-policy';
import { tempDir, cleanup } from '../helpers/services';

interface WindowRecord {
  options: { title?: string; webPreferences?: Record<string, unknown> };
  loaded: string[];
}

const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const state = {
    app: new EventEmitter(),
    paths: new Map<string, string>(),
    lock: true,
    sandboxed: false,
    exits: new Array<number>(),
    quit: 0,
    errorBoxes: new Array<[string, string]>(),
    windows: new Array<WindowRecord>(),
    ipcChannels: new Array<string>(),
    privileged: new Array<unknown>(),
    handledSchemes: new Array<string>(),
    menus: new Array<unknown>(),
    reset() {
      state.app.removeAllListeners();
      state.paths.clear();
      state.lock = true;
      state.sandboxed = false;
      state.exits.length = 0;
      state.quit = 0;
      state.errorBoxes.length = 0;
      state.windows.length = 0;
      state.ipcChannels.length = 0;
      state.privileged.length = 0;
      state.handledSchemes.length = 0;
      state.menus.length = 0;
    },
  };
  return state;
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), { isDestroyed: () => false, send: () => {} });
    private record: WindowRecord;
    constructor(options: WindowRecord['options']) {
      super();
      this.record = { options, loaded: [] };
      fake.windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    show() {}
    focus() {}
    restore() {}
  }
  const app = Object.assign(fake.app, {
    isPackaged: false,
    setPath: (name: string, p: string) => fake.paths.set(name, p),
    enableSandbox: () => (fake.sandboxed = true),
    requestSingleInstanceLock: () => fake.lock,
    whenReady: () => Promise.resolve(),
    quit: () => fake.quit++,
    exit: (code: number) => fake.exits.push(code),
  });
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (title: string, content: string) => fake.errorBoxes.push([title, content]), showMessageBox: async () => ({ response: 0 }) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => fake.menus.push(m) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => fake.privileged.push(...s),
      handle: (scheme: string) => fake.handledSchemes.push(scheme),
    },
    ipcMain: { handle: (channel: string) => fake.ipcChannels.push(channel), removeHandler: () => {} },
    session: { defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {}, setDevicePermissionHandler: () => {} } },
    shell: { openExternal: async () => {} },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
  };
});

/** Loads main.ts afresh with this command line and waits for its start-up to settle. */
async function launch(argv: string[]): Promise<void> {
  const saved = process.argv;
  process.argv = ['/opt/KiemChung/kiemchung', ...argv];
  try {
    vi.resetModules();
    await import('../../main/app/main');
    await vi.waitFor(() => {
      if (fake.windows.length === 0 && fake.exits.length === 0 && fake.quit === 0) throw new Error('still starting');
    });
  } finally {
    process.argv = saved;
  }
}

let dir: string;
beforeEach(() => {
  fake.reset();
  dir = tempDir('kc-electron-main-');
});
afterEach(() => {
  fake.app.emit('will-quit');
  vi.unstubAllEnvs();
  cleanup(dir);
});

describe('command line', () => {
  it('reads --data-dir in both spellings, among Chromium switches', () => {
    expect(dataDirFlag(['electron', '.', '--data-dir=/srv/kc'])).toBe('/srv/kc');
    expect(dataDirFlag(['kiemchung', '--no-sandbox', '--data-dir', 'D:\\Du lieu'])).toBe('D:\\Du lieu');
    expect(dataDirFlag(['kiemchung', '--data-dir='])).toBeUndefined();
    expect(dataDirFlag(['kiemchung', '--data-dir', '--inspect'])).toBeUndefined();
    expect(dataDirFlag(['kiemchung'])).toBeUndefined();
  });
});

describe('menu', () => {
  it('is Vietnamese, and every item does something', () => {
    const template = menuTemplate(() => {});
    expect(template.map((m) => m.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp']);
    const items = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    const labels = items.map((i) => i.label).filter(Boolean);
    expect(labels).toEqual(expect.arrayContaining(['Thoát', 'Tải lại', 'Phóng to', 'Thu nhỏ', 'Toàn màn hình', 'Giới thiệu']));
    for (const i of items) expect(i.type === 'separator' || i.role !== undefined || i.click !== undefined, String(i.label)).toBe(true);
  });
});

describe('main.ts start-up', () => {
  it('uses the --data-dir folder, opens one locked-down window on app://kiemchung, and registers the API', async () => {
    await launch(['.', `--data-dir=${dir}`]);
    expect(fake.paths.get('userData')).toBe(path.resolve(dir));
    expect(fake.paths.get('sessionData')).toBe(path.join(path.resolve(dir), 'chromium'));
    expect(fake.sandboxed).toBe(true);
    expect(fake.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }]);
    expect(fake.privileged).not.toContainEqual(expect.objectContaining({ privileges: expect.objectContaining({ bypassCSP: true }) }));
    expect(fake.handledSchemes).toEqual(['app']);
    expect(fake.errorBoxes).toEqual([]);

    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0]!;
    expect(win.loaded).toEqual([APP_ENTRY_URL]);
    expect(win.options.title).toBe('Kiểm Chứng');
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(String(win.options.webPreferences?.preload)).toMatch(/preload[\\/]index\.cjs$/);

    expect(fake.ipcChannels).toContain('api:system.info');
    expect(fake.ipcChannels).toContain('kiemchung:upload');
    expect(fake.ipcChannels.filter((c) => c !== 'kiemchung:upload').every((c) => /^api:[a-z]+\.[a-zA-Z]+$/.test(c))).toBe(true);
    expect(fake.menus).toHaveLength(1);
  });

  it('shows a Vietnamese error and exits when the database comes from a newer version', async () => {
    const db = new Database(path.join(dir, DB_FILE));
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT');
    db.prepare('INSERT INTO schema_migrations VALUES (999, ?, 0)').run('tuong-lai');
    db.close();

    // The start-up failure is logged at error level too; keep it out of the test output.
    vi.stubEnv('KIEMCHUNG_LOG', 'silent');
    await launch(['.', `--data-dir=${dir}`]);
    expect(fake.exits).toEqual([1]);
    expect(fake.windows).toEqual([]);
    expect(fake.errorBoxes).toHaveLength(1);
    const [title, message] = fake.errorBoxes[0]!;
    expect(title).toBe('Không khởi động được Kiểm Chứng');
    expect(message).toContain(path.resolve(dir));
    expect(message).toMatch(/phiên bản Kiểm Chứng mới hơn/);
  });

  it('quits at once when another instance holds the same data folder', async () => {
    fake.lock = false;
    await launch(['.', `--data-dir=${dir}`]);
    expect(fake.quit).toBe(1);
    expect(fake.windows).toEqual([]);
  });
});
