import type { Migration } from './types';

/**
 * The deadline clock: resets of a trusted time that ran ahead (who, why, from what to what, and
 * from which source), the audit row up to which times no longer count as trusted (they were
 * written under the wrong clock), and the province's instruction behind a supplementary window.
 */
export const m008Clock: Migration = {
  version: 8,
  name: 'clock: trusted-time resets, audit floor, supplementary window instruction',
  up: (db) => {
    db.exec(`
      CREATE TABLE clock_reset (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        from_ms INTEGER NOT NULL,
        to_ms INTEGER NOT NULL CHECK (to_ms < from_ms),
        source TEXT NOT NULL CHECK (source IN ('receiver', 'reason')),
        reason TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        actor_name TEXT NOT NULL
      ) STRICT;
      ALTER TABLE trusted_time ADD COLUMN floor_seq INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE supplementary_window ADD COLUMN instruction_ref TEXT;
    `);
  },
};
