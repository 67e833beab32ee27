// At most N jobs run at once; the others wait their turn in arrival order. The receiver bounds
// finalizations with it (finalize.ts) so a burst of thousands cannot hold thousands of package
// checks and database connections at once. Not a latency tool: measured with
// bench/receiver.bench.ts (32 offices in flight), 1 slot cut throughput by a third and doubled
// the p95, 8 were still slower than 32 — a finalize mostly waits (on its worker thread, on the
// disk), so serialising them only queues.
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly max: number) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await job();
    } finally {
      // Hand the slot straight to the next in line (running stays the same), or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
