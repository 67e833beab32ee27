// Small HTTP helpers of the receiver: JSON answers (every error is `{ code, message }` in
// Vietnamese, as receiverError in the protocol), bounded JSON bodies, and the mapping of
// low-level failures (a full disk) to answers the app can act on.
import { viShell } from '../../shared/i18n/vi/shell';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type ZodType } from 'zod';
import { receiverError } from '../../shared/sync/protocol';
import { viReceiver as t } from '../../shared/i18n/vi/receiver';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Parses and sends a response with its protocol schema: the receiver never answers off-contract. */
export function sendParsed<T>(res: ServerResponse, status: number, schema: ZodType<T>, body: T) {
  sendJson(res, status, schema.parse(body));
}

export function sendText(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

/** True for "no space left" from the file system or a database. */
export function isDiskFull(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === 'string' ? err.code : '';
  const msg = typeof err?.message === 'string' ? err.message : '';
  // 53100 = PostgreSQL disk_full; SQLITE_FULL = "database or disk is full".
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === '53100' || /ENOSPC|disk is full/i.test(msg);
}

/** Turns any failure into the `{ code, message }` answer. */
export function errorAnswer(e: unknown): { status: number; body: { code: string; message: string }; headers: Record<string, string> } {
  if (e instanceof HttpError) return { status: e.status, body: receiverError.parse({ code: e.code, message: e.message }), headers: e.headers };
  if (isDiskFull(e)) return { status: 507, body: { code: 'DISK_FULL', message: t.http.diskFull }, headers: {} };
  return { status: 500, body: { code: 'INTERNAL', message: t.http.internal }, headers: {} };
}

export function sendError(res: ServerResponse, e: unknown) {
  const a = errorAnswer(e);
  if (a.status === 500) console.error('[receiver]', e);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, a.status, a.body, a.headers);
}

/** Reads a JSON body of at most maxBytes and validates it. */
export async function readJson<T>(req: IncomingMessage, schema: ZodType<T>, maxBytes = 256 * 1024): Promise<T> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, 'BODY_TOO_LARGE', t.http.bodyTooLarge);
    parts.push(chunk as Buffer);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(parts).toString('utf8'));
  } catch {
    throw new HttpError(400, 'BAD_JSON', t.http.badJson);
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const detail = r.error.issues.map((i) => `${i.path.join('.') || viShell.rootPath}: ${i.message}`).join('; ');
    throw new HttpError(400, 'VALIDATION', t.http.badRequest(detail));
  }
  return r.data;
}
