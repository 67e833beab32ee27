// Export for manual upload: one folder per criterion, every file written and checked like a USB
// export, and a list file Notepad shows in Vietnamese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportManualFolder, LIST_FILE_NAME, type ManualExportSpec } from '../../main/services/usb/manual-export';
import { failure, fakeJob, list, makeRandomFile, sha256File, tempDrive } from '../helpers/usb';

let store: string;
let spec: ManualExportSpec;
const hashes: Record<string, string> = {};

beforeAll(async () => {
  store = tempDrive('kc-manual-store-');
  const files = [
    { relPath: '1.1/Quyet dinh 12-QD-UBND.pdf', bytes: 300_000 },
    { relPath: '1.1/Ke hoach CCHC 2026.pdf', bytes: 5 * 1024 * 1024 + 3 },
    { relPath: '2.3/2.3.1/Bao cao.pdf', bytes: 1 },
    { relPath: 'Tong hop.xlsx', bytes: 20_000 },
  ];
  spec = { folderName: 'Minh chung CCHC 2026', files: [] };
  for (const [i, f] of files.entries()) {
    const source = path.join(store, `blob${i}`); // stored files have no meaningful names
    hashes[f.relPath] = await makeRandomFile(source, f.bytes);
    spec.files.push({ relPath: f.relPath, source });
  }
});
afterAll(() => rmSync(store, { recursive: true, force: true }));

describe('exportManualFolder', () => {
  it('writes every file into its criterion folder and a BOM + CRLF list in Vietnamese', async () => {
    const drive = tempDrive();
    const job = fakeJob();
    const r = await exportManualFolder(spec, drive, job, { now: Date.UTC(2026, 2, 5, 3, 0) });
    const folder = path.join(drive, 'Minh chung CCHC 2026');
    expect(r.folder).toBe(folder);
    expect(await list(drive)).toEqual(['Minh chung CCHC 2026']);
    expect((await list(folder)).sort()).toEqual(['1.1', '2.3', LIST_FILE_NAME, 'Tong hop.xlsx']);
    expect((await list(path.join(folder, '1.1'))).sort()).toEqual(['Ke hoach CCHC 2026.pdf', 'Quyet dinh 12-QD-UBND.pdf']);
    expect(await list(path.join(folder, '2.3/2.3.1'))).toEqual(['Bao cao.pdf']);
    for (const f of r.files) {
      expect(f.path).toBe(path.join(folder, f.relPath));
      expect(f.sha256).toBe(hashes[f.relPath]);
      expect(await sha256File(f.path)).toBe(hashes[f.relPath]);
    }
    expect(r.totalBytes).toBe(300_000 + 5 * 1024 * 1024 + 3 + 1 + 20_000);

    const raw = readFileSync(r.listFile);
    expect(r.listFile).toBe(path.join(folder, LIST_FILE_NAME));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8').slice(1);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toMatch(/^DANH SÁCH TỆP ĐỂ TẢI LÊN CỔNG THÔNG TIN\r\nThư mục: Minh chung CCHC 2026\r\nThời điểm xuất: 10:00 05\/03\/2026\r\nSố tệp: 4 — /);
    expect(text).toContain(
      '1. 1.1/Quyet dinh 12-QD-UBND.pdf\r\n   Kích thước: 300,0 KB (300.000 byte)\r\n   SHA-256: ' + hashes['1.1/Quyet dinh 12-QD-UBND.pdf'],
    );
    expect(text).toContain('3. 2.3/2.3.1/Bao cao.pdf\r\n   Kích thước: 1 byte (1 byte)');
    // No temp files anywhere.
    expect(text).not.toContain('.tmp');
    for (const d of [folder, path.join(folder, '1.1'), path.join(folder, '2.3/2.3.1')]) expect((await list(d)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const dones = job.calls.map((c) => c.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(job.calls.at(-1)?.done).toBe(2 * r.totalBytes);
    rmSync(drive, { recursive: true });
  });

  it('never mixes with an earlier export: an existing folder leads to "… (2)", then "(3)"', async () => {
    const drive = tempDrive();
    mkdirSync(path.join(drive, 'Minh chung CCHC 2026'));
    writeFileSync(path.join(drive, 'Minh chung CCHC 2026', 'cu.pdf'), 'old');
    const r2 = await exportManualFolder(spec, drive);
    expect(r2.folder).toBe(path.join(drive, 'Minh chung CCHC 2026 (2)'));
    expect(readFileSync(r2.listFile, 'utf8')).toContain('Thư mục: Minh chung CCHC 2026 (2)');
    const r3 = await exportManualFolder(spec, drive);
    expect(r3.folder).toBe(path.join(drive, 'Minh chung CCHC 2026 (3)'));
    expect(await list(path.join(drive, 'Minh chung CCHC 2026'))).toEqual(['cu.pdf']);
    rmSync(drive, { recursive: true });
  });

  it('refuses a ../ path (and other bad paths) naming them, before writing anything', async () => {
    const drive = tempDrive();
    const bad: ManualExportSpec = {
      folderName: 'Minh chung',
      files: [...spec.files, { relPath: '../ngoai.pdf', source: spec.files[0]!.source }, { relPath: '1.1/Báo cáo.pdf', source: spec.files[0]!.source }],
    };
    const e = await failure(exportManualFolder(bad, drive));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe('Có 2 đường dẫn không dùng được, ví dụ: Đường dẫn “../ngoai.pdf” không dùng được: có “..” (trỏ ra ngoài thư mục xuất).');
    expect(e.issues?.map((i) => i.path)).toEqual(['files.4.relPath', 'files.5.relPath']);
    expect(e.issues?.[1]?.message).toMatch(/^Đường dẫn “1.1\/Báo cáo.pdf” không dùng được: chỉ được dùng chữ cái không dấu/);

    const one = await failure(exportManualFolder({ folderName: 'x', files: [{ relPath: '../ngoai.pdf', source: spec.files[0]!.source }] }, drive));
    expect(one.message).toBe('Đường dẫn “../ngoai.pdf” không dùng được: có “..” (trỏ ra ngoài thư mục xuất).');
    expect(await list(drive)).toEqual([]);
    rmSync(drive, { recursive: true });
  });

  it('refuses duplicates that differ only in case, a file used as a folder, and a clash with the list file', async () => {
    const drive = tempDrive();
    const src = spec.files[0]!.source;
    const e = await failure(
      exportManualFolder(
        {
          folderName: 'x',
          files: [
            { relPath: '1.1/A.pdf', source: src },
            { relPath: '1.1/a.PDF', source: src },
            { relPath: '1.1/A.pdf/b.pdf', source: src },
            { relPath: 'danh sach tep.txt', source: src },
          ],
        },
        drive,
      ),
    );
    expect(e.issues?.map((i) => i.message)).toEqual([
      'Đường dẫn “1.1/a.PDF” không dùng được: trùng với “1.1/A.pdf” (Windows không phân biệt chữ hoa, chữ thường).',
      'Đường dẫn “danh sach tep.txt” không dùng được: trùng tên với tệp danh sách “DANH SACH TEP.txt”.',
      'Đường dẫn “1.1/A.pdf/b.pdf” không dùng được: nằm trong “1.1/A.pdf”, mà “1.1/A.pdf” lại là một tệp.',
    ]);
    expect(await list(drive)).toEqual([]);
    rmSync(drive, { recursive: true });
  });

  it('a missing source file is named, and nothing is created', async () => {
    const drive = tempDrive();
    const e = await failure(exportManualFolder({ folderName: 'x', files: [{ relPath: '1.1/a.pdf', source: path.join(store, 'nope') }] }, drive));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toBe('Không tìm thấy tệp nguồn của “1.1/a.pdf” trên máy. Hãy tải lại tệp minh chứng này rồi thử lại.');
    expect(await list(drive)).toEqual([]);
    rmSync(drive, { recursive: true });
  });

  it('a cancel half-way removes the half-written folder', async () => {
    const drive = tempDrive();
    const job = fakeJob((_d, message, j) => {
      if (message?.startsWith('Đang ghi tệp 2/')) j.cancel();
    });
    const e = await failure(exportManualFolder(spec, drive, job));
    expect(e.code).toBe('CANCELLED');
    expect(await list(drive)).toEqual([]);
    rmSync(drive, { recursive: true });
  });

  it('does not create a destination folder that is gone (an unmounted stick)', async () => {
    const drive = tempDrive();
    const gone = path.join(drive, 'KINGSTON');
    const e = await failure(exportManualFolder(spec, gone));
    expect(e.code).toBe('NOT_FOUND');
    expect(existsSync(gone)).toBe(false);
    rmSync(drive, { recursive: true });
  });
});
