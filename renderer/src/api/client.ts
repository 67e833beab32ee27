// The typed client. It picks the transport once at start-up: the Electron preload bridge when
// present, else HTTP to the browser-mode host (token from the page's meta tag).
import type { Input, MethodName, Output } from '../../../shared/api/contract';
import type { KiemchungBridge } from '../../../shared/api/bridge';
import type { AppEvent } from '../../../shared/api/events';
import type { UploadResult } from '../../../shared/api/assessment-schemas';
import type { ApiErrorShape, ErrorCode, Issue, Result } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { connection } from './connection';

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
  upload(file: File, session: string | null): Promise<Result<UploadResult>>;
  fileUrl(fileId: string): string;
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
        connection.lost();
        return { ok: false, error: { code: 'INTERNAL', message: vi.errors.network } };
      }
      connection.answered();
      return (await res.json()) as Result<unknown>;
    },
    async upload(file, session) {
      try {
        const res = await fetch(`./upload?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { 'x-kiemchung-token': token, ...(session ? { 'x-kiemchung-session': session } : {}), 'content-type': 'application/octet-stream' },
          body: file,
        });
        return (await res.json()) as Result<UploadResult>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: vi.upload.failed } };
      }
    },
    fileUrl: (fileId) => `./files/${encodeURIComponent(fileId)}?token=${encodeURIComponent(token)}`,
    on(listener) {
      // The stream needs a session: a ticket for it is asked first (EventSource sends no headers).
      // When the stream drops (server restarted, session ended), a new ticket is asked after a pause.
      let es: EventSource | null = null;
      let closed = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const open = async () => {
        const session = sessionToken.get();
        const r = session ? await this.invoke('events.ticket', {}, session) : null;
        if (closed) return;
        if (!r?.ok) return void (timer = setTimeout(() => void open(), 5_000));
        const { ticket } = r.value as { ticket: string };
        es = new EventSource(`./api/events?token=${encodeURIComponent(token)}&ticket=${encodeURIComponent(ticket)}`);
        document.body.dataset.events = 'connecting';
        es.onmessage = (m) => listener(JSON.parse(m.data as string) as AppEvent);
        es.onopen = () => {
          connection.answered();
          // A named readiness mark of the newest stream (tests wait on it instead of sleeping): live updates now arrive.
          document.body.dataset.events = 'open';
        };
        es.onerror = () => {
          // The stream drops at once when the server goes away: a probe tells that from a session that
          // ended, so the screen says "disconnected" before anyone tries to save.
          void this.invoke('system.info', {}, null);
          document.body.dataset.events = 'closed';
          es?.close();
          if (!closed) timer = setTimeout(() => void open(), 3_000);
        };
      };
      void open();
      return () => {
        closed = true;
        clearTimeout(timer);
        es?.close();
      };
    },
  };
}

/** Electron: the preload bridge; its upload sends the file's bytes over IPC. */
function bridgeTransport(b: KiemchungBridge): Transport {
  return {
    // Joined to an office server, a call that could not reach it says so by an issue on `connection`.
    invoke: async (m, i, s) => {
      const r = await b.invoke(m, i, s);
      if (!r.ok && r.error.issues?.some((x) => x.path === 'connection')) connection.lost();
      else connection.answered();
      return r;
    },
    on: (l) => b.on(l),
    upload: async (file, session) => b.upload(file.name, await file.arrayBuffer(), session),
    // Served by the app:// protocol handler from the same file registry (see main/app/protocol.ts).
    fileUrl: (fileId) => `./files/${encodeURIComponent(fileId)}`,
  };
}

const transport: Transport = window.kiemchung ? bridgeTransport(window.kiemchung) : httpTransport();

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

/** Sends a file to the back end (streamed in browser mode); consumed by a later API call. */
export async function upload(file: File): Promise<UploadResult> {
  const r = await transport.upload(file, sessionToken.get());
  if (r.ok) return r.value;
  const err = new ClientError(r.error);
  if (err.code === 'LOCKED' || err.code === 'UNAUTHENTICATED') onAuthError(err);
  throw err;
}

/** A URL that opens or downloads a registered file. */
export const fileUrl = (fileId: string) => transport.fileUrl(fileId);
