import type { Migration } from './types';

/** Signed submission packages built by this installation. */
export const m004Packages: Migration = {
  version: 4,
  name: 'packages: signed BagIt packages built here',
  up: (db) => {
    db.exec(`
      CREATE TABLE package (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('assessment', 'exam')),
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
    `);
  },
};
