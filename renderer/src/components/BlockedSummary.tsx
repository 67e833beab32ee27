// What stands between the user and "Gửi báo cáo" / "Đóng gói và ký", next to the button: no signing
// key first, then "Còn 87 lỗi ở 41 tiêu chí — xem danh sách" linking to "Kiểm tra trước khi gửi",
// instead of the check's ~90 lines poured above the page. Read from the error's code and its
// issues' paths (`signingKey`, `precheck.<code>`), never from its wording.
import { useState } from 'react';
import { ClientError } from '../api/client';
import { PRECHECK_PATH, SIGNING_KEY_PATH } from '../../../shared/api/assessment-schemas';
import { vi } from '../../../shared/i18n/vi';

const t = vi.precheckList.ui;

export interface Blocked {
  keyMissing: boolean;
  errors: number;
  criteria: number;
}

/** The blocked-by-the-check summary an error stands for, or null for any other error. */
export function blockedFrom(e: unknown): Blocked | null {
  if (!(e instanceof ClientError)) return null;
  const keyMissing = e.issues.some((i) => i.path === SIGNING_KEY_PATH);
  const errors = e.code === 'CONFLICT' ? e.issues.filter((i) => i.path.startsWith(PRECHECK_PATH)) : [];
  if (!errors.length && !(keyMissing && e.code === 'NOT_FOUND')) return null;
  return { keyMissing, errors: errors.length, criteria: new Set(errors.map((i) => i.path)).size };
}

/**
 * State for one guarded action: `guard(work)` runs `work`, and when the check (or a missing key)
 * refuses it, keeps the summary instead of throwing; `clear()` when the user moves on.
 */
export function useBlocked() {
  const [blocked, setBlocked] = useState<Blocked | null>(null);
  const guard =
    <T,>(work: () => Promise<T>) =>
    async (): Promise<T | undefined> => {
      setBlocked(null);
      try {
        return await work();
      } catch (e) {
        const b = blockedFrom(e);
        if (!b) throw e;
        setBlocked(b);
        return undefined;
      }
    };
  return { blocked, guard, clear: () => setBlocked(null) };
}

export function BlockedSummary({ blocked, checkHref, keyHref }: { blocked: Blocked | null; checkHref: string; keyHref?: string }) {
  if (!blocked) return null;
  return (
    <div className="blocked-summary alert alert--error" role="alert" aria-label={t.summaryLabel} data-testid="blocked-summary">
      {blocked.keyMissing && (
        <p data-testid="blocked-key">
          {t.noKeyFirst} {keyHref && <a href={keyHref}>{t.createKey}</a>}
        </p>
      )}
      {blocked.errors > 0 && (
        <p data-testid="blocked-check">
          <span aria-hidden="true">✖</span> {t.blocked(blocked.errors, blocked.criteria)} — <a href={checkHref}>{t.seeList}</a>
        </p>
      )}
    </div>
  );
}
