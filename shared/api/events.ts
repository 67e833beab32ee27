import type { JobProgress } from './schemas';
import type { SyncProgress } from './sync-schemas';

/** Events pushed from main to the renderer (IPC `on`, or server-sent events in browser mode). */
export type AppEvent =
  | { type: 'job'; job: JobProgress; /** who started it: only they and managers receive it */ ownerId: number | null }
  | { type: 'clock'; warning: string }
  | { type: 'sync'; progress: SyncProgress }
  /** An assessment item changed (score, text, status, evidence): screens showing it reload. */
  | { type: 'item'; assessmentId: number; itemId: number };
