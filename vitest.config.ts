import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Expected failures (refused logins, pulled sticks) log warnings; keep the run readable.
    env: { KIEMCHUNG_LOG: 'error' },
  },
});
