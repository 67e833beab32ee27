import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, DummyDriver, type Compilable } from 'kysely';
import type { DB } from './schema';
import { migrate, type MigrateResult } from './migrate';
import { DurabilityBarrier, type BarrierOptions } from './durability';

declare const writeTxBrand: unique symbol;
/**
 * Proof of running inside `db.tx`: only tx() hands one out, so a function that takes a WriteTx
 * (appendAudit) cannot be called outside a transaction — the compiler says so, not a convention.
 */
export interface WriteTx {
  readonly [writeTxBrand]: true;
}

/**
 * The database: better-sqlite3 for execution (synchronous, so a transaction is one uninterrupted
 * block and writes are serialised by construction) and kysely only to build typed queries.
 */
export interface Db {
  sqlite: Database.Database;
  /** Query builder only: build a query, then run it with `all`/`first`/`run`. */
  q: Kysely<DB>;
  all<R>(query: Compilable<R>): R[];
  first<R>(query: Compilable<R>): R | undefined;
  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number };
  /** Runs fn in one IMMEDIATE transaction: all of it lands or none of it. */
  tx<T>(fn: (w: WriteTx) => T): T;
  /**
   * Inside a transaction: runs fn once the outermost transaction has committed (never if it rolls
   * back). Used for what must follow a commit outside the database, e.g. the audit anchor file.
   */
  afterCommit(fn: () => void): void;
  /**
   * Inside a transaction: runs fn once the commit is on the disk (after the group flush that
   * covers it, see durability.ts), in commit order. For what must never be ahead of the database
   * after a power cut, e.g. the audit anchor file.
   */
  afterDurable(fn: () => void): void;
  /** The group commit of this database (null for a read-only handle such as db check's). */
  durability: DurabilityBarrier | null;
  close(): void;
  file: string;
}

export const DB_FILE = 'kiemchung.sqlite';

/** `durability`: the group commit's flush (tests pass one they can watch or hold; the app never does). */
export function openDatabase(dataDir: string, now: number, durability: BarrierOptions = {}): { db: Db; migrated: MigrateResult } {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DB_FILE);
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Upgrades commit with their own flush (FULL); they run before anything is served.
    sqlite.pragma('synchronous = FULL');
    const migrated = migrate(sqlite, now);
    // Then NORMAL with group commit: a write acknowledged to the user still survives a power cut
    // (the router waits for the flush covering its commit, db/durability.ts), but concurrent saves
    // share one fdatasync, run off the main thread, instead of one each inside COMMIT.
    sqlite.pragma('synchronous = NORMAL');
    return { db: wrap(sqlite, file, new DurabilityBarrier(`${file}-wal`, durability)), migrated };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

export function wrap(sqlite: Database.Database, file: string, durability: DurabilityBarrier | null = null): Db {
  const q = new Kysely<DB>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new SqliteIntrospector(k),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let st = cache.get(sql);
    if (!st) {
      st = sqlite.prepare(sql);
      cache.set(sql, st);
    }
    return st;
  };
  const params = (c: { parameters: readonly unknown[] }) => c.parameters.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
  let pending: (() => void)[] = [];
  let depth = 0;
  const handle = Object.freeze({}) as WriteTx;
  const tx = <T>(fn: (w: WriteTx) => T): T => {
    depth++;
    const mark = pending.length;
    let result: T;
    try {
      // Nested calls become savepoints (better-sqlite3): their callbacks go if they roll back.
      const body = () => fn(handle);
      result = depth === 1 ? sqlite.transaction(body).immediate() : sqlite.transaction(body)();
    } catch (e) {
      pending = pending.slice(0, depth === 1 ? 0 : mark);
      throw e;
    } finally {
      depth--;
    }
    // Committed: the group flush is due, and the request waits for it before answering.
    if (depth === 0) durability?.noteCommit();
    if (depth === 0 && pending.length) {
      const run = pending;
      pending = [];
      for (const f of run) f();
    }
    return result;
  };
  return {
    sqlite,
    q,
    file,
    all: <R>(query: Compilable<R>) => {
      const c = query.compile();
      return prepare(c.sql).all(...params(c)) as R[];
    },
    first: <R>(query: Compilable<R>) => {
      const c = query.compile();
      return prepare(c.sql).get(...params(c)) as R | undefined;
    },
    run: (query) => {
      const c = query.compile();
      const r = prepare(c.sql).run(...params(c));
      // A write outside db.tx commits on its own (e.g. the session's last activity).
      if (r.changes > 0 && !sqlite.inTransaction) durability?.noteCommit();
      return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
    },
    tx,
    afterCommit: (fn) => {
      if (!sqlite.inTransaction) throw new Error('afterCommit outside a transaction');
      pending.push(fn);
    },
    afterDurable: (fn) => {
      if (!sqlite.inTransaction) throw new Error('afterDurable outside a transaction');
      // Queued at the commit, so it carries that commit's number.
      pending.push(durability ? () => durability.afterDurable(fn) : fn);
    },
    durability,
    close: () => {
      durability?.close();
      sqlite.close();
    },
  };
}
