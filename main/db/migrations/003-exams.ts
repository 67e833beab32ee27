import type { Migration } from './types';

/** Competency exams: rounds, roster entries (forms Mẫu 01–05), teams, timed steps, records. */
export const m003Exams: Migration = {
  version: 3,
  name: 'exams: rounds, roster entries, teams, steps, records, incidents, clock events',
  up: (db) => {
    db.exec(`
      CREATE TABLE exam_round (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        exam_date TEXT,
        venue TEXT,
        district TEXT,
        created_at INTEGER NOT NULL
      ) STRICT;

      -- One row per person per form, as the district collected them.
      CREATE TABLE roster_entry (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES exam_round(id) ON DELETE CASCADE,
        form TEXT NOT NULL CHECK (form IN ('01','02','03','04','05')),
        stt INTEGER,
        full_name TEXT NOT NULL,
        gender TEXT,
        birth_year INTEGER,
        birth_date TEXT,
        position_id TEXT,
        position_title TEXT,
        position_raw TEXT,
        commune TEXT,
        district TEXT,
        phone TEXT,
        note TEXT,
        exclusion TEXT,
        exclusion_note TEXT,
        agency TEXT,
        focal_area TEXT,
        appointed_at TEXT,
        takes_part INTEGER,
        chosen_position_id TEXT,
        source_row INTEGER,
        person_key TEXT NOT NULL
      ) STRICT;
      CREATE INDEX roster_entry_round ON roster_entry(round_id, form);

      CREATE TABLE exam_team (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES exam_round(id) ON DELETE CASCADE,
        commune TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (round_id, commune)
      ) STRICT;

      -- Who performs which step for a team.
      CREATE TABLE exam_performer (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES exam_team(id) ON DELETE CASCADE,
        step INTEGER NOT NULL CHECK (step BETWEEN 1 AND 4),
        entry_id INTEGER NOT NULL REFERENCES roster_entry(id),
        UNIQUE (team_id, step, entry_id)
      ) STRICT;

      -- A step's timing is decided and stored here, so it survives closing, crashes and restarts.
      CREATE TABLE exam_step (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES exam_team(id) ON DELETE CASCADE,
        step INTEGER NOT NULL CHECK (step BETWEEN 1 AND 4),
        started_at INTEGER,
        deadline_at INTEGER,
        ended_at INTEGER,
        failed INTEGER NOT NULL DEFAULT 0,
        UNIQUE (team_id, step)
      ) STRICT;

      -- Per performer and step: codes (step 1), finish time, result.
      CREATE TABLE exam_record (
        id INTEGER PRIMARY KEY,
        step_id INTEGER NOT NULL REFERENCES exam_step(id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL REFERENCES roster_entry(id),
        codes TEXT NOT NULL DEFAULT '[]',
        finished_at INTEGER,
        result TEXT CHECK (result IN ('dat','khong_dat')),
        note TEXT,
        UNIQUE (step_id, entry_id)
      ) STRICT;

      CREATE TABLE exam_incident (
        id INTEGER PRIMARY KEY,
        step_id INTEGER NOT NULL REFERENCES exam_step(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('internet','other')),
        description TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id)
      ) STRICT;

      -- A proctor's explicit change to a step's deadline, with its reason.
      CREATE TABLE exam_override (
        id INTEGER PRIMARY KEY,
        step_id INTEGER NOT NULL REFERENCES exam_step(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        delta_ms INTEGER NOT NULL,
        reason TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id)
      ) STRICT;

      -- Wall-clock jumps seen by the app (compared against the monotonic clock / last time seen).
      CREATE TABLE clock_event (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        delta_ms INTEGER NOT NULL,
        note TEXT NOT NULL
      ) STRICT;
    `);
  },
};
