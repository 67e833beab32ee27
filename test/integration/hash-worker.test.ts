// The SHA-256 worker used by build, USB copy and verify: the same digests as node's own hash,
// for bytes handed over (even when the caller reuses its buffer at once) and for file ranges it
// reads itself; a file shorter than the range asked is an error, not a silent wrong digest.
import { afterAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HashWorker, HashWorkerError } from '../../main/services/package-format/hash-worker';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-hash-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('HashWorker', () => {
  it('hashes updates in order, with back-pressure, and starts a new hash after each digest', async () => {
    const w = new HashWorker();
    try {
      const data = randomBytes(70 * 1024 * 1024 + 17); // more than the backlog: update() must wait
      const buf = Buffer.alloc(3 * 1024 * 1024);
      for (let off = 0; off < data.length; off += buf.length) {
        const n = data.copy(buf, 0, off, off + buf.length);
        await w.update(buf.subarray(0, n));
        buf.fill(0xee); // reusing the buffer right away must not change what was hashed
      }
      expect(await w.digest()).toBe(sha(data));
      await w.update(Buffer.from('Phú Thượng'));
      expect(await w.digest()).toBe(sha(Buffer.from('Phú Thượng')));
      expect(await w.digest()).toBe(sha(Buffer.alloc(0)));
    } finally {
      await w.close();
    }
  });

  it('hashes bytes in a SharedArrayBuffer in place, resolving once they may be reused', async () => {
    const w = new HashWorker();
    try {
      const data = randomBytes(5 * 1024 * 1024);
      const shared = Buffer.from(new SharedArrayBuffer(1024 * 1024));
      for (let off = 0; off < data.length; off += shared.length) {
        data.copy(shared, 0, off, off + shared.length);
        await w.updateShared(shared);
      }
      expect(await w.digest()).toBe(sha(data));
      expect(() => w.updateShared(Buffer.alloc(4))).toThrow(TypeError);
    } finally {
      await w.close();
    }
  });

  it('hashes ranges of a file it reads itself, mixed with updates, and reports their progress', async () => {
    const data = randomBytes(9 * 1024 * 1024 + 5);
    const file = path.join(dir, 'a.bin');
    writeFileSync(file, data);
    const w = new HashWorker();
    let progressed = 0;
    w.onProgress = (n) => (progressed += n);
    try {
      expect(await w.hashRange(file, 1000, data.length)).toBe(sha(data.subarray(1000)));
      w.range(file, 0, 10);
      await w.update(data.subarray(10, 20));
      w.range(file, 20, 5 * 1024 * 1024);
      expect(await w.digest()).toBe(sha(data.subarray(0, 5 * 1024 * 1024)));
      expect(progressed).toBe(data.length - 1000 + 10 + 5 * 1024 * 1024 - 20);
    } finally {
      await w.close();
    }
  });

  it('a range past the end of the file, or a missing file, rejects the digest with the reason', async () => {
    const file = path.join(dir, 'short.bin');
    writeFileSync(file, randomBytes(100));
    const w = new HashWorker();
    try {
      const e = await w.hashRange(file, 0, 200).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(HashWorkerError);
      expect((e as HashWorkerError).code).toBe('ESHORT');
    } finally {
      await w.close();
    }
    const w2 = new HashWorker();
    try {
      const e = await w2.hashRange(path.join(dir, 'khong-co.bin'), 0, 1).catch((x: unknown) => x);
      expect((e as HashWorkerError).code).toBe('ENOENT');
    } finally {
      await w2.close();
    }
  });
});
