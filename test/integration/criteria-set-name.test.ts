// A criteria set is named by the user: the import proposes a name from the file's title rows (or
// the file name the user chose), never the upload's random id; messages name the file as the user
// knows it (issue 12).
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { proposeName, readCriteriaFile } from '../../main/services/criteria-file';
import { ApiError } from '../../shared/errors';
import { writeCriteriaXlsx } from '../helpers/criteria-xlsx';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-set-name-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// How an upload is stored: under a random id, without the user's file name.
const UPLOAD = '33fce2df-2799-4c1a-9f0e-0a1b2c3d4e5f';
const rows = [
  ['1', 'Công tác chỉ đạo, điều hành CCHC', 10, null, null],
  ['1.1', 'Kế hoạch CCHC năm', 10, null, null],
];

describe('the name of an imported criteria set', () => {
  it('is proposed from the title rows above the table', async () => {
    const src = path.join(dir, 'a.xlsx');
    await writeCriteriaXlsx(src, rows, { titleRows: ['UBND TỈNH THÁI NGUYÊN', 'BỘ TIÊU CHÍ ĐÁNH GIÁ CCHC CẤP XÃ NĂM 2024', 'Kèm theo Kế hoạch số 12'] });
    const up = path.join(dir, UPLOAD);
    copyFileSync(src, up);
    const r = await readCriteriaFile(up, { displayName: 'Bo tieu chi 2024.xlsx' });
    expect(r.meta.name).toBe('BỘ TIÊU CHÍ ĐÁNH GIÁ CCHC CẤP XÃ NĂM 2024');
  });

  it('falls back to the file name the user chose, not the upload id', async () => {
    const src = path.join(dir, 'b.xlsx');
    await writeCriteriaXlsx(src, rows);
    const up = path.join(dir, `${UPLOAD}-b`);
    copyFileSync(src, up);
    const r = await readCriteriaFile(up, { displayName: 'Chi so CCHC xa 2024.xlsx' });
    expect(r.meta.name).toBe('Chi so CCHC xa 2024');
    expect(r.meta.name).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it('messages name the file as the user knows it', async () => {
    const up = path.join(dir, `${UPLOAD}-c`);
    writeFileSync(up, 'không phải bảng tính');
    const e = await readCriteriaFile(up, { displayName: 'bo-tieu-chi.xlsx' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).message).toContain('bo-tieu-chi.xlsx');
    expect((e as ApiError).message).not.toContain(UPLOAD);
  });

  it('proposeName prefers the row that says what the table is, else the longest', () => {
    expect(proposeName(['UBND XÃ PHÚ THƯỢNG', 'Bộ chỉ số CCHC cấp xã'])).toBe('Bộ chỉ số CCHC cấp xã');
    expect(proposeName(['PHỤ LỤC', 'Kèm theo Kế hoạch 23/KH-UBND ngày 05/01/2024'])).toBe('Kèm theo Kế hoạch 23/KH-UBND ngày 05/01/2024');
    expect(proposeName(['', '12'])).toBeNull();
  });
});

describe('criteria.rename through the router', () => {
  it('renames (audited), refuses an empty name in Vietnamese, and only for leaders', async () => {
    const { openTestApp, cleanup, setUpOffice } = await import('../helpers/services');
    const app = openTestApp();
    try {
      const leader = await setUpOffice(app);
      const set = await app.call('criteria.importSample', {}, leader);
      const renamed = await app.call('criteria.rename', { setId: set.id, name: '  Bộ chỉ số CCHC cấp xã 2026  ' }, leader);
      expect(renamed.name).toBe('Bộ chỉ số CCHC cấp xã 2026');
      expect((await app.call('criteria.list', {}, leader))[0]!.name).toBe('Bộ chỉ số CCHC cấp xã 2026');
      const empty = await app.fail('criteria.rename', { setId: set.id, name: '   ' }, leader);
      expect(empty.code).toBe('VALIDATION');
      expect(empty.issues?.[0]).toEqual({ path: 'name', message: 'Cần nhập tên bộ tiêu chí.' });
      const log = await app.call('audit.list', { limit: 5 }, leader);
      const row = log.entries.find((e) => e.action === 'criteria.rename')!;
      expect(row.before).toEqual({ name: set.name });
      expect(row.after).toEqual({ name: 'Bộ chỉ số CCHC cấp xã 2026' });
      expect(row.subject).toBe('Bộ chỉ số CCHC cấp xã 2026');
      await app.call(
        'users.create',
        { fullName: 'Lê Thị Hương', position: 'Văn phòng - Thống kê', username: 'huong', password: 'huong-123456', roles: ['officer'] },
        leader,
      );
      const { token: officer } = await app.call('auth.login', { username: 'huong', password: 'huong-123456' });
      expect((await app.fail('criteria.rename', { setId: set.id, name: 'Khác' }, officer)).code).toBe('FORBIDDEN');
    } finally {
      app.close();
      cleanup(app.dir);
    }
  });
});
