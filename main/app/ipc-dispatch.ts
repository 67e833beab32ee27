// What each IPC call goes through before the router: the sender must be our own page, and the
// envelope (untrusted, from the renderer) is reduced to the two fields the router takes.
// Pure (no Electron import) so it is tested against a real router without launching Electron.
import type { Result } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { isAppUrl } from './url-policy';

/** The part of the API router the IPC transport uses. */
export interface Dispatcher {
  names(): string[];
  dispatch(name: string, rawInput: unknown, call: { token?: string | undefined; client?: string | undefined }): Promise<Result<unknown>>;
}

/** Answers one call: (URL of the sending frame, raw envelope) → result value. Never throws. */
export type IpcCall = (senderUrl: string | undefined, envelope: unknown) => Promise<Result<unknown>>;

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Input and session token out of what the renderer sent (an `IpcEnvelope` from our preload,
 * but checked as if it could be anything); a session that is not a non-empty string is none.
 */
export function readEnvelope(raw: unknown): { input: unknown; token: string | undefined } {
  if (!isRecord(raw)) return { input: undefined, token: undefined };
  const session = raw.session;
  return { input: raw.input, token: typeof session === 'string' && session !== '' ? session : undefined };
}

/**
 * One handler per method the router has registered — no catch-all channel, so a name the
 * router does not know has no IPC handler at all. A frame that is not app://kiemchung (a page
 * that got loaded despite the navigation guard, or a sub-frame from elsewhere) gets FORBIDDEN.
 */
export function createIpcCalls(router: Dispatcher): Map<string, IpcCall> {
  const calls = new Map<string, IpcCall>();
  for (const name of router.names()) {
    calls.set(name, async (senderUrl, raw) => {
      if (!isAppUrl(senderUrl)) return { ok: false, error: { code: 'FORBIDDEN', message: vi.errors.forbidden } };
      const { input, token } = readEnvelope(raw);
      return router.dispatch(name, input, { token, client: 'ipc' });
    });
  }
  return calls;
}
