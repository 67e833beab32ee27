// Long jobs (imports, package builds, uploads): an id, progress events, and cancellation.
import { randomUUID } from 'node:crypto';
import type { EventBus } from './events';
import type { JobProgress } from '../../shared/api/schemas';
import { ApiError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import type { Actor } from './context';
import { hasAnyRole, MANAGER_ROLES } from '../domain/authz';

export interface JobHandle {
  id: string;
  signal: AbortSignal;
  progress(done: number, total?: number | null, message?: string | null): void;
  /** Throws CANCELLED when the user cancelled; call between units of work. */
  checkCancelled(): void;
}

export class JobRegistry {
  private jobs = new Map<string, { state: JobProgress; abort: AbortController; ownerId: number | null }>();
  constructor(private readonly events: EventBus) {}

  /** `owner` started the job: they (or a leader/admin) may cancel it, and only they and managers see it. */
  async run<T>(label: string, work: (job: JobHandle) => Promise<T>, owner: Actor | null = null): Promise<T> {
    const id = randomUUID();
    const abort = new AbortController();
    const state: JobProgress = { jobId: id, label, done: 0, total: null, state: 'running', message: null };
    const ownerId = owner?.id ?? null;
    this.jobs.set(id, { state, abort, ownerId });
    const emit = () => this.events.emit({ type: 'job', job: { ...state }, ownerId });
    const handle: JobHandle = {
      id,
      signal: abort.signal,
      progress: (done, total = state.total, message = null) => {
        Object.assign(state, { done, total, message });
        emit();
      },
      checkCancelled: () => {
        if (abort.signal.aborted) throw new ApiError('CANCELLED', vi.errors.cancelled);
      },
    };
    emit();
    try {
      const out = await work(handle);
      state.state = 'finished';
      return out;
    } catch (e) {
      state.state = abort.signal.aborted ? 'cancelled' : 'failed';
      state.message = e instanceof Error ? e.message : String(e);
      throw e;
    } finally {
      emit();
      this.jobs.delete(id);
    }
  }

  cancel(id: string, actor: Actor): void {
    const j = this.jobs.get(id);
    if (!j || !mayFollowJob(actor, j.ownerId)) throw new ApiError('NOT_FOUND', vi.errors.jobNotFound);
    j.abort.abort();
  }

  list(actor: Actor): JobProgress[] {
    return [...this.jobs.values()].filter((j) => mayFollowJob(actor, j.ownerId)).map((j) => ({ ...j.state }));
  }
}

/** A job is its owner's and the managers' to see and cancel; nobody else's (not even by id). */
export const mayFollowJob = (actor: { id: number | null; roles: readonly Actor['roles'][number][] }, ownerId: number | null) =>
  (ownerId !== null && actor.id === ownerId) || hasAnyRole(actor.roles, MANAGER_ROLES);
