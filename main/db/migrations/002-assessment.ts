import type { Migration } from './types';

/** Self-assessment of the CCHC index: criteria sets, a year's assessment, items, evidence. */
export const m002Assessment: Migration = {
  version: 2,
  name: 'assessment: criteria sets, assessments, items, documents, trusted time',
  up: (db) => {
    db.exec(`
      CREATE TABLE criteria_set (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        decision TEXT,
        province TEXT,
        year INTEGER,
        source_name TEXT,
        warnings_json TEXT NOT NULL DEFAULT '[]',
        total_max REAL NOT NULL,
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id)
      ) STRICT;

      CREATE TABLE criterion (
        set_id INTEGER NOT NULL REFERENCES criteria_set(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        parent_code TEXT,
        level INTEGER NOT NULL,
        title TEXT NOT NULL,
        max_points REAL,
        guidance TEXT,
        evidence_hints TEXT,
        ord INTEGER NOT NULL,
        PRIMARY KEY (set_id, code)
      ) STRICT;

      CREATE TABLE assessment (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL UNIQUE,
        set_id INTEGER NOT NULL REFERENCES criteria_set(id),
        opens_at INTEGER NOT NULL,
        closes_at INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'sent')),
        sent_at INTEGER,
        sent_by INTEGER REFERENCES users(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- A window reopened after the close, limited to some criteria (codes cover their subtrees).
      CREATE TABLE supplementary_window (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        opens_at INTEGER NOT NULL,
        closes_at INTEGER NOT NULL,
        criterion_codes TEXT NOT NULL,
        note TEXT,
        created_at INTEGER NOT NULL
      ) STRICT;

      -- One row per leaf criterion of the set.
      CREATE TABLE assessment_item (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        criterion_code TEXT NOT NULL,
        assignee_id INTEGER REFERENCES users(id),
        points REAL,
        not_applicable INTEGER NOT NULL DEFAULT 0,
        na_reason TEXT,
        explanation TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'done', 'returned', 'approved')),
        review_comment TEXT,
        updated_at INTEGER NOT NULL,
        updated_by INTEGER REFERENCES users(id),
        UNIQUE (assessment_id, criterion_code)
      ) STRICT;
      CREATE INDEX assessment_item_assignee ON assessment_item(assignee_id);

      -- Evidence content, stored once by sha256 under blobs/ab/<sha256>.
      CREATE TABLE document (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        media_type TEXT NOT NULL,
        original_name TEXT NOT NULL,
        pdf_signed INTEGER,
        doc_number TEXT,
        doc_date TEXT,
        summary TEXT,
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id)
      ) STRICT;

      -- A document used as evidence for one item, under that criterion's file name.
      CREATE TABLE item_document (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES assessment_item(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL REFERENCES document(sha256),
        file_name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id),
        UNIQUE (item_id, sha256)
      ) STRICT;
      CREATE INDEX item_document_sha ON item_document(sha256);

      -- The latest time the app has trusted (local clock readings, receiver receipts): a clock
      -- turned back never reopens a closed window.
      CREATE TABLE trusted_time (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        latest INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
