// A real signed package onto a "stick" with the real verifier, as the app does it: the package is
// verified while it is copied, the copy is read back and must hash to the package's own SHA-256.
// The copy then verifies on its own; a package damaged on this computer never reaches the stick.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBag, verifyPackage, type BuildResult } from '../../main/services/package-format';
import { exportToDrive, messages } from '../../main/services/usb/export';
import { bagInfo, newIdentity, samplePayload } from '../helpers/package';
import { failure, fakeJob, list, sha256File, tempDrive } from '../helpers/usb';

const work = mkdtempSync(path.join(os.tmpdir(), 'kc-package-usb-'));
const at = (...p: string[]) => path.join(work, ...p);
let built: BuildResult;
/** As the app's export does it: the payload is re-hashed only when no package hash is known. */
const verify = async (f: string, o: { bytesProven: boolean }) => {
  const r = await verifyPackage(f, { payloadHashes: !o.bytesProven });
  return { ok: r.ok, problems: r.problems };
};

beforeAll(async () => {
  const identity = await newIdentity();
  built = await buildBag({ bagName: 'KC-2026-PhuThuong-CCHC', bagInfo: bagInfo(), payload: await samplePayload(at('src')), identity }, at('goi.zip'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a real package onto a drive', () => {
  it('arrives byte-identical (its build-time SHA-256) and verifies on the drive', async () => {
    const drive = tempDrive();
    const job = fakeJob();
    const r = await exportToDrive(built.path, drive, { verify, sha256: built.sha256, job });
    expect(r.sha256).toBe(built.sha256);
    expect(await sha256File(r.path)).toBe(built.sha256);
    const onStick = await verifyPackage(r.path);
    expect(onStick.ok).toBe(true);
    expect(onStick.payload.map((p) => p.path).sort()).toEqual(built.payload.map((p) => p.path).sort());
    expect(job.calls.at(-1)).toMatchObject({ done: 2 * r.bytes, total: 2 * r.bytes });
    rmSync(drive, { recursive: true });
  });

  it('a package damaged on this computer (one flipped byte in an evidence file) is refused as such, nothing written', async () => {
    const damaged = at('hong.zip');
    copyFileSync(built.path, damaged);
    // Flip a byte inside the stored PDF evidence: find its bytes by content, not by offset guessing.
    const bytes = readFileSync(damaged);
    const pdfAt = bytes.indexOf('%PDF-', 0, 'latin1');
    expect(pdfAt).toBeGreaterThan(0);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.from([bytes[pdfAt + 200]! ^ 0xff]), 0, 1, pdfAt + 200);
    closeSync(fd);

    // Without payload hashes the verifier cannot see it — which is why it may skip them only when
    // the export compares the whole file with the package's build-time SHA-256.
    expect((await verifyPackage(damaged, { payloadHashes: false })).ok).toBe(true);
    expect((await verifyPackage(damaged)).problems.map((p) => p.check)).toContain('payload-hash');

    const drive = tempDrive();
    const err = await failure(exportToDrive(damaged, drive, { verify, sha256: built.sha256 }));
    expect(err.code).toBe('CONFLICT');
    // The copy reads back different from the package as built, and the package itself is what changed.
    expect(err.message).toBe(messages.sourceAltered({ kind: 'removed' }));
    expect(await list(drive)).toEqual([]);

    // Without a known hash only the verifier can tell — and it names the file.
    const e2 = await failure(exportToDrive(damaged, drive, { verify }));
    expect(e2.message).toBe(messages.verifyFailed({ kind: 'removed' }));
    expect(e2.issues?.some((i) => /data\/summary\.pdf|data\/evidence\//.test(i.message))).toBe(true);
    expect(await list(drive)).toEqual([]);
    rmSync(drive, { recursive: true });
  });
});
