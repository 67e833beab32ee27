// The renderer is served from app://kiemchung, a privileged custom scheme, instead of file://:
// file:// pages share one origin with every local file, while app:// gives the UI its own
// origin, lets the CSP's 'self' mean "our bundle", and lets the IPC check the sender's origin.
import { protocol } from 'electron';
import { serveAppRequest, type FileLookup } from './protocol-files';
import { APP_SCHEME } from './url-policy';

/** Must run before `app` is ready: Chromium reads scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin and relative URLs; secure: counts as a secure context like https;
      // supportFetchAPI: the UI may fetch() its own assets (criteria sets, fonts); stream: audio
      // (exam timer signals) plays from a streamed response.
      // No bypassCSP, no corsEnabled, no allowServiceWorkers: nothing we need.
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ]);
}

/**
 * Serves `rendererDir` (dist/renderer) on app://kiemchung, and the files the API registered
 * (exports, evidence) on app://kiemchung/files/<id>. Call once, after ready.
 */
export function handleAppProtocol(rendererDir: string, files: FileLookup): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request, files));
}
