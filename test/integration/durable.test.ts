// The one way files are put in place (services/durable.ts): a failed write leaves the old file as it
// was and no temporary file behind; a good one replaces it whole; secrets keep their mode.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeAtomically, writeFileAtomic } from '../../main/services/durable';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('durable writes', () => {
  it('a write that fails half-way leaves the old file and no temporary file', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kc-durable-'));
    const file = path.join(dir, 'bang-tong-hop.pdf');
    writeFileSync(file, 'bản cũ');
    await expect(
      writeAtomically(file, async (tmp) => {
        await writeFile(tmp, 'nửa bản mới');
        throw new Error('ENOSPC: đĩa đầy');
      }),
    ).rejects.toThrow('ENOSPC');
    expect(readFileSync(file, 'utf8')).toBe('bản cũ');
    expect(readdirSync(dir)).toEqual(['bang-tong-hop.pdf']);

    await writeAtomically(file, (tmp) => writeFile(tmp, 'bản mới'));
    expect(readFileSync(file, 'utf8')).toBe('bản mới');
    expect(readdirSync(dir)).toEqual(['bang-tong-hop.pdf']);
  });

  it('writeFileAtomic keeps a secret’s mode, and two writers never share a temporary name', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kc-durable-'));
    const key = path.join(dir, 'private-key.sealed');
    await writeFileAtomic(key, Buffer.from('bí mật'), 0o600);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    const meta = path.join(dir, 'meta.json');
    await Promise.all(Array.from({ length: 8 }, (_, i) => writeFileAtomic(meta, JSON.stringify({ i }))));
    expect(JSON.parse(readFileSync(meta, 'utf8'))).toHaveProperty('i');
    expect(readdirSync(dir).sort()).toEqual(['meta.json', 'private-key.sealed']);
  });
});
