// What a step's timer shows, shared by the console, the room board and their tests: the digits and
// the warning come from the same whole second, so "Còn 5 phút" appears exactly when the clock reads
// 05:00 and never over a reading that says otherwise ("Còn 5 phút" above 04:27). Pure.

export type TimerLevel = 'none' | 'warn5' | 'warn1' | 'end';
/** 'five' / 'one' for the first 10 seconds of a band (the announcement), 'under5' / 'under1' after it. */
export type TimerLabel = 'remaining' | 'five' | 'under5' | 'one' | 'under1' | 'end';

export const ANNOUNCE_SECONDS = 10;

/** Whole seconds left as the clock shows them (rounded up: 04:59.2 reads 05:00). */
export const secondsLeft = (remainingMs: number): number => Math.max(0, Math.ceil(remainingMs / 1000));

export function formatRemaining(ms: number): string {
  const total = secondsLeft(ms);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export function timerState(remainingMs: number | null): { level: TimerLevel; label: TimerLabel } {
  if (remainingMs === null) return { level: 'none', label: 'remaining' };
  const s = secondsLeft(remainingMs);
  if (s <= 0) return { level: 'end', label: 'end' };
  if (s <= 60) return { level: 'warn1', label: s > 60 - ANNOUNCE_SECONDS ? 'one' : 'under1' };
  if (s <= 300) return { level: 'warn5', label: s > 300 - ANNOUNCE_SECONDS ? 'five' : 'under5' };
  return { level: 'none', label: 'remaining' };
}

/** Minutes with a decimal comma: 150 000 ms → "2,5"; whole minutes without decimals. */
export function formatMinutes(ms: number): string {
  const m = Math.round((ms / 60_000) * 100) / 100;
  return String(m).replace('.', ',');
}
