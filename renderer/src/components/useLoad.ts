import { useCallback, useEffect, useState } from 'react';
import { ClientError } from '../api/client';
import { vi } from '../../../shared/i18n/vi';

/** Loads data on mount (and on `reload`), keeping the last value while reloading. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    run().then(
      (d) => {
        setData(d);
        setError(null);
      },
      (e: unknown) => setError(e instanceof ClientError ? e.message : vi.errors.internal),
    );
  }, [run]);
  useEffect(reload, [reload]);
  return { data, setData, error, reload };
}
