// The movable test clock exists only in a test build: a production bundle (what `npm run serve`,
// `npm start` and the packaged app run) has it compiled out, even with KIEMCHUNG_TEST_HOOKS=1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { apiCall, repoRoot, startServe, type Served } from '../helpers/cli';
import { cleanup, tempDir } from '../helpers/services';

let work: string;
let prod: string;

/** Every JavaScript file of a bundle folder, read as text. */
const bundleText = (dir: string): string =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');

beforeAll(() => {
  work = tempDir('kc-prod-build-');
  prod = path.join(work, 'dist');
  execFileSync(process.execPath, ['scripts/build.mjs', '--quiet', '--node-only', '--out', prod], { cwd: repoRoot, stdio: 'inherit' });
  symlinkSync(path.join(repoRoot, 'dist/renderer'), path.join(prod, 'renderer'));
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(work, 'node_modules')); // better-sqlite3 stays external
}, 120_000);
afterAll(() => cleanup(work));

describe('test hooks', () => {
  it('are compiled out of a production build', () => {
    expect(bundleText(prod)).not.toContain('test clock not installed');
    // …and present in the test build the e2e tests run, so the check above can fail.
    expect(bundleText(path.join(repoRoot, 'dist'))).toContain('test clock not installed');
  });

  it('a production server started with KIEMCHUNG_TEST_HOOKS=1 has no test.setClock', async () => {
    const data = path.join(work, 'data');
    let served: Served | null = null;
    try {
      served = await startServe(data, { KIEMCHUNG_TEST_HOOKS: '1' }, [], path.join(prod, 'cli/index.js'));
      const r = await apiCall(served, 'test.setClock', { offsetMs: -86_400_000 });
      expect(r.ok).toBe(false);
      expect(r.error?.code).toBe('UNKNOWN_METHOD');
    } finally {
      await served?.stop();
    }
  });
});
