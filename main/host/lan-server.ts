// The office network listener: the same app over HTTPS on the LAN, for the other PCs of the office.
// Unlike browser mode on 127.0.0.1, nothing here trusts the per-launch token (it is never put in
// the page and never accepted): a remote PC gets the login page and the static assets, and a
// session only by logging in — a cookie `Secure; HttpOnly; SameSite=Strict` bound to a session row
// marked as remote (so turning network access off can end them all). Host and Origin must name
// one of this PC's addresses; logins are slowed per account and per remote address (the router's
// login throttle counts per client); every audit row of a remote call records its address.
import https from 'node:https';
import { createHash } from 'node:crypto';
import { hostname, networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import type { Router } from '../api/router';
import type { Services } from '../services/context';
import type { ApiErrorShape, Result } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { createRequestHandler } from './request-handler';
import { readIndexTemplate } from './server';
import type { LanIdentity } from './lan-cert';

export const SESSION_COOKIE = '__Host-kiemchung-session';
/** What the login answer carries instead of the token: the page keeps it as a "logged in" flag. */
export const COOKIE_SESSION_MARK = 'cookie';
/** Without a session, the network reaches only what the login page needs. */
const PUBLIC_ON_NETWORK = new Set(['system.info', 'auth.login', 'auth.session']);
/** Never over the network: the first-run setup, and turning network access on or off (the serving PC's own screen). */
const LOCAL_ONLY = new Set(['office.setup', 'lan.enable', 'lan.disable', 'join.connect', 'join.disconnect']);

export interface LanServer {
  port: number;
  host: string;
  /** https://ADDR:PORT/ for each address other PCs can use. */
  urls(): string[];
  close(): Promise<void>;
}

export interface LanServerOptions {
  services: Services;
  router: Router;
  rendererDir: string;
  identity: LanIdentity;
  /** One address (e.g. 192.168.1.10, or 127.0.0.2 in tests); default: every IPv4 address of this PC. */
  host?: string | undefined;
  port?: number | undefined;
}

const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');
export const plainAddress = (a: string | undefined) => (a ?? '').replace(/^::ffff:/, '');

/** This PC's IPv4 addresses other PCs can reach (loopback and link-local left out). */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal && !a.address.startsWith('169.254.')) out.push(a.address);
  }
  return out;
}

function cookieValue(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

export async function startLanServer(opts: LanServerOptions): Promise<LanServer> {
  const { services: s } = opts;
  const bindHost = opts.host ?? '0.0.0.0';
  let port = 0;
  // The page without a launch token: on the network the login cookie is the only way in.
  const index = await readIndexTemplate(opts.rendererDir);
  const names = () => (bindHost === '0.0.0.0' ? [...lanAddresses(), '127.0.0.1', 'localhost', hostname(), `${hostname()}.local`] : [bindHost]);
  const ours = (hostHeader: string | undefined) => hostHeader !== undefined && names().some((n) => hostHeader.toLowerCase() === `${n.toLowerCase()}:${port}`);

  /** The cookie's session, only if it was opened over the network (a local token in a cookie is nothing here). */
  const lookUp = (req: http.IncomingMessage): string | undefined => {
    const token = cookieValue(req, SESSION_COOKIE);
    if (!token || !/^[\w-]{20,100}$/.test(token)) return undefined;
    const row = s.db.first(s.db.q.selectFrom('sessions').select('remote_addr').where('token_hash', '=', hashToken(token)));
    return row?.remote_addr ? token : undefined;
  };
  // Asked twice per API call (before it, and for the router): looked up once per request.
  const seen = new WeakMap<http.IncomingMessage, string | undefined>();
  const session = (req: http.IncomingMessage): string | undefined => {
    if (!seen.has(req)) seen.set(req, lookUp(req));
    return seen.get(req);
  };
  const cookie = (value: string, maxAge?: number) =>
    `${SESSION_COOKIE}=${value}; Path=/; Secure; HttpOnly; SameSite=Strict${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;

  const handler = createRequestHandler(opts, {
    hostOk: (req) => ours(req.headers.host),
    originOk: (req) => req.headers.origin === undefined || (req.headers.origin.startsWith('https://') && ours(req.headers.origin.slice('https://'.length))),
    admitted: () => true,
    session,
    remote: (req) => plainAddress(req.socket.remoteAddress),
    index,
    filesNeedSession: true,
    beforeApi: (method, req): ApiErrorShape | null => {
      if (LOCAL_ONLY.has(method)) return { code: 'FORBIDDEN', message: vi.officeNetwork.notOnNetwork };
      if (PUBLIC_ON_NETWORK.has(method) || (s.testHooks && method.startsWith('test.'))) return null;
      return session(req) ? null : { code: 'UNAUTHENTICATED', message: vi.errors.unauthenticated };
    },
    afterApi: (method, result, req, res): Result<unknown> => {
      if (method === 'auth.login' && result.ok) {
        const value = result.value as { token: string; session: unknown };
        // Bound to the network: marked remote with its address, and the token leaves only as an HttpOnly cookie.
        s.db.run(
          s.db.q
            .updateTable('sessions')
            .set({ remote_addr: plainAddress(req.socket.remoteAddress) })
            .where('token_hash', '=', hashToken(value.token)),
        );
        res.setHeader('Set-Cookie', cookie(value.token));
        return { ok: true, value: { ...value, token: COOKIE_SESSION_MARK } };
      }
      if (method === 'auth.logout' || (!result.ok && result.error.code === 'UNAUTHENTICATED')) res.setHeader('Set-Cookie', cookie('', 0));
      if (method === 'system.info' && result.ok && !session(req)) {
        // Where the data folder is on the serving PC is nobody's business before login.
        return { ok: true, value: { ...(result.value as object), dataDir: '' } };
      }
      return result;
    },
  });

  // The handler catches everything itself.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  const server = https.createServer({ key: opts.identity.keyPem, cert: opts.identity.certPem, minVersion: 'TLSv1.2' }, handler);
  // Slow or silent clients on the network do not hold sockets forever.
  server.headersTimeout = 30_000;
  server.requestTimeout = 0; // uploads of large evidence files over a slow LAN take what they take
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, bindHost, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    host: bindHost,
    urls: () => (bindHost === '0.0.0.0' ? lanAddresses() : [bindHost]).map((a) => `https://${a}:${port}/`),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
