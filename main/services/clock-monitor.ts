// Watches the wall clock against the monotonic clock while the app runs, and the last trusted
// time at start-up. A jump (someone changes the PC clock, or NTP corrects it by minutes) is logged
// in clock_event, shown to the proctor and sent as an event; timers keep using trusted time.
import type { Services } from './context';
import { detectClockJump } from '../domain/deadline';
import { viShell } from '../../shared/i18n/vi/shell';
import { createLogger } from './log';
import { advanceTrustedTime, clockReading } from './trusted-time';

const log = createLogger('clock');

export function recordClockEvent(s: Services, deltaMs: number, note: string): void {
  s.db.run(s.db.q.insertInto('clock_event').values({ at: s.clock.now(), delta_ms: Math.round(deltaMs), note }));
  s.events.emit({ type: 'clock', warning: note });
  log.warn('clock jump', { deltaMs, note });
}

/**
 * At start-up (app and server): the trusted time is advanced and committed, and a wall clock
 * behind it means the clock was turned back while the app was closed.
 */
export function checkClockAtStart(s: Services): void {
  const { wall: now, trusted, aheadMs } = clockReading(s); // clockReading advances and commits
  if (aheadMs > 2 * 60_000) {
    recordClockEvent(s, now - trusted, viShell.clockMonitor.turnedBackWhileClosed(aheadMs, trusted));
  }
}

/** Samples every `everyMs`; returns a stop function. */
export function startClockMonitor(s: Services, everyMs = 5_000): () => void {
  let prevWall = s.clock.now();
  let prevMono = s.clock.monotonic();
  const timer = setInterval(() => {
    const wall = s.clock.now();
    const mono = s.clock.monotonic();
    const jump = detectClockJump(prevWall, prevMono, wall, mono);
    if (jump.jumped) {
      recordClockEvent(s, jump.deltaMs, viShell.clockMonitor.jumped(jump.deltaMs, wall));
    }
    prevWall = wall;
    prevMono = mono;
    advanceTrustedTime(s); // while the app runs, the trusted time keeps up even without calls
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
