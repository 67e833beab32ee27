// Migration 005 (trusted certificates) against a real SQLite file: upgrading a v4 database keeps
// its packages and adds the trust list, whose schema refuses a malformed fingerprint or source.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { DB_FILE } from '../../main/db/connection';
import { tempDir, cleanup } from '../helpers/services';

let dir: string;
afterEach(() => cleanup(dir));

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const insert = (db: Database.Database, fp: string, source = 'imported', pem = PEM) =>
  db.prepare(`INSERT INTO trusted_certificate (fingerprint, pem, name, source, added_at) VALUES (?, ?, 'UBND xã Phú Thượng', ?, 1)`).run(fp, pem, source);

describe('migration 005: trusted certificates', () => {
  it('is number 5, after the packages', () => {
    expect(migrations[4]).toMatchObject({ version: 5, name: expect.stringContaining('trusted certificates') });
  });

  it('upgrades a v4 database, keeping its packages; the schema refuses bad rows', () => {
    dir = tempDir();
    const db = new Database(path.join(dir, DB_FILE));
    db.pragma('foreign_keys = ON');
    migrate(db, 1, migrations.slice(0, 4));
    db.prepare(
      `INSERT INTO package (kind, ref_id, bag_name, path, size, sha256, tagmanifest_sha256, signer_fingerprint, payload_files, created_at)
       VALUES ('assessment', 1, 'KC', '/x.zip', 1, 'a', 'b', 'c', 1, 1)`,
    ).run();
    migrate(db, 2, migrations.slice(0, 5));
    expect(db.prepare('SELECT bag_name FROM package').get()).toEqual({ bag_name: 'KC' });
    insert(db, 'a'.repeat(64));
    expect(db.prepare('SELECT name, source, revoked_at FROM trusted_certificate').get()).toEqual({
      name: 'UBND xã Phú Thượng',
      source: 'imported',
      revoked_at: null,
    });
    expect(() => insert(db, 'a'.repeat(64))).toThrow(/UNIQUE/);
    expect(() => insert(db, 'A'.repeat(64))).toThrow(/CHECK/);
    expect(() => insert(db, 'b'.repeat(63))).toThrow(/CHECK/);
    expect(() => insert(db, 'c'.repeat(64), 'anyone')).toThrow(/CHECK/);
    expect(() => insert(db, 'd'.repeat(64), 'imported', 'not a pem')).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE trusted_certificate SET added_by = 99`).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
