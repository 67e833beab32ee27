// A pulled stick for the writer: a child process building a ~50 MB package is SIGKILLed at random
// moments. After every kill, the final name either does not exist or holds a package that
// verifies; a leftover .part is allowed and the next build replaces it.
import { seeded } from '../helpers/seeded';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyPackage } from '../../main/services/package-format';
import { newIdentity } from '../helpers/package';

const root = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(root, 'test/helpers/package-build-child.ts');
const KILLS = 24;

/** Runs the child; kills it `delayMs` after it printed "start" (null: let it finish). */
function runChild(args: string[], delayMs: number | null): Promise<{ finished: boolean; buildMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let started = 0;
    let finished = false;
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      const s = c.toString();
      if (s.includes('start') && !started) {
        started = performance.now();
        if (delayMs !== null) setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
      if (s.includes('done')) finished = true;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve({ finished, buildMs: performance.now() - started });
    });
  });
}

describe('writer killed mid-build (pulled stick)', () => {
  it(`never leaves an unverifiable file under the final name (${KILLS} kills)`, { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-package-kill-'));
    try {
      const src = path.join(dir, 'src');
      mkdirSync(src);
      for (let i = 0; i < 5; i++) writeFileSync(path.join(src, `tai-lieu-${i}.pdf`), randomBytes(10 * 1024 * 1024));
      const identity = await newIdentity();
      const cert = path.join(dir, 'cert.pem');
      const key = path.join(dir, 'key.pem');
      writeFileSync(cert, identity.certificatePem);
      writeFileSync(key, identity.privateKey.export({ type: 'pkcs8', format: 'pem' }));
      const out = path.join(dir, 'goi.zip');
      const args = [src, out, cert, key];

      // One undisturbed build tells how long a build takes on this machine.
      const { buildMs } = await runChild(args, null);
      expect((await verifyPackage(out)).ok).toBe(true);

      let killedBefore = 0;
      let finishedAnyway = 0;
      const rnd = seeded();
      for (let i = 0; i < KILLS; i++) {
        rmSync(out, { force: true }); // a survivor must come from this run, not an earlier one
        const delay = rnd.next() * buildMs * 1.15;
        const r = await runChild(args, delay);
        if (existsSync(out)) {
          finishedAnyway++;
          const report = await verifyPackage(out);
          expect(report.problems, `kill #${i} at ${delay.toFixed(0)} ms, ${rnd.label}`).toEqual([]);
        } else killedBefore++;
        expect(r.finished && !existsSync(out)).toBe(false);
      }
      // The kill points really fell inside builds (most runs died before the rename).
      expect(killedBefore).toBeGreaterThanOrEqual(KILLS / 3);

      // The next build cleans up whatever .part the kills left.
      await runChild(args, null);
      expect(existsSync(`${out}.part`)).toBe(false);
      expect((await verifyPackage(out)).ok).toBe(true);
      console.info(`pulled-stick: build ${buildMs.toFixed(0)} ms, ${killedBefore} killed mid-build, ${finishedAnyway} finished first`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
