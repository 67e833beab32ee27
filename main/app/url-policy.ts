// Which URLs the Electron shell treats as its own and which it may hand to the OS browser.
// Pure (no Electron import) so the rules are unit-tested without launching Electron.

/** The privileged scheme the renderer is served from (see protocol.ts). */
export const APP_SCHEME = 'app';
/** A fixed host gives the app one stable origin: storage, CSP 'self' and IPC checks key on it. */
export const APP_HOST = 'kiemchung';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** Where files the API registered for the user (exports, evidence) are served: /files/<id>. */
export const APP_FILES_PATH = '/files/';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for `app://kiemchung/…` without credentials or port. Node keeps the host of a
 * non-special scheme as written, so `app://KiemChung` is refused here even though Chromium
 * would lower-case it: stricter than the browser is the safe direction.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** An app:// link to a registered file: saved through a download, never shown in a window. */
export function isAppFileUrl(url: string | null | undefined): boolean {
  return isAppUrl(url) && new URL(url ?? '').pathname.startsWith(APP_FILES_PATH);
}

/**
 * Links the OS may open outside the app: `https:` with a real host and no credentials
 * (`https://gov.vn@evil.example` misleads the reader), and `mailto:`. Everything else —
 * `http:`, `file:`, `javascript:`, `data:`, custom handlers like `ms-msdt:` — is refused,
 * because `shell.openExternal` hands the URL to whatever program claims the scheme.
 */
export function isAllowedExternalUrl(url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'mailto:') return u.pathname.length > 0;
  return u.protocol === 'https:' && u.hostname !== '' && u.username === '' && u.password === '';
}

/** The one permission the app uses: full screen for the exam room board, on our own pages only. */
export function isAllowedPermission(permission: string, url: string | undefined): boolean {
  return permission === 'fullscreen' && isAppUrl(url);
}
