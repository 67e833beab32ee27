// One HTTP(S) request to the receiver with node:http — no hidden retries, redirects or pooling
// surprises: the outbox decides what to do with every answer. Bodies of answers are capped.
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { SyncFault, classifyNetworkError, parseRetryAfter } from './faults';
import { receiverError } from '../../../shared/sync/protocol';
import { vi } from '../../../shared/i18n/vi';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface RequestOptions {
  method: 'GET' | 'POST' | 'HEAD' | 'PATCH' | 'DELETE';
  headers?: Record<string, string | number>;
  body?: Buffer | Readable;
  timeoutMs?: number;
  signal?: AbortSignal;
}

const MAX_ANSWER = 2 * 1024 * 1024;

export function httpRequest(url: URL, opts: RequestOptions): Promise<HttpAnswer> {
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise<HttpAnswer>((resolve, reject) => {
    let bodyStarted = false;
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(classifyNetworkError(e, url, bodyStarted));
    };
    const req = mod.request(url, { method: opts.method, headers: opts.headers, signal: opts.signal }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_ANSWER) chunks.push(c);
      });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on('error', fail);
    });
    req.setTimeout(opts.timeoutMs ?? 30_000, () => fail(Object.assign(new Error('timeout'), { code: 'SYNC_TIMEOUT' })));
    req.on('error', fail);
    const body = opts.body;
    if (!body) req.end();
    else if (Buffer.isBuffer(body)) req.end(body);
    else {
      bodyStarted = true;
      body.on('error', fail);
      body.pipe(req);
    }
  });
}

const isJson = (a: HttpAnswer) => /\bjson\b/i.test(String(a.headers['content-type'] ?? ''));

/**
 * The faults any answer can carry, whatever was asked: a proxy's HTML page, a full disk, a
 * revoked token, a server error. Returns normally for the statuses the caller handles itself.
 */
export function checkAnswer(a: HttpAnswer, expect: number[]): void {
  if (expect.includes(a.status)) return;
  try {
    throwFault(a);
  } catch (e) {
    // Busy (429) or down for maintenance (503): the answer may say when to come back.
    if (e instanceof SyncFault && (a.status === 429 || a.status === 503)) e.retryAfterMs = parseRetryAfter(a.headers['retry-after'], Date.now());
    throw e;
  }
}

function throwFault(a: HttpAnswer): never {
  const f = vi.sync.faults;
  if (a.status === 507) throw new SyncFault('full', f.full);
  if (a.status === 413) throw new SyncFault('tooLarge', f.tooLarge);
  if (a.status === 401 || a.status === 403) throw new SyncFault('unauthorized', f.unauthorized);
  if (a.status === 409) throw new SyncFault('conflict', f.conflict);
  const ct = String(a.headers['content-type'] ?? '');
  if (a.body.length && !isJson(a)) {
    if (/html|text\/plain/i.test(ct) || /^\s*</.test(a.body.subarray(0, 64).toString('utf8'))) throw new SyncFault('html', f.html(a.status));
  }
  throw new SyncFault('server', f.server(a.status, errorMessageOf(a)));
}

/** The receiver's `{ code, message }` of a non-2xx JSON answer, or ''. */
export function errorMessageOf(a: HttpAnswer): string {
  return errorOf(a)?.message ?? '';
}

export function errorOf(a: HttpAnswer): { code: string; message: string } | null {
  if (!isJson(a)) return null;
  try {
    const r = receiverError.safeParse(JSON.parse(a.body.toString('utf8')));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** Parses a JSON answer with its schema; an HTML page or a wrong shape is a fault, never trusted. */
export function parseJson<T>(a: HttpAnswer, schema: z.ZodType<T>, what: string): T {
  if (!isJson(a)) throw new SyncFault('html', vi.sync.faults.html(a.status));
  let raw: unknown;
  try {
    raw = JSON.parse(a.body.toString('utf8'));
  } catch {
    throw new SyncFault('protocol', vi.sync.faults.protocol(what));
  }
  const r = schema.safeParse(raw);
  if (!r.success) throw new SyncFault('protocol', vi.sync.faults.protocol(what));
  return r.data;
}

/** `base` is the receiver address the user typed (with any path prefix of a reverse proxy). */
export const endpoint = (base: string, rel: string) => new URL(rel.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`);
