// Files the user downloads or opens (exports, evidence). An API call registers a file and gets an
// opaque id; the transport serves it (browser mode: GET /files/<id>; Electron: save dialog).
import { randomBytes } from 'node:crypto';

export interface OutgoingFile {
  path: string;
  fileName: string;
  mediaType: string;
  /** inline: shown in the browser (PDF, image); attachment: downloaded. */
  disposition: 'inline' | 'attachment';
  expiresAt: number;
}

const KEEP_MS = 30 * 60_000;

export class FileRegistry {
  private files = new Map<string, OutgoingFile>();
  register(f: Omit<OutgoingFile, 'expiresAt'>): string {
    const now = Date.now();
    for (const [k, v] of this.files) if (v.expiresAt < now) this.files.delete(k);
    const id = randomBytes(18).toString('base64url');
    this.files.set(id, { ...f, expiresAt: now + KEEP_MS });
    return id;
  }
  get(id: string): OutgoingFile | undefined {
    const f = this.files.get(id);
    return f && f.expiresAt >= Date.now() ? f : undefined;
  }
}
