// Opens the data folder and builds the services the API runs on. Shared by the Electron shell,
// browser mode, the CLI and the tests, so all of them run the same code.
import { openDatabase } from '../db/connection';
import { systemClock, OffsetClock, type Clock } from './clock';
import { EventBus } from './events';
import { JobRegistry } from './jobs';
import type { Services } from './context';
import { APP_VERSION } from './version';
import { UploadStore } from './uploads';
import { FileRegistry } from './files';
import type { OsKeychain } from './package-format/key-store';
import type { SyncFn } from '../db/durability';
import { createLogger } from './log';

const log = createLogger('db');

export interface BootOptions {
  dataDir: string;
  testHooks?: boolean;
  clock?: Clock;
  /** The desktop app passes Electron's safeStorage; elsewhere the signing key is sealed with a passphrase. */
  keychain?: OsKeychain | null;
  /** Tests only: the group commit's flush, to watch or hold it (the app always uses fdatasync). */
  syncWal?: SyncFn;
}

export function bootServices(opts: BootOptions): Services & { migrated: { from: number; to: number } } {
  const testHooks = opts.testHooks ?? process.env.KIEMCHUNG_TEST_HOOKS === '1';
  const clock = opts.clock ?? (testHooks ? new OffsetClock() : systemClock);
  const { db, migrated } = openDatabase(opts.dataDir, clock.now(), {
    ...(opts.syncWal && { sync: opts.syncWal }),
    onError: (e) => log.error('flushing the database to the disk failed', { error: e instanceof Error ? e.message : String(e) }),
  });
  const events = new EventBus();
  return {
    db,
    clock,
    events,
    jobs: new JobRegistry(events),
    uploads: new UploadStore(opts.dataDir),
    files: new FileRegistry(),
    dataDir: opts.dataDir,
    version: APP_VERSION,
    testHooks,
    keychain: opts.keychain ?? null,
    migrated,
  };
}
