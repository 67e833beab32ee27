// Receiving a file for the logged-in, unlocked user — the same for both transports (browser
// mode's POST /upload streams the request body; Electron's IPC passes the bytes). The answer is a
// Result like any API call.
import type { Readable } from 'node:stream';
import type { Services } from '../services/context';
import { resolveSession } from '../services/auth';
import { createLogger } from '../services/log';
import { ApiError, type Result } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import type { UploadResult } from '../../shared/api/assessment-schemas';

const log = createLogger('upload');

export async function receiveUpload(services: Services, token: string | undefined, body: Readable, name: string): Promise<Result<UploadResult>> {
  const session = resolveSession(services, token, true);
  if (!session || session.locked) {
    body.resume(); // drain, so the client sees the answer instead of a reset
    return session
      ? { ok: false, error: { code: 'LOCKED', message: vi.errors.locked } }
      : { ok: false, error: { code: 'UNAUTHENTICATED', message: vi.errors.unauthenticated } };
  }
  try {
    const rec = await services.uploads.receive(body, name, session.user.id);
    return { ok: true, value: { uploadId: rec.id, name: rec.name, size: rec.size, sha256: rec.sha256 } };
  } catch (e) {
    body.resume();
    if (e instanceof ApiError) return { ok: false, error: e.toJSON() };
    log.error('upload failed', { error: e instanceof Error ? e.message : String(e) });
    return { ok: false, error: { code: 'INTERNAL', message: vi.upload.failed } };
  }
}
