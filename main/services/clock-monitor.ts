// Watches the wall clock against the monotonic clock while the app runs, and the last trusted
// time at start-up. A jump (someone changes the PC clock, or NTP corrects it by minutes) is logged
// in clock_event, shown to the proctor and sent as an event; timers keep using trusted time.
import type { Services } from './context';
import { detectClockJump } from '../domain/deadline';
import { formatDateTime } from '../../shared/format';
import { createLogger } from './log';

const log = createLogger('clock');

export function recordClockEvent(s: Services, deltaMs: number, note: string): void {
  s.db.run(s.db.q.insertInto('clock_event').values({ at: s.clock.now(), delta_ms: Math.round(deltaMs), note }));
  s.events.emit({ type: 'clock', warning: note });
  log.warn('clock jump', { deltaMs, note });
}

const minutes = (ms: number) => Math.round(Math.abs(ms) / 60_000);

/** At start-up: a wall clock behind the latest trusted time means it was turned back while closed. */
export function checkClockAtStart(s: Services): void {
  const row = s.db.first(s.db.q.selectFrom('trusted_time').select('latest').where('id', '=', 1));
  const now = s.clock.now();
  if (row && row.latest - now > 2 * 60_000) {
    recordClockEvent(
      s,
      now - row.latest,
      `Đồng hồ máy lùi ${minutes(row.latest - now)} phút so với thời điểm tin cậy gần nhất (${formatDateTime(row.latest)}). Các bước thi vẫn tính theo thời điểm tin cậy.`,
    );
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
      const dir = jump.deltaMs > 0 ? 'nhảy tới' : 'lùi lại';
      recordClockEvent(
        s,
        jump.deltaMs,
        `Đồng hồ máy ${dir} ${minutes(jump.deltaMs)} phút lúc ${formatDateTime(wall)}. Các bước thi vẫn tính theo thời điểm tin cậy.`,
      );
    }
    prevWall = wall;
    prevMono = mono;
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
