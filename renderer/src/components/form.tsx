import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}

/**
 * A labelled form field; its error is announced and tied to the input for screen readers. The
 * error goes away as soon as the user edits the field (the back end judges again on the next
 * submit), so a corrected field never keeps a stale "Cần nhập …" under it.
 */
export function Field({ label, error: given, hint, children }: FieldProps) {
  const id = useId();
  const msgId = `${id}-msg`;
  const [edited, setEdited] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  // A new error, or a new submit of the form (which may give the same message again), shows it again.
  useEffect(() => setEdited(false), [given]);
  useEffect(() => {
    const form = box.current?.closest('form');
    if (!form) return;
    const reset = () => setEdited(false);
    form.addEventListener('submit', reset);
    return () => form.removeEventListener('submit', reset);
  }, []);
  const error = edited ? undefined : given;
  const onEdit = () => {
    if (given && !edited) setEdited(true);
  };
  return (
    <div ref={box} className={`field${error ? ' field--error' : ''}`} onInput={onEdit} onChange={onEdit}>
      <label htmlFor={id}>{label}</label>
      {children(id, error || hint ? msgId : undefined)}
      {error ? (
        <div className="field__error" id={msgId}>
          {error}
        </div>
      ) : hint ? (
        <div className="field__hint" id={msgId}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

export function ErrorBox({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="alert alert--error" role="alert">
      {message}
    </div>
  );
}

export function Notice({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="alert alert--ok" role="status">
      {message}
    </div>
  );
}
