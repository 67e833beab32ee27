import type { Migration } from './types';

/** Password-guessing limits: per-account failures and lockouts; wrong unlocks per session. */
export const m007LoginThrottle: Migration = {
  version: 7,
  name: 'login throttle: per-account failures and lockouts, wrong unlocks per session',
  up: (db) => {
    db.exec(`
      -- Keyed by the lower-cased username as typed, so an unknown name is slowed down the same
      -- way as a real one and the answer does not reveal which names exist.
      CREATE TABLE login_throttle (
        username TEXT PRIMARY KEY,
        failures INTEGER NOT NULL CHECK (failures >= 0),
        last_failure_at INTEGER NOT NULL,
        locked_until INTEGER
      ) STRICT;
      ALTER TABLE sessions ADD COLUMN failed_unlocks INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
