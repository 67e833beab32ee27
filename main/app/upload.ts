// The Electron side of `upload`: the renderer's bytes (an ArrayBuffer over IPC) go into the same
// UploadStore as browser mode's POST /upload, for the same logged-in, unlocked user, and come
// back as the same Result. Pure (no Electron import) so it is tested without launching Electron.
// Mirrors receiveUpload in main/host/server.ts; both could share one function in main/api.
import { Readable } from 'node:stream';
import type { UploadResult } from '../../shared/api/assessment-schemas';
import { ApiError, type Result } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { resolveSession } from '../services/auth';
import type { Services } from '../services/context';
import { createLogger } from '../services/log';
import { isAppUrl } from './url-policy';
import { isRecord } from './ipc-dispatch';

const log = createLogger('app.upload');

/** What the preload sends: `{ name, data, session }`, checked here as if it could be anything. */
function readUpload(raw: unknown): { name: string; data: Uint8Array; token: string | undefined } | null {
  if (!isRecord(raw)) return null;
  const { name, data, session } = raw;
  if (typeof name !== 'string') return null;
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : null;
  if (!bytes) return null;
  return { name, data: bytes, token: typeof session === 'string' && session !== '' ? session : undefined };
}

export async function receiveIpcUpload(services: Services, senderUrl: string | undefined, raw: unknown): Promise<Result<UploadResult>> {
  if (!isAppUrl(senderUrl)) return { ok: false, error: { code: 'FORBIDDEN', message: vi.errors.forbidden } };
  const up = readUpload(raw);
  if (!up) return { ok: false, error: { code: 'VALIDATION', message: vi.upload.failed } };
  const session = resolveSession(services, up.token, true);
  if (!session) return { ok: false, error: { code: 'UNAUTHENTICATED', message: vi.errors.unauthenticated } };
  if (session.locked) return { ok: false, error: { code: 'LOCKED', message: vi.errors.locked } };
  try {
    // One chunk: the bytes are already in memory (structured clone), the store hashes and writes them.
    const rec = await services.uploads.receive(Readable.from([Buffer.from(up.data.buffer, up.data.byteOffset, up.data.byteLength)]), up.name, session.user.id);
    return { ok: true, value: { uploadId: rec.id, name: rec.name, size: rec.size, sha256: rec.sha256 } };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, error: e.toJSON() };
    log.error('upload failed', { error: e instanceof Error ? e.message : String(e) });
    return { ok: false, error: { code: 'INTERNAL', message: vi.upload.failed } };
  }
}
