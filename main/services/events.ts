import type { AppEvent } from '../../shared/api/events';

type Listener = (e: AppEvent) => void;

/** In-process fan-out of events to whichever transports are listening (IPC windows, SSE clients). */
export class EventBus {
  private listeners = new Set<Listener>();
  on(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  emit(e: AppEvent): void {
    for (const l of this.listeners) l(e);
  }
}
