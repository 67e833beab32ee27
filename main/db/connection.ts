import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, DummyDriver, type Compilable } from 'kysely';
import type { DB } from './schema';
import { migrate, type MigrateResult } from './migrate';

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
  close(): void;
  file: string;
}

export const DB_FILE = 'kiemchung.sqlite';

export function openDatabase(dataDir: string, now: number): { db: Db; migrated: MigrateResult } {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DB_FILE);
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // FULL: a write acknowledged to the user survives a power cut, not just a crash.
    sqlite.pragma('synchronous = FULL');
    const migrated = migrate(sqlite, now);
    return { db: wrap(sqlite, file), migrated };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

export function wrap(sqlite: Database.Database, file: string): Db {
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
      return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
    },
    tx,
    afterCommit: (fn) => {
      if (!sqlite.inTransaction) throw new Error('afterCommit outside a transaction');
      pending.push(fn);
    },
    close: () => sqlite.close(),
  };
}
