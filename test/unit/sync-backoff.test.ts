// The outbox's retry delays: growing, capped, jittered (seeded here so a failure reproduces).
import { describe, expect, it } from 'vitest';
import { backoffDelay, seededRandom, DEFAULT_BACKOFF } from '../../main/services/sync/backoff';

describe('backoff', () => {
  it('grows from the base, never passes the cap, and keeps retrying at the cap', () => {
    const seed = 20261203;
    const rng = seededRandom(seed);
    const opts = { baseMs: 1_000, capMs: 60_000 };
    const delays = Array.from({ length: 40 }, (_, i) => backoffDelay(i + 1, rng, opts));
    for (const [i, d] of delays.entries()) {
      const exp = Math.min(opts.capMs, opts.baseMs * 2 ** i);
      expect(d, `seed ${seed}, attempt ${i + 1}`).toBeGreaterThanOrEqual(exp / 2);
      expect(d, `seed ${seed}, attempt ${i + 1}`).toBeLessThanOrEqual(exp);
    }
    // Capped: from attempt 8 on (2^7 s > 60 s) every delay is within [cap/2, cap], forever.
    expect(delays.slice(7).every((d) => d >= 30_000 && d <= 60_000)).toBe(true);
    expect(backoffDelay(1_000_000, rng, opts)).toBeLessThanOrEqual(60_000);
    // The default cap is 10 minutes.
    expect(backoffDelay(50, Math.random)).toBeLessThanOrEqual(DEFAULT_BACKOFF.capMs);
  });

  it('is jittered: many offices failing together do not retry together; the same seed repeats exactly', () => {
    const a = Array.from({ length: 200 }, (_, i) => backoffDelay(10, seededRandom(i + 1)));
    expect(new Set(a).size).toBeGreaterThan(150);
    const r1 = seededRandom(42);
    const r2 = seededRandom(42);
    expect(Array.from({ length: 10 }, () => r1())).toEqual(Array.from({ length: 10 }, () => r2()));
  });
});
