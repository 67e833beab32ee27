// The time the app trusts for deadlines: the latest of the wall clock, the last trusted time, the
// time of the last audit row (every change leaves one), and times from outside the PC (the
// receiver's health answers and receipts, signing times of trusted packages). A clock turned
// back never moves it backwards; only a leader's audited reset does (services/clock-reset.ts).
//
// While the app runs, the trusted time also keeps ticking by the monotonic clock from the last
// value it computed: a PC clock turned back mid-session neither reopens a deadline nor freezes
// the exam timers until the wall clock catches up.
//
// Persisting is its own committed write, never part of an action's transaction: a save refused
// after the close must not roll back the evidence that the close has passed. The router advances
// it before every call (outside any transaction), start-up does, and the clock monitor does
// periodically; inside a transaction trustedNow only reads.
import type { Services } from './context';

const PERSIST_EVERY_MS = 5_000;

interface Stored {
  latest: number;
  floorSeq: number;
}

function stored(s: Services): Stored | null {
  const row = s.db.first(s.db.q.selectFrom('trusted_time').select(['latest', 'floor_seq']).where('id', '=', 1));
  return row ? { latest: row.latest, floorSeq: row.floor_seq } : null;
}

/** The time of the newest audit row above the floor (rows under a clock since reset do not count). */
function lastAuditAt(s: Services, floorSeq: number): number | null {
  const row = s.db.first(s.db.q.selectFrom('audit_log').select(['seq', 'at']).orderBy('seq', 'desc').limit(1));
  return row && row.seq > floorSeq ? row.at : null;
}

/** The last computed trusted time and the monotonic reading then, per running app. */
const anchors = new WeakMap<Services, { trusted: number; mono: number }>();

function compute(s: Services): { t: number; stored: Stored | null } {
  const st = stored(s);
  const mono = s.clock.monotonic();
  const a = anchors.get(s);
  const ticking = a ? a.trusted + Math.max(0, mono - a.mono) : -Infinity;
  const candidates = [s.clock.now(), st?.latest ?? -Infinity, lastAuditAt(s, st?.floorSeq ?? 0) ?? -Infinity, ticking];
  // Whole milliseconds (performance.now() is fractional; times are stored as integers).
  const t = Math.floor(Math.max(...candidates.filter(Number.isFinite)));
  anchors.set(s, { trusted: t, mono });
  return { t, stored: st };
}

/**
 * Sets the trusted time outright (a leader's audited reset, or a test build's clock hook): the
 * stored value, the floor under which audit rows stop counting, and the running anchor.
 */
export function setTrustedTime(s: Services, t: number, floorSeq: number): void {
  s.db.run(
    s.db.q
      .insertInto('trusted_time')
      .values({ id: 1, latest: t, floor_seq: floorSeq })
      .onConflict((oc) => oc.column('id').doUpdateSet({ latest: t, floor_seq: floorSeq })),
  );
  anchors.set(s, { trusted: t, mono: s.clock.monotonic() });
}

/** A deadline between the stored time and now: crossing one is recorded at once, not 5 s later. */
function crossedDeadline(s: Services, from: number, to: number): boolean {
  const q = (table: 'assessment' | 'supplementary_window') =>
    s.db.first(s.db.q.selectFrom(table).select('id').where('closes_at', '>', from).where('closes_at', '<=', to).limit(1));
  return q('assessment') !== undefined || q('supplementary_window') !== undefined;
}

function persist(s: Services, t: number, had: boolean): void {
  if (had) s.db.run(s.db.q.updateTable('trusted_time').set({ latest: t }).where('id', '=', 1).where('latest', '<', t));
  else
    s.db.run(
      s.db.q
        .insertInto('trusted_time')
        .values({ id: 1, latest: t })
        .onConflict((oc) => oc.column('id').doNothing()),
    );
}

/** Advances and commits the trusted time (call outside transactions); returns it. */
export function advanceTrustedTime(s: Services): number {
  const { t, stored: st } = compute(s);
  if (s.db.sqlite.inTransaction) return t;
  if (!st || t > st.latest + PERSIST_EVERY_MS || (t > st.latest && crossedDeadline(s, st.latest, t))) persist(s, t, !!st);
  return t;
}

/** The trusted time now; writes it when it may (outside a transaction), as advanceTrustedTime. */
export const trustedNow = (s: Services): number => advanceTrustedTime(s);

/** Records a time from a trusted outside source (a receiver's receipt or health answer). */
export function observeTrustedTime(s: Services, t: number): void {
  if (!Number.isFinite(t)) return;
  const st = stored(s);
  if (!st || t > st.latest) persist(s, t, !!st);
}

/** The wall clock, the trusted time, and how far apart they are (> 0: trusted is ahead). */
export function clockReading(s: Services): { wall: number; trusted: number; aheadMs: number } {
  const wall = s.clock.now();
  const trusted = advanceTrustedTime(s);
  return { wall, trusted, aheadMs: trusted - wall };
}

/** How far ahead of the trusted time a package's signing time may move it (a signer's clock may be wrong). */
export const SIGNING_TIME_LEAD_MS = 2 * 86_400_000;

/** The signing time of a verified package from a known signer: trusted, within SIGNING_TIME_LEAD_MS. */
export function observeSigningTime(s: Services, signedAt: number): void {
  const now = advanceTrustedTime(s);
  if (signedAt > now && signedAt <= now + SIGNING_TIME_LEAD_MS) observeTrustedTime(s, signedAt);
}
