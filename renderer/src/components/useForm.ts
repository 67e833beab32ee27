import { useState } from 'react';
import { ClientError } from '../api/client';
import { vi } from '../../../shared/i18n/vi';

/**
 * Submission state for a form: busy flag, a top-level error, and per-field errors taken from
 * the back end's issues (paths like `leader.password`). With several fields wrong the top box
 * lists them all (see summarise); each field shows its own message until edited (see Field).
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
        setError(summarise(e.code, e.message, fe));
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

/**
 * The router's validation error reads "Dữ liệu nhập chưa hợp lệ: <first issue>" — with several
 * fields wrong the top box named only the first. It now counts them and lists each (the fields
 * show theirs too). A service's own message (e.g. an import naming its file) is kept as written.
 */
export function summarise(code: string, message: string, fieldErrors: Record<string, string>): string {
  const messages = [...new Set(Object.values(fieldErrors))];
  if (code !== 'VALIDATION' || messages.length < 2 || !message.startsWith(vi.errors.validation)) return message;
  return vi.daily.form.fixFields(messages);
}
