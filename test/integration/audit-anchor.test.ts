// `kiemchung db check` against the attacks the hash chain alone misses: rows deleted at the end,
// a row edited and every later hash recomputed, rows deleted and renumbered and rehashed, and a
// score changed in the database with no audit row. The chain is anchored outside the database
// (audit-anchor.txt, and each package's bag-info), and audited tables are compared with the log.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { openTestApp, cleanup, setUpOffice, tempDir } from '../helpers/services';
import { importSmallSet, OPENS, CLOSES } from '../helpers/assessment';
import { runCli } from '../helpers/cli';
import { DB_FILE } from '../../main/db/connection';
import { ANCHOR_FILE } from '../../main/services/audit-anchor';
import { GENESIS_HASH, rowHash, type ChainedRow } from '../../main/domain/audit-chain';

let dir: string;
afterEach(() => cleanup(dir));

/** A data folder with people, an assessment and two scores: 9 audit rows. */
async function seed(): Promise<void> {
  dir = tempDir();
  const app = openTestApp(dir);
  const leader = await setUpOffice(app);
  for (const [i, name] of ['Lan', 'Hương'].entries()) {
    await app.call(
      'users.create',
      { fullName: name, position: 'Tài chính - Kế toán', username: `canbo${i}`, password: 'mat-khau-123', roles: ['officer'] },
      leader,
    );
  }
  const setId = await importSmallSet(app, leader);
  const a = await app.call('assessment.create', { year: 2023, setId, opensAt: OPENS, closesAt: CLOSES }, leader);
  const items = (await app.call('assessment.get', { assessmentId: a.id }, leader)).items;
  const item = (code: string) => items.find((i) => i.criterionCode === code)!.id;
  await app.call('item.update', { itemId: item('1.1'), points: 1 }, leader);
  await app.call('item.update', { itemId: item('2.1'), points: 1.5, explanation: 'Đã công khai đủ 100% TTHC tại bộ phận một cửa' }, leader);
  app.close();
}

/** Opens the database as an attacker with the sqlite3 tool would: triggers dropped. */
function tamper(fn: (db: Database.Database) => void) {
  const db = new Database(path.join(dir, DB_FILE));
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  fn(db);
  db.close();
}

/** Recomputes every hash from `fromSeq` on, so the chain itself verifies again. */
function rehash(db: Database.Database) {
  const rows = db
    .prepare(
      `SELECT seq, at, user_id AS userId, actor_name AS actorName, action, entity, entity_id AS entityId, before_json AS beforeJson, after_json AS afterJson, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq`,
    )
    .all() as ChainedRow[];
  let prev = GENESIS_HASH;
  const upd = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const r of rows) {
    const h = rowHash(prev, r);
    upd.run(prev, h, r.seq);
    prev = h;
  }
}

const check = () => runCli(['db', 'check', '--data-dir', dir]);

describe('db check beyond the chain', () => {
  it('a whole folder: chain, anchors and scores agree (exit 0)', async () => {
    await seed();
    const lines = readFileSync(path.join(dir, ANCHOR_FILE), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(9);
    const r = check();
    expect(r.stdout).toContain('Chuỗi nhật ký: 9 dòng, toàn vẹn.');
    expect(r.stdout).toContain('Mốc nhật ký ngoài cơ sở dữ liệu: 9 mốc, khớp.');
    expect(r.stdout).toContain('Điểm, trạng thái và giải trình của các tiêu chí khớp với nhật ký.');
    expect(r.code).toBe(0);
  });

  it('the last rows deleted (the chain alone still verifies)', async () => {
    await seed();
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq >= 8').run());
    const r = check();
    expect(r.stdout).toContain('Chuỗi nhật ký: 7 dòng, toàn vẹn.');
    expect(r.stdout).toContain(
      'Nhật ký khớp với mốc đến dòng #7; sau đó không còn khớp: dòng #8 (ghi ở dòng 8 của audit-anchor.txt) không còn trong cơ sở dữ liệu — có dòng đã bị xóa.',
    );
    expect(r.code).toBe(2);
  });

  it('a row edited and every later hash recomputed', async () => {
    await seed();
    tamper((db) => {
      db.prepare(`UPDATE audit_log SET actor_name = 'Người khác' WHERE seq = 4`).run();
      rehash(db);
    });
    const r = check();
    expect(r.stdout).toContain('Chuỗi nhật ký: 9 dòng, toàn vẹn.');
    expect(r.stdout).toContain('Nhật ký khớp với mốc đến dòng #3; sau đó không còn khớp: dòng #4 có mã băm khác với mốc ghi ở dòng 4 của audit-anchor.txt');
    expect(r.code).toBe(2);
  });

  it('a row deleted, the rest renumbered and rehashed', async () => {
    await seed();
    tamper((db) => {
      db.prepare('DELETE FROM audit_log WHERE seq = 5').run();
      db.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > 5').run();
      rehash(db);
    });
    const r = check();
    expect(r.stdout).toContain('Chuỗi nhật ký: 8 dòng, toàn vẹn.');
    expect(r.stdout).toContain('Nhật ký khớp với mốc đến dòng #4; sau đó không còn khớp: dòng #5 có mã băm khác');
    expect(r.code).toBe(2);
  });

  it('a score changed in the database with no audit row', async () => {
    await seed();
    tamper((db) => db.prepare(`UPDATE assessment_item SET points = 2 WHERE criterion_code = '1.1'`).run());
    const r = check();
    expect(r.stdout).toContain('Chuỗi nhật ký: 9 dòng, toàn vẹn.');
    expect(r.stdout).toContain('Tiêu chí 1.1 năm 2023: điểm tự chấm đang là 2 nhưng nhật ký ghi 1 — đã bị sửa ngoài ứng dụng, không có dòng nhật ký.');
    expect(r.code).toBe(2);
  });

  it('an explanation written into an item that was never audited', async () => {
    await seed();
    tamper((db) => db.prepare(`UPDATE assessment_item SET explanation = 'Bổ sung sau', status = 'done' WHERE criterion_code = '1.2'`).run());
    const r = check();
    expect(r.stdout).toContain('Tiêu chí 1.2 năm 2023: giải trình đang là "Bổ sung sau" nhưng nhật ký ghi —');
    expect(r.stdout).toContain('Tiêu chí 1.2 năm 2023: trạng thái đang là Hoàn thành nhưng nhật ký ghi Chưa xong');
    expect(r.code).toBe(2);
  });
});
