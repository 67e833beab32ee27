import type { Migration } from './types';

/**
 * Office network mode: several PCs work against one copy.
 * - `assessment_item.version` counts the item's saves, so a save made on a stale copy (another
 *   person saved in between) is detected and refused instead of silently overwriting.
 * - `audit_log.remote_addr`: the address of the PC a change came from over the office network
 *   (NULL: on the serving PC itself). Covered by the row's hash when set.
 * - `sessions.remote_addr`: sessions opened over the network; they end when network access is turned off.
 */
export const m011OfficeNetwork: Migration = {
  version: 11,
  name: 'office network: item versions, remote addresses',
  up: (db) => {
    db.exec(`
      ALTER TABLE assessment_item ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE audit_log ADD COLUMN remote_addr TEXT;
      ALTER TABLE sessions ADD COLUMN remote_addr TEXT;
    `);
  },
};
