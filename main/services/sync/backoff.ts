// Retry delays for the outbox: exponential from `baseMs`, capped at `capMs`, with "equal jitter"
// (half fixed, half random) so that many communes coming back online after an outage do not all
// knock on the receiver in the same second. Retries never stop; the delay just stops growing.

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, capMs: 10 * 60_000 };

/** Delay before try number `attempt + 1` (attempt counts failures so far, from 1). Always in [cap/2.., cap] once capped. */
export function backoffDelay(attempt: number, rng: () => number, opts: BackoffOptions = DEFAULT_BACKOFF): number {
  const exp = Math.min(opts.capMs, opts.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return Math.round(exp / 2 + rng() * (exp / 2));
}

export { seededRandom } from '../../domain/seeded-random';
