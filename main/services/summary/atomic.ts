// Exports are written beside the target and renamed into place: a crash or a full disk leaves at
// worst a stray .tmp file, never a truncated XLSX/PDF under the name the user will open or send.
import { open, rename, rm } from 'node:fs/promises';

export async function writeAtomically(outPath: string, write: (tmpPath: string) => Promise<void>): Promise<void> {
  const tmp = outPath + '.tmp';
  try {
    await write(tmp);
    // Flush before the rename, or a power cut can leave the new name pointing at empty blocks.
    const fh = await open(tmp, 'r+');
    try {
      await fh.datasync();
    } finally {
      await fh.close();
    }
    await rename(tmp, outPath);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
