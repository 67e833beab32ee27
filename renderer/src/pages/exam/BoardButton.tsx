// "Bảng phòng thi": asks the back end for a read-only link to this round's board (valid for the
// exam day) and opens it in a new tab or window — no second login; the link is shown to copy onto
// the room's PC.
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { formatDateTime } from '../../../../shared/format';
import { vi } from '../../../../shared/i18n/vi';

const d = vi.examDay;
/** Where the board returns to when it had to replace the console in the same window. */
export const BOARD_RETURN_KEY = 'kiemchung.boardReturn';

export function BoardButton({ roundId }: { roundId: number }) {
  const sub = useSubmit();
  const [link, setLink] = useState<{ href: string; until: number } | null>(null);
  const open = async () => {
    // The tab is opened before the call so the browser treats it as the click's own window.
    const w = window.open('', '_blank');
    const l = await sub.submit(() => call('exam.boardLink', { roundId }));
    if (!l) return w?.close();
    const href = `${window.location.origin}${window.location.pathname}${window.location.search}#/board/${l.token}`;
    setLink({ href, until: l.validUntil });
    if (w) w.location.href = href;
    else {
      // No second window here (the desktop app opens none): show the board in this one, with a way back.
      sessionStorage.setItem(BOARD_RETURN_KEY, window.location.hash);
      window.location.hash = `#/board/${l.token}`;
    }
  };
  return (
    <div className="board-button">
      <button onClick={() => void open()} disabled={sub.busy}>
        {d.boardOpen}
      </button>
      <ErrorBox message={sub.error} />
      {link && (
        <p className="small muted">
          {d.boardLinkHint(formatDateTime(link.until - 1))}{' '}
          <a href={link.href} target="_blank" rel="noreferrer" aria-label={d.boardLinkCopy}>
            {link.href}
          </a>
        </p>
      )}
    </div>
  );
}
