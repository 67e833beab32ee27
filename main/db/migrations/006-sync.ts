import type { Migration } from './types';

/**
 * Sync with the province's receiver (DESIGN §7): the one enrolled connection (its bearer token,
 * the receiver's pinned certificate) and the outbox of packages to send, one row per package hash.
 */
export const m006Sync: Migration = {
  version: 6,
  name: 'sync: receiver connection and outbox',
  up: (db) => {
    db.exec(`
      CREATE TABLE sync_connection (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        url TEXT NOT NULL,
        office_key TEXT NOT NULL,
        client_token TEXT NOT NULL,
        receiver_certificate_pem TEXT NOT NULL,
        receiver_fingerprint TEXT NOT NULL CHECK (length(receiver_fingerprint) = 64),
        signer_fingerprint TEXT NOT NULL,
        enrolled_at INTEGER NOT NULL,
        last_contact_at INTEGER,
        last_error TEXT,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        package_id INTEGER REFERENCES package(id),
        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        path TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        kind TEXT CHECK (kind IN ('assessment', 'exam')),
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
      CREATE INDEX outbox_due ON outbox (state, next_try_at);
    `);
  },
};
