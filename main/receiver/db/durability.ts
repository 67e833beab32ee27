// Group commit for the receiver's SQLite, with the app's barrier (main/db/durability.ts). The
// database runs with synchronous=NORMAL, so a commit only appends to the -wal file: no fsync on
// the event loop (with FULL, each commit's fsync froze the whole server, uploads included).
// Whoever must not answer before its commit is on disk — a receipt, an enrollment, a created
// upload — awaits `flush()` after committing: one fdatasync of the -wal file on libuv's thread
// pool covers every commit noted before it started; commits noted while it runs share the next.
// On PostgreSQL the commit itself is durable and flush() is a no-op.
import { type Kysely } from 'kysely';
import { DurabilityBarrier as WalSync } from '../../db/durability';

export interface DurabilityBarrier {
  /** Call after a commit: resolves once it (and every commit before it) is on disk. */
  flush(): Promise<void>;
  close(): void;
}

export const alreadyDurable: DurabilityBarrier = { flush: async () => undefined, close: () => undefined };

export class WalBarrier implements DurabilityBarrier {
  private readonly wal: WalSync;

  constructor(dbFile: string) {
    this.wal = new WalSync(`${dbFile}-wal`);
  }

  /** fdatasyncs done (the tests read it: many commits, few flushes). */
  get syncs(): number {
    return this.wal.syncs;
  }

  flush(): Promise<void> {
    return this.wal.flush(this.wal.noteCommit());
  }

  /** Before the database closes (flushes what is left, lets go of the -wal file). */
  close(): void {
    this.wal.close();
  }
}

/** The barrier of each open database, so `audited` (audit.ts) flushes after its commit wherever it is called from. */
const barriers = new WeakMap<Kysely<never>, DurabilityBarrier>();
export const registerBarrier = <T>(db: Kysely<T>, b: DurabilityBarrier) => void barriers.set(db as unknown as Kysely<never>, b);
export const barrierOf = <T>(db: Kysely<T>): DurabilityBarrier => barriers.get(db as unknown as Kysely<never>) ?? alreadyDurable;
