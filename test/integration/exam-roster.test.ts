// Rosters into a round through the CLI and the API: round trip of every form, and a malformed
// file refused whole with nothing written.
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { tempDir, cleanup, openTestApp, setUpOffice, type TestApp } from '../helpers/services';
import { runCli } from '../helpers/cli';
import { makeRoster, writeRawXlsx, row02, TITLE_02 } from '../helpers/roster';
import { writeRosterXlsx, readRosterFile } from '../../main/services/roster';
import { DB_FILE } from '../../main/db/connection';
import { importRosterFile } from '../../main/services/exam/roster-io';
import { SYSTEM_ACTOR } from '../../main/services/context';

let dir: string;
let app: TestApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
  cleanup(dir);
});

const META = { province: 'Sóc Trăng', district: 'Mỹ Xuyên', roundName: 'Đợt 1 năm 2023', date: '2023-09-20' };

describe('roster import and export through the CLI', () => {
  it('forms 01–05: export → import gives the same people', async () => {
    dir = tempDir();
    const data = path.join(dir, 'data');
    expect(runCli(['demo', '--data-dir', data]).code).toBe(0);
    for (const form of ['01', '02', '03', '04', '05'] as const) {
      const file = path.join(dir, `in-${form}.xlsx`);
      const rows = makeRoster(form, 25, { seed: Number(form) });
      await writeRosterXlsx(form, rows, META, file);
      const imp = runCli(['roster', 'import', file, '--round', 'Đợt 1 năm 2023', '--data-dir', data]);
      expect(imp.stderr).toBe('');
      expect(imp.code).toBe(0);
      expect(imp.stdout).toContain(`Mẫu ${form}: 25 người`);
      const out = path.join(dir, `out-${form}.xlsx`);
      expect(runCli(['roster', 'export', '--form', form, '--round', 'Đợt 1 năm 2023', '--out', out, '--data-dir', data]).code).toBe(0);
      const [a, b] = await Promise.all([readRosterFile(file), readRosterFile(out)]);
      const key = (r: {
        fullName: string;
        gender: string | null;
        birthYear: number | null;
        positionTitle: string | null;
        commune: string | null;
        phone: string | null;
      }) => [r.fullName, r.gender, r.birthYear, r.positionTitle, r.commune, r.phone].join('|');
      expect(b.errors).toEqual([]);
      expect(b.forms[0]!.rows.map(key).sort()).toEqual(a.forms[0]!.rows.map(key).sort());
    }
    const pdf = path.join(dir, 'mau-02.pdf');
    expect(runCli(['roster', 'export', '--form', '02', '--round', 'Đợt 1 năm 2023', '--out', pdf, '--data-dir', data]).code).toBe(0);
  });
});

describe('a malformed roster', () => {
  it('is refused whole with a Vietnamese message per problem, and nothing is written', async () => {
    dir = tempDir();
    app = openTestApp(dir);
    const token = await setUpOffice(app);
    const round = await app.call('exam.createRound', { name: 'Đợt thử', examDate: null, venue: null, district: null }, token);
    const good = path.join(dir, 'good.xlsx');
    await writeRosterXlsx('02', makeRoster('02', 5, { seed: 7 }), META, good);
    await importRosterFile(app.s, SYSTEM_ACTOR, good, 'good.xlsx', round.id);
    const before = app.s.db.sqlite.prepare('SELECT COUNT(*) n FROM roster_entry').get();

    const bad = path.join(dir, 'bad.xlsx');
    await writeRawXlsx(bad, [
      {
        name: 'Mẫu 02',
        titleRows: TITLE_02,
        rows: [
          row02('Nguyễn Văn A', 'nam', 1980, 'Văn phòng - Thống kê', 'Đại Tâm', '0912345678'),
          row02('Trần Thị B', 'nu', 'năm tám lăm', 'Tư pháp - Hộ tịch', 'Đại Tâm', '0912345679'),
          row02('Lê Văn C', 'nam', 1985, 'Thủ kho', 'Đại Tâm', '0912345670'),
          row02('Phạm Văn D', 'nam', 1987, 'Tài chính - Kế toán', 'Đại Tâm', '12345'),
          row02('Nguyễn Văn A', 'nam', 1980, 'Văn phòng - Thống kê', 'Đại Tâm', '0912345678'),
        ],
      },
    ]);
    const e = await importRosterFile(app.s, SYSTEM_ACTOR, bad, 'bad.xlsx', round.id).catch(
      (x: unknown) => x as { code: string; message: string; issues: { path: string; message: string }[] },
    );
    expect((e as { code: string }).code).toBe('VALIDATION');
    const issues = (e as { issues: { path: string; message: string }[] }).issues;
    expect(issues.length).toBeGreaterThanOrEqual(4);
    for (const i of issues) expect(i.path).toMatch(/dòng \d+/);
    expect(app.s.db.sqlite.prepare('SELECT COUNT(*) n FROM roster_entry').get()).toEqual(before);
  });

  it('a junk file renamed .xlsx is refused through the CLI and the data folder is untouched', async () => {
    dir = tempDir();
    const data = path.join(dir, 'data');
    runCli(['db', 'migrate', '--data-dir', data]);
    const junk = path.join(dir, 'danh-sach.xlsx');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(junk, Buffer.alloc(2 * 1024 * 1024, 0x41));
    const r = runCli(['roster', 'import', junk, '--round', 'Đợt 1', '--data-dir', data]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/danh-sach\.xlsx/);
    const db = new Database(path.join(data, DB_FILE), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) n FROM roster_entry').get()).toEqual({ n: 0 });
    db.close();
  });
});
