// The one place the Electron shell is hardened (DESIGN.md §8). Every web contents — the main
// window and anything Chromium might create later — may only show app://kiemchung, never opens
// windows or webviews, and gets no permission (camera, notifications, clipboard read, …).
// The URL rules themselves are pure functions in url-policy.ts, tested without Electron.
import { app, session, shell, type WebContents } from 'electron';
import { createLogger } from '../services/log';
import { isAllowedExternalUrl, isAllowedPermission, isAppFileUrl, isAppUrl } from './url-policy';

export { isAllowedExternalUrl, isAppUrl } from './url-policy';

const log = createLogger('app.security');

function guardContents(contents: WebContents): void {
  // A click on a link, a form or `location = …` to anywhere but our own origin stays put.
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log.warn('navigation refused', { url });
  });
  // Same for sub-frames and server redirects.
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log.warn('frame navigation refused', { url: event.url });
  });
  contents.on('will-redirect', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log.warn('redirect refused', { url });
  });
  // No new windows ever. A file of ours (window.open of an export or evidence link) is saved
  // through a download — Electron asks where with a save dialog; a safe external link goes to
  // the user's browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (isAppFileUrl(url)) {
      contents.downloadURL(url);
    } else if (isAllowedExternalUrl(url)) {
      shell.openExternal(url).catch((e: unknown) => log.warn('could not open link', { url, error: String(e) }));
    } else {
      log.warn('window.open refused', { url });
    }
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview refused');
  });
}

/** Installs the guards. Call once, after `app` is ready and before the first window. */
export function applySecurityPolicy(): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    // Only the exam room board's full screen, and only for our own page.
    if (isAllowedPermission(permission, contents?.getURL?.())) return callback(true);
    log.warn('permission refused', { permission });
    callback(false);
  });
  ses.setPermissionCheckHandler((_contents, permission, origin) => isAllowedPermission(permission, origin));
  ses.setDevicePermissionHandler(() => false);
}
