// Whether the back end answers. In browser mode the server may be another PC of the office (the
// office network): when it is switched off or the LAN drops, every screen must say so at once and
// editors must keep what was typed and send it again when the server is back. The transport
// reports each failed and each answered request here; the event stream's drop is noticed at once.
import { useSyncExternalStore } from 'react';

let online = true;
const listeners = new Set<() => void>();
const set = (v: boolean) => {
  if (online === v) return;
  online = v;
  for (const l of listeners) l();
};

export const connection = {
  lost: () => set(false),
  answered: () => set(true),
  isOnline: () => online,
  subscribe: (l: () => void) => {
    listeners.add(l);
    return () => void listeners.delete(l);
  },
};

export const useOnline = () => useSyncExternalStore(connection.subscribe, connection.isOnline);

/** Resolves when the server answers again (polled while the connection is lost). */
export function whenOnline(probe: () => Promise<unknown>, everyMs = 2_000): Promise<void> {
  if (online) return Promise.resolve();
  return new Promise((resolve) => {
    const off = connection.subscribe(() => {
      if (!online) return;
      off();
      window.clearInterval(timer);
      resolve();
    });
    const timer = window.setInterval(() => void probe().catch(() => undefined), everyMs);
  });
}
