// A real button that opens the file dialog. A <label> around a hidden file input looks like a
// button but cannot be reached with Tab; this one is focusable and opens with Enter or Space.
import { useRef, type RefObject } from 'react';

interface Props {
  label: string;
  accept: string;
  onFile: (file: File | undefined) => void;
  /** The hidden input, for callers that clear it after use. */
  inputRef?: RefObject<HTMLInputElement | null>;
  className?: string;
  disabled?: boolean;
}

export function FileButton({ label, accept, onFile, inputRef, className, disabled }: Props) {
  const own = useRef<HTMLInputElement>(null);
  const ref = inputRef ?? own;
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => ref.current?.click()}>
        {label}
      </button>
      <input ref={ref} type="file" accept={accept} hidden tabIndex={-1} aria-label={label} onChange={(e) => onFile(e.target.files?.[0])} />
    </>
  );
}
