import type BetterSqlite3 from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3 … without gaps; never renumber or edit one that has shipped. */
  version: number;
  name: string;
  up: (db: BetterSqlite3.Database) => void;
}
