import type { Migration } from './types';

/**
 * A document's number, date and summary belong to its use as evidence for one criterion (the
 * link), not to the stored file: the same file reused under another criterion may be described
 * differently, and editing one link must never change what another criterion — possibly in a
 * closed assessment of another year — shows or has signed. Existing links take the document's.
 */
export const m009LinkMetadata: Migration = {
  version: 9,
  name: 'evidence: number, date and summary per link',
  up: (db) => {
    db.exec(`
      ALTER TABLE item_document ADD COLUMN doc_number TEXT;
      ALTER TABLE item_document ADD COLUMN doc_date TEXT;
      ALTER TABLE item_document ADD COLUMN summary TEXT;
      UPDATE item_document SET
        doc_number = (SELECT d.doc_number FROM document d WHERE d.sha256 = item_document.sha256),
        doc_date = (SELECT d.doc_date FROM document d WHERE d.sha256 = item_document.sha256),
        summary = (SELECT d.summary FROM document d WHERE d.sha256 = item_document.sha256);
    `);
  },
};
