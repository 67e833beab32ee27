// Browser mode: the renderer build and the API router over HTTP, on 127.0.0.1 only.
// Protection: a per-launch secret token (injected into index.html, required on every API call),
// a Host-header check against DNS rebinding, and an Origin check against cross-site requests.
// (The office network's HTTPS listener is lan-server.ts; both share request-handler.ts.)
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Router } from '../api/router';
import type { Services } from '../services/context';
import { httpSessionHeader, httpTokenHeader } from '../../shared/api/contract';
import { viShell } from '../../shared/i18n/vi/shell';
import { createRequestHandler } from './request-handler';

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

export async function readIndexTemplate(rendererDir: string): Promise<string> {
  return readFile(path.join(rendererDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(viShell.rendererMissing(rendererDir));
  });
}

export async function startHost(opts: HostOptions): Promise<Host> {
  const token = randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  let port = 0;
  const indexTemplate = await readIndexTemplate(opts.rendererDir);
  const index = indexTemplate.replace('<meta name="kiemchung-token" content="" />', `<meta name="kiemchung-token" content="${token}" />`);

  const tokenOk = (given: string | undefined | null) => {
    if (!given) return false;
    const b = Buffer.from(given);
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf);
  };
  const handler = createRequestHandler(opts, {
    hostOk: (req) => req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`,
    originOk: (req) => {
      const o = req.headers.origin;
      return o === undefined || o === `http://127.0.0.1:${port}` || o === `http://localhost:${port}`;
    },
    // The event stream and file links carry the token in the query (EventSource and <a> send no headers).
    admitted: (req, url) =>
      url.pathname === '/api/events' || url.pathname.startsWith('/files/')
        ? tokenOk(url.searchParams.get('token'))
        : tokenOk(req.headers[httpTokenHeader] as string | undefined),
    session: (req) => req.headers[httpSessionHeader] as string | undefined,
    remote: () => undefined,
    index,
  });

  // The handler catches everything itself; node:http ignores the promise.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  const server = http.createServer(handler);
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
