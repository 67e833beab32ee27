import type { JobProgress } from './schemas';

/** Events pushed from main to the renderer (IPC `on`, or server-sent events in browser mode). */
export type AppEvent = { type: 'job'; job: JobProgress } | { type: 'clock'; warning: string };
