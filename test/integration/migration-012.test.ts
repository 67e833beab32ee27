// Migration 012 (inspection report, training register) on a database of the version before, with
// people and evidence in it: they keep everything, and the new tables keep their rules.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { DB_FILE } from '../../main/db/connection';
import { cleanup, tempDir } from '../helpers/services';

let dir: string;
afterEach(() => cleanup(dir));

describe('migration 012: inspection and training', () => {
  it('keeps people and documents, adds the tables with their checks', () => {
    const i = migrations.findIndex((m) => m.version === 12);
    expect(i).toBe(11);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, n) => n + 1));
    dir = tempDir();
    const db = new Database(path.join(dir, DB_FILE));
    db.pragma('foreign_keys = ON');
    migrate(db, 1, migrations.slice(0, i));
    db.prepare(
      `INSERT INTO users (id, username, full_name, position, roles, password_hash, created_at, updated_at) VALUES (1, 'lan', 'Trần Thị Lan', 'Văn phòng - Thống kê', '["officer"]', 'x', 1, 1)`,
    ).run();
    db.prepare(`INSERT INTO document (sha256, size, media_type, original_name, created_at) VALUES (?, 10, 'application/pdf', 'cn.pdf', 1)`).run('a'.repeat(64));
    migrate(db, 2, migrations.slice(0, i + 1));
    expect(db.prepare('SELECT full_name FROM users').get()).toEqual({ full_name: 'Trần Thị Lan' });

    const ins = (method: string, visit: string | null) =>
      db
        .prepare(`INSERT INTO inspection (year, plan_number, method, visit_date, created_at, updated_at) VALUES (2023, '110/KH-UBND', ?, ?, 1, 1)`)
        .run(method, visit);
    expect(ins('scheduled', '2023-09-20').lastInsertRowid).toBe(1);
    expect(() => ins('bất ngờ', null)).toThrow(/CHECK/);
    expect(() => ins('surprise', '20/09/2023')).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO inspection_document (inspection_id, item_key, sha256, file_name, created_at) VALUES (1, 'I.1.1', ?, 'x', 1)`).run('b'.repeat(64)),
    ).toThrow(/FOREIGN KEY/);

    db.prepare(`INSERT INTO training_course (id, name, created_at) VALUES (1, 'Lớp CCHC 2023', 1)`).run();
    expect(() => db.prepare(`INSERT INTO training_course (name, created_at) VALUES ('Lớp CCHC 2023', 1)`).run()).toThrow(/UNIQUE/);
    const q = (text: string, correct: string) =>
      db
        .prepare(
          `INSERT INTO training_question (course_id, position, text, option_a, option_b, option_c, option_d, correct, points) VALUES (1, 1, ?, 'a', 'b', 'c', 'd', ?, 1)`,
        )
        .run(text, correct);
    q('Câu 1', 'A');
    expect(() => q('Câu 2', 'E')).toThrow(/CHECK/);
    expect(() => q('Câu 1', 'B')).toThrow(/UNIQUE/);
    db.prepare(
      `INSERT INTO training_test (id, course_id, name, question_count, time_limit_minutes, passing_percent, created_at) VALUES (1, 1, 'Cuối khóa', 1, 15, 50, 1)`,
    ).run();
    const attempt = (no: number) =>
      db
        .prepare(
          `INSERT INTO training_attempt (test_id, user_id, attempt_no, question_ids, started_at, deadline_at, max_score) VALUES (1, 1, ?, '[1]', 1, 2, 1)`,
        )
        .run(no);
    attempt(1);
    attempt(2); // a second attempt is its own row
    expect(() => attempt(2)).toThrow(/UNIQUE/);
    db.close();
  });
});
