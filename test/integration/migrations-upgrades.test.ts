// Migrations 004 (packages), 008 (the deadline clock) and 009 (evidence words per link) on a
// database of the version before, with rows in it: the rows survive and take their new columns'
// values, and the new tables keep their rules. (001–003: migrations.test.ts; 005–007: their own.)
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { DB_FILE } from '../../main/db/connection';
import { cleanup, tempDir } from '../helpers/services';

let dir: string;
afterEach(() => cleanup(dir));

function at(version: number): Database.Database {
  dir = tempDir();
  const db = new Database(path.join(dir, DB_FILE));
  db.pragma('foreign_keys = ON');
  migrate(db, 1, migrations.slice(0, version));
  return db;
}

function seedAssessment(db: Database.Database) {
  db.prepare(
    `INSERT INTO users (id, username, full_name, position, roles, password_hash, created_at, updated_at) VALUES (1, 'lan', 'Trần Thị Lan', 'Phó Chủ tịch', '["leader"]', 'x', 1, 1)`,
  ).run();
  db.prepare(`INSERT INTO criteria_set (id, name, total_max, created_at) VALUES (1, 'Bộ', 100, 1)`).run();
  db.prepare(`INSERT INTO assessment (id, year, set_id, opens_at, closes_at, status, created_at, updated_at) VALUES (1, 2023, 1, 1, 2, 'open', 1, 1)`).run();
  db.prepare(`INSERT INTO assessment_item (id, assessment_id, criterion_code, updated_at) VALUES (1, 1, '1.1', 1), (2, 1, '1.2', 1)`).run();
}

describe('migration 004', () => {
  it('adds the package table to a v3 database with its people, and refuses an unknown kind', () => {
    const db = at(3);
    seedAssessment(db);
    migrate(db, 2, migrations.slice(0, 4));
    expect(db.prepare('SELECT count(*) AS n FROM assessment_item').get()).toEqual({ n: 2 });
    const insert = (kind: string) =>
      db
        .prepare(
          `INSERT INTO package (kind, ref_id, bag_name, path, size, sha256, tagmanifest_sha256, signer_fingerprint, payload_files, created_at, created_by) VALUES (?, 1, 'KC-2023', '/p.zip', 10, 'a', 'b', 'c', 3, 1, 1)`,
        )
        .run(kind);
    insert('assessment');
    expect(() => insert('hack')).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 008', () => {
  it('keeps the trusted time and the supplementary windows, and adds the reset log', () => {
    const db = at(7);
    seedAssessment(db);
    db.prepare(`INSERT INTO trusted_time (id, latest) VALUES (1, 12345)`).run();
    db.prepare(`INSERT INTO supplementary_window (assessment_id, opens_at, closes_at, criterion_codes, created_at) VALUES (1, 3, 4, '["1"]', 1)`).run();
    migrate(db, 2, migrations.slice(0, 8));
    expect(db.prepare('SELECT latest, floor_seq FROM trusted_time').get()).toEqual({ latest: 12345, floor_seq: 0 });
    expect(db.prepare('SELECT instruction_ref FROM supplementary_window').get()).toEqual({ instruction_ref: null });
    // A reset must go back in time.
    expect(() => db.prepare(`INSERT INTO clock_reset (at, from_ms, to_ms, source, reason, actor_name) VALUES (1, 5, 9, 'reason', 'x', 'Lan')`).run()).toThrow(
      /CHECK/,
    );
    db.close();
  });
});

describe('migration 009', () => {
  it('gives each existing link the words of its document', () => {
    const db = at(8);
    seedAssessment(db);
    const sha = 'a'.repeat(64);
    db.prepare(
      `INSERT INTO document (sha256, size, media_type, original_name, doc_number, doc_date, summary, created_at) VALUES (?, 10, 'application/pdf', 'bc.pdf', '25/BC-UBND', '2023-03-31', 'BC quý I', 1)`,
    ).run(sha);
    db.prepare(
      `INSERT INTO item_document (item_id, sha256, file_name, created_at) VALUES (1, ?, '1.1_so 25BC-UBND_BC', 1), (2, ?, '1.2_so 25BC-UBND_BC', 1)`,
    ).run(sha, sha);
    migrate(db, 2, migrations.slice(0, 9));
    expect(db.prepare('SELECT item_id, doc_number, doc_date, summary FROM item_document ORDER BY item_id').all()).toEqual([
      { item_id: 1, doc_number: '25/BC-UBND', doc_date: '2023-03-31', summary: 'BC quý I' },
      { item_id: 2, doc_number: '25/BC-UBND', doc_date: '2023-03-31', summary: 'BC quý I' },
    ]);
    db.close();
  });
});

describe('migration 010', () => {
  it('adds appraisal results beside the self-scores of a v9 database, and keeps its rules', () => {
    const db = at(9);
    seedAssessment(db);
    db.prepare(`UPDATE assessment_item SET points = 1 WHERE id = 1`).run();
    migrate(db, 2, migrations.slice(0, 10));
    // The self-score is untouched; the council's points live in their own table.
    expect(db.prepare('SELECT points FROM assessment_item WHERE id = 1').get()).toEqual({ points: 1 });
    db.prepare(`INSERT INTO appraisal (assessment_id, source, source_name, imported_at) VALUES (1, 'file', 'ket qua.xlsx', 5)`).run();
    db.prepare(`INSERT INTO appraisal_result (assessment_id, criterion_code, points, reason) VALUES (1, '1.1', 0.5, 'Quá hạn')`).run();
    expect(() => db.prepare(`INSERT INTO appraisal_result (assessment_id, criterion_code, points, not_scored) VALUES (1, '1.2', 1, 1)`).run()).toThrow(/CHECK/);
    const task = db.prepare(
      `INSERT INTO improvement_task (assessment_id, criterion_code, points_lost, assignee_user_id, assignee_unit, due_date, status, created_at, updated_at) VALUES (1, ?, 0.5, ?, ?, ?, ?, 1, 1)`,
    );
    task.run('1.1', 1, null, '2024-06-30', 'doing');
    // One drafted task per criterion; an officer or a unit, never both; statuses and dates as stored.
    expect(() => task.run('1.1', 1, null, null, 'todo')).toThrow(/UNIQUE/);
    expect(() => task.run('1.2', 1, 'Văn phòng HĐND và UBND xã', null, 'todo')).toThrow(/CHECK/);
    expect(() => task.run('1.2', null, null, '30/06/2024', 'todo')).toThrow(/CHECK/);
    expect(() => task.run('1.2', null, null, null, 'finished')).toThrow(/CHECK/);
    // Deleting the assessment takes its results and plan with it.
    db.prepare('DELETE FROM assessment_item').run();
    db.prepare('DELETE FROM assessment WHERE id = 1').run();
    expect(db.prepare('SELECT (SELECT count(*) FROM appraisal_result) + (SELECT count(*) FROM improvement_task) AS n').get()).toEqual({ n: 0 });
    db.close();
  });
});
