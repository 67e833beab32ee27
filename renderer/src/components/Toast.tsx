import { IssueList } from './lists';
import { vi } from '../../../shared/i18n/vi';

interface ToastProps {
  notice?: string | null | undefined;
  error?: string | null | undefined;
  issues?: Record<string, string> | undefined;
  onClose: () => void;
}

/**
 * The outcome of an action started far down a long page (USB export, "Xuất từng tệp"): pinned to
 * the bottom of the window so it is in view wherever the button was, and it stays until closed or
 * replaced by the next outcome — a message that vanishes on a timer is missed.
 */
export function Toast({ notice, error, issues, onClose }: ToastProps) {
  if (!notice && !error) return null;
  return (
    <div className={`toast ${error ? 'toast--error' : 'toast--ok'}`} role={error ? 'alert' : 'status'}>
      <div className="toast__body">
        <span aria-hidden="true">{error ? '✖ ' : '✔ '}</span>
        {error ?? notice}
        {error && issues && <IssueList issues={issues} />}
      </div>
      <button type="button" className="toast__close" onClick={onClose}>
        {vi.app.close}
      </button>
    </div>
  );
}
