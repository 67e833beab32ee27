import type { Migration } from './types';

/**
 * The inspection report (document 003, KH 110/KH-UBND) and the training register with
 * end-of-course tests (document 004, Đề án 04/ĐA-UBND), issue 15.
 * - `inspection`: one visit of the city's inspection team (plan number/date, method, visit date)
 *   and the report drafted for it; `inspection_item` holds the text of each outline item,
 *   `inspection_document` the evidence documents reused for it (same content-addressed store,
 *   one convention name per item), `inspection_late_dossier` the late dossiers and their apologies.
 * - `training_course` / `training_attendee`: the register; `training_person` says who advises on
 *   CCHC and who works at the one-stop desk (the targets' populations).
 * - `training_question`, `training_test`, `training_attempt`, `training_answer`: the offline test.
 *   An attempt's start and deadline are the server's trusted time, so a reload never resets it.
 * Dates typed by people are Vietnam calendar dates 'YYYY-MM-DD'; times are epoch ms.
 */
const DATE = (col: string) => `CHECK (${col} IS NULL OR ${col} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`;

export const m012InspectionTraining: Migration = {
  version: 12,
  name: 'inspection report and training register with end-of-course tests',
  up: (db) => {
    db.exec(`
      CREATE TABLE inspection (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        plan_number TEXT NOT NULL CHECK (length(plan_number) BETWEEN 1 AND 120),
        plan_date TEXT ${DATE('plan_date')},
        method TEXT NOT NULL CHECK (method IN ('scheduled', 'surprise', 'report', 'recheck')),
        visit_date TEXT ${DATE('visit_date')},
        incoming_total INTEGER CHECK (incoming_total IS NULL OR incoming_total >= 0),
        incoming_digitised INTEGER CHECK (incoming_digitised IS NULL OR incoming_digitised >= 0),
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at INTEGER NOT NULL,
        updated_by INTEGER REFERENCES users(id)
      ) STRICT;

      -- item_key is the outline number as shown ('I.2.3.4', 'III'); prefilled = 1 while the text is
      -- the one the app wrote from its own facts (the screen and the PDF say so until edited).
      CREATE TABLE inspection_item (
        inspection_id INTEGER NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
        item_key TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        prefilled INTEGER NOT NULL DEFAULT 0 CHECK (prefilled IN (0, 1)),
        updated_at INTEGER NOT NULL,
        updated_by INTEGER REFERENCES users(id),
        PRIMARY KEY (inspection_id, item_key)
      ) STRICT;

      CREATE TABLE inspection_document (
        id INTEGER PRIMARY KEY,
        inspection_id INTEGER NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
        item_key TEXT NOT NULL,
        sha256 TEXT NOT NULL REFERENCES document(sha256),
        file_name TEXT NOT NULL,
        doc_number TEXT,
        doc_date TEXT,
        summary TEXT,
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id),
        UNIQUE (inspection_id, item_key, sha256)
      ) STRICT;

      CREATE TABLE inspection_late_dossier (
        id INTEGER PRIMARY KEY,
        inspection_id INTEGER NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
        dossier_code TEXT NOT NULL CHECK (length(dossier_code) BETWEEN 1 AND 120),
        apology_number TEXT,
        apology_date TEXT ${DATE('apology_date')},
        UNIQUE (inspection_id, dossier_code)
      ) STRICT;

      CREATE TABLE training_course (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 300),
        organiser TEXT,
        starts_on TEXT ${DATE('starts_on')},
        ends_on TEXT ${DATE('ends_on')},
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id)
      ) STRICT;

      CREATE TABLE training_attendee (
        course_id INTEGER NOT NULL REFERENCES training_course(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        certificate_sha256 TEXT REFERENCES document(sha256),
        PRIMARY KEY (course_id, user_id)
      ) STRICT;

      CREATE TABLE training_person (
        user_id INTEGER PRIMARY KEY REFERENCES users(id),
        advises_cchc INTEGER NOT NULL DEFAULT 0 CHECK (advises_cchc IN (0, 1)),
        one_stop INTEGER NOT NULL DEFAULT 0 CHECK (one_stop IN (0, 1))
      ) STRICT;

      CREATE TABLE training_question (
        id INTEGER PRIMARY KEY,
        course_id INTEGER NOT NULL REFERENCES training_course(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        option_a TEXT NOT NULL,
        option_b TEXT NOT NULL,
        option_c TEXT NOT NULL,
        option_d TEXT NOT NULL,
        correct TEXT NOT NULL CHECK (correct IN ('A', 'B', 'C', 'D')),
        points REAL NOT NULL CHECK (points > 0),
        source_row INTEGER,
        UNIQUE (course_id, text)
      ) STRICT;

      CREATE TABLE training_test (
        id INTEGER PRIMARY KEY,
        course_id INTEGER NOT NULL REFERENCES training_course(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        question_count INTEGER NOT NULL CHECK (question_count >= 1),
        time_limit_minutes INTEGER NOT NULL CHECK (time_limit_minutes BETWEEN 1 AND 600),
        passing_percent REAL NOT NULL CHECK (passing_percent BETWEEN 0 AND 100),
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id)
      ) STRICT;

      -- attempt_no counts a person's attempts at one test: a second one never overwrites the first.
      -- question_ids: the questions drawn for this attempt (JSON array of ids, in order).
      CREATE TABLE training_attempt (
        id INTEGER PRIMARY KEY,
        test_id INTEGER NOT NULL REFERENCES training_test(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        attempt_no INTEGER NOT NULL CHECK (attempt_no >= 1),
        question_ids TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        deadline_at INTEGER NOT NULL,
        submitted_at INTEGER,
        late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
        score REAL,
        max_score REAL NOT NULL,
        passed INTEGER CHECK (passed IS NULL OR passed IN (0, 1)),
        UNIQUE (test_id, user_id, attempt_no)
      ) STRICT;

      CREATE TABLE training_answer (
        attempt_id INTEGER NOT NULL REFERENCES training_attempt(id) ON DELETE CASCADE,
        question_id INTEGER NOT NULL REFERENCES training_question(id),
        answer TEXT NOT NULL CHECK (answer IN ('A', 'B', 'C', 'D')),
        answered_at INTEGER NOT NULL,
        PRIMARY KEY (attempt_id, question_id)
      ) STRICT;
    `);
  },
};
