// USB export: temp name → fsync → rename → read-back → verify. Whatever goes wrong (a verifier
// that says no, a cancel, a pulled stick, a killed process), nothing incomplete or unverified is
// left under the final name.
import { seeded } from '../helpers/seeded';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { rm, truncate, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportToDrive, messages } from '../../main/services/usb/export';
import { failure, fakeJob, list, makeRandomFile, okVerify, sha256File, startChildExport, tempDrive } from '../helpers/usb';

const MB = 1024 * 1024;
let work: string;
let src20: string;
let sha20: string;

beforeAll(async () => {
  work = tempDrive('kc-usb-src-');
  src20 = path.join(work, 'goi-20mb.zip');
  sha20 = await makeRandomFile(src20, 20 * MB + 12345);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('exportToDrive', () => {
  it('copies a 20 MB package: identical bytes, hash reported, no temp file left, progress to the end', async () => {
    const drive = tempDrive();
    const job = fakeJob();
    let verifiedPath = '';
    let finalExistedDuringVerify = true;
    const final = path.join(drive, 'Goi ho so 2026.zip');
    const r = await exportToDrive(src20, drive, {
      fileName: 'Goi ho so 2026.zip',
      job,
      verify: async (f) => {
        verifiedPath = f;
        finalExistedDuringVerify = existsSync(final);
        return okVerify();
      },
    });
    expect(r).toEqual({ path: final, bytes: 20 * MB + 12345, sha256: sha20 });
    // The package is verified at its source, before anything has the final name on the drive;
    // the copy is then proven identical to it by the read-back hash.
    expect(verifiedPath).toBe(src20);
    expect(finalExistedDuringVerify).toBe(false);
    expect(await sha256File(final)).toBe(sha20);
    expect(await list(drive)).toEqual(['Goi ho so 2026.zip']);
    const dones = job.calls.map((c) => c.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(job.calls.at(-1)).toMatchObject({ done: 2 * r.bytes, total: 2 * r.bytes });
    expect(job.calls.some((c) => c.message === messages.readingBack)).toBe(true);
    rmSync(drive, { recursive: true });
  });

  it('replaces an older file of the same name only with the verified new one', async () => {
    const drive = tempDrive();
    await writeFile(path.join(drive, 'goi-20mb.zip'), 'old package');
    await exportToDrive(src20, drive, { verify: okVerify });
    expect(await sha256File(path.join(drive, 'goi-20mb.zip'))).toBe(sha20);
    expect(await list(drive)).toEqual(['goi-20mb.zip']);
    rmSync(drive, { recursive: true });
  });

  it('removes temp files an interrupted earlier export left behind', async () => {
    const drive = tempDrive();
    await writeFile(path.join(drive, '.goi-20mb.zip.deadbeef.tmp'), 'half a package');
    await writeFile(path.join(drive, 'other.txt'), 'not ours');
    await exportToDrive(src20, drive, { verify: okVerify });
    expect((await list(drive)).sort()).toEqual(['goi-20mb.zip', 'other.txt']);
    rmSync(drive, { recursive: true });
  });

  it('a package that fails verification is not written: nothing under the final name, an older copy kept', async () => {
    const drive = tempDrive();
    await writeFile(path.join(drive, 'goi-20mb.zip'), 'older package');
    const e = await failure(exportToDrive(src20, drive, { verify: async () => ({ ok: false, problems: [{ message: 'Chữ ký số không hợp lệ.' }] }) }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/không vượt qua bước kiểm tra/);
    expect(e.message).toMatch(/thử lại/);
    expect(e.issues).toEqual([{ path: 'goi-20mb.zip', message: 'Chữ ký số không hợp lệ.' }]);
    expect(await list(drive)).toEqual(['goi-20mb.zip']);
    expect(readFileSync(path.join(drive, 'goi-20mb.zip'), 'utf8')).toBe('older package');
    rmSync(drive, { recursive: true });
  });

  it('a verifier that throws (the package file unreadable) leaves nothing under the final name', async () => {
    const drive = tempDrive();
    const e = await failure(
      exportToDrive(src20, drive, {
        verify: async () => {
          throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
        },
      }),
    );
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toBe(messages.verifyCrashed({ kind: 'removed' }));
    expect(await list(drive)).toEqual([]);
    rmSync(drive, { recursive: true });
  });

  for (const [known, small] of [
    [false, false],
    [true, false],
    [false, true],
  ] as const) {
    it(`bytes that change on the drive after writing are caught by the read-back hash (package hash ${known ? 'known' : 'computed while copying'}${small ? ', a small file hashed without workers' : ''})`, async () => {
      const drive = tempDrive();
      const src = small ? path.join(work, 'nho.zip') : src20;
      const size = small ? 3 * MB + 7 : 20 * MB + 12345;
      const sha = small ? await makeRandomFile(src, size) : sha20;
      let sabotaged = false;
      const job = fakeJob((done, message) => {
        // Fires once the copy has written its last byte, before the last stretch is read back.
        // "done" also counts what was read back already, so it passes size while the copy is still
        // going: the temp file's own length says when the last byte is written (writes go in order).
        if (sabotaged || message !== messages.copying || done < size) return;
        const tmp = readdirSync(drive).find((n) => n.endsWith('.tmp'));
        if (!tmp || statSync(path.join(drive, tmp)).size < size) return;
        sabotaged = true;
        const fd = openSync(path.join(drive, tmp), 'r+');
        // Near the end: the part read back only after the final flush. The byte is flipped, not
        // overwritten with a constant (random data holds any given byte value one time in 256).
        const b = Buffer.alloc(1);
        readSync(fd, b, 0, 1, size - 1000);
        b[0] = b[0]! ^ 0xff;
        writeSync(fd, b, 0, 1, size - 1000);
        closeSync(fd);
      });
      const e = await failure(exportToDrive(src, drive, { job, verify: okVerify, ...(known ? { sha256: sha } : {}) }));
      expect(sabotaged).toBe(true);
      // The package on this computer is intact, so it is the stick that is blamed.
      expect(e.message).toBe(messages.readBackMismatch({ kind: 'removed' }));
      expect(await list(drive)).toEqual([]);
      rmSync(drive, { recursive: true });
    });
  }

  it('with the package hash already known, the copy skips hashing and the read-back is checked against it', async () => {
    const drive = tempDrive();
    const r = await exportToDrive(src20, drive, { verify: okVerify, sha256: sha20.toUpperCase() });
    expect(r.sha256).toBe(sha20);
    expect(await sha256File(r.path)).toBe(sha20);
    // A package whose file no longer has the hash it was built with: it is the package that is blamed.
    const e = await failure(exportToDrive(src20, drive, { verify: okVerify, sha256: '0'.repeat(64) }));
    expect(e.message).toBe(messages.sourceAltered({ kind: 'removed' }));
    // Checked before the rename: the good copy already on the stick is left as it was.
    expect(await list(drive)).toEqual(['goi-20mb.zip']);
    expect(await sha256File(r.path)).toBe(sha20);
    rmSync(drive, { recursive: true });
  });

  it('refuses a package over 4 GiB − 1 for a FAT32 stick before writing a byte (sparse 4 GiB + 1 file)', async () => {
    const big = path.join(work, 'big.zip');
    await writeFile(big, '');
    await truncate(big, 2 ** 32 + 1); // sparse: instant, takes no disk space
    const drive = tempDrive();
    const job = fakeJob();
    let verified = false;
    for (const fsType of ['vfat', 'FAT32', 'msdos']) {
      const e = await failure(
        exportToDrive(big, drive, {
          fsType,
          job,
          verify: async () => {
            verified = true;
            return okVerify();
          },
        }),
      );
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toBe(
        'Gói “big.zip” lớn 4,3 GB, vượt giới hạn 4 GB của thẻ nhớ định dạng FAT32. Hãy dùng thẻ nhớ định dạng exFAT/NTFS hoặc định dạng lại thẻ nhớ này sang exFAT (việc định dạng lại sẽ xoá hết dữ liệu trên thẻ).',
      );
    }
    expect(job.calls).toEqual([]);
    expect(verified).toBe(false);
    expect(await list(drive)).toEqual([]);
    await unlink(big);
    rmSync(drive, { recursive: true });
  });

  it('refuses when the stick has too little free space, naming both sizes', async () => {
    const drive = tempDrive();
    const e = await failure(exportToDrive(src20, drive, { verify: okVerify, statfs: async () => ({ bavail: 2500, bsize: 4096 }) }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe('Thẻ nhớ không đủ chỗ trống: cần 21,0 MB nhưng chỉ còn 10,2 MB. Hãy xoá bớt tệp trên thẻ nhớ hoặc dùng thẻ nhớ khác, rồi thử lại.');
    expect(await list(drive)).toEqual([]);
    rmSync(drive, { recursive: true });
  });

  it('cancelling mid-copy removes the temp file and leaves nothing under the final name', async () => {
    const drive = tempDrive();
    const job = fakeJob((done, message, j) => {
      if (message === messages.copying && done > 0) j.cancel();
    });
    const e = await failure(exportToDrive(src20, drive, { job, verify: okVerify }));
    expect(e.code).toBe('CANCELLED');
    expect(await list(drive)).toEqual([]);
    rmSync(drive, { recursive: true });
  });

  it('cancelling during the read-back also leaves nothing under the final name', async () => {
    const drive = tempDrive();
    const job = fakeJob((_done, message, j) => {
      if (message === messages.readingBack) j.cancel();
    });
    const e = await failure(exportToDrive(src20, drive, { job, verify: okVerify }));
    expect(e.code).toBe('CANCELLED');
    expect(await list(drive)).toEqual([]);
    rmSync(drive, { recursive: true });
  });

  it('a stick pulled mid-copy (its folder vanishes) is reported as such, with nothing under the final name', async () => {
    const drive = tempDrive();
    let pulled = false;
    const job = fakeJob((done) => {
      if (!pulled && done > 0) {
        pulled = true;
        rmSync(drive, { recursive: true, force: true });
      }
    });
    const e = await failure(exportToDrive(src20, drive, { job, verify: okVerify }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/^Thẻ nhớ bị rút ra hoặc lỗi ghi giữa chừng; .*Hãy cắm lại và thử lại\.$/);
    expect(existsSync(path.join(drive, 'goi-20mb.zip'))).toBe(false);
  });

  it('when the final name cannot be replaced (a folder is in the way), the temp is removed and the folder untouched', async () => {
    const drive = tempDrive();
    mkdirSync(path.join(drive, 'goi-20mb.zip'));
    writeFileSync(path.join(drive, 'goi-20mb.zip', 'x.txt'), 'x');
    const e = await failure(exportToDrive(src20, drive, { verify: okVerify }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toBe(messages.finalIsFolder('goi-20mb.zip', { kind: 'removed' }));
    expect(await list(drive)).toEqual(['goi-20mb.zip']);
    expect(await list(path.join(drive, 'goi-20mb.zip'))).toEqual(['x.txt']);
    rmSync(drive, { recursive: true });
  });

  it('the message for a pulled stick whose temp file could be removed', () => {
    expect(messages.pulled({ kind: 'removed' })).toBe('Thẻ nhớ bị rút ra hoặc lỗi ghi giữa chừng; tệp chưa hoàn chỉnh đã bị xoá. Hãy cắm lại và thử lại.');
  });

  it('refuses a missing destination folder without creating it, a missing source, and a non-portable name', async () => {
    const drive = tempDrive();
    const gone = path.join(drive, 'KINGSTON');
    let e = await failure(exportToDrive(src20, gone, { verify: okVerify }));
    expect(e.code).toBe('NOT_FOUND');
    // A folder that is not there under a folder that is (a typed path) is not a pulled stick.
    expect(e.message).toBe(`Thư mục “${gone}” không tồn tại. Hãy kiểm tra lại đường dẫn đã gõ, hoặc chọn thẻ nhớ trong danh sách.`);
    expect(existsSync(gone)).toBe(false);

    e = await failure(exportToDrive(path.join(work, 'khong-co.zip'), drive, { verify: okVerify }));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toBe('Không tìm thấy tệp gói “khong-co.zip” trên máy. Hãy tạo lại gói rồi thử lại.');

    e = await failure(exportToDrive(src20, drive, { verify: okVerify, fileName: 'Gói hồ sơ.zip' }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/^Tên tệp “Gói hồ sơ.zip” không dùng được/);
    e = await failure(exportToDrive(src20, drive, { verify: okVerify, fileName: 'a:b.zip' }));
    expect(e.message).toMatch(/“:”/);
    expect(await list(drive)).toEqual([]);
    rmSync(drive, { recursive: true });
  });
});

describe('a killed export (process crash or power loss of the app)', () => {
  it('SIGKILLed at ≥ 20 random moments: never a file under the final name that differs from the source', async () => {
    const src = path.join(work, 'goi-100mb.zip');
    const sha = await makeRandomFile(src, 100 * MB + 777);
    const drive = tempDrive();
    const final = path.join(drive, 'goi.zip');

    // One uninterrupted run to learn how long an export takes here.
    const first = await startChildExport(src, drive, 'goi.zip');
    const t0 = performance.now();
    expect(await first.exited).toBe(0);
    const full = performance.now() - t0;
    expect(await sha256File(final)).toBe(sha);

    const N = 24;
    const rnd = seeded();
    let absent = 0;
    let complete = 0;
    // After N, a few longer waits in case a busy machine made every kill land mid-copy.
    for (let i = 0; i < N || (i < N + 8 && (absent === 0 || complete === 0)); i++) {
      await rm(final, { force: true });
      const { child, exited } = await startChildExport(src, drive, 'goi.zip');
      // Stratified random delays covering the whole export and a little beyond.
      const delay = i < N ? ((i + rnd.next()) / N) * full * 1.3 : full * (1.5 + i - N);
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      if (existsSync(final)) {
        expect(await sha256File(final), `kill #${i} after ${delay.toFixed(0)} ms, ${rnd.label}`).toBe(sha);
        complete++;
      } else absent++;
      expect((await list(drive)).filter((n) => n.endsWith('.loi'))).toEqual([]);
    }
    console.log(
      `usb kill test: export takes ~${full.toFixed(0)} ms; ${absent + complete} kills → ${absent} with no final file, ${complete} with a complete one`,
    );
    expect(absent + complete).toBeGreaterThanOrEqual(N);
    expect(absent).toBeGreaterThan(0);
    expect(complete).toBeGreaterThan(0);

    // The next export cleans up the temp files the killed ones left.
    const last = await startChildExport(src, drive, 'goi.zip');
    expect(await last.exited).toBe(0);
    expect(await list(drive)).toEqual(['goi.zip']);
    expect(await sha256File(final)).toBe(sha);
    rmSync(drive, { recursive: true });
  }, 240_000);
});
