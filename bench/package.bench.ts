// bench/package: building and verifying a 1 GiB package (64 × 16 MiB of evidence).
//  (a) buildBag vs. baseline `openssl dgst -sha256` over the same files + `cp` of them — goal ≤ 1.25×.
//      buildBag hashes every payload file and the zip itself (the package's SHA-256) and ends with
//      an fsync (a package must be on the disk before it is renamed); cp does not, so a second
//      baseline adds `sync` of the copies (like for like), and a third run writes to tmpfs, where
//      fsync is free and only the CPU work counts;
//  (b) peak RSS of the build (a child process reads its own VmHWM) — goal ≤ 200 MB;
//  (c) verifyPackage vs. `openssl dgst -sha256` over the zip (with and without payload CRC-32 checks).
// The evidence is cached in os.tmpdir()/kc-bench-evidence between runs; caches are warmed first so
// every contender reads from memory. Median of 3 rounds. Prints figures; asserts nothing.
// Run: node --import tsx bench/package.bench.ts
import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildBag } from '../main/services/package-format/bag-writer';
import { verifyPackage } from '../main/services/package-format/bag-verify';
import { createSelfSignedIdentity } from '../main/services/package-format/keys';

const FILES = 64;
const FILE_BYTES = 16 * 1024 * 1024;
const ROUNDS = 3;
const MiB = 1024 * 1024;

/** Peak resident set of this process in bytes (Linux VmHWM; maxRSS elsewhere). */
function peakRss(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    /* not Linux */
  }
  return process.resourceUsage().maxRSS * 1024;
}

const bagInfo = {
  'Source-Organization': 'UBND xã Phú Thượng',
  'External-Identifier': 'KC-BENCH-0001',
  'Kiemchung-Kind': 'cchc-self-assessment',
  'Kiemchung-Schema-Version': '1',
};

// ---- child modes: one build or one verification, reporting time and peak memory ----
const mode = process.argv[2];
if (mode === '--child-build' || mode === '--child-verify' || mode === '--child-verify-nocrc') {
  const [src, out, cert, key] = process.argv.slice(3) as [string, string, string, string];
  const t0 = performance.now();
  if (mode === '--child-build') {
    const payload = readdirSync(src)
      .sort()
      .map((f) => ({ path: `evidence/${f}`, source: { file: path.join(src, f) } }));
    const identity = { certificatePem: readFileSync(cert, 'utf8'), privateKey: createPrivateKey(readFileSync(key)) };
    await buildBag({ bagName: 'KC-BENCH', bagInfo, payload, identity }, out);
  } else {
    const r = await verifyPackage(out, { checkCrc: mode === '--child-verify' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
  }
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, peak: peakRss() }) + '\n');
  process.exit(0);
}

// ---- parent ----
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const timed = (fn: () => void) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const cache = path.join(os.tmpdir(), 'kc-bench-evidence');
mkdirSync(cache, { recursive: true });
const names = Array.from({ length: FILES }, (_, i) => `tai-lieu-${String(i).padStart(2, '0')}.pdf`);
for (const n of names) {
  const f = path.join(cache, n);
  if (!existsSync(f) || statSync(f).size !== FILE_BYTES) writeFileSync(f, randomBytes(FILE_BYTES));
}
const files = names.map((n) => path.join(cache, n));
const totalBytes = FILES * FILE_BYTES;

const work = mkdtempSync(path.join(os.tmpdir(), 'kc-bench-package-'));
try {
  const identity = await createSelfSignedIdentity({
    commonName: 'UBND xã Phú Thượng',
    organization: 'UBND xã Phú Thượng',
    locality: 'Phú Vang',
    province: 'Thừa Thiên Huế',
  });
  const cert = path.join(work, 'cert.pem');
  const key = path.join(work, 'key.pem');
  writeFileSync(cert, identity.certificatePem);
  writeFileSync(key, identity.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const zip = path.join(work, 'goi.zip');

  const child = (m: string, out = zip) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, m, cache, out, cert, key], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { ms: number; peak: number };
  };

  execFileSync('cat', files, { stdio: ['ignore', 'ignore', 'ignore'] }); // warm the page cache
  const base: number[] = [];
  const durable: number[] = [];
  const builds: { ms: number; peak: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const copyDir = path.join(work, 'copy');
    mkdirSync(copyDir);
    const dgst = timed(() => execFileSync('openssl', ['dgst', '-sha256', ...files], { stdio: ['ignore', 'ignore', 'inherit'] }));
    const cp = timed(() => execFileSync('cp', [...files, copyDir]));
    const sync = timed(() =>
      execFileSync(
        'sync',
        names.map((n) => path.join(copyDir, n)),
      ),
    );
    rmSync(copyDir, { recursive: true });
    base.push(dgst + cp);
    durable.push(dgst + cp + sync);
    rmSync(zip, { force: true });
    builds.push(child('--child-build'));
  }
  const zipBytes = statSync(zip).size;
  const verifies: { ms: number; peak: number }[] = [];
  const verifiesNoCrc: number[] = [];
  const zipDgst: number[] = [];
  execFileSync('cat', [zip], { stdio: ['ignore', 'ignore', 'ignore'] });
  for (let r = 0; r < ROUNDS; r++) {
    zipDgst.push(timed(() => execFileSync('openssl', ['dgst', '-sha256', zip], { stdio: ['ignore', 'ignore', 'inherit'] })));
    verifies.push(child('--child-verify'));
    verifiesNoCrc.push(child('--child-verify-nocrc').ms);
  }

  // For reference: the same build into tmpfs, where fsync costs nothing — what the CPU work costs.
  const shm: { base: number[]; builds: number[] } = { base: [], builds: [] };
  const shmDir = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/kc-bench-package-') : null;
  if (shmDir) {
    try {
      for (let r = 0; r < ROUNDS; r++) {
        const copyDir = path.join(shmDir, 'copy');
        mkdirSync(copyDir);
        const dgst = timed(() => execFileSync('openssl', ['dgst', '-sha256', ...files], { stdio: ['ignore', 'ignore', 'inherit'] }));
        const cp = timed(() => execFileSync('cp', [...files, copyDir]));
        rmSync(copyDir, { recursive: true });
        shm.base.push(dgst + cp);
        shm.builds.push(child('--child-build', path.join(shmDir, 'goi.zip')).ms);
        rmSync(path.join(shmDir, 'goi.zip'), { force: true });
      }
    } finally {
      rmSync(shmDir, { recursive: true, force: true });
    }
  }

  const b = median(base);
  const bd = median(durable);
  const vn = median(verifiesNoCrc);
  const build = median(builds.map((x) => x.ms));
  const buildPeak = Math.max(...builds.map((x) => x.peak));
  const v = median(verifies.map((x) => x.ms));
  const vd = median(zipDgst);
  const speed = (ms: number) => `${(totalBytes / MiB / (ms / 1000)).toFixed(0)} MiB/s`;
  console.log(
    `evidence: ${FILES} × ${FILE_BYTES / MiB} MiB = ${(totalBytes / MiB).toFixed(0)} MiB (cached in ${cache}); zip ${(zipBytes / MiB).toFixed(1)} MiB`,
  );
  console.log(`(a) buildBag            ${fmt(build)}  (${speed(build)}, incl. fsync)   goal ≤ 1.25×`);
  console.log(`    vs openssl dgst + cp          ${fmt(b)}   ratio ${(build / b).toFixed(2)}×`);
  console.log(`    vs openssl dgst + cp + sync   ${fmt(bd)}   ratio ${(build / bd).toFixed(2)}×  (like for like: both end on the disk)`);
  if (shmDir) {
    const sb = median(shm.builds);
    const sbase = median(shm.base);
    console.log(`    into tmpfs /dev/shm (fsync free, CPU only): buildBag ${fmt(sb)} vs openssl dgst + cp ${fmt(sbase)}   ratio ${(sb / sbase).toFixed(2)}×`);
  }
  console.log(`(b) build peak RSS      ${(buildPeak / MiB).toFixed(0)} MB  (goal ≤ 200 MB)`);
  console.log(
    `(c) verifyPackage       ${fmt(v)}  (${speed(v)})   openssl dgst over the zip ${fmt(vd)}   ratio ${(v / vd).toFixed(2)}×   peak RSS ${(Math.max(...verifies.map((x) => x.peak)) / MiB).toFixed(0)} MB`,
  );
  console.log(`    without payload CRC-32 ${fmt(vn)}  (${speed(vn)})   ratio ${(vn / vd).toFixed(2)}×`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
