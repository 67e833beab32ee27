// Test hooks: a clock the e2e tests move. Registered only when the server was started with
// KIEMCHUNG_TEST_HOOKS=1, and only in a test build: a production build swaps this module for
// test-hooks.prod.ts (scripts/build.mjs), so the code is not in what users run.
import type { Router } from '../router';
import { OffsetClock } from '../../services/clock';
import { setTrustedTime } from '../../services/trusted-time';

export function registerTestHooks(r: Router): void {
  r.register('test.setClock', (input, { s }) => {
    if (!(s.clock instanceof OffsetClock)) throw new Error('test clock not installed');
    s.clock.setOffset(input.offsetMs);
    // As if this data folder had always lived at that time: the trusted time follows (tests of
    // timers and windows; the rollback guard itself is tested with a clock service, not this).
    if (input.resetTrusted) {
      const head = s.db.first(s.db.q.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1));
      setTrustedTime(s, s.clock.now(), head?.seq ?? 0);
    }
    return { now: s.clock.now() };
  });
}
