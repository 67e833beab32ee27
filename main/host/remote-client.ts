// Joining the office server from another PC: the desktop app's transport over HTTPS, with the
// server's certificate pinned. The first connection is compared with the short code the person
// read on the server's Cài đặt screen; from then on the whole SHA-256 fingerprint is pinned and
// any other certificate is refused — with a message saying what a change means — before a single
// byte of the request (password, session cookie) is sent. Plain Node (no Electron) so it is tested
// here; the desktop shell forwards the renderer's calls to it.
import https from 'node:https';
import type http from 'node:http';
import tls from 'node:tls';
import type { Readable } from 'node:stream';
import { ApiError, type Result } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { fingerprintOfDer, normaliseShortCode, shortCodeOf } from './lan-cert';

const t = vi.officeNetwork;

export interface PinnedServer {
  /** https://HOST:PORT */
  origin: string;
  /** SHA-256 of the server's DER certificate, lowercase hex: the pin. */
  fingerprint: string;
  /** The certificate itself, trusted as its own anchor for the TLS handshake. */
  certPem: string;
}

export function parseServerAddress(address: string): URL {
  let u: URL;
  try {
    u = new URL(/^https?:\/\//i.test(address.trim()) ? address.trim() : `https://${address.trim()}`);
  } catch {
    throw new ApiError('VALIDATION', t.badServerAddress, [{ path: 'address', message: t.badServerAddress }]);
  }
  if (u.protocol !== 'https:' || !u.hostname) throw new ApiError('VALIDATION', t.badServerAddress, [{ path: 'address', message: t.badServerAddress }]);
  if (!u.port) u.port = '4343';
  return u;
}

/** Reads the certificate the server presents, without trusting it and without sending anything. */
function presentedCertificate(u: URL, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: u.hostname, port: Number(u.port), rejectUnauthorized: false, servername: undefined });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('timeout')));
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      if (!cert?.raw) reject(new ApiError('CONFLICT', t.unreachable(u.host)));
      else resolve(cert.raw);
    });
    socket.once('error', () => reject(new ApiError('CONFLICT', t.unreachable(u.host))));
  });
}

/**
 * First contact: the certificate the server presents must match the short code typed from the
 * server's screen (16 hex digits of its fingerprint). Returns what to remember for every later connection.
 */
export async function pinServer(address: string, shortCode: string, timeoutMs = 10_000): Promise<PinnedServer> {
  const code = normaliseShortCode(shortCode);
  if (!code) throw new ApiError('VALIDATION', t.badShortCode, [{ path: 'shortCode', message: t.badShortCode }]);
  const u = parseServerAddress(address);
  const der = await presentedCertificate(u, timeoutMs);
  const fingerprint = fingerprintOfDer(der);
  if (!fingerprint.startsWith(code))
    throw new ApiError('CONFLICT', t.codeMismatch(shortCodeOf(fingerprint)), [{ path: 'shortCode', message: t.codeMismatch(shortCodeOf(fingerprint)) }]);
  const certPem = `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END CERTIFICATE-----\n`;
  return { origin: u.origin, fingerprint, certPem };
}

/** The error a refused pin produces, so the desktop shell can show it as such. */
export class CertificateChangedError extends ApiError {
  constructor(readonly presented: string) {
    super('CONFLICT', t.certChanged(shortCodeOf(presented)));
  }
}

interface Answer {
  status: number;
  body: Buffer;
}

/** A client of one pinned office server: the API, uploads, the session cookie it was given. */
export class RemoteClient {
  private cookie: string | null = null;
  private readonly agent: https.Agent;
  private readonly url: URL;

  /** `localAddress`: the address to connect from (tests stand a second PC on 127.0.0.3). */
  constructor(
    readonly server: PinnedServer,
    private readonly opts: { localAddress?: string } = {},
  ) {
    this.url = new URL(server.origin);
    this.agent = new https.Agent({
      keepAlive: true,
      // The pinned certificate is the only anchor; the host name is not checked (an office PC's
      // address may change with DHCP) — the fingerprint is, and it is what identifies the server.
      ca: server.certPem,
      checkServerIdentity: (_host, cert) => {
        const presented = fingerprintOfDer(cert.raw);
        return presented === server.fingerprint ? undefined : new CertificateChangedError(presented);
      },
    });
  }

  close(): void {
    this.agent.destroy();
  }

  get loggedIn(): boolean {
    return this.cookie !== null;
  }

  private send(path: string, method: string, headers: Record<string, string>, body?: Buffer | Readable): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: this.url.hostname,
          port: Number(this.url.port),
          path,
          method,
          agent: this.agent,
          ...(this.opts.localAddress && { localAddress: this.opts.localAddress }),
          headers: { ...this.headers(), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const set = res.headers['set-cookie']?.[0];
            if (set) {
              const pair = set.split(';')[0]!;
              this.cookie = pair.endsWith('=') ? null : pair;
            }
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) });
          });
          res.on('error', reject);
        },
      );
      req.on('error', (e) => {
        // A certificate other than the pinned one: say what it means, never just "TLS error".
        const ours = pinError(e);
        if (ours) return reject(ours);
        if (!isCertificateError(e)) return reject(new ApiError('CONFLICT', t.unreachable(this.url.host)));
        // The handshake refused it before our check ran (it does not chain to the pinned one): name what was presented.
        presentedCertificate(this.url, 10_000).then(
          (der) => reject(new CertificateChangedError(fingerprintOfDer(der))),
          () => reject(new ApiError('CONFLICT', t.unreachable(this.url.host))),
        );
      });
      if (body && 'pipe' in body) body.pipe(req);
      else req.end(body);
    });
  }

  /** One API call; the answer is the router's Result (errors as values, as over IPC). */
  async invoke<T = unknown>(method: string, input: unknown): Promise<Result<T>> {
    const a = await this.send(`/api/${encodeURIComponent(method)}`, 'POST', { 'content-type': 'application/json' }, Buffer.from(JSON.stringify(input ?? {})));
    return JSON.parse(a.body.toString('utf8')) as Result<T>;
  }

  async login(username: string, password: string): Promise<Result<{ token: string; session: unknown }>> {
    return this.invoke('auth.login', { username, password });
  }

  /** Streams a file to the server (the same size limit as on the serving PC applies there). */
  async upload(body: Buffer | Readable, name: string): Promise<Result<{ uploadId: string; name: string; size: number; sha256: string }>> {
    const a = await this.send(`/upload?name=${encodeURIComponent(name)}`, 'POST', { 'content-type': 'application/octet-stream' }, body);
    return JSON.parse(a.body.toString('utf8')) as Result<{ uploadId: string; name: string; size: number; sha256: string }>;
  }

  /** A long-lived GET (the event stream): the response, for the caller to read as it comes. */
  openStream(path: string): Promise<http.IncomingMessage> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        { host: this.url.hostname, port: Number(this.url.port), path, method: 'GET', agent: this.agent, headers: this.headers() },
        resolve,
      );
      req.on('error', reject);
      req.end();
    });
  }

  private headers(): Record<string, string> {
    return { host: this.url.host, origin: this.url.origin, ...(this.cookie ? { cookie: this.cookie } : {}) };
  }

  /** A raw GET (the login page, a static asset, a registered file). */
  async get(path: string): Promise<Answer> {
    return this.send(path, 'GET', {});
  }
}

const isCertificateError = (e: unknown) => {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|SIGNATURE/.test(code);
};

/** Node reports a failed checkServerIdentity as the returned error itself, or wrapped; find ours. */
function pinError(e: unknown): CertificateChangedError | null {
  let cur: unknown = e;
  for (let i = 0; i < 3 && cur; i++) {
    if (cur instanceof CertificateChangedError) return cur;
    cur = (cur as { cause?: unknown }).cause;
  }
  return null;
}
