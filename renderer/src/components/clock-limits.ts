/** A trusted time this far ahead of the PC clock is shown as a problem (below: clock noise). */
export const AHEAD_SHOWN_MS = 2 * 60_000;
