import type { Migration } from './types';

/** The kinds every package table accepts from now on (shared/package-schema.ts PACKAGE_KINDS). */
const KINDS = `'assessment', 'exam', 'inspection', 'training'`;

/**
 * The inspection report (document 003) and the training results (document 004) are packages like
 * the others (issue 15): the `package` list and the `outbox` accept their kinds. SQLite cannot
 * change a CHECK in place, so both tables are rebuilt with every row, index and foreign key.
 *
 * The migration runs inside the migrator's transaction with foreign keys ON (they cannot be turned
 * off there), so the order matters: the new outbox is created pointing at the new package table,
 * the old child is dropped before its parent (dropping a parent still referenced would be a
 * foreign-key violation), and renaming `package_new` to `package` rewrites the new outbox's
 * reference to the final name. `foreign_key_check` on both proves nothing was left dangling.
 */
export const m015PackageKinds: Migration = {
  version: 15,
  name: 'packages: inspection and training kinds in the package list and the outbox',
  up: (db) => {
    // Only the outbox refers to `package` at this version: anything else would be dropped with it.
    const referrers = (
      db.prepare(`SELECT m.name FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f."table" = 'package'`).all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    if (referrers.some((n) => n !== 'outbox')) throw new Error(`migration 15: unexpected references to package from ${referrers.join(', ')}`);

    db.exec(`
      CREATE TABLE package_new (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN (${KINDS})),
        ref_id INTEGER NOT NULL,
        bag_name TEXT NOT NULL,
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        tagmanifest_sha256 TEXT NOT NULL,
        signer_fingerprint TEXT NOT NULL,
        payload_files INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id)
      ) STRICT;
      INSERT INTO package_new (id, kind, ref_id, bag_name, path, size, sha256, tagmanifest_sha256, signer_fingerprint, payload_files, created_at, created_by)
        SELECT id, kind, ref_id, bag_name, path, size, sha256, tagmanifest_sha256, signer_fingerprint, payload_files, created_at, created_by FROM package;

      CREATE TABLE outbox_new (
        id INTEGER PRIMARY KEY,
        package_id INTEGER REFERENCES package_new(id),
        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        path TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        kind TEXT CHECK (kind IN (${KINDS})),
        state TEXT NOT NULL CHECK (state IN ('waiting', 'sending', 'sent', 'quarantined', 'rejected', 'failed')),
        bytes_sent INTEGER NOT NULL DEFAULT 0,
        upload_url TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try_at INTEGER NOT NULL,
        last_error TEXT,
        receipt_json TEXT,
        receipt_id TEXT,
        received_at INTEGER,
        remote_reasons_json TEXT,
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO outbox_new (id, package_id, sha256, path, file_name, size, kind, state, bytes_sent, upload_url, attempts, next_try_at, last_error,
                              receipt_json, receipt_id, received_at, remote_reasons_json, created_at, created_by, updated_at)
        SELECT id, package_id, sha256, path, file_name, size, kind, state, bytes_sent, upload_url, attempts, next_try_at, last_error,
               receipt_json, receipt_id, received_at, remote_reasons_json, created_at, created_by, updated_at FROM outbox;

      DROP TABLE outbox;
      DROP TABLE package;
      ALTER TABLE package_new RENAME TO package;
      ALTER TABLE outbox_new RENAME TO outbox;
      CREATE INDEX outbox_due ON outbox (state, next_try_at);
    `);
    const dangling = [...db.prepare('PRAGMA foreign_key_check(package)').all(), ...db.prepare('PRAGMA foreign_key_check(outbox)').all()];
    if (dangling.length) throw new Error(`migration 15: foreign keys broken by the rebuild: ${JSON.stringify(dangling.slice(0, 5))}`);
  },
};
