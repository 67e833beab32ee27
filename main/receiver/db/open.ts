// Opens the receiver's database: SQLite (better-sqlite3, WAL) in the data folder by default,
// PostgreSQL (pg Pool) when DATABASE_URL is set; then brings the schema up to date with the one
// list of migrations. Both are used through the same async kysely API. Writes that an answer
// promises are durable await `durable.flush()` (durability.ts: group commit on SQLite).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import pg from 'pg';
import { viReceiver as t } from '../../../shared/i18n/vi/receiver';
import { HttpError } from '../http';
import { WalBarrier, alreadyDurable, registerBarrier, type DurabilityBarrier } from './durability';
import { receiverMigrations } from './migrations';
import { type ReceiverDB } from './schema';

export type ReceiverDialect = 'sqlite' | 'postgres';

export interface ReceiverDb {
  db: Kysely<ReceiverDB>;
  dialect: ReceiverDialect;
  /** For messages: the SQLite file or the PostgreSQL host/database (never the password). */
  describe: string;
  /** Await before answering for a commit (SQLite: a shared fdatasync of the -wal file; PostgreSQL: nothing). */
  durable: DurabilityBarrier;
  close: () => Promise<void>;
}

const INT8_OID = 20;

/** pg returns int8 (bigint) as a string; every bigint here is an epoch ms or a byte count, safe as a number. */
const pgTypes = {
  getTypeParser: ((oid: number) =>
    oid === INT8_OID ? (v: string) => Number(v) : (pg.types.getTypeParser(oid, 'text') as (v: string) => unknown)) as typeof pg.types.getTypeParser,
};

function describePg(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

export async function openReceiverDb(opts: { sqliteFile: string; databaseUrl: string | null }): Promise<ReceiverDb> {
  let db: Kysely<ReceiverDB>;
  let dialect: ReceiverDialect;
  let describe: string;
  let durable: DurabilityBarrier = alreadyDurable;
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10, types: pgTypes });
    db = new Kysely<ReceiverDB>({ dialect: new PostgresDialect({ pool }) });
    dialect = 'postgres';
    describe = describePg(opts.databaseUrl);
  } else {
    mkdirSync(path.dirname(opts.sqliteFile), { recursive: true });
    const sqlite = new Database(opts.sqliteFile);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // The CLI (enroll-code, decide) writes while the server runs: wait for the lock, do not fail.
    sqlite.pragma('busy_timeout = 10000');
    // A signed receipt promises the package is recorded, through a power cut too: commits do not
    // fsync on the event loop (NORMAL); answers wait for the shared flush of the WAL instead.
    sqlite.pragma('synchronous = NORMAL');
    durable = new WalBarrier(opts.sqliteFile);
    db = new Kysely<ReceiverDB>({ dialect: new SqliteDialect({ database: cachedStatements(sqlite) }) });
    dialect = 'sqlite';
    describe = `SQLite ${opts.sqliteFile}`;
  }
  registerBarrier(db, durable);
  try {
    await migrateReceiverDb(db);
  } catch (e) {
    await db.destroy().catch(() => undefined);
    const detail = e instanceof Error ? e.message : String(e);
    throw new HttpError(503, 'DB_UNAVAILABLE', t.cli.dbUnavailable(describe, detail));
  }
  const barrier = durable;
  return {
    db,
    dialect,
    describe,
    durable,
    close: async () => {
      barrier.close();
      await db.destroy();
    },
  };
}

/**
 * kysely prepares every query anew; the receiver runs the same few dozen statements all day, so
 * each prepared statement is kept by its SQL (kysely runs one at a time on this connection, and
 * the receiver never streams a query, so a statement is never in use twice at once).
 */
function cachedStatements(sqlite: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        if (cache.size >= 500) cache.delete(cache.keys().next().value!);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

const provider: MigrationProvider = { getMigrations: async () => receiverMigrations };

export async function migrateReceiverDb(db: Kysely<ReceiverDB>): Promise<void> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'receiver_migration', migrationLockTableName: 'receiver_migration_lock' });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('receiver migration failed', { cause: error });
}
