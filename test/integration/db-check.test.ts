// `kiemchung db check` over a real data folder: clean, then with one audit row tampered.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { openTestApp, cleanup, setUpOffice, tempDir } from '../helpers/services';
import { runCli } from '../helpers/cli';
import { DB_FILE } from '../../main/db/connection';

let dir: string;
afterEach(() => cleanup(dir));

async function seed(): Promise<string> {
  dir = tempDir();
  const app = openTestApp(dir);
  const leader = await setUpOffice(app);
  for (const [i, name] of ['Lan', 'Hương', 'Đức'].entries()) {
    await app.call(
      'users.create',
      { fullName: name, position: 'Tài chính - Kế toán', username: `canbo${i}`, password: 'mat-khau-123', roles: ['officer'] },
      leader,
    );
  }
  app.close();
  return dir;
}

describe('kiemchung db check', () => {
  it('reports a whole database and chain with exit 0', async () => {
    await seed();
    const r = runCli(['db', 'check', '--data-dir', dir]);
    expect(r.stdout).toContain('Kiểm tra toàn vẹn SQLite: ổn.');
    expect(r.stdout).toMatch(/Chuỗi nhật ký: 6 dòng, toàn vẹn\./);
    expect(r.code).toBe(0);
  });

  it('names the first tampered row and exits non-zero', async () => {
    await seed();
    const db = new Database(path.join(dir, DB_FILE));
    // An attacker with the sqlite3 tool: drop the append-only trigger, rewrite a row.
    db.exec('DROP TRIGGER audit_log_no_update');
    const changed = db.prepare(`UPDATE audit_log SET after_json = replace(after_json, 'Hương', 'Hưng') WHERE seq = 5`).run();
    expect(changed.changes).toBe(1);
    db.close();
    const r = runCli(['db', 'check', '--data-dir', dir]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain('Dòng nhật ký #5 đã bị sửa: mã băm không khớp với nội dung.');
  });

  it('detects a deleted row', async () => {
    await seed();
    const db = new Database(path.join(dir, DB_FILE));
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    db.close();
    const r = runCli(['db', 'check', '--data-dir', dir]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain('Dòng nhật ký #3 không nối với dòng trước');
  });

  it('says clearly when there is no data folder', () => {
    dir = tempDir();
    const r = runCli(['db', 'check', '--data-dir', path.join(dir, 'khong-co')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Không mở được dữ liệu/);
  });
});
