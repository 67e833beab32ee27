import type { Migration } from './types';

/**
 * Certificates whose signatures this office trusts (DESIGN §7 "Trust"): the office's earlier
 * certificates (a key that was replaced still vouches for packages signed before), certificates
 * the user chose to trust ("Tin cậy chứng thư này"), certificates enrolled with the province's
 * receiver, the receiver's own. Never deleted: removing one sets revoked_at (the audit log says who).
 */
export const m005TrustedCertificates: Migration = {
  version: 5,
  name: 'trusted certificates: trust anchors for package signers',
  up: (db) => {
    db.exec(`
      CREATE TABLE trusted_certificate (
        id INTEGER PRIMARY KEY,
        fingerprint TEXT NOT NULL UNIQUE CHECK (length(fingerprint) = 64 AND fingerprint NOT GLOB '*[^0-9a-f]*'),
        pem TEXT NOT NULL CHECK (pem LIKE '-----BEGIN CERTIFICATE-----%'),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        source TEXT NOT NULL CHECK (source IN ('office', 'imported', 'enrolled', 'receiver')),
        added_by INTEGER REFERENCES users(id),
        added_at INTEGER NOT NULL,
        revoked_at INTEGER,
        revoked_by INTEGER REFERENCES users(id)
      ) STRICT;
    `);
  },
};
