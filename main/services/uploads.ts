// Files coming in from the user (evidence, criteria sets, rosters). Whatever the transport (HTTP
// body or IPC), the bytes are streamed to a temp file while being hashed; nothing is held whole
// in memory. An upload is then consumed by an API call that knows what it is for.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, unlink, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ApiError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { SNIFF_BYTES } from '../domain/evidence-type';
import { createPdfSignatureScanner } from '../domain/pdf-signature';
import { hasVerifiedSignature } from './pdf-signature-check';

export interface UploadRecord {
  id: string;
  path: string;
  name: string;
  size: number;
  sha256: string;
  head: Buffer;
  /** A signature dictionary whose /ByteRange covers the file and whose /Contents is CMS SignedData. */
  pdfSigned: boolean;
  userId: number;
  createdAt: number;
}

/** The hard cap of one upload; per-purpose limits (e.g. evidence) are checked when consumed. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
const KEEP_MS = 6 * 3600_000;

export class UploadStore {
  private uploads = new Map<string, UploadRecord>();
  constructor(private readonly dataDir: string) {}

  private get dir() {
    return path.join(this.dataDir, 'tmp', 'uploads');
  }

  async receive(body: Readable, name: string, userId: number, maxBytes = MAX_UPLOAD_BYTES): Promise<UploadRecord> {
    await mkdir(this.dir, { recursive: true });
    this.sweep();
    const id = randomUUID();
    const file = path.join(this.dir, id);
    const hash = createHash('sha256');
    const scanner = createPdfSignatureScanner();
    const headParts: Buffer[] = [];
    let headLen = 0;
    let size = 0;
    const out = createWriteStream(file, { flags: 'wx' });
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) throw new ApiError('VALIDATION', vi.upload.tooBig(name, maxBytes));
        hash.update(chunk);
        scanner.push(chunk);
        if (headLen < SNIFF_BYTES) {
          headParts.push(chunk.subarray(0, SNIFF_BYTES - headLen));
          headLen += Math.min(chunk.length, SNIFF_BYTES - headLen);
        }
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    } catch (e) {
      out.destroy();
      await unlink(file).catch(() => undefined);
      throw e;
    }
    if (size === 0) {
      await unlink(file).catch(() => undefined);
      throw new ApiError('VALIDATION', vi.upload.empty(name));
    }
    const head = Buffer.concat(headParts);
    const candidates = scanner.candidates();
    const pdfSigned = head.subarray(0, 5).toString('latin1') === '%PDF-' && candidates.length > 0 && (await hasVerifiedSignature(file, size, candidates));
    const rec: UploadRecord = {
      id,
      path: file,
      name: path.basename(name.replace(/\\/g, '/')).normalize('NFC'),
      size,
      sha256: hash.digest('hex'),
      head,
      pdfSigned,
      userId,
      createdAt: Date.now(),
    };
    this.uploads.set(id, rec);
    return rec;
  }

  /** The upload, if it exists and belongs to this user. */
  get(id: string, userId: number): UploadRecord {
    const rec = this.uploads.get(id);
    if (!rec || rec.userId !== userId) throw new ApiError('NOT_FOUND', vi.upload.notFound);
    return rec;
  }

  /** Forgets the upload (its file has been moved or is to be deleted). */
  forget(id: string): void {
    this.uploads.delete(id);
  }

  async discard(id: string): Promise<void> {
    const rec = this.uploads.get(id);
    this.uploads.delete(id);
    if (rec) await unlink(rec.path).catch(() => undefined);
  }

  /** Removes uploads nobody consumed (and leftovers of a previous run). */
  private sweep(): void {
    const cutoff = Date.now() - KEEP_MS;
    for (const [id, rec] of this.uploads) if (rec.createdAt < cutoff) void this.discard(id);
    void readdir(this.dir)
      .then((names) =>
        Promise.all(
          names
            .filter((n) => !this.uploads.has(n))
            .map(async (n) => {
              const st = await stat(path.join(this.dir, n)).catch(() => null);
              if (st && st.mtimeMs < cutoff) await unlink(path.join(this.dir, n)).catch(() => undefined);
            }),
        ),
      )
      .catch(() => undefined);
  }
}
