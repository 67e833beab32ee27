import type { Migration } from './types';
import { formatVnDate } from '../../../shared/vn-time';
import { vi } from '../../../shared/i18n/vi';

/** An upload's random id, which imports before issue 12 took as a set's name. */
const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.[a-z]+)?$/i;

/**
 * Criteria sets whose name is an upload's random id ("33fce2df-2799-…") — the file name seen by
 * the importer before issue 12 — get a name in words: the file's own name as the user chose it
 * (source_name, without its extension), else "Bộ tiêu chí nhập ngày dd/mm/yyyy". The id then no
 * longer reaches the screen or the Bảng tổng hợp; the user can rename the set afterwards.
 */
export const m014CriteriaSetNames: Migration = {
  version: 14,
  name: 'criteria sets: names in words instead of upload ids',
  up: (db) => {
    const sets = db.prepare('SELECT id, name, source_name AS sourceName, created_at AS createdAt FROM criteria_set').all() as {
      id: number;
      name: string;
      sourceName: string | null;
      createdAt: number;
    }[];
    const rename = db.prepare('UPDATE criteria_set SET name = ? WHERE id = ?');
    for (const set of sets) {
      if (!UUID_LIKE.test(set.name.trim())) continue;
      const fromFile = set.sourceName?.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
      const name = fromFile && !UUID_LIKE.test(fromFile) ? fromFile : vi.daily.criteriaSet.importedOn(formatVnDate(set.createdAt));
      rename.run(name, set.id);
    }
  },
};
