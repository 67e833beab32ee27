// Migrations against real SQLite files: from empty, per migration, and the refusals.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { openDatabase, DB_FILE } from '../../main/db/connection';
import { tempDir, cleanup } from '../helpers/services';
import { runCli } from '../helpers/cli';

let dir: string;
afterEach(() => cleanup(dir));

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('bring an empty file to the latest schema, with WAL and foreign keys on', () => {
    dir = tempDir();
    const { db, migrated } = openDatabase(dir, 1);
    expect(migrated).toEqual({ from: 0, to: migrations.length });
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tables(db.sqlite)).toEqual(expect.arrayContaining(['office', 'users', 'sessions', 'settings', 'audit_log', 'schema_migrations']));
    db.close();
    // Opening again applies nothing.
    const again = openDatabase(dir, 2);
    expect(again.migrated).toEqual({ from: migrations.length, to: migrations.length });
    again.db.close();
  });

  it('001: the audit log refuses UPDATE and DELETE', () => {
    dir = tempDir();
    const db = new Database(path.join(dir, DB_FILE));
    migrate(db, 1, migrations.slice(0, 1));
    db.prepare(`INSERT INTO audit_log (seq, at, action, entity, prev_hash, hash) VALUES (1, 1, 'x', 'y', 'p', 'h')`).run();
    expect(() => db.prepare(`UPDATE audit_log SET action = 'z'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
    db.close();
  });

  it('002: upgrading a v1 database keeps its people and adds the assessment tables', () => {
    dir = tempDir();
    const db = new Database(path.join(dir, DB_FILE));
    db.pragma('foreign_keys = ON');
    migrate(db, 1, migrations.slice(0, 1));
    db.prepare(
      `INSERT INTO users (username, full_name, position, roles, password_hash, created_at, updated_at) VALUES ('lan', 'Trần Thị Lan', 'Phó Chủ tịch', '["leader"]', 'x', 1, 1)`,
    ).run();
    migrate(db, 2, migrations.slice(0, 2));
    expect(db.prepare('SELECT full_name FROM users').get()).toEqual({ full_name: 'Trần Thị Lan' });
    expect(tables(db)).toEqual(
      expect.arrayContaining(['criteria_set', 'criterion', 'assessment', 'assessment_item', 'document', 'item_document', 'trusted_time']),
    );
    // A points value and a status outside the rules are refused by the schema itself.
    db.prepare(`INSERT INTO criteria_set (name, total_max, created_at) VALUES ('Bộ', 100, 1)`).run();
    db.prepare(`INSERT INTO assessment (year, set_id, opens_at, closes_at, created_at, updated_at) VALUES (2023, 1, 1, 2, 1, 1)`).run();
    expect(() => db.prepare(`INSERT INTO assessment_item (assessment_id, criterion_code, status, updated_at) VALUES (1, '1.1', 'done?', 1)`).run()).toThrow(
      /CHECK/,
    );
    db.close();
  });

  it('003: upgrading a v2 database keeps its assessments and adds the exam tables', () => {
    dir = tempDir();
    const db = new Database(path.join(dir, DB_FILE));
    db.pragma('foreign_keys = ON');
    migrate(db, 1, migrations.slice(0, 2));
    db.prepare(`INSERT INTO criteria_set (name, total_max, created_at) VALUES ('Bộ tiêu chí', 100, 1)`).run();
    db.prepare(`INSERT INTO assessment (year, set_id, opens_at, closes_at, created_at, updated_at) VALUES (2023, 1, 1, 2, 1, 1)`).run();
    migrate(db, 2, migrations.slice(0, 3));
    expect(db.prepare('SELECT year FROM assessment').get()).toEqual({ year: 2023 });
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'exam_round',
        'roster_entry',
        'exam_team',
        'exam_performer',
        'exam_step',
        'exam_record',
        'exam_incident',
        'exam_override',
        'clock_event',
      ]),
    );
    db.prepare(`INSERT INTO exam_round (name, created_at) VALUES ('Đợt 1', 1)`).run();
    db.prepare(`INSERT INTO exam_team (round_id, commune, created_at) VALUES (1, 'Đại Tâm', 1)`).run();
    expect(() => db.prepare(`INSERT INTO exam_step (team_id, step) VALUES (1, 5)`).run()).toThrow(/CHECK/);
    db.close();
  });

  it('refuses a database written by a newer version, and leaves it untouched', () => {
    dir = tempDir();
    openDatabase(dir, 1).db.close();
    const raw = new Database(path.join(dir, DB_FILE));
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migrations.length + 1, 'from the future', 2);
    raw.close();
    expect(() => openDatabase(dir, 3)).toThrow(/phiên bản Kiểm Chứng mới hơn \(lược đồ số \d+\)/);
    const cli = runCli(['db', 'migrate', '--data-dir', dir]);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toMatch(/Hãy cập nhật ứng dụng/);
    const check = new Database(path.join(dir, DB_FILE), { readonly: true });
    expect((check.prepare('SELECT MAX(version) v FROM schema_migrations').get() as { v: number }).v).toBe(migrations.length + 1);
    check.close();
  });

  it('refuses an applied history that is not a prefix of the known list', () => {
    dir = tempDir();
    openDatabase(dir, 1).db.close();
    const raw = new Database(path.join(dir, DB_FILE));
    raw.prepare("UPDATE schema_migrations SET name = 'something else' WHERE version = 1").run();
    raw.close();
    expect(() => openDatabase(dir, 2)).toThrow(/lịch sử nâng cấp không khớp/);
  });

  it('a failing migration leaves nothing half-applied', () => {
    dir = tempDir();
    const db = new Database(path.join(dir, DB_FILE));
    const broken = [
      ...migrations,
      { version: migrations.length + 1, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE half (x); SELECT * FROM no_such_table;') },
    ];
    expect(() => migrate(db, 1, broken)).toThrow();
    expect(tables(db)).not.toContain('half');
    expect(tables(db)).not.toContain('users');
    db.close();
  });

  it('`kiemchung db migrate` reports what it did, in Vietnamese', () => {
    dir = tempDir();
    const first = runCli(['db', 'migrate', '--data-dir', dir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Đã nâng cấp cơ sở dữ liệu từ lược đồ 0 lên \d+/);
    const second = runCli(['db', 'migrate', '--data-dir', dir]);
    expect(second.stdout).toMatch(/đã ở lược đồ mới nhất/);
  });
});
