import type { Db } from '../db/connection';
import type { Clock } from './clock';
import type { EventBus } from './events';
import type { JobRegistry } from './jobs';
import type { UploadStore } from './uploads';
import type { FileRegistry } from './files';
import type { Role } from '../../shared/office';
import { vi } from '../../shared/i18n/vi';
import type { OsKeychain } from './package-format/key-store';

/** Everything a service needs, created once per running app. */
export interface Services {
  db: Db;
  clock: Clock;
  events: EventBus;
  jobs: JobRegistry;
  uploads: UploadStore;
  files: FileRegistry;
  dataDir: string;
  version: string;
  testHooks: boolean;
  /** The OS secret store (Electron's safeStorage) in the desktop app; null in browser mode and the CLI. */
  keychain: OsKeychain | null;
}

/** Who is acting: a logged-in user, or the system itself (migrations, demo data). */
export interface Actor {
  id: number | null;
  name: string;
  roles: readonly Role[];
}
export const SYSTEM_ACTOR: Actor = { id: null, name: vi.audit.system, roles: [] };
