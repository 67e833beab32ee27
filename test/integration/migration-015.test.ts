// Migration 015 on a v14 database with packages and outbox rows (one sent with its receipt): the
// rebuilt tables keep every row, the outbox still points at its package and refuses a dangling
// one, the index is back, and the inspection and training kinds are now accepted — nothing else.
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

const sha = (c: string) => c.repeat(64);
const insertPackage = (db: Database.Database, kind: string, c: string) =>
  db
    .prepare(
      `INSERT INTO package (kind, ref_id, bag_name, path, size, sha256, tagmanifest_sha256, signer_fingerprint, payload_files, created_at, created_by) VALUES (?, 1, 'KC-2023', ?, 10, ?, 'b', 'c', 3, 1, 1)`,
    )
    .run(kind, `/p-${c}.zip`, sha(c)).lastInsertRowid;
const insertOutbox = (db: Database.Database, packageId: number | bigint | null, kind: string | null, c: string, state = 'waiting') =>
  db
    .prepare(
      `INSERT INTO outbox (package_id, sha256, path, file_name, size, kind, state, next_try_at, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, 10, ?, ?, 5, 1, 1, 1)`,
    )
    .run(packageId, sha(c), `/p-${c}.zip`, `p-${c}.zip`, kind, state);

describe('migration 015', () => {
  it('rebuilds package and outbox with every row, keeps the foreign keys and index, and accepts the inspection and training kinds', () => {
    const db = at(14);
    db.prepare(
      `INSERT INTO users (id, username, full_name, position, roles, password_hash, created_at, updated_at) VALUES (1, 'lan', 'Trần Thị Lan', 'Phó Chủ tịch', '["leader"]', 'x', 1, 1)`,
    ).run();
    // The old CHECK refused the new kinds: that is what the migration is for.
    expect(() => insertPackage(db, 'inspection', 'f')).toThrow(/CHECK/);
    const a = insertPackage(db, 'assessment', 'a');
    const e = insertPackage(db, 'exam', 'e');
    insertOutbox(db, a, 'assessment', 'a');
    insertOutbox(db, e, 'exam', 'e', 'sent');
    db.prepare(`UPDATE outbox SET receipt_id = 'R-1', receipt_json = '{"r":1}', received_at = 7, bytes_sent = 10, attempts = 2 WHERE kind = 'exam'`).run();
    insertOutbox(db, null, null, 'c'); // a file queued by the CLI
    const packagesBefore = db.prepare('SELECT * FROM package ORDER BY id').all();
    const outboxBefore = db.prepare('SELECT * FROM outbox ORDER BY id').all();

    migrate(db, 2, migrations.slice(0, 15));

    expect(db.prepare('SELECT * FROM package ORDER BY id').all()).toEqual(packagesBefore);
    expect(db.prepare('SELECT * FROM outbox ORDER BY id').all()).toEqual(outboxBefore);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE name LIKE '%_new'`).all()).toEqual([]);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'outbox' AND name = 'outbox_due'`).all()).toHaveLength(1);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare(`SELECT "table", "from", "to" FROM pragma_foreign_key_list('outbox') ORDER BY "from"`).all()).toEqual([
      { table: 'users', from: 'created_by', to: 'id' },
      { table: 'package', from: 'package_id', to: 'id' },
    ]);

    // The new kinds go in, in both tables; anything else is still refused.
    const i = insertPackage(db, 'inspection', 'i');
    const t = insertPackage(db, 'training', 't');
    insertOutbox(db, i, 'inspection', 'i');
    insertOutbox(db, t, 'training', 't');
    expect(() => insertPackage(db, 'hack', 'h')).toThrow(/CHECK/);
    expect(() => insertOutbox(db, t, 'hack', 'h')).toThrow(/CHECK/);
    // The outbox's package must exist, and a package in the outbox cannot be deleted from under it.
    expect(() => insertOutbox(db, 999, 'training', 'x')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('DELETE FROM package WHERE id = ?').run(i)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE outbox SET sha256 = ? WHERE package_id = ?`).run(sha('a'), t)).toThrow(/UNIQUE/);
    db.close();
  });
});
