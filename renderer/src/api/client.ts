// The typed client. It picks the transport once at start-up: the Electron preload bridge when
// present, else HTTP to the browser-mode host (token from the page's meta tag).
import type { Input, MethodName, Output } from '../../../shared/api/contract';
import type { KiemchungBridge } from '../../../shared/api/bridge';
import type { AppEvent } from '../../../shared/api/events';
import type { ApiErrorShape, ErrorCode, Issue, Result } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';

declare global {
  interface Window {
    kiemchung?: KiemchungBridge;
  }
}

export class ClientError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[];
  constructor(e: ApiErrorShape) {
    super(e.message);
    this.code = e.code;
    this.issues = e.issues ?? [];
  }
  /** The message for one field (by path prefix), if the back end named it. */
  field(path: string): string | undefined {
    return this.issues.find((i) => i.path === path || i.path.endsWith(`.${path}`))?.message;
  }
}

const SESSION_KEY = 'kiemchung.session';
export const sessionToken = {
  get: () => sessionStorage.getItem(SESSION_KEY),
  set: (t: string | null) => (t ? sessionStorage.setItem(SESSION_KEY, t) : sessionStorage.removeItem(SESSION_KEY)),
};

interface Transport {
  invoke(method: string, input: unknown, session: string | null): Promise<Result<unknown>>;
  on(listener: (e: AppEvent) => void): () => void;
}

function httpTransport(): Transport {
  const token = document.querySelector<HTMLMetaElement>('meta[name="kiemchung-token"]')?.content ?? '';
  return {
    async invoke(method, input, session) {
      let res: Response;
      try {
        res = await fetch(`./api/${method}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-kiemchung-token': token,
            ...(session ? { 'x-kiemchung-session': session } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: vi.errors.network } };
      }
      return (await res.json()) as Result<unknown>;
    },
    on(listener) {
      const es = new EventSource(`./api/events?token=${encodeURIComponent(token)}`);
      es.onmessage = (m) => listener(JSON.parse(m.data) as AppEvent);
      return () => es.close();
    },
  };
}

const transport: Transport = window.kiemchung ?? httpTransport();

type Interceptor = (e: ClientError) => void;
let onAuthError: Interceptor = () => {};
/** The app shell reacts to LOCKED / UNAUTHENTICATED from any call in one place. */
export const setAuthErrorHandler = (f: Interceptor) => {
  onAuthError = f;
};

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const r = await transport.invoke(method, input, sessionToken.get());
  if (r.ok) return r.value as Output<M>;
  const err = new ClientError(r.error);
  if (err.code === 'LOCKED' || err.code === 'UNAUTHENTICATED') onAuthError(err);
  throw err;
}

export const onEvent = (l: (e: AppEvent) => void) => transport.on(l);
