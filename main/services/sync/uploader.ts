// The tus 1.0 client (creation, HEAD, PATCH) written on node:http rather than tus-js-client: the
// outbox needs to own every decision — the upload address kept in SQLite, the offset asked of the
// receiver (HEAD) before every resume, chunk size, progress per chunk and a fault for each way a
// request breaks. Then POST …/finalize, whose answer the caller verifies.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import type { Connection } from './connection';
import { authHeaders } from './connection';
import { httpRequest, checkAnswer, parseJson, endpoint, errorOf, type HttpAnswer } from './http';
import { SyncFault } from './faults';
import { packageStatusResponse, UPLOAD_METADATA, UPLOADS_PATH, type PackageStatusResponse } from '../../../shared/sync/protocol';
import { vi } from '../../../shared/i18n/vi';

export const DEFAULT_CHUNK = 5 * 1024 * 1024;
const TUS = { 'tus-resumable': '1.0.0' };

export interface UploadTarget {
  sha256: string;
  path: string;
  fileName: string;
  size: number;
  uploadUrl: string | null;
}

export interface UploadHooks {
  chunkSize?: number;
  /** Bytes the receiver holds (acknowledged), or is being sent, so far. */
  onProgress?: (bytes: number) => void;
  /** Persist the tus upload address (or forget it with null) the moment it is known. */
  onUploadUrl: (url: string | null) => void;
  /** Persist the acknowledged offset after each chunk. */
  onAcked: (offset: number) => void;
  /** Test support: cap the sending rate (bytes per second). */
  throttleBps?: number;
  /** Test support: a line per protocol step. */
  trace?: (ev: Record<string, unknown>) => void;
  signal?: AbortSignal;
}

const statusUrl = (c: Connection, sha: string) => endpoint(c.url, `/v1/packages/${sha}/status`);
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** The receiver's word on a package: 200 accepted/quarantined, 422 rejected; null when it has none (404). */
export function statusAnswer(a: HttpAnswer): PackageStatusResponse | null {
  if (a.status === 404) return null;
  checkAnswer(a, [200, 422]);
  return parseJson(a, packageStatusResponse, 'status');
}

export async function askStatus(c: Connection, sha256: string): Promise<PackageStatusResponse | null> {
  const a = await httpRequest(statusUrl(c, sha256), { method: 'GET', headers: { ...authHeaders(c), accept: 'application/json' } });
  return statusAnswer(a);
}

/** HEAD: the receiver's offset for an upload, or null when it no longer knows the upload. */
async function headOffset(c: Connection, url: string): Promise<number | null> {
  const a = await httpRequest(new URL(url), { method: 'HEAD', headers: { ...TUS, ...authHeaders(c) } });
  if (a.status === 404 || a.status === 410) return null;
  checkAnswer(a, [200, 204]);
  const off = Number(a.headers['upload-offset']);
  if (!Number.isSafeInteger(off) || off < 0) throw new SyncFault('protocol', vi.sync.faults.protocol('Upload-Offset'));
  return off;
}

async function create(c: Connection, t: UploadTarget): Promise<string> {
  const a = await httpRequest(endpoint(c.url, UPLOADS_PATH), {
    method: 'POST',
    headers: {
      ...TUS,
      ...authHeaders(c),
      'upload-length': t.size,
      'upload-metadata': `${UPLOAD_METADATA.sha256} ${b64(t.sha256)},${UPLOAD_METADATA.filename} ${b64(t.fileName)}`,
      'content-length': 0,
    },
  });
  checkAnswer(a, [201]);
  const loc = a.headers.location;
  if (!loc) throw new SyncFault('protocol', vi.sync.faults.protocol('Location'));
  return new URL(loc, endpoint(c.url, UPLOADS_PATH)).toString();
}

/** Counts bytes as they leave (progress) and optionally paces them (tests that cut mid-chunk). */
function meter(onBytes: (n: number) => void, bps: number | undefined): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      onBytes(chunk.length);
      if (!bps) return cb(null, chunk);
      setTimeout(() => cb(null, chunk), (chunk.length / bps) * 1000);
    },
  });
}

async function patch(c: Connection, url: string, t: UploadTarget, offset: number, len: number, hooks: UploadHooks): Promise<number> {
  let sent = 0;
  const body = createReadStream(t.path, { start: offset, end: offset + len - 1, highWaterMark: hooks.throttleBps ? 16 * 1024 : 256 * 1024 }).pipe(
    meter((n) => {
      sent += n;
      hooks.onProgress?.(offset + sent);
    }, hooks.throttleBps),
  );
  const a = await httpRequest(new URL(url), {
    method: 'PATCH',
    headers: { ...TUS, ...authHeaders(c), 'content-type': 'application/offset+octet-stream', 'upload-offset': offset, 'content-length': len },
    body,
    timeoutMs: 120_000,
    ...(hooks.signal ? { signal: hooks.signal } : {}),
  });
  if (a.status === 409) return -1;
  checkAnswer(a, [204, 200]);
  const next = Number(a.headers['upload-offset']);
  if (!Number.isSafeInteger(next) || next < offset || next > t.size) throw new SyncFault('protocol', vi.sync.faults.protocol('Upload-Offset'));
  return next;
}

/**
 * Uploads whatever the receiver does not have yet and finalizes. Returns the receiver's answer
 * (receipt unverified: the caller checks it against the pinned certificate).
 */
export async function upload(c: Connection, t: UploadTarget, hooks: UploadHooks): Promise<PackageStatusResponse> {
  const st = await stat(t.path).catch(() => null);
  if (!st) throw new SyncFault('local', vi.sync.faults.localMissing(t.fileName));
  if (st.size !== t.size) throw new SyncFault('local', vi.sync.faults.localChanged);
  const trace = hooks.trace ?? (() => undefined);
  let url = t.uploadUrl;
  let offset: number | null = null;
  if (url) {
    offset = await headOffset(c, url);
    trace({ ev: 'head', offset });
    if (offset === null) {
      url = null;
      hooks.onUploadUrl(null);
    }
  }
  if (!url) {
    // Already there (sent before, from here or another copy)? Then its receipt, without re-sending.
    const known = await askStatus(c, t.sha256);
    trace({ ev: 'status', status: known?.status ?? null });
    if (known) return known;
    url = await create(c, t);
    hooks.onUploadUrl(url);
    offset = 0;
    trace({ ev: 'create' });
  }
  let conflicts = 0;
  const chunk = Math.max(1, hooks.chunkSize ?? DEFAULT_CHUNK);
  let at = offset ?? 0;
  hooks.onProgress?.(at);
  while (at < t.size) {
    const len = Math.min(chunk, t.size - at);
    trace({ ev: 'patch', offset: at, length: len });
    const next = await patch(c, url, t, at, len, hooks);
    if (next === -1) {
      if (++conflicts > 3) throw new SyncFault('conflict', vi.sync.faults.conflict);
      const o = await headOffset(c, url);
      if (o === null) throw new SyncFault('conflict', vi.sync.faults.conflict);
      at = o;
      continue;
    }
    at = next;
    hooks.onAcked(at);
    trace({ ev: 'acked', offset: at });
  }
  return finalize(c, t.sha256, trace);
}

async function finalize(c: Connection, sha256: string, trace: (ev: Record<string, unknown>) => void): Promise<PackageStatusResponse> {
  const a = await httpRequest(endpoint(c.url, `/v1/packages/${sha256}/finalize`), {
    method: 'POST',
    headers: { ...authHeaders(c), accept: 'application/json', 'content-type': 'application/json' },
    body: Buffer.from('{}'),
    timeoutMs: 10 * 60_000,
  });
  trace({ ev: 'finalize', status: a.status });
  // A hash mismatch is a `{ code, message }` error (even as 422); a rejection is a status answer.
  const err = a.status >= 400 ? errorOf(a) : null;
  if (err && /HASH|SHA|MISMATCH/i.test(err.code)) throw new SyncFault('hash', vi.sync.faults.hashMismatch);
  const r = statusAnswer(a);
  if (!r) throw new SyncFault('hash', vi.sync.faults.hashMismatch);
  return r;
}
