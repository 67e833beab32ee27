// Migration 013 (exam day) on a database of the version before, with a round and its roster: the
// people keep everything and have no previous position yet; the board-link table keeps its rules.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { DB_FILE } from '../../main/db/connection';
import { cleanup, tempDir } from '../helpers/services';

let dir: string;
afterEach(() => cleanup(dir));

describe('migration 013: exam day', () => {
  it('keeps the roster, adds the previous position and the board links with their checks', () => {
    const i = migrations.findIndex((m) => m.version === 13);
    expect(migrations[i]).toMatchObject({ version: 13, name: expect.stringContaining('exam day') });
    dir = tempDir();
    const db = new Database(path.join(dir, DB_FILE));
    db.pragma('foreign_keys = ON');
    migrate(db, 1, migrations.slice(0, i));
    db.prepare(`INSERT INTO exam_round (id, name, exam_date, created_at) VALUES (1, 'Đợt 1 năm 2023', '2023-09-20', 1)`).run();
    db.prepare(
      `INSERT INTO roster_entry (round_id, form, full_name, position_id, position_title, commune, note, person_key) VALUES (1, '02', 'Lê Thị Hương', 'VP_TK', 'Văn phòng - Thống kê', 'Xã Đại Tâm', 'Phụ trách một cửa', 'k')`,
    ).run();
    migrate(db, 2, migrations.slice(0, i + 1));
    expect(db.prepare('SELECT full_name, note, previous_position_id FROM roster_entry').get()).toEqual({
      full_name: 'Lê Thị Hương',
      note: 'Phụ trách một cửa',
      previous_position_id: null,
    });
    db.prepare(`UPDATE roster_entry SET previous_position_id = 'TP_HT'`).run();
    expect(() => db.prepare(`UPDATE roster_entry SET previous_position_id = 'Chủ tịch HĐND'`).run()).toThrow(/CHECK/);
    const link = (round: number, sha: string) =>
      db.prepare(`INSERT INTO exam_board_link (round_id, token_sha256, valid_until, created_at) VALUES (?, ?, 2, 1)`).run(round, sha);
    link(1, 'a'.repeat(64));
    expect(() => link(1, 'a'.repeat(64))).toThrow(/UNIQUE/);
    expect(() => link(1, 'short')).toThrow(/CHECK/);
    expect(() => link(9, 'b'.repeat(64))).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM exam_round').run();
    expect(db.prepare('SELECT count(*) AS n FROM exam_board_link').get()).toEqual({ n: 0 });
    db.close();
  });
});
