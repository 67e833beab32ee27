import { useState } from 'react';
import { ClientError } from '../api/client';
import { vi } from '../../../shared/i18n/vi';

/**
 * Submission state for a form: busy flag, a top-level error, and per-field errors taken from
 * the back end's issues (paths like `leader.password`).
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function submit<T>(work: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      return await work();
    } catch (e) {
      if (e instanceof ClientError) {
        setError(e.message);
        const fe: Record<string, string> = {};
        for (const i of e.issues) if (!(i.path in fe)) fe[i.path] = i.message;
        setFieldErrors(fe);
      } else {
        setError(vi.errors.internal);
      }
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, fieldErrors, submit, setError };
}
