// The receiver's tus store hashes each upload as it is written (main/receiver/hashing-store.ts):
// finalize then trusts that hash instead of reading the file again, so it must be exactly the
// hash of the bytes on disk — across a resumed upload too — and be given up whenever this process
// did not see every byte (a restart; a write that does not continue where its hash stopped).
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Upload } from '@tus/server';
import { afterEach, describe, expect, it } from 'vitest';
import { HashingFileStore } from '../../main/receiver/hashing-store';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function newUpload(store: HashingFileStore, id: string, size: number) {
  await store.create(new Upload({ id, size, offset: 0 }));
}

describe('hashing tus store', () => {
  it('knows the SHA-256 of an upload written in several PATCHes, equal to the file’s', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kc-rx-hashstore-'));
    const store = new HashingFileStore({ directory: dir });
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    await newUpload(store, 'a', bytes.length);
    let at = 0;
    for (const cut of [1_000_000, 2_500_000, bytes.length]) {
      at = await store.write(Readable.from([bytes.subarray(at, cut)]), 'a', at);
    }
    expect(at).toBe(bytes.length);
    expect(sha(readFileSync(path.join(dir, 'a')))).toBe(sha(bytes));
    expect(store.takeHash('a', bytes.length)).toBe(sha(bytes));
    expect(store.takeHash('a', bytes.length)).toBeNull(); // taken once
  });

  it('gives the hash up after a restart, a write elsewhere or a size that does not match', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kc-rx-hashstore-'));
    const bytes = randomBytes(64 * 1024);
    const first = new HashingFileStore({ directory: dir });
    await newUpload(first, 'b', bytes.length);
    await first.write(Readable.from([bytes.subarray(0, 1000)]), 'b', 0);
    // Another process (a restart, another instance) continues the upload: it never saw the start.
    const second = new HashingFileStore({ directory: dir });
    await second.write(Readable.from([bytes.subarray(1000)]), 'b', 1000);
    expect(second.takeHash('b', bytes.length)).toBeNull();
    expect(first.takeHash('b', bytes.length)).toBeNull(); // stopped at 1000 bytes

    const third = new HashingFileStore({ directory: dir });
    await newUpload(third, 'c', bytes.length);
    await third.write(Readable.from([bytes.subarray(0, 1000)]), 'c', 0);
    await third.write(Readable.from([bytes.subarray(2000, 3000)]), 'c', 2000); // not where the hash stopped
    expect(third.takeHash('c', 3000)).toBeNull();
  });
});
