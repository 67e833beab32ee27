// Bringing back a trusted time that ran ahead (the PC clock was once set a year forward, say):
// never silently. A leader resets it only to a time confirmed from outside (the receiver's clock,
// when reachable) or, offline, to the corrected PC clock with a typed reason. Each reset is
// audited, and stamped into every package built afterwards so the province sees it.
import { ApiError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import type { Services, Actor } from './context';
import { appendAudit } from './audit';
import { clockReading, setTrustedTime } from './trusted-time';
import { getConnection, probeHealth } from './sync/connection';
import { faultMessage } from './sync/faults';

/** Below this, "ahead" is clock noise, not something to reset. */
export const AHEAD_TOLERANCE_MS = 2 * 60_000;
/** How far the PC clock may differ from the receiver's when resetting by it. */
const RECEIVER_TOLERANCE_MS = 5 * 60_000;

export interface ClockReset {
  at: number;
  fromMs: number;
  toMs: number;
  source: 'receiver' | 'reason';
  reason: string;
  actorName: string;
}

export interface ClockStatus {
  wall: number;
  trusted: number;
  aheadMs: number;
  lastJump: { at: number; deltaMs: number; note: string } | null;
  resets: ClockReset[];
  receiverConfigured: boolean;
}

export function listClockResets(s: Services): ClockReset[] {
  return s.db.all(s.db.q.selectFrom('clock_reset').selectAll().orderBy('id')).map((r) => ({
    at: r.at,
    fromMs: r.from_ms,
    toMs: r.to_ms,
    source: r.source,
    reason: r.reason,
    actorName: r.actor_name,
  }));
}

export function clockStatus(s: Services): ClockStatus {
  const { wall, trusted, aheadMs } = clockReading(s);
  const jump = s.db.first(s.db.q.selectFrom('clock_event').select(['at', 'delta_ms', 'note']).orderBy('id', 'desc').limit(1));
  return {
    wall,
    trusted,
    aheadMs,
    lastJump: jump ? { at: jump.at, deltaMs: jump.delta_ms, note: jump.note } : null,
    resets: listClockResets(s),
    receiverConfigured: getConnection(s) !== null,
  };
}

export type ResetInput = { source: 'receiver' } | { source: 'reason'; reason: string };

export async function resetTrustedTime(s: Services, actor: Actor, input: ResetInput): Promise<ClockStatus> {
  const before = clockReading(s);
  if (before.aheadMs <= AHEAD_TOLERANCE_MS) throw new ApiError('CONFLICT', vi.clock.nothingToReset);
  let to = before.wall;
  let reason: string;
  if (input.source === 'receiver') {
    const c = getConnection(s);
    if (!c) throw new ApiError('CONFLICT', vi.clock.noReceiver);
    let receiverTime: number;
    try {
      receiverTime = (await probeHealth(s, c.url)).time;
    } catch (e) {
      throw new ApiError('CONFLICT', vi.clock.receiverUnreachable(faultMessage(e)));
    }
    const wall = s.clock.now();
    if (Math.abs(wall - receiverTime) > RECEIVER_TOLERANCE_MS) throw new ApiError('CONFLICT', vi.clock.fixClockFirst(wall, receiverTime));
    to = Math.max(wall, receiverTime);
    reason = vi.clock.sourceReceiver;
  } else {
    reason = input.reason.trim();
    if (reason.length < 20) throw new ApiError('VALIDATION', vi.clock.reasonTooShort, [{ path: 'reason', message: vi.clock.reasonTooShort }]);
    // A typed reason is for when no outside time can be had: a reachable receiver must be used.
    const c = getConnection(s);
    if (
      c &&
      (await probeHealth(s, c.url, 3_000).then(
        () => true,
        () => false,
      ))
    )
      throw new ApiError('CONFLICT', vi.clock.useReceiver);
  }
  s.db.tx((w) => {
    const head = s.db.first(s.db.q.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1));
    // Rows written so far carry times of the wrong clock: they stop counting as evidence of time.
    setTrustedTime(s, to, head?.seq ?? 0);
    s.db.run(
      s.db.q.insertInto('clock_reset').values({
        at: to,
        from_ms: before.trusted,
        to_ms: to,
        source: input.source,
        reason,
        user_id: actor.id,
        actor_name: actor.name,
      }),
    );
    // The audit row itself is written at the new time (s.clock), above the floor.
    appendAudit(w, s, actor, {
      action: 'clock.reset',
      entity: 'clock',
      before: { trusted: before.trusted },
      after: { trusted: to, source: input.source, reason },
    });
  });
  return clockStatus(s);
}

/** bag-info.txt lines for every reset on record (Kiemchung-Clock-Reset-1, -2, …). */
export function clockResetBagInfo(s: Services): Record<string, string> {
  const out: Record<string, string> = {};
  listClockResets(s).forEach((r, i) => {
    const source = r.source === 'receiver' ? vi.clock.sourceReceiver : vi.clock.sourceReason;
    out[`Kiemchung-Clock-Reset-${i + 1}`] = vi.clock.bagInfoReset(r.at, r.fromMs, r.toMs, r.actorName, source, r.reason).replace(/[\r\n]+/g, ' ');
  });
  return out;
}
