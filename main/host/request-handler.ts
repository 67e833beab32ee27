// One request handler for both listeners that serve the app: browser mode on 127.0.0.1 (HTTP,
// per-launch token) and the office network (HTTPS, login cookie). What differs — which Host and
// Origin are ours, what admits a request, where the session comes from — is the Gate; the rest
// (API, upload, event stream, registered files, the renderer build) is the same code.
import type http from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Router } from '../api/router';
import type { Services } from '../services/context';
import { resolveUnderRoot, contentTypeFor, CONTENT_SECURITY_POLICY } from '../domain/safe-path';
import { vi } from '../../shared/i18n/vi';
import { viShell } from '../../shared/i18n/vi/shell';
import type { ApiErrorShape, Result } from '../../shared/errors';
import { receiveUpload } from '../api/receive-upload';
import { contentDisposition } from '../domain/content-disposition';
import { createLogger } from '../services/log';
import { mayReceive, sessionForTicket } from '../services/event-tickets';
import { liveSessionHashes } from '../services/live-sessions';
import type { ResolvedSession } from '../services/auth';
import type { AppEvent } from '../../shared/api/events';

const log = createLogger('host');
const MAX_JSON_BODY = 2 * 1024 * 1024;

export const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface Gate {
  /** The Host header names us (against DNS rebinding). */
  hostOk(req: http.IncomingMessage): boolean;
  /** No Origin, or our own (against cross-site requests). */
  originOk(req: http.IncomingMessage): boolean;
  /** Whether a request may reach the API, upload, events or files at all (browser mode: the launch token). */
  admitted(req: http.IncomingMessage, url: URL): boolean;
  /** The session token this request carries, if any. */
  session(req: http.IncomingMessage): string | undefined;
  /** Set on the office network: the remote address, recorded by the audit log. */
  remote(req: http.IncomingMessage): string | undefined;
  /** The page served for the app's paths. */
  index: string;
  /** Extra headers on every answer (HSTS on HTTPS). */
  headers?: Record<string, string>;
  /** May refuse a method before it runs (the office network: no first-run setup, login first). */
  beforeApi?(method: string, req: http.IncomingMessage): ApiErrorShape | null;
  /** May rewrite a result and set headers (the office network: the login cookie). */
  afterApi?(method: string, result: Result<unknown>, req: http.IncomingMessage, res: http.ServerResponse): Result<unknown>;
  /** Browser mode serves registered files by their unguessable id; the network needs a live session too. */
  filesNeedSession?: boolean;
}

export function createRequestHandler(opts: { services: Services; router: Router; rendererDir: string }, gate: Gate) {
  const headers = { ...securityHeaders, ...gate.headers };
  const sendJson = (res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) => {
    const data = JSON.stringify(body);
    res.writeHead(status, { ...headers, ...extra, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(data);
  };
  const refuse = (res: http.ServerResponse, status: number) => {
    const body: Result<never> = { ok: false, error: { code: 'BAD_TOKEN', message: vi.errors.badToken } };
    sendJson(res, status, body);
  };
  const unauthenticated = (res: http.ServerResponse) =>
    sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: vi.errors.unauthenticated } });
  const client = (req: http.IncomingMessage) => req.socket.remoteAddress ?? 'http';

  // The open event streams, fed by one listener. Each event is written to every stream whose
  // session is still live: one query checks them all (an item event, i.e. every save, goes to
  // every screen); a stream that fails it, and a job event (filtered per person), get the full
  // per-stream check, so a logged-out or locked session's stream ends at the next event as before.
  const streams = new Set<{ ticket: string; session: ResolvedSession; res: http.ServerResponse }>();
  let unsubscribe: (() => void) | null = null;
  const fanOut = (e: AppEvent) => {
    const all = [...streams];
    const hashes = all.map((st) => st.session.tokenHash);
    const live = e.type === 'job' ? null : liveSessionHashes(opts.services, hashes);
    const data = `data: ${JSON.stringify(e)}\n\n`;
    for (const st of all) {
      const session = live?.has(st.session.tokenHash) ? st.session : sessionForTicket(opts.services, st.ticket);
      if (!session) {
        streams.delete(st);
        st.res.end(); // logged out or locked: the stream ends
      } else if (mayReceive(session, e)) st.res.write(data);
    }
  };

  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<unknown> => {
    try {
      if (!gate.hostOk(req)) return refuse(res, 421);
      const url = new URL(req.url ?? '/', 'http://host.invalid');

      if (url.pathname === '/api/events' && req.method === 'GET') {
        if (!gate.admitted(req, url)) return refuse(res, 403);
        // A session is needed (by ticket: EventSource sends no headers); each event is filtered for it.
        const ticket = url.searchParams.get('ticket');
        const session = sessionForTicket(opts.services, ticket);
        if (!ticket || !session) return unauthenticated(res);
        res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': ok\n\n');
        const stream = { ticket, session, res };
        streams.add(stream);
        unsubscribe ??= opts.services.events.on(fanOut);
        const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
        req.on('close', () => {
          streams.delete(stream);
          if (streams.size === 0) {
            unsubscribe?.();
            unsubscribe = null;
          }
          clearInterval(ping);
        });
        return;
      }

      if (url.pathname === '/upload' && req.method === 'POST') {
        if (!gate.originOk(req) || !gate.admitted(req, url)) return refuse(res, 403);
        return sendJson(res, 200, await receiveUpload(opts.services, gate.session(req), req, url.searchParams.get('name') ?? 'tep'));
      }

      if (url.pathname.startsWith('/files/') && (req.method === 'GET' || req.method === 'HEAD')) {
        if (!gate.admitted(req, url)) return refuse(res, 403);
        if (gate.filesNeedSession && !gate.session(req)) return unauthenticated(res);
        const f = opts.services.files.get(url.pathname.slice('/files/'.length));
        const st = f && (await stat(f.path).catch(() => null));
        if (!f || !st) {
          res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
          return res.end(viShell.protocol.fileGone);
        }
        res.writeHead(200, {
          ...headers,
          'Content-Type': f.mediaType,
          'Content-Length': st.size,
          'Cache-Control': 'no-store',
          'Content-Disposition': contentDisposition(f.disposition, f.fileName),
        });
        if (req.method === 'HEAD') return res.end();
        createReadStream(f.path).pipe(res);
        return;
      }

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'UNKNOWN_METHOD', message: vi.errors.unknownMethod(url.pathname) } });
        if (!gate.originOk(req) || !gate.admitted(req, url)) return refuse(res, 403);
        const method = decodeURIComponent(url.pathname.slice('/api/'.length));
        const refused = gate.beforeApi?.(method, req);
        if (refused) {
          req.resume();
          return sendJson(res, refused.code === 'UNAUTHENTICATED' ? 401 : 403, { ok: false, error: refused });
        }
        const body = await readBody(req, MAX_JSON_BODY);
        if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: viShell.protocol.tooLarge } });
        let input: unknown;
        try {
          input = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: viShell.protocol.notJson } });
        }
        const result = await opts.router.dispatch(method, input, { token: gate.session(req), client: client(req), remote: gate.remote(req) });
        return sendJson(res, 200, gate.afterApi ? gate.afterApi(method, result, req, res) : result);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, headers);
        return res.end();
      }
      // Single-page app: unknown paths without an extension get index.html.
      const file = resolveUnderRoot(opts.rendererDir, url.pathname);
      const isIndex = !file || file.endsWith(`${path.sep}index.html`) || !path.extname(file);
      if (isIndex) {
        res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        return res.end(req.method === 'HEAD' ? undefined : gate.index);
      }
      const st = await stat(file).catch(() => null);
      if (!st?.isFile()) {
        res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
        return res.end(viShell.protocol.notFound);
      }
      res.writeHead(200, { ...headers, 'Content-Type': contentTypeFor(file), 'Content-Length': st.size, 'Cache-Control': 'no-cache' });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch (e) {
      log.error('request failed', { url: req.url, error: e instanceof Error ? e.message : String(e) });
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: vi.errors.internal } });
      else res.destroy();
    }
  };
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
