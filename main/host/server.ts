// Browser mode: the renderer build and the API router over HTTP, on 127.0.0.1 only.
// Protection: a per-launch secret token (injected into index.html, required on every API call),
// a Host-header check against DNS rebinding, and an Origin check against cross-site requests.
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Router } from '../api/router';
import type { Services } from '../services/context';
import { resolveUnderRoot, contentTypeFor, CONTENT_SECURITY_POLICY } from '../domain/safe-path';
import { httpSessionHeader, httpTokenHeader } from '../../shared/api/contract';
import { vi } from '../../shared/i18n/vi';
import type { Result } from '../../shared/errors';
import { receiveUpload } from '../api/upload';
import { contentDisposition } from '../domain/content-disposition';
import { createLogger } from '../services/log';
import { mayReceive, sessionForTicket } from '../services/event-tickets';

const log = createLogger('host');
const MAX_JSON_BODY = 2 * 1024 * 1024;

export interface HostOptions {
  services: Services;
  router: Router;
  rendererDir: string;
  port?: number;
}

export interface Host {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export async function startHost(opts: HostOptions): Promise<Host> {
  const token = randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  let port = 0;
  const indexTemplate = await readFile(path.join(opts.rendererDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(`Không thấy giao diện đã build ở ${opts.rendererDir}. Hãy chạy: npm run build`);
  });
  const index = indexTemplate.replace('<meta name="kiemchung-token" content="" />', `<meta name="kiemchung-token" content="${token}" />`);

  const tokenOk = (given: string | undefined | null) => {
    if (!given) return false;
    const b = Buffer.from(given);
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf);
  };
  const hostOk = (req: http.IncomingMessage) => {
    const h = req.headers.host;
    return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
  };
  const originOk = (req: http.IncomingMessage) => {
    const o = req.headers.origin;
    return o === undefined || o === `http://127.0.0.1:${port}` || o === `http://localhost:${port}`;
  };

  const sendJson = (res: http.ServerResponse, status: number, body: unknown) => {
    const data = JSON.stringify(body);
    res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(data);
  };
  const refuse = (res: http.ServerResponse, status: number) => {
    const body: Result<never> = { ok: false, error: { code: 'BAD_TOKEN', message: vi.errors.badToken } };
    sendJson(res, status, body);
  };

  // The handler catches everything itself (the try below); node:http ignores the promise.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  const server = http.createServer(async (req, res) => {
    try {
      if (!hostOk(req)) return refuse(res, 421);
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

      if (url.pathname === '/api/events' && req.method === 'GET') {
        if (!tokenOk(url.searchParams.get('token'))) return refuse(res, 403);
        // A session is needed (by ticket: EventSource sends no headers); each event is filtered for it.
        const ticket = url.searchParams.get('ticket');
        if (!sessionForTicket(opts.services, ticket)) {
          return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: vi.errors.unauthenticated } });
        }
        res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': ok\n\n');
        const off = opts.services.events.on((e) => {
          const session = sessionForTicket(opts.services, ticket);
          if (!session) return void res.end(); // logged out or locked: the stream ends
          if (mayReceive(session, e)) res.write(`data: ${JSON.stringify(e)}\n\n`);
        });
        const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
        req.on('close', () => {
          off();
          clearInterval(ping);
        });
        return;
      }

      if (url.pathname === '/upload' && req.method === 'POST') {
        if (!originOk(req) || !tokenOk(req.headers[httpTokenHeader] as string | undefined)) return refuse(res, 403);
        return sendJson(
          res,
          200,
          await receiveUpload(opts.services, req.headers[httpSessionHeader] as string | undefined, req, url.searchParams.get('name') ?? 'tep'),
        );
      }

      if (url.pathname.startsWith('/files/') && (req.method === 'GET' || req.method === 'HEAD')) {
        if (!tokenOk(url.searchParams.get('token'))) return refuse(res, 403);
        const f = opts.services.files.get(url.pathname.slice('/files/'.length));
        const st = f && (await stat(f.path).catch(() => null));
        if (!f || !st) {
          res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
          return res.end('Tệp không còn (liên kết đã hết hạn). Hãy mở lại từ ứng dụng.');
        }
        res.writeHead(200, {
          ...securityHeaders,
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
        if (!originOk(req) || !tokenOk(req.headers[httpTokenHeader] as string | undefined)) return refuse(res, 403);
        const body = await readBody(req, MAX_JSON_BODY);
        if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: 'Yêu cầu quá lớn.' } });
        let input: unknown;
        try {
          input = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'Yêu cầu không phải JSON hợp lệ.' } });
        }
        const method = decodeURIComponent(url.pathname.slice('/api/'.length));
        const result = await opts.router.dispatch(method, input, {
          token: req.headers[httpSessionHeader] as string | undefined,
          client: req.socket.remoteAddress ?? 'http',
        });
        return sendJson(res, 200, result);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, securityHeaders);
        return res.end();
      }
      // Single-page app: unknown paths without an extension get index.html.
      const file = resolveUnderRoot(opts.rendererDir, url.pathname);
      const isIndex = !file || file.endsWith(`${path.sep}index.html`) || !path.extname(file);
      if (isIndex) {
        res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        return res.end(req.method === 'HEAD' ? undefined : index);
      }
      const st = await stat(file).catch(() => null);
      if (!st?.isFile()) {
        res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
        return res.end('Không tìm thấy.');
      }
      res.writeHead(200, { ...securityHeaders, 'Content-Type': contentTypeFor(file), 'Content-Length': st.size, 'Cache-Control': 'no-cache' });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch (e) {
      log.error('request failed', { url: req.url, error: e instanceof Error ? e.message : String(e) });
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: vi.errors.internal } });
      else res.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
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
