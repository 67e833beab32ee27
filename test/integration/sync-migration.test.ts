// Migration 006 (sync: receiver connection and outbox) against real SQLite files.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { DB_FILE } from '../../main/db/connection';
import { tempDir, cleanup } from '../helpers/services';

let dir: string;
afterEach(() => cleanup(dir));

const idx = migrations.findIndex((m) => m.version === 6);
const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
const SHA = 'a'.repeat(64);

describe('migration 006: sync', () => {
  it('upgrading the previous schema keeps its packages and adds the connection and the outbox', () => {
    dir = tempDir();
    const db = new Database(path.join(dir, DB_FILE));
    db.pragma('foreign_keys = ON');
    migrate(db, 1, migrations.slice(0, idx));
    db.prepare(
      `INSERT INTO package (kind, ref_id, bag_name, path, size, sha256, tagmanifest_sha256, signer_fingerprint, payload_files, created_at)
       VALUES ('assessment', 1, 'KC-2023', '/p.zip', 10, '${SHA}', 't', 'f', 3, 1)`,
    ).run();
    migrate(db, 2, migrations.slice(0, idx + 1));
    expect(db.prepare('SELECT bag_name FROM package').get()).toEqual({ bag_name: 'KC-2023' });
    expect(tables(db)).toEqual(expect.arrayContaining(['sync_connection', 'outbox']));

    const ins = db.prepare(
      `INSERT INTO outbox (package_id, sha256, path, file_name, size, kind, state, next_try_at, created_at, updated_at) VALUES (?, ?, '/p.zip', 'p.zip', 10, 'assessment', ?, 0, 1, 1)`,
    );
    ins.run(1, SHA, 'waiting');
    // One row per package hash; states and references are the schema's to enforce.
    expect(() => ins.run(1, SHA, 'waiting')).toThrow(/UNIQUE/);
    expect(() => ins.run(1, 'b'.repeat(64), 'delivered')).toThrow(/CHECK/);
    expect(() => ins.run(99, 'c'.repeat(64), 'waiting')).toThrow(/FOREIGN KEY/);

    const conn = db.prepare(
      `INSERT INTO sync_connection (id, url, office_key, client_token, receiver_certificate_pem, receiver_fingerprint, signer_fingerprint, enrolled_at, updated_at)
       VALUES (?, 'http://x/', 'A/B/C', 't', 'pem', '${SHA}', 'f', 1, 1)`,
    );
    conn.run(1);
    expect(() => conn.run(2)).toThrow(/CHECK/);
    db.close();
  });
});
