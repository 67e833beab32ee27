// The Electron side of `upload`: the renderer's bytes (an ArrayBuffer over IPC) go into the same
// UploadStore as browser mode's POST /upload, for the same logged-in, unlocked user, and come
// back as the same Result. Pure (no Electron import) so it is tested without launching Electron.
import { Readable } from 'node:stream';
import type { UploadResult } from '../../shared/api/assessment-schemas';
import type { Result } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { receiveUpload } from '../api/receive-upload';
import type { Services } from '../services/context';
import { isAppUrl } from './url-policy';
import { isRecord } from './ipc-dispatch';

/** What the preload sends: `{ name, data, session }`, checked here as if it could be anything. */
function readUpload(raw: unknown): { name: string; data: Uint8Array; token: string | undefined } | null {
  if (!isRecord(raw)) return null;
  const { name, data, session } = raw;
  if (typeof name !== 'string') return null;
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : null;
  if (!bytes) return null;
  return { name, data: bytes, token: typeof session === 'string' && session !== '' ? session : undefined };
}

/** Joined to an office server (main/host/office-link.ts): where the bytes go instead; null when not joined. */
export type RemoteUpload = (name: string, data: Uint8Array) => Promise<Result<UploadResult>> | null;

export async function receiveIpcUpload(services: Services, senderUrl: string | undefined, raw: unknown, remote?: RemoteUpload): Promise<Result<UploadResult>> {
  if (!isAppUrl(senderUrl)) return { ok: false, error: { code: 'FORBIDDEN', message: vi.errors.forbidden } };
  const up = readUpload(raw);
  if (!up) return { ok: false, error: { code: 'VALIDATION', message: vi.upload.failed } };
  const sent = remote?.(up.name, up.data);
  if (sent) return sent;
  // One chunk: the bytes are already in memory (structured clone); the store hashes and writes them.
  return receiveUpload(services, up.token, Readable.from([Buffer.from(up.data.buffer, up.data.byteOffset, up.data.byteLength)]), up.name);
}
