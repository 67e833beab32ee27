// Content-addressed storage: blobs/ab/<sha256>. A file is stored once however many criteria use it.
import { mkdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { renameDurably } from './durable';

export const blobPath = (dataDir: string, sha256: string) => path.join(dataDir, 'blobs', sha256.slice(0, 2), sha256);

/** Moves a finished temp file into the store (fsynced first); drops it if the blob already exists. */
export async function adoptBlob(dataDir: string, tmpPath: string, sha256: string): Promise<string> {
  const dest = blobPath(dataDir, sha256);
  if (await stat(dest).catch(() => null)) {
    await unlink(tmpPath).catch(() => undefined);
    return dest;
  }
  await mkdir(path.dirname(dest), { recursive: true });
  await renameDurably(tmpPath, dest);
  return dest;
}
