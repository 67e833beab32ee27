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
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE half (x); SELECT * FROM no_such_table;') }];
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
