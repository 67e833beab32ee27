// Time for every service. Injected so tests (and e2e with KIEMCHUNG_TEST_HOOKS=1) can move it.
export interface Clock {
  /** Wall-clock time, UTC epoch ms. */
  now(): number;
  /** Monotonic time in ms (never jumps when the wall clock is changed). */
  monotonic(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};

/** A clock offset from a base clock; `shift` moves it (both wall and monotonic, like real time passing). */
export class OffsetClock implements Clock {
  private offset = 0;
  constructor(private readonly base: Clock = systemClock) {}
  now() {
    return this.base.now() + this.offset;
  }
  monotonic() {
    return this.base.monotonic() + this.offset;
  }
  setOffset(ms: number) {
    this.offset = ms;
  }
}
