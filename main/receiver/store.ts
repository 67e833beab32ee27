// Where accepted and quarantined packages live, content-addressed by their SHA-256. Behind a
// small interface so an S3-compatible store can replace the folder later (with @tus/s3-store
// for the uploads): verification reads a local file, so such a store would download to a
// temporary file in `localPath`.
import { copyFile, link, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export interface PackageStore {
  /** Takes a verified file (the completed upload) into the store under its hash; a no-op if already there. */
  putFile(sha256: string, sourcePath: string): Promise<void>;
  has(sha256: string): Promise<boolean>;
  /** A local path to read the package from. */
  localPath(sha256: string): Promise<string>;
  /** Copies the package to a local destination (export). */
  copyTo(sha256: string, dest: string): Promise<void>;
  remove(sha256: string): Promise<void>;
  describe: string;
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

/** `store/<sha256>.zip` in the data folder. */
export class FolderPackageStore implements PackageStore {
  private made = false;

  constructor(readonly dir: string) {}

  get describe() {
    return this.dir;
  }

  private file(sha256: string) {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`bad sha256 ${sha256}`);
    return path.join(this.dir, `${sha256}.zip`);
  }

  async putFile(sha256: string, sourcePath: string): Promise<void> {
    if (!this.made) {
      await mkdir(this.dir, { recursive: true });
      this.made = true;
    }
    const dest = this.file(sha256);
    try {
      // One call: the name is the content's hash, so replacing a copy already there changes nothing.
      await rename(sourcePath, dest);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // The same bytes moved in by a concurrent request: already stored.
      if (code === 'ENOENT' && (await exists(dest))) return;
      // The store's folder removed while running: made again once.
      if (code === 'ENOENT' && (await exists(sourcePath)) && !(await exists(this.dir))) {
        this.made = false;
        return this.putFile(sha256, sourcePath);
      }
      if (code !== 'EXDEV') throw e;
      // Another file system: copy to a temporary name, then link (never a half file under the final name).
      const tmp = `${dest}.${process.pid}.tmp`;
      await copyFile(sourcePath, tmp);
      await link(tmp, dest).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
      });
      await rm(tmp, { force: true });
      await rm(sourcePath, { force: true });
    }
  }

  has(sha256: string) {
    return exists(this.file(sha256));
  }

  async localPath(sha256: string) {
    return this.file(sha256);
  }

  async copyTo(sha256: string, dest: string) {
    await mkdir(path.dirname(dest), { recursive: true });
    await copyFile(this.file(sha256), dest);
  }

  async remove(sha256: string) {
    await rm(this.file(sha256), { force: true });
  }
}
