// bench/usb: exporting 1 GiB to a "drive" (a temp folder) with exportToDrive — copy while
// hashing, fsync, rename, read back and hash — against the baseline `cp` + `openssl dgst
// -sha256` of the copy, in the same run (alternating, median of 3). Goal ≤ 1.25×. Also timed:
// the same export when the package's sha256 is already known (no hashing while copying).
// For reference it also times the baseline plus `sync` (durable, like ours) and, where there is
// one, the same comparison on tmpfs (/dev/shm), where fsync costs nothing and only CPU counts.
// Prints figures; asserts nothing. Run: node --import tsx bench/usb.bench.ts
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportToDrive } from '../main/services/package/usb';

const SIZE = 2 ** 30;
const GOAL = 1.25;
const ROUNDS = 3;

/** One 1 GiB random file, kept in the temp folder between runs. */
async function source(): Promise<string> {
  const file = path.join(os.tmpdir(), 'kc-bench-usb-1GiB.bin');
  if (statSync(file, { throwIfNoEntry: false })?.size === SIZE) return file;
  const fh = await open(file, 'w');
  try {
    for (let pos = 0; pos < SIZE; pos += 1 << 24) await fh.write(randomBytes(1 << 24), 0, 1 << 24, pos);
  } finally {
    await fh.close();
  }
  return file;
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function measure(src: string, root: string, sha256: string) {
  const ours: number[] = [];
  const known: number[] = [];
  const base: number[] = [];
  const baseSync: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const dir = mkdtempSync(path.join(root, 'kc-bench-usb-'));
    try {
      let t = performance.now();
      run('cp', [src, path.join(dir, 'cp.bin')]);
      run('openssl', ['dgst', '-sha256', path.join(dir, 'cp.bin')]);
      base.push(performance.now() - t);
      // Flushes the baseline's dirty pages (so they do not slow the next step) and shows what durability costs it.
      t = performance.now();
      run('sync', []);
      baseSync.push(base.at(-1)! + performance.now() - t);

      t = performance.now();
      await exportToDrive(src, dir, { fileName: 'goi.bin', verify: async () => ({ ok: true, problems: [] }) });
      ours.push(performance.now() - t);
      run('sync', []);

      t = performance.now();
      await exportToDrive(src, dir, { fileName: 'goi2.bin', sha256, verify: async () => ({ ok: true, problems: [] }) });
      known.push(performance.now() - t);
      run('sync', []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { ours, known, base, baseSync };
}

function report(title: string, m: Awaited<ReturnType<typeof measure>>, withGoal: boolean) {
  const o = median(m.ours);
  const b = median(m.base);
  const bs = median(m.baseSync);
  const k = median(m.known);
  console.log(title);
  console.log(`  exportToDrive (copy+hash, fsync, rename, read-back hash): ${s(o)}   [${m.ours.map(s).join(', ')}]`);
  console.log(`  baseline cp + openssl dgst -sha256 of the copy:           ${s(b)}   [${m.base.map(s).join(', ')}]`);
  console.log(`  ratio: ${(o / b).toFixed(2)}×${withGoal ? ` (goal ≤ ${GOAL}×) ${o / b <= GOAL ? 'OK' : 'OVER GOAL'}` : ''}`);
  console.log(`  exportToDrive with the package's sha256 known (no hashing while copying): ${s(k)}   [${m.known.map(s).join(', ')}] → ratio ${(k / b).toFixed(2)}×`);
  console.log(`  reference, baseline + sync (durable like ours): ${s(bs)} → ratio ${(o / bs).toFixed(2)}×`);
}

const src = await source();
// What the package builder would hand over; computed here once, untimed.
const sha = createHash('sha256');
for await (const c of createReadStream(src, { highWaterMark: 4 << 20 })) sha.update(c as Buffer);
const sha256 = sha.digest('hex');
spawnSync('cat', [src], { stdio: ['ignore', 'ignore', 'inherit'] }); // warm the page cache for both sides
console.log(`1 GiB, median of ${ROUNDS}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}`);
report(`usb export into ${os.tmpdir()}`, await measure(src, os.tmpdir(), sha256), true);
if (process.platform === 'linux' && existsSync('/dev/shm')) report('for reference, into tmpfs /dev/shm (fsync is free; CPU only)', await measure(src, '/dev/shm', sha256), false);
console.log('note: on a temp folder the read-back (and openssl) are served from the page cache, so they');
console.log('measure hashing, not the device; a real stick is slower for both and its write speed dominates.');
