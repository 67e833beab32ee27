// bench/usb: exporting a real signed 1 GiB package (64 × 16 MiB of evidence) to a "drive" (a temp
// folder) exactly as the app does — exportToDrive with the real verifier, which checks the
// package's signature and every hash while it is copied, then fsync, read back the copy and
// compare with the package's SHA-256, rename — against the baseline `cp` + `openssl dgst -sha256`
// of the copy, in the same run (alternating, median of 3). Goal ≤ 1.25×. Also timed: the same
// export without the package's hash known (the copy hashes the source too).
// For reference it also times the baseline plus `sync` (durable, like ours), the durable copy
// alone (`dd conv=fsync`: the floor for any export that must be on the drive before it is named)
// and, where there is one, the same comparison on tmpfs (/dev/shm), where fsync costs nothing and
// only CPU counts.
// Prints figures; asserts nothing. Run: node --import tsx bench/usb.bench.ts
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportToDrive } from '../main/services/usb/export';
import { buildBag, verifyPackage } from '../main/services/package-format';
import { createSelfSignedIdentity } from '../main/services/package-format/keys';

const GOAL = 1.25;
const ROUNDS = 3;
const FILES = 64;
const FILE_BYTES = 16 * 1024 * 1024;

/** A real signed package of 1 GiB of evidence, kept in the temp folder between runs with its SHA-256. */
async function source(): Promise<{ file: string; sha256: string }> {
  const file = path.join(os.tmpdir(), 'kc-bench-usb-package.zip');
  const shaFile = `${file}.sha256`;
  if (existsSync(file) && existsSync(shaFile)) return { file, sha256: readFileSync(shaFile, 'utf8').trim() };
  const evidence = path.join(os.tmpdir(), 'kc-bench-evidence'); // shared with bench/package
  mkdirSync(evidence, { recursive: true });
  for (let i = 0; i < FILES; i++) {
    const f = path.join(evidence, `tai-lieu-${String(i).padStart(2, '0')}.pdf`);
    if (statSync(f, { throwIfNoEntry: false })?.size !== FILE_BYTES) writeFileSync(f, randomBytes(FILE_BYTES));
  }
  const identity = await createSelfSignedIdentity({
    commonName: 'UBND xã Phú Thượng',
    organization: 'UBND xã Phú Thượng',
    locality: 'Phú Vang',
    province: 'Thừa Thiên Huế',
  });
  const payload = readdirSync(evidence)
    .sort()
    .map((f) => ({ path: `evidence/${f}`, source: { file: path.join(evidence, f) } }));
  const bagInfo = {
    'Source-Organization': 'UBND xã Phú Thượng',
    'External-Identifier': 'KC-BENCH-USB',
    'Kiemchung-Kind': 'assessment',
    'Kiemchung-Schema-Version': '1',
  };
  const built = await buildBag({ bagName: 'KC-BENCH-USB', bagInfo, payload, identity }, file);
  writeFileSync(shaFile, built.sha256);
  return { file, sha256: built.sha256 };
}

// As the app does it (submission/packages.ts): payload re-hashed only when no package hash is known.
const verify = async (f: string, o: { bytesProven: boolean }) => {
  const r = await verifyPackage(f, { payloadHashes: !o.bytesProven });
  return { ok: r.ok, problems: r.problems };
};

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function measure(src: string, root: string, sha256: string) {
  const ours: number[] = [];
  const unknown: number[] = [];
  const base: number[] = [];
  const baseSync: number[] = [];
  const floor: number[] = [];
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
      // The floor for any export that must be on the drive before it is named: the copy with an fsync.
      t = performance.now();
      run('dd', [`if=${src}`, `of=${path.join(dir, 'dd.bin')}`, 'bs=4M', 'conv=fsync', 'status=none']);
      floor.push(performance.now() - t);

      t = performance.now();
      await exportToDrive(src, dir, { fileName: 'goi.zip', sha256, verify });
      ours.push(performance.now() - t);
      run('sync', []);

      t = performance.now();
      await exportToDrive(src, dir, { fileName: 'goi2.zip', verify });
      unknown.push(performance.now() - t);
      run('sync', []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { ours, unknown, base, baseSync, floor };
}

function report(title: string, m: Awaited<ReturnType<typeof measure>>, withGoal: boolean) {
  const o = median(m.ours);
  const b = median(m.base);
  const bs = median(m.baseSync);
  const k = median(m.unknown);
  console.log(title);
  console.log(`  exportToDrive as the app does it (verify package ∥ copy, fsync, read-back hash, rename): ${s(o)}   [${m.ours.map(s).join(', ')}]`);
  console.log(`  baseline cp + openssl dgst -sha256 of the copy:           ${s(b)}   [${m.base.map(s).join(', ')}]`);
  console.log(`  ratio: ${(o / b).toFixed(2)}×${withGoal ? ` (goal ≤ ${GOAL}×) ${o / b <= GOAL ? 'OK' : 'OVER GOAL'}` : ''}`);
  console.log(
    `  the same without the package's sha256 known (the copy hashes the source too): ${s(k)}   [${m.unknown.map(s).join(', ')}] → ratio ${(k / b).toFixed(2)}×`,
  );
  console.log(`  reference, baseline + sync (durable like ours): ${s(bs)} → ratio ${(o / bs).toFixed(2)}×`);
  const f = median(m.floor);
  console.log(
    `  reference, the durable copy alone (dd conv=fsync): ${s(f)} = ${(f / b).toFixed(2)}× the baseline before any hashing; ours is ${(o / f).toFixed(2)}× that`,
  );
}

const { file: src, sha256 } = await source();
spawnSync('cat', [src], { stdio: ['ignore', 'ignore', 'inherit'] }); // warm the page cache for both sides
console.log(
  `package of 1 GiB (${(statSync(src).size / 2 ** 20).toFixed(1)} MiB), median of ${ROUNDS}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}`,
);
report(`usb export into ${os.tmpdir()}`, await measure(src, os.tmpdir(), sha256), true);
if (process.platform === 'linux' && existsSync('/dev/shm'))
  report('for reference, into tmpfs /dev/shm (fsync is free; CPU only)', await measure(src, '/dev/shm', sha256), false);
console.log('note: on a temp folder the read-back (and openssl) are served from the page cache, so they');
console.log('measure hashing, not the device; a real stick is slower for both and its write speed dominates.');
