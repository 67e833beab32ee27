// bench/receiver: a province morning at the receiver. N simulated offices (200 by default), each
// with its own signing key, enrolled with its own one-time code, each send one signed 5 MiB
// package through the app's uploader (main/services/sync/uploader.ts: tus creation, PATCH,
// finalize) to a real `kiemchung receiver start` process on loopback, CONCURRENCY offices in flight
// at once. Printed: the latency of each finalize call (the receiver hashes, verifies, stores and
// records the package and signs the receipt) as p50/p95/max (goal p95 ≤ 1 s on this machine), on
// SQLite and — when PostgreSQL is installed (test/helpers/postgres.ts) — on PostgreSQL; beside it,
// the baseline of the same run: BASELINE more offices sending one at a time to the same receiver
// (an unloaded finalize), and the receiver's CPU time per package during the morning (from
// /proc/<pid>/stat: what bounds throughput on this machine's 2 cores). Then the receiver's idle RSS
// (VmRSS of its process) after start and after the run, with its peak (VmHWM).
// The packages and keys are built once in a temp folder and sent to both receivers. Building is
// capped at BUILD_BUDGET_S: past it the bench says how many offices it used and why.
// Wasted bytes per cut are printed by bench/sync-upload.bench.ts. Prints figures; asserts nothing.
// Needs the build (npm run bench builds first).
// Run: node --import tsx bench/receiver.bench.ts [offices] [concurrency]
// KC_BENCH_CACHE=DIR keeps the built keys and packages in DIR and reuses them next time (building
// is most of a run); KC_BENCH_DIALECTS=sqlite (or postgres) measures one database only.
// KC_BENCH_BASELINE=DIR (a copy of an earlier build: DIR/bin/kiemchung.js + DIR/dist, inside the
// repository so node_modules resolves) runs that build too, alternating with this one
// KC_BENCH_ROUNDS times (default 1), each on a fresh database: a before/after on one busy machine.
// KC_BENCH_CPU_PROF=DIR writes a V8 CPU profile of each receiver process into DIR;
// KC_BENCH_RECEIVER_ENV="NAME=VALUE,…" starts every receiver with those variables too.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSelfSignedIdentity, type SigningIdentity } from '../main/services/package-format';
import { upload } from '../main/services/sync/uploader';
import type { Connection } from '../main/services/sync/connection';
import { receiverConfig } from '../main/receiver/config';
import { openReceiverContext } from '../main/receiver/context';
import { issueEnrollCode } from '../main/receiver/enroll';
import {
  buildOfficePackage,
  databaseEnv,
  hasPostgres,
  startReceiverProcess,
  stopPostgres,
  type BuiltPackage,
  type Dialect,
  type OFFICE,
} from '../test/helpers/receiver';

const MIB = 1024 * 1024;
const OFFICES = Number(process.argv[2] ?? 200);
const CONCURRENCY = Number(process.argv[3] ?? 32);
const PACKAGE_BYTES = 5 * MIB;
const GOAL_P95_MS = 1000;
const BUILD_BUDGET_S = 240;
const BUILD_PARALLEL = 2;
/** Offices sending one at a time before the morning: the unloaded finalize, in the same run. */
const BASELINE = 10;
const PROVINCE = 'Thừa Thiên Huế';
const BASELINE_BUILD = process.env.KC_BENCH_BASELINE ? path.resolve(process.env.KC_BENCH_BASELINE) : null;
const ROUNDS = Number(process.env.KC_BENCH_ROUNDS ?? 1);
const CPU_PROF = process.env.KC_BENCH_CPU_PROF ? path.resolve(process.env.KC_BENCH_CPU_PROF) : null;
const RECEIVER_ENV = Object.fromEntries(
  (process.env.KC_BENCH_RECEIVER_ENV ?? '')
    .split(',')
    .filter((kv) => kv.includes('='))
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kc-bench-receiver-'));

interface Office {
  office: typeof OFFICE;
  key: string;
  identity: Pick<SigningIdentity, 'certificatePem'>;
  pkg: BuiltPackage;
}
const CACHE = process.env.KC_BENCH_CACHE ? path.resolve(process.env.KC_BENCH_CACHE) : null;

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
/** Nearest-rank percentile. */
const pct = (xs: number[], p: number) => {
  const s = sorted(xs);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** VmRSS / VmHWM of a process, in MiB. */
function memOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** User + system CPU seconds a process has used (all its threads). */
function cpuOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (CLK_TCK = 100 on Linux)
}

/** Runs `fn` over `items` with at most `limit` at once; stops taking new items once `stop()` says so. */
async function pool<T>(items: T[], limit: number, fn: (item: T, i: number) => Promise<void>, stop: () => boolean = () => false): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop()) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function officeOf(i: number): typeof OFFICE {
  return { province: PROVINCE, district: `Huyện thử ${Math.floor(i / 20) + 1}`, commune: `Xã thử ${i + 1}`, kind: 'xa' };
}

async function buildOffices(): Promise<{ offices: Office[]; seconds: number; capped: boolean }> {
  const index = CACHE ? path.join(CACHE, `offices-${BASELINE + OFFICES}.json`) : null;
  if (index && existsSync(index)) return { offices: JSON.parse(readFileSync(index, 'utf8')) as Office[], seconds: 0, capped: false };
  const built = await buildFresh(CACHE ?? path.join(tmp, 'packages'));
  if (index && !built.capped)
    writeFileSync(index, JSON.stringify(built.offices.map((o) => ({ ...o, identity: { certificatePem: o.identity.certificatePem } }))));
  return built;
}

async function buildFresh(dir: string): Promise<{ offices: Office[]; seconds: number; capped: boolean }> {
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  // What the sample payload and the bag's own files add beyond the padding, so each package is 5 MiB.
  const probeId = await createSelfSignedIdentity({ commonName: 'UBND xã thử', organization: 'UBND xã thử', locality: 'Huyện thử', province: PROVINCE });
  const probe = await buildOfficePackage(dir, 'probe', probeId, { office: officeOf(0), padBytes: 1 });
  const pad = Math.max(1, PACKAGE_BYTES - (probe.size - 1));
  const offices: (Office | undefined)[] = new Array<Office | undefined>(BASELINE + OFFICES);
  const overBudget = () => performance.now() - t0 > BUILD_BUDGET_S * 1000;
  await pool(
    Array.from({ length: BASELINE + OFFICES }, (_, i) => i),
    BUILD_PARALLEL,
    async (i) => {
      const office = officeOf(i);
      const identity = await createSelfSignedIdentity({
        commonName: `UBND ${office.commune}`,
        organization: `Ủy ban nhân dân ${office.commune}`,
        locality: office.district,
        province: PROVINCE,
      });
      const pkg = await buildOfficePackage(dir, `o${i}`, identity, { office, padBytes: pad });
      rmSync(path.join(dir, `o${i}-pad.bin`), { force: true });
      rmSync(path.join(dir, `o${i}-src`), { recursive: true, force: true });
      offices[i] = { office, key: `${office.province}/${office.district}/${office.commune}`, identity, pkg };
    },
    overBudget,
  );
  const built = offices.filter((o): o is Office => o !== undefined);
  return { offices: built, seconds: (performance.now() - t0) / 1000, capped: built.length < BASELINE + OFFICES };
}

interface RunResult {
  finalize: number[];
  total: number[];
  statuses: Map<string, number>;
  failures: string[];
  wallS: number;
  cpuS: number;
}

/** Sends each office's package through the app's uploader, `limit` at once; times each finalize call. */
async function send(offices: Office[], conns: Connection[], limit: number, pid: number): Promise<RunResult> {
  const r: RunResult = { finalize: [], total: [], statuses: new Map(), failures: [], wallS: 0, cpuS: 0 };
  const t0 = performance.now();
  const cpu0 = cpuOf(pid);
  await pool(offices, limit, async (o, i) => {
    const start = performance.now();
    let lastAck = NaN;
    let finalized = NaN;
    try {
      const answer = await upload(
        conns[i]!,
        { sha256: o.pkg.sha256, path: o.pkg.zip, fileName: `${o.pkg.sha256.slice(0, 8)}.zip`, size: o.pkg.size, uploadUrl: null },
        {
          onUploadUrl: () => undefined,
          onAcked: () => undefined,
          // The uploader traces 'acked' after the last PATCH, then 'finalize' when the receiver has answered.
          trace: (ev) => {
            if (ev.ev === 'acked') lastAck = performance.now();
            if (ev.ev === 'finalize') finalized = performance.now();
          },
        },
      );
      r.statuses.set(answer.status, (r.statuses.get(answer.status) ?? 0) + 1);
      r.finalize.push(finalized - lastAck);
      r.total.push(performance.now() - start);
    } catch (e) {
      r.failures.push(`${o.key}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  r.wallS = (performance.now() - t0) / 1000;
  r.cpuS = cpuOf(pid) - cpu0;
  return r;
}

/** Which build of the receiver runs: this tree's (dist/) or the baseline copy. */
interface Build {
  name: string;
  bin: string | undefined;
}

async function runDialect(dialect: Dialect, build: Build, baseline: Office[], morning: Office[]): Promise<number> {
  const env = await databaseEnv(dialect);
  const dataDir = path.join(tmp, `receiver-${dialect}-${build.name}-${Date.now()}`);
  // One folder per receiver: V8 names each thread's profile (main thread and check workers) itself.
  const prof = CPU_PROF
    ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.join(CPU_PROF, `${dialect}-${build.name.replace(/\W+/g, '-')}-${Date.now()}`)}` }
    : {};
  // The receiver's own account of each finalize, stage by stage (main/receiver/timings.ts).
  const timings = path.join(tmp, `timings-${dialect}-${Date.now()}.jsonl`);
  const rx = await startReceiverProcess(dataDir, { ...env, ...prof, ...RECEIVER_ENV, KC_RECEIVER_TIMINGS: timings }, 0, [], build.bin);
  try {
    const pid = rx.proc.pid!;
    await sleep(2000);
    const idleStart = memOf(pid);
    const offices = [...baseline, ...morning];

    // One code per office, issued as `receiver enroll-code` does (same function, same database),
    // then each office enrolls its own certificate over HTTP.
    const ctx = await openReceiverContext(receiverConfig({ dataDir, databaseUrl: env.DATABASE_URL || null }));
    const codes: string[] = [];
    try {
      for (const o of offices) codes.push((await issueEnrollCode(ctx, o.key, 7, 'bench')).code);
    } finally {
      await ctx.close();
    }
    const conns: Connection[] = [];
    await pool(offices, 8, async (o, i) => {
      const res = await fetch(new URL('v1/enroll', rx.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: codes[i], certificatePem: o.identity.certificatePem }),
      });
      if (res.status !== 200) throw new Error(`enroll ${o.key}: ${res.status} ${await res.text()}`);
      const e = (await res.json()) as { clientToken: string; receiverCertificatePem: string };
      conns[i] = {
        id: i + 1,
        url: rx.url,
        office_key: o.key,
        client_token: e.clientToken,
        receiver_certificate_pem: e.receiverCertificatePem,
        receiver_fingerprint: '',
        signer_fingerprint: '',
        enrolled_at: 0,
        last_contact_at: null,
        last_error: null,
        updated_at: 0,
      };
    });
    await sleep(1000);
    const idleEnrolled = memOf(pid);

    const base = await send(baseline, conns.slice(0, baseline.length), 1, pid);
    const r = await send(morning, conns.slice(baseline.length), CONCURRENCY, pid);
    await sleep(3000);
    const idleAfter = memOf(pid);

    const p95 = pct(r.finalize, 95);
    const mib = (morning.reduce((s, o) => s + o.pkg.size, 0) / MIB).toFixed(0);
    const count = (x: RunResult) =>
      `${[...x.statuses].map(([s, n]) => `${s} ${n}`).join(', ') || 'none'}${x.failures.length ? `; ${x.failures.length} failed: ${x.failures.slice(0, 2).join(' | ')}` : ''}`;
    console.log(`${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${build.name} (load average ${os.loadavg()[0]!.toFixed(1)}):`);
    console.log(
      `  unloaded (${baseline.length} offices one at a time): finalize p50 ${ms(pct(base.finalize, 50))}, p95 ${ms(pct(base.finalize, 95))}; receiver CPU (upload + finalize) ${ms((base.cpuS * 1000) / Math.max(1, base.finalize.length))} per package [${count(base)}]`,
    );
    console.log(
      `  morning (${morning.length} offices, ${CONCURRENCY} in flight): ${r.finalize.length} packages (${mib} MiB) in ${r.wallS.toFixed(1)} s = ${(r.finalize.length / r.wallS).toFixed(1)} packages/s [${count(r)}]`,
    );
    console.log(
      `  finalize latency: p50 ${ms(pct(r.finalize, 50))}, p95 ${ms(p95)}, max ${ms(Math.max(...r.finalize))} (goal p95 ≤ ${ms(GOAL_P95_MS)}) ${p95 <= GOAL_P95_MS ? 'OK' : 'ABOVE GOAL'}; p95 ${(p95 / pct(base.finalize, 95)).toFixed(1)}× the unloaded p95`,
    );
    console.log(
      `  whole send per office (create + PATCH + finalize): p50 ${ms(pct(r.total, 50))}, p95 ${ms(pct(r.total, 95))}; receiver CPU (upload + finalize) ${ms((r.cpuS * 1000) / Math.max(1, r.finalize.length))} per package (${((r.cpuS / r.wallS) * 100).toFixed(0)}% of one core)`,
    );
    console.log(
      `  receiver RSS: idle after start ${idleStart.rss.toFixed(0)} MiB, after ${offices.length} enrollments ${idleEnrolled.rss.toFixed(0)} MiB, idle after the run ${idleAfter.rss.toFixed(0)} MiB (peak ${idleAfter.hwm.toFixed(0)} MiB)`,
    );
    return p95;
  } finally {
    await rx.stop();
    printStages(timings, morning.length);
  }
}

/** Per-stage p50/p95 of the morning's finalizes, as the receiver measured them (a build without timings writes none). */
function printStages(file: string, n: number): void {
  if (!existsSync(file)) return;
  const lines = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const lag = lines.pop()?.eventLoopDelay as { p50: number; p99: number; max: number } | undefined;
  const rows = lines.slice(-n) as Record<string, number>[];
  const stages = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const fmt = (k: string) => {
    const xs = rows.map((r) => r[k] ?? 0);
    return `${k} ${pct(xs, 50).toFixed(0)}/${pct(xs, 95).toFixed(0)}`;
  };
  console.log(`  inside the receiver, ms p50/p95: ${stages.map(fmt).join(', ')}`);
  if (lag) console.log(`  receiver event loop delay: p50 ${lag.p50} ms, p99 ${lag.p99} ms, max ${lag.max} ms (whole run)`);
}

async function main() {
  const load = os.loadavg()[0]!;
  console.log(
    `${OFFICES} offices, one signed ${PACKAGE_BYTES / MIB} MiB package each, ${CONCURRENCY} in flight, through the app's tus uploader to a real receiver on loopback (${os.cpus().length} cores, load average ${load.toFixed(1)} at start)`,
  );
  const { offices, seconds, capped } = await buildOffices();
  const baseline = offices.slice(0, Math.min(BASELINE, Math.floor(offices.length / 2)));
  const morning = offices.slice(baseline.length);
  console.log(
    (seconds === 0 && CACHE
      ? `  ${offices.length} keys + packages reused from ${CACHE}`
      : `  built ${offices.length} keys + packages in ${seconds.toFixed(0)} s (${BUILD_PARALLEL} at a time; reused for every database)`) +
      (capped ? ` — stopped at the ${BUILD_BUDGET_S} s build budget: ${morning.length} of ${OFFICES} offices used for the morning` : ''),
  );
  const only = process.env.KC_BENCH_DIALECTS;
  const dialects: Dialect[] = only ? (only.split(',') as Dialect[]) : ['sqlite'];
  if (!only && hasPostgres()) dialects.push('postgres');
  try {
    const builds: Build[] = BASELINE_BUILD
      ? [
          { name: 'baseline', bin: path.join(BASELINE_BUILD, 'bin/kiemchung.js') },
          { name: 'this tree', bin: undefined },
        ]
      : [{ name: 'this tree', bin: undefined }];
    for (const d of dialects) {
      const p95s = new Map<string, number[]>();
      for (let round = 0; round < (BASELINE_BUILD ? ROUNDS : 1); round++)
        for (const b of round % 2 ? [...builds].reverse() : builds) {
          try {
            const p95 = await runDialect(d, b, baseline, morning);
            p95s.set(b.name, [...(p95s.get(b.name) ?? []), p95]);
          } catch (e) {
            console.log(`${d} ${b.name}: not measured (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
          }
        }
      if (BASELINE_BUILD) {
        const [a, b] = builds.map((x) => p95s.get(x.name) ?? []);
        const med = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)] ?? NaN;
        console.log(
          `  ${d}: morning finalize p95, median of ${a!.length} rounds: baseline ${ms(med(a!))}, this tree ${ms(med(b!))} (${(med(b!) / med(a!)).toFixed(2)}×)`,
        );
      }
    }
    if (!only && !hasPostgres()) console.log('PostgreSQL: not measured (not installed: apt-get install postgresql)');
  } finally {
    await stopPostgres();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
