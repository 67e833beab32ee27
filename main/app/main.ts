// Entry of the desktop app: thin glue between Electron and the same services and router that
// browser mode and the CLI use. Order matters: the data folder and the app:// scheme must be
// settled before `ready`, the security guards before the first window.
import path from 'node:path';
import { app, type BrowserWindow, dialog, Menu, safeStorage } from 'electron';
import { resolveDataDir } from '../db/data-dir';
import { bootServices } from '../services/bootstrap';
import type { Services } from '../services/context';
import { createApi } from '../api';
import { checkClockAtStart, startClockMonitor } from '../services/clock-monitor';
import { createLogger, setLogFile } from '../services/log';
import { vi } from '../../shared/i18n/vi';
import { dataDirFlag } from './argv';
import { appPaths } from './paths';
import { registerAppScheme, handleAppProtocol } from './protocol';
import { applySecurityPolicy } from './security';
import { registerIpc, forwardEvents } from './ipc';
import { createMainWindow } from './window';
import { menuTemplate } from './menu';
import { shellLabels } from './labels';
import { keychainFrom } from './keychain';
import { createOfficeLink } from '../host/office-link';

const log = createLogger('app');

// The database lives in the user-data folder; Chromium's own files (cache, local storage) go
// to a sub-folder so they never mix with ours. The single-instance lock is per user-data
// folder, so two different --data-dir folders can be open at once, but one folder only once.
const dataDir = resolveDataDir(dataDirFlag(process.argv));
app.setPath('userData', dataDir);
app.setPath('sessionData', path.join(dataDir, 'chromium'));
registerAppScheme();
// Every renderer sandboxed, even one a future change forgets to configure.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((e: unknown) => fail(e));
}

function fail(e: unknown): void {
  const detail = e instanceof Error ? e.message : String(e);
  log.error('start-up failed', { error: e instanceof Error ? (e.stack ?? detail) : detail });
  dialog.showErrorBox(shellLabels.startupError.title, vi.db.cannotOpen(dataDir, detail));
  app.exit(1);
}

async function start(): Promise<void> {
  await app.whenReady();
  let services: Services;
  try {
    // Throws a Vietnamese ApiError for a database from a newer version or a foreign history.
    // safeStorage is usable only after `ready`; the signing key is sealed with it (keychain.ts).
    services = bootServices({ dataDir, keychain: keychainFrom(safeStorage) });
  } catch (e) {
    fail(e);
    return;
  }
  const router = createApi(services);
  setLogFile(dataDir);
  checkClockAtStart(services);
  startClockMonitor(services);
  // The outbox to the province runs in the backend, as in browser mode (DESIGN §7).
  void import('../services/sync/runner')
    .then(({ startSyncRunner }) => startSyncRunner(services))
    .catch((e: unknown) => log.error('sync runner did not start', { error: String(e) }));
  let closed = false;
  app.on('will-quit', () => {
    if (closed) return;
    closed = true;
    services.db.close();
  });

  // Office network mode: Cài đặt can open the HTTPS listener for the other PCs (on again at start if left on).
  void import('../host/lan-cli')
    .then(({ serveLan }) => serveLan(services, router, appPaths.renderer, {}))
    .catch((e: unknown) => log.error('office network listener did not start', { error: String(e) }));

  applySecurityPolicy();
  handleAppProtocol(appPaths.renderer, (id) => services.files.get(id));
  // Joined to another PC's office server ("Kết nối tới máy chủ văn phòng"): the window's calls go there.
  const link = createOfficeLink(services);
  registerIpc(link.dispatcher(router), services, (name, data) => link.upload(name, data));

  const win = createMainWindow(appPaths.preload);
  forwardEvents(services.events, win.webContents);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(() => showAbout(win, services))));

  app.on('second-instance', () => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  log.info('started', { version: services.version, dataDir });
}

function showAbout(win: BrowserWindow, services: Services): void {
  const a = shellLabels.about;
  void dialog.showMessageBox(win, {
    type: 'info',
    title: a.title,
    message: vi.app.name,
    detail: [vi.app.tagline, a.version(services.version), a.dataDir(services.dataDir)].join('\n'),
    buttons: [a.close],
  });
}
