import type { Migration } from './types';

/**
 * The appraisal council's results (Hội đồng thẩm định) per assessment and criterion, kept beside
 * the self-score and never over it; the improvement plan drafted from them (tasks, each for an
 * officer or a unit named as in document 002) and the commitments of its section III (targets).
 */
export const m010Appraisal: Migration = {
  version: 10,
  name: 'appraisal: council results, improvement plan tasks and targets',
  up: (db) => {
    db.exec(`
      -- One imported result set per assessment (re-importing replaces it, audited).
      CREATE TABLE appraisal (
        assessment_id INTEGER PRIMARY KEY REFERENCES assessment(id) ON DELETE CASCADE,
        source TEXT NOT NULL CHECK (source IN ('file', 'receiver')),
        source_name TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        imported_by INTEGER REFERENCES users(id)
      ) STRICT;

      -- Per criterion as the council wrote it (leaves and, when given, parents). points is null
      -- for a parent left blank and for one the council did not score (not_scored = 1: evidence not accepted).
      CREATE TABLE appraisal_result (
        assessment_id INTEGER NOT NULL REFERENCES appraisal(assessment_id) ON DELETE CASCADE,
        criterion_code TEXT NOT NULL,
        points REAL CHECK (points IS NULL OR points >= 0),
        not_scored INTEGER NOT NULL DEFAULT 0 CHECK (not_scored IN (0, 1)),
        reason TEXT,
        source_row INTEGER,
        PRIMARY KEY (assessment_id, criterion_code),
        CHECK (NOT (not_scored = 1 AND points IS NOT NULL))
      ) STRICT;

      -- The improvement plan of an appraised year. A task is for an officer (user) or a unit by
      -- name, never both. due_date is a Vietnam calendar date 'YYYY-MM-DD'.
      CREATE TABLE improvement_task (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        criterion_code TEXT,
        points_lost REAL NOT NULL DEFAULT 0,
        reason TEXT,
        measure TEXT NOT NULL DEFAULT '',
        assignee_user_id INTEGER REFERENCES users(id),
        assignee_unit TEXT,
        due_date TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done')),
        status_note TEXT,
        done_at INTEGER,
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at INTEGER NOT NULL,
        updated_by INTEGER REFERENCES users(id),
        CHECK (assignee_user_id IS NULL OR assignee_unit IS NULL)
      ) STRICT;
      CREATE UNIQUE INDEX improvement_task_criterion ON improvement_task(assessment_id, criterion_code) WHERE criterion_code IS NOT NULL;
      CREATE INDEX improvement_task_assignee ON improvement_task(assignee_user_id);

      -- Section III commitments (e.g. 50 % of dossiers online): target and measured values as written.
      CREATE TABLE improvement_target (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        target_value TEXT,
        measured_value TEXT,
        due_date TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at INTEGER NOT NULL,
        updated_by INTEGER REFERENCES users(id)
      ) STRICT;
    `);
  },
};
