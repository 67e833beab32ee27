// What a production build has instead of test-hooks.ts: no test methods at all.
import type { Router } from '../router';

export function registerTestHooks(_r: Router): void {}
