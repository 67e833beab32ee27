// The one application window. Every webPreferences switch is written out even where Electron's
// default already agrees, so a reader (and electronegativity) sees the whole policy here.
import { app, BrowserWindow } from 'electron';
import { vi } from '../../shared/i18n/vi';
import { createLogger } from '../services/log';
import { APP_ENTRY_URL } from './url-policy';

const log = createLogger('app.window');

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    title: vi.app.name,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click (auxclick) would ask for a new window; the open handler denies it anyway,
      // but a disabled feature cannot be reached at all.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      // DevTools only while developing; a packaged build gives users no console to paste into.
      devTools: !app.isPackaged,
    },
  });
  // Shown once painted, so the user never sees a white flash.
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_ENTRY_URL).catch((e: unknown) => {
    log.error('could not load the interface', { url: APP_ENTRY_URL, error: String(e) });
    win.show();
  });
  return win;
}
