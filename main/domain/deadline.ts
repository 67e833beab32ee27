// Submission windows, Vietnam local times and clock rollback. Pure.
//
// Times are stored as UTC epoch ms and written by people as Vietnam local time (UTC+7, no
// daylight saving), in the documents' order: "17:00 05/10/2023". A window is [opensAt, closesAt):
// doc 001 says the software locks at 17:00 05/10/2023, so an edit at 17:00:00 is already late.
// After the main window the assessment is read-only, except for the criteria of a supplementary
// window ("đánh giá bổ sung") while it is open.
import { viDeadline } from '../../shared/i18n/vi/assessment-rules';
import { VN_OFFSET_MS, fromIsoLocal, parseVnDateTime, toIsoLocal } from '../../shared/vn-time';

export { VN_OFFSET_MS };

export interface Window {
  opensAt: number;
  closesAt: number;
}

/** A reopened window limited to some criteria; a code covers its descendants ('3.2' covers '3.2.12'). */
export interface SupplementaryWindow extends Window {
  criterionCodes: readonly string[];
}

export type EditDecision = { ok: true; via: 'main' | 'supplementary' } | { ok: false; reason: 'not_open_yet' | 'closed'; message: string };

export const messages = viDeadline;

/**
 * Parses a Vietnam local date-time as people write it: '17:00 05/10/2023', '05/10/2023 17:00',
 * '5/10/2023 17h00', '17h00 ngày 05/10/2023', '2023-10-05T17:00'; a date alone means 00:00.
 * Returns UTC ms, or null when the text is not a valid date-time (31/02/2023 is not).
 */
export const parseLocalDateTime = parseVnDateTime;

/** 'YYYY-MM-DDTHH:mm' in Vietnam time; '' for an invalid time. */
export const toLocalInputValue = toIsoLocal;

/** The inverse of toLocalInputValue (seconds allowed); null when empty or invalid. */
export const fromLocalInputValue = fromIsoLocal;

/**
 * The time to judge deadlines by: the later of the clock and the latest time already trusted
 * (seen earlier, or from a receiver's receipt). A clock turned back never reopens a closed window.
 */
export function trustedNow(clockNow: number, latestTrusted: number): number {
  if (!Number.isFinite(latestTrusted)) return clockNow;
  if (!Number.isFinite(clockNow)) return latestTrusted;
  return Math.max(clockNow, latestTrusted);
}

const isOpen = (w: Window, now: number) => now >= w.opensAt && now < w.closesAt;
const normCode = (c: string) => c.trim().replace(/\.+$/, '').toLowerCase();

/** Whether a supplementary window's codes cover `code` (itself or a descendant). */
export function coversCriterion(codes: readonly string[], code: string): boolean {
  const c = normCode(code);
  return codes.some((k) => {
    const n = normCode(k);
    return n !== '' && (c === n || c.startsWith(n + '.'));
  });
}

/**
 * Whether an edit is allowed at `now` (pass trustedNow). criterionCode null is an
 * assessment-wide action such as sending the report: allowed in the main window or in any open
 * supplementary window.
 */
export function canEdit(now: number, main: Window, supplementary: readonly SupplementaryWindow[], criterionCode: string | null): EditDecision {
  if (isOpen(main, now)) return { ok: true, via: 'main' };
  const open = supplementary.filter((w) => isOpen(w, now));
  if (criterionCode === null ? open.length > 0 : open.some((w) => coversCriterion(w.criterionCodes, criterionCode))) {
    return { ok: true, via: 'supplementary' };
  }
  if (now < main.opensAt) return { ok: false, reason: 'not_open_yet', message: messages.notOpenYet(main.opensAt) };

  let message = messages.closed(main.closesAt);
  const mine = criterionCode === null ? supplementary : supplementary.filter((w) => coversCriterion(w.criterionCodes, criterionCode));
  const next = mine.filter((w) => w.opensAt > now).sort((a, b) => a.opensAt - b.opensAt)[0];
  const last = mine.filter((w) => w.closesAt <= now).sort((a, b) => b.closesAt - a.closesAt)[0];
  if (next) message += messages.supplementaryOpensAt(next.opensAt);
  else if (last) message += messages.supplementaryClosed(last.closesAt);
  else if (criterionCode !== null && open.length) {
    message += messages.onlySupplementaryFor([...new Set(open.flatMap((w) => w.criterionCodes))].join(', '));
  }
  return { ok: false, reason: 'closed', message };
}

/** A Vietnamese problem with a window, or null when it closes after it opens. */
export function validateWindow(w: Window): string | null {
  if (!Number.isFinite(w.opensAt) || !Number.isFinite(w.closesAt)) return messages.windowInvalidTime;
  if (w.closesAt <= w.opensAt) return messages.windowOrder(w.opensAt, w.closesAt);
  return null;
}

/**
 * Whether the wall clock moved differently from the monotonic clock between two readings by more
 * than the tolerance (someone set the clock, or it was corrected); deltaMs > 0 is a jump forward.
 */
export function detectClockJump(
  prevWall: number,
  prevMono: number,
  wall: number,
  mono: number,
  toleranceMs = 2 * 60_000,
): { jumped: boolean; deltaMs: number } {
  const deltaMs = wall - prevWall - (mono - prevMono);
  return { jumped: Math.abs(deltaMs) > toleranceMs, deltaMs };
}
