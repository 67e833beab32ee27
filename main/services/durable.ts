// Durable writes, one way everywhere: write under a temporary name beside the target, flush it,
// rename it into place, flush the folder. A crash, a full disk or a power cut then leaves the old
// file or the new one under the final name, never a truncated one (and never a name pointing at
// blocks that were not written yet, which a rename without the flush allows).
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** fsync of one file's data and metadata. */
export async function syncFile(file: string): Promise<void> {
  const fh = await open(file, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Makes a rename itself durable (Linux/macOS); Windows cannot open a folder for fsync, and the rename is still atomic there. */
export async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    /* not supported here */
  }
}

/** Flushes `tmp`, renames it to `dest` and flushes the folder. */
export async function renameDurably(tmp: string, dest: string): Promise<void> {
  await syncFile(tmp);
  await rename(tmp, dest);
  await syncDir(path.dirname(dest));
}

/** A temporary name beside `file`, unique so that two writers never share one. */
export const tempBeside = (file: string) => `${file}.${randomBytes(4).toString('hex')}.tmp`;

/** Lets `write` fill a temporary file, then puts it durably in place; on failure nothing is left. */
export async function writeAtomically(outPath: string, write: (tmpPath: string) => Promise<void>): Promise<void> {
  const tmp = tempBeside(outPath);
  try {
    await write(tmp);
    await renameDurably(tmp, outPath);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** writeAtomically for bytes or text in hand; `mode` for secrets (0o600). */
export async function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  await writeAtomically(file, async (tmp) => {
    const fh = await open(tmp, 'wx', mode);
    try {
      await fh.writeFile(data);
    } finally {
      await fh.close();
    }
  });
}
