import type { Migration } from './types';

/**
 * Exam day (issue 12, document 000):
 * - `roster_entry.previous_position_id`: the position an officer held before a move "chưa quá
 *   06 tháng" ago, entered at the team; the 6-month rule lets them choose between it and the new
 *   one only. Existing rows: unknown (NULL), so nobody gains a choice they did not have.
 * - `exam_board_link`: read-only room-board links, one round each, valid for the exam day; only
 *   the token's SHA-256 is kept, so the database never holds a usable link.
 */
export const m013ExamDay: Migration = {
  version: 13,
  name: 'exam day: previous position, room board links',
  up: (db) => {
    db.exec(`
      ALTER TABLE roster_entry ADD COLUMN previous_position_id TEXT
        CHECK (previous_position_id IS NULL OR previous_position_id IN ('CT_PCT','VP_TK','TC_KT','VH_XH','TP_HT','DC'));

      CREATE TABLE exam_board_link (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES exam_round(id) ON DELETE CASCADE,
        token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
        valid_until INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX exam_board_link_round ON exam_board_link(round_id);
    `);
  },
};
