// Everything a receiver request needs: settings, database, package store and (loaded on first
// use) the receiver's signing identity. The HTTP server and the CLI open the same context.
import { type Kysely } from 'kysely';
import { CheckPool } from './check-pool';
import { dataPaths, type ReceiverConfig } from './config';
import { openReceiverDb, type ReceiverDb } from './db/open';
import { type ReceiverDB } from './db/schema';
import { loadOrCreateReceiverIdentity, type ReceiverIdentity } from './identity';
import { FolderPackageStore, type PackageStore } from './store';

export interface ReceiverContext {
  config: ReceiverConfig;
  rdb: ReceiverDb;
  db: Kysely<ReceiverDB>;
  store: PackageStore;
  now: () => number;
  /** Finalize's hashing and verification, on worker threads (check-pool.ts). */
  checks: CheckPool;
  identity(): Promise<ReceiverIdentity>;
  close(): Promise<void>;
}

export async function openReceiverContext(config: ReceiverConfig, store?: PackageStore): Promise<ReceiverContext> {
  const paths = dataPaths(config.dataDir);
  const rdb = await openReceiverDb({ sqliteFile: paths.sqlite, databaseUrl: config.databaseUrl });
  let identity: Promise<ReceiverIdentity> | null = null;
  const checks = new CheckPool();
  return {
    config,
    rdb,
    db: rdb.db,
    store: store ?? new FolderPackageStore(paths.store),
    now: config.now,
    checks,
    identity: () => (identity ??= loadOrCreateReceiverIdentity(config.dataDir, config.now())),
    close: async () => {
      await checks.close();
      await rdb.close();
    },
  };
}
