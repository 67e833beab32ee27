import { useState } from 'react';
import { ClientError } from '../api/client';
import { vi } from '../../../shared/i18n/vi';

/**
 * Submission state for a form: busy flag, a top-level error, and per-field errors taken from
 * the back end's issues (paths like `leader.password`). With several fields wrong the top box
 * lists them all (the router's message does, main/api/validation-message.ts); each field shows its
 * own message until edited (see Field).
 * `setFieldError` lets a page add a check of its own (e.g. password confirmation).
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
        const fe: Record<string, string> = {};
        for (const i of e.issues) if (!(i.path in fe)) fe[i.path] = i.message;
        setFieldErrors(fe);
        setError(e.message);
      } else {
        setError(vi.errors.internal);
      }
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  /** A client-side check on one field: the message goes under the field, the summary on top. */
  function setFieldError(path: string, message: string) {
    setFieldErrors({ [path]: message });
    setError(message);
  }
  return { busy, error, fieldErrors, submit, setError, setFieldError };
}
