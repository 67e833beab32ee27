import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { migrations as knownMigrations, type Migration } from './migrations';

export interface MigrateResult {
  from: number;
  to: number;
}

/**
 * Brings the database to the newest schema this app knows, all pending steps in one transaction.
 * Refuses a database written by a newer app, or one whose applied steps are not a prefix of ours.
 */
export function migrate(db: BetterSqlite3.Database, now: number, migrations: readonly Migration[] = knownMigrations): MigrateResult {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
  }[];
  const latest = migrations.length;
  const have = applied.at(-1)?.version ?? 0;
  if (have > latest) throw new ApiError('CONFLICT', vi.db.newerSchema(have, latest));
  applied.forEach((row, i) => {
    const known = migrations[i];
    if (!known || row.version !== known.version || row.name !== known.name) {
      throw new ApiError('CONFLICT', vi.db.foreignMigrations(vi.db.migrationStep(row.version, row.name)));
    }
  });
  const pending = migrations.slice(applied.length);
  if (pending.length === 0) return { from: have, to: have };
  const insert = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      insert.run(m.version, m.name, now);
    }
  }).immediate();
  return { from: have, to: latest };
}

export const latestSchemaVersion = () => knownMigrations.length;
