// tus 1.0 uploads under /v1/uploads/ (creation, HEAD, PATCH, termination) with @tus/server and
// @tus/file-store on node:http. Each request carries the app's client token; an upload id starts
// with its office's tag, so one office can neither see nor touch another's uploads. Creation
// needs the package's sha256 and a file name in Upload-Metadata and a declared size within the
// limit; each creation is recorded in the database so finalize (on any instance) finds the bytes.
import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ERRORS, Server, type Upload } from '@tus/server';
import { viReceiver as t } from '../../shared/i18n/vi/receiver';
import { UPLOAD_METADATA, UPLOADS_PATH, sha256Hex } from '../../shared/sync/protocol';
import { type ClientAuth } from './auth';
import { dataPaths } from './config';
import { type ReceiverContext } from './context';
import { HashingFileStore } from './hashing-store';
import { HttpError, isDiskFull } from './http';

export interface Uploads {
  /** Handles one request under /v1/uploads/ for an authenticated client. */
  handle(req: IncomingMessage, res: ServerResponse, client: ClientAuth): Promise<void>;
  store: HashingFileStore;
  /** The completed upload of this package for this office, if any: its local path and size. */
  findComplete(
    officeKey: string,
    sha256: string,
  ): Promise<{ id: string; path: string; size: number; filename: string } | { incomplete: { offset: number; size: number } } | null>;
  remove(id: string): Promise<void>;
  /** The SHA-256 of a completed upload, when this process hashed its bytes as they were written (hashing-store.ts). */
  takeHash(id: string, size: number): string | null;
  /** Removes an upload's files whose record is already deleted (finalize deletes it with the package's record). */
  removeFiles(id: string): Promise<void>;
  /** Removes incomplete uploads past their expiry. */
  cleanUp(): Promise<number>;
}

type NodeBacked = { runtime?: { node?: { req?: IncomingMessage } } };
const nodeReq = (req: unknown) => (req as NodeBacked).runtime?.node?.req;

/** What @tus/server reads from a thrown error (status_code, body): here a `{ code, message }` JSON body. */
class TusRefusal extends Error {
  readonly body: string;
  constructor(
    readonly status_code: number,
    code: string,
    message: string,
  ) {
    super(message);
    this.body = JSON.stringify({ code, message });
  }
}
const tusError = (status: number, code: string, message: string) => new TusRefusal(status, code, message);
const tusAnswer = (status: number, code: string, message: string) => ({ status_code: status, body: JSON.stringify({ code, message }) });

const FILENAME = /^[^/\\\u0000-\u001f]{1,255}$/;

/** The upload id in a URL under /v1/uploads/: one decoded path segment, '' for the collection, null if malformed. */
export function uploadIdOf(url: string): string | null {
  const p = new URL(url, 'http://receiver').pathname;
  if (!p.startsWith(UPLOADS_PATH)) return p === UPLOADS_PATH.slice(0, -1) ? '' : null;
  const rest = p.slice(UPLOADS_PATH.length);
  if (rest.includes('/')) return null;
  try {
    const id = decodeURIComponent(rest);
    return /^[0-9a-f]{16}-[0-9a-f]{32}$/.test(id) || id === '' ? id : null;
  } catch {
    return null;
  }
}

export function createUploads(ctx: ReceiverContext): Uploads {
  const dir = dataPaths(ctx.config.dataDir).uploads;
  const store = new HashingFileStore({ directory: dir, expirationPeriodInMilliseconds: ctx.config.uploadExpiryMs });
  /** The client behind each node request being handled (tus hooks only see their own request object). */
  const clients = new WeakMap<IncomingMessage, ClientAuth>();
  const clientOf = (req: unknown): ClientAuth => {
    const n = nodeReq(req);
    const c = n && clients.get(n);
    if (!c) throw tusError(401, 'UNAUTHENTICATED', t.http.noToken);
    return c;
  };
  /** In-flight PATCH requests per office, in this process only (see ReceiverConfig). */
  const active = new Map<string, number>();

  const server = new Server({
    // The id is read exactly as handle() checks it (one path segment after /v1/uploads/, query
    // ignored), never by tus's own last-segment rule, which would differ for `/v1/uploads/a/b`.
    getFileIdFromRequest: (req) => uploadIdOf(req.url) || undefined,
    path: UPLOADS_PATH.replace(/\/$/, ''),
    datastore: store,
    relativeLocation: true,
    maxSize: ctx.config.maxUploadBytes,
    namingFunction: (req) => `${clientOf(req).officeTag}-${randomBytes(16).toString('hex')}`,
    onUploadCreate: async (req, upload: Upload) => {
      const client = clientOf(req);
      const sha = upload.metadata?.[UPLOAD_METADATA.sha256];
      const filename = upload.metadata?.[UPLOAD_METADATA.filename];
      if (!sha || !filename) throw tusError(400, 'UPLOAD_METADATA', t.upload.metadataMissing);
      if (!sha256Hex.safeParse(sha).success) throw tusError(400, 'UPLOAD_METADATA', t.upload.badSha256);
      if (!FILENAME.test(filename)) throw tusError(400, 'UPLOAD_METADATA', t.upload.badFilename);
      if (upload.sizeIsDeferred || upload.size === undefined) throw tusError(400, 'UPLOAD_LENGTH', t.upload.lengthRequired);
      // Unfinished uploads hold disk space: an office may keep only so many open at once.
      const open = await ctx.db
        .selectFrom('upload')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('office_key', '=', client.officeKey)
        .executeTakeFirstOrThrow();
      if (Number(open.n) >= ctx.config.maxOpenUploadsPerOffice)
        throw tusError(429, 'TOO_MANY_OPEN_UPLOADS', t.upload.tooManyOpen(ctx.config.maxOpenUploadsPerOffice));
      await ctx.db
        .insertInto('upload')
        .values({ id: upload.id, office_key: client.officeKey, sha256: sha, filename, size: upload.size, created_at: ctx.now() })
        .execute();
      // The app keeps the upload's URL from this answer: its record must outlive a power cut.
      await ctx.rdb.durable.flush();
      return {};
    },
    onResponseError: (_req, err) => {
      if (isDiskFull(err)) return tusAnswer(507, 'DISK_FULL', t.http.diskFull);
      const status = 'status_code' in err ? err.status_code : 500;
      const body = 'body' in err ? err.body : '';
      if (body.startsWith('{')) return { status_code: status, body };
      if (status === 404 || status === 410) return tusAnswer(status, 'UPLOAD_NOT_FOUND', t.upload.notFound);
      if (status === 409) return tusAnswer(409, 'UPLOAD_OFFSET', t.upload.offsetMismatch);
      if (status === 413) return tusAnswer(413, 'UPLOAD_TOO_LARGE', t.upload.tooLarge(ctx.config.maxUploadBytes));
      if (body === ERRORS.ERR_LOCK_TIMEOUT.body) return tusAnswer(423, 'UPLOAD_LOCKED', t.upload.locked);
      if (status >= 500) {
        console.error('[receiver] tus', err);
        return tusAnswer(500, 'INTERNAL', t.http.internal);
      }
      return tusAnswer(status, 'UPLOAD_REFUSED', t.upload.failed(body.trim()));
    },
  });

  const removeFiles = async (id: string) => {
    store.takeHash(id, -1);
    // Both at once: each file-system call waits its turn on a busy event loop.
    await Promise.all([rm(path.join(dir, id), { force: true }), store.configstore.delete(id).catch(() => undefined)]);
  };
  const remove = async (id: string) => {
    await removeFiles(id);
    await ctx.db.deleteFrom('upload').where('id', '=', id).execute();
  };

  return {
    store,
    async handle(req, res, client) {
      const id = uploadIdOf(req.url ?? '');
      if (id === null || (id !== '' && req.method !== 'OPTIONS' && !id.startsWith(`${client.officeTag}-`)))
        throw new HttpError(404, 'UPLOAD_NOT_FOUND', t.upload.notFound);
      let counted = false;
      if (req.method === 'PATCH' || (req.method === 'POST' && req.headers['content-type'] === 'application/offset+octet-stream')) {
        const n = active.get(client.officeKey) ?? 0;
        const limit = ctx.config.maxConcurrentUploadsPerOffice;
        if (n >= limit) throw new HttpError(429, 'TOO_MANY_UPLOADS', t.upload.tooMany(limit), { 'retry-after': '5' });
        active.set(client.officeKey, n + 1);
        counted = true;
      }
      clients.set(req, client);
      const release = () => {
        if (!counted) return;
        counted = false;
        const n = (active.get(client.officeKey) ?? 1) - 1;
        if (n <= 0) active.delete(client.officeKey);
        else active.set(client.officeKey, n);
      };
      res.once('close', release);
      try {
        await server.handle(req, res);
      } finally {
        if (res.writableFinished) release();
      }
    },
    async findComplete(officeKey, sha256) {
      const rows = await ctx.db
        .selectFrom('upload')
        .select(['id', 'size', 'filename'])
        .where('office_key', '=', officeKey)
        .where('sha256', '=', sha256)
        .orderBy('created_at', 'desc')
        .execute();
      let incomplete: { offset: number; size: number } | null = null;
      for (const r of rows) {
        // The offset is the file's length (as tus's FileStore counts it); the size was recorded at creation.
        const file = path.join(dir, r.id);
        const st = await stat(file).catch(() => null);
        if (!st?.isFile()) continue;
        const size = Number(r.size);
        if (st.size === size) return { id: r.id, path: file, size, filename: r.filename };
        incomplete ??= { offset: st.size, size };
      }
      return incomplete ? { incomplete } : null;
    },
    remove,
    removeFiles,
    takeHash: (id, size) => store.takeHash(id, size),
    async cleanUp() {
      const n = await server.cleanUpExpiredUploads();
      // Records whose upload is gone, and completed uploads nobody finalized, past the expiry too.
      const old = await ctx.db
        .selectFrom('upload')
        .select('id')
        .where('created_at', '<', ctx.now() - ctx.config.uploadExpiryMs)
        .execute();
      for (const r of old) await remove(r.id);
      return n;
    },
  };
}
