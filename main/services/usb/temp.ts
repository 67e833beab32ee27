// Temporary files on the stick: named so an interrupted export's leftovers are recognised and
// swept, removed or renamed honestly on failure, and the folder fsynced after a rename.
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { StageError, errCode, type Cleanup } from './messages';

/** Temp files this process is writing; anything else matching the pattern is a leftover. */
export const activeTemps = new Set<string>();
export const tempPrefix = (name: string) => `.${name.slice(0, 40)}.`;
export const tempName = (name: string) => `${tempPrefix(name)}${randomBytes(4).toString('hex')}.tmp`;

/** Removes temp files an earlier, interrupted export of the same name left on the drive. */
export async function sweepStaleTemps(dir: string, name: string): Promise<void> {
  const prefix = tempPrefix(name);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const n of names) {
    const full = path.join(dir, n);
    if (n.startsWith(prefix) && /^[0-9a-f]{8}\.tmp$/.test(n.slice(prefix.length)) && !activeTemps.has(full)) {
      await unlink(full).catch(() => undefined);
    }
  }
}

export async function removeTemp(tmp: string): Promise<Cleanup> {
  try {
    await unlink(tmp);
    return { kind: 'removed' };
  } catch (e) {
    // ENOENT with the folder still there means the temp was never created or is already gone.
    if (errCode(e) === 'ENOENT' && (await stat(path.dirname(tmp)).catch(() => null))) return { kind: 'removed' };
    return { kind: 'keptTemp' };
  }
}

/** Takes a file that failed read-back or verification off its final name: delete, else rename to .loi. */
export async function discardFinal(file: string): Promise<Cleanup> {
  try {
    await unlink(file);
    return { kind: 'removed' };
  } catch (e) {
    if (errCode(e) === 'ENOENT' && (await stat(path.dirname(file)).catch(() => null))) return { kind: 'removed' };
  }
  const loi = `${file}.loi`;
  try {
    await rename(file, loi);
    return { kind: 'renamed', name: path.basename(loi) };
  } catch {
    return { kind: 'keptFinal', name: path.basename(file) };
  }
}

export async function syncDir(dir: string): Promise<void> {
  let fh: FileHandle | null = null;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch (e) {
    // Windows cannot open a directory; some file systems refuse fsync on one. A real I/O error
    // is still worth reporting: the read-back would only hit the page cache.
    if (errCode(e) === 'EIO') throw new StageError('dest', e);
  } finally {
    await fh?.close().catch(() => undefined);
  }
}
