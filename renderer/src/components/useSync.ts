// The sync status (connection + outbox) shared by every component that shows it (settings, the
// outbox panel, the per-package buttons, the report's delivery): one request, one event
// subscription. Live upload progress from `sync` events updates bytes and speed in place; a state
// change (or an unknown row) reloads the list.
import { useCallback, useSyncExternalStore } from 'react';
import { call, onEvent, ClientError } from '../api/client';
import type { SyncProgress, SyncStatus } from '../../../shared/api/sync-schemas';
import { groupFingerprint as groupOf } from '../../../shared/fingerprint';
import { vi } from '../../../shared/i18n/vi';

interface State {
  data: SyncStatus | null;
  error: string | null;
  live: Record<number, SyncProgress>;
}

let state: State = { data: null, error: null, live: {} };
const listeners = new Set<() => void>();
let loading: Promise<void> | null = null;
let again = false;
let offEvents: (() => void) | null = null;

const set = (patch: Partial<State>) => {
  state = { ...state, ...patch };
  for (const l of listeners) l();
};

function load(): void {
  if (loading) {
    again = true;
    return;
  }
  loading = call('sync.status', {}).then(
    (data) => set({ data, error: null }),
    (e: unknown) => set({ error: e instanceof ClientError ? e.message : vi.errors.internal }),
  );
  void loading.finally(() => {
    loading = null;
    if (again) {
      again = false;
      load();
    }
  });
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  if (listeners.size === 1) {
    load();
    offEvents = onEvent((e) => {
      if (e.type !== 'sync') return;
      const p = e.progress;
      set({ live: { ...state.live, [p.outboxId]: p } });
      const known = state.data?.outbox.find((o) => o.id === p.outboxId);
      if (!known || known.state !== p.state) load();
    });
  }
  return () => {
    listeners.delete(l);
    if (listeners.size === 0) {
      offEvents?.();
      offEvents = null;
    }
  };
}

export function useSync() {
  const s = useSyncExternalStore(subscribe, () => state);
  const reload = useCallback(() => load(), []);
  return { ...s, reload };
}

/** "AB12 CD34 …": a SHA-256 fingerprint in groups of four, easy to read out over the phone. */
export const groupFingerprint = (hex: string) => groupOf(hex).join(' ');
