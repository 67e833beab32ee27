// bench/roster: reading a province-wide Mẫu 05 (10 000 and 100 000 rows). For each size:
//   - readRosterFile (every check) against a bare exceljs streaming read of the same file that
//     only iterates rows, measured in the same run, alternating, median of several runs, as wall
//     and as CPU time; goal ratio ≤ 1.3×. Also the bare row loop through read/xlsx-zip.ts (the yauzl path readRosterFile uses),
//     which tells the checks' own cost apart from the unzip path's;
//   - peak RSS of readRosterFile in a child process (goal ≤ 300 MB at 100 000 rows), beside the
//     child's RSS before reading and the bare read's peak; the child runs this file bundled by
//     esbuild as the app is (the figure that counts), and under tsx for comparison.
// The files are generated once and cached in the OS temp folder. Prints figures; asserts nothing.
// Run: node --import tsx bench/roster.bench.ts
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { readRosterFile, writeRosterXlsx } from '../main/services/roster';
import { openXlsx } from '../main/services/roster/read/xlsx-zip';
import { makeRoster } from '../test/helpers/roster';

const SIZES = [10_000, 100_000];
const RUNS: Record<number, number> = { 10_000: 7, 100_000: 3 };
const GOAL_RATIO = 1.3;
const GOAL_RSS_MB = 300;
const NOW = new Date('2023-06-01T03:00:00Z');
const VERSION = 1; // bump when the generator or the layout changes, so cached files are rebuilt

const fileFor = (n: number) => path.join(os.tmpdir(), `kc-roster-bench-05-${n}-v${VERSION}.xlsx`);

async function ensureFile(n: number): Promise<string> {
  const file = fileFor(n);
  if (existsSync(file)) return file;
  const t0 = performance.now();
  await writeRosterXlsx(
    '05',
    makeRoster('05', n, { seed: 2023 }),
    { province: 'Sóc Trăng', district: 'Mỹ Xuyên', roundName: 'Đợt 1 năm 2023', date: '2023-06-01' },
    file,
  );
  console.log(`  tạo ${path.basename(file)} (${mb(statSync(file).size)}) trong ${Math.round(performance.now() - t0)} ms`);
  return file;
}

/** The baseline: exceljs's public streaming reader, same options, rows iterated and nothing else. */
async function bareExceljs(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let rows = 0;
  for await (const ws of reader) for await (const _row of ws) rows++;
  return rows;
}

/** The same row loop over xlsx-zip.ts's path (yauzl, guards, streaming decode), no checks. */
async function bareZip(file: string): Promise<number> {
  const book = await openXlsx(file);
  try {
    let rows = 0;
    for (const s of book.sheets) for await (const _row of await s.open()) rows++;
    return rows;
  } finally {
    book.close();
  }
}

async function roster(file: string): Promise<number> {
  const r = await readRosterFile(file, { now: NOW });
  if (r.errors.length) throw new Error(`${r.errors.length} lỗi, ví dụ: ${r.errors[0]!.message}`);
  return r.forms.reduce((s, f) => s + f.rows.length, 0);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Wall time, and this process's CPU time (user + system, GC threads included): on a shared, busy machine the CPU time moves much less. */
async function time(fn: () => Promise<number>): Promise<{ ms: number; cpu: number; rows: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const rows = await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpu: (c.user + c.system) / 1000, rows };
}

/**
 * This file bundled the way scripts/build.mjs bundles the app (one ESM file, dependencies inside),
 * so a child process measures the read as the app runs it — not tsx's loader and its on-the-fly
 * transpiled modules, which alone hold ≈ 130 MB.
 */
async function bundleSelf(): Promise<string> {
  const outfile = path.join(os.tmpdir(), 'kc-roster-bench-child.mjs');
  // Imported here, not at the top: the bundled child must not need esbuild to start.
  const { build } = await import('esbuild');
  await build({
    entryPoints: [import.meta.filename],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['esbuild', 'better-sqlite3', 'electron'],
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

type Peak = { beforeMb: number; peakMb: number; rows: number };

/** Peak RSS of one read in a fresh process: the bundle, or this file under tsx. */
function childPeak(file: string, mode: 'roster' | 'bare', bundle: string | null): Peak {
  const args = bundle ? [bundle, '--child', mode, file] : ['--import', 'tsx', import.meta.filename, '--child', mode, file];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`child ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Peak;
}

/** The median peak of three children: one run's peak depends on when V8 happens to collect. */
function medianPeak(file: string, mode: 'roster' | 'bare', bundle: string | null): Peak & { all: number[] } {
  const runs = [0, 1, 2].map(() => childPeak(file, mode, bundle));
  const sorted = [...runs].sort((a, b) => a.peakMb - b.peakMb);
  return { ...sorted[1]!, all: runs.map((r) => Math.round(r.peakMb)) };
}

async function child(mode: string, file: string): Promise<void> {
  // Modules are loaded already (static imports): "before" is the process without the read.
  const beforeMb = process.memoryUsage().rss / 1024 / 1024;
  const rows = mode === 'roster' ? await roster(file) : await bareExceljs(file);
  const peakMb = process.resourceUsage().maxRSS / 1024; // maxRSS is in KB
  console.log(JSON.stringify({ beforeMb, peakMb, rows }));
}

async function main(): Promise<void> {
  console.log(
    `roster: đọc Mẫu 05 — readRosterFile so với đọc trần bằng exceljs (mục tiêu ≤ ${GOAL_RATIO}×), RSS đỉnh (mục tiêu ≤ ${GOAL_RSS_MB} MB ở 100 000 dòng)`,
  );
  const bundle = await bundleSelf();
  for (const n of SIZES) {
    const file = await ensureFile(n);
    console.log(`\n${n.toLocaleString('vi-VN')} dòng — ${path.basename(file)}, ${mb(statSync(file).size)}`);
    // One warm-up each: module JIT and the OS file cache, not part of the figure.
    await roster(file);
    await bareExceljs(file).catch(() => 0);
    const t: Record<'roster' | 'exceljs' | 'zip', number[]> = { roster: [], exceljs: [], zip: [] };
    const cpu: Record<'roster' | 'exceljs' | 'zip', number[]> = { roster: [], exceljs: [], zip: [] };
    let bareFailures = 0;
    for (let k = 0; k < RUNS[n]!; k++) {
      // Alternating order, so neither side always runs on a freshly collected heap.
      const order: (keyof typeof t)[] = k % 2 ? ['exceljs', 'zip', 'roster'] : ['roster', 'zip', 'exceljs'];
      for (const which of order) {
        try {
          const r = await time(() => (which === 'roster' ? roster(file) : which === 'zip' ? bareZip(file) : bareExceljs(file)));
          if (r.rows < n) throw new Error(`${which}: ${r.rows} rows`);
          t[which].push(r.ms);
          cpu[which].push(r.cpu);
        } catch (e) {
          if (which !== 'exceljs') throw e;
          bareFailures++; // exceljs#3064: the public reader can lose ZIP entries
        }
      }
    }
    const [rm, em, zm] = [median(t.roster), median(t.exceljs), median(t.zip)];
    const [rc, ec, zc] = [median(cpu.roster), median(cpu.exceljs), median(cpu.zip)];
    const line = (label: string, ms: number, c: number, extra = '') =>
      console.log(`  ${label.padEnd(22)}${String(Math.round(ms)).padStart(6)} ms, CPU ${String(Math.round(c)).padStart(6)} ms${extra}`);
    line('readRosterFile', rm, rc, ` (trung vị ${t.roster.length} lần; ${Math.round((n / rm) * 1000).toLocaleString('vi-VN')} dòng/s)`);
    line('exceljs đọc trần', em, ec, bareFailures ? ` (${bareFailures} lần lỗi exceljs#3064, không tính)` : '');
    line('zip.ts đọc trần', zm, zc);
    console.log(`  tỷ lệ readRosterFile / exceljs trần: ${(rm / em).toFixed(2)}× thời gian, ${(rc / ec).toFixed(2)}× CPU (mục tiêu ≤ ${GOAL_RATIO}×)`);
    console.log(
      `  tỷ lệ readRosterFile / zip.ts trần:  ${(rm / zm).toFixed(2)}× thời gian, ${(rc / zc).toFixed(2)}× CPU (chi phí riêng của các bước kiểm tra)`,
    );
    for (const [label, b] of [
      ['gói esbuild như ứng dụng', bundle],
      ['tsx', null],
    ] as const) {
      const pr = medianPeak(file, 'roster', b);
      const pb = medianPeak(file, 'bare', b);
      console.log(
        `  RSS đỉnh, tiến trình con (${label}, trung vị 3 lần): readRosterFile ${Math.round(pr.peakMb)} MB [${pr.all.join(', ')}] (trước khi đọc ${Math.round(pr.beforeMb)} MB)` +
          `; exceljs trần ${Math.round(pb.peakMb)} MB [${pb.all.join(', ')}] (trước ${Math.round(pb.beforeMb)} MB)` +
          (n === 100_000 && b ? ` — mục tiêu ≤ ${GOAL_RSS_MB} MB` : ''),
      );
    }
  }
}

const i = process.argv.indexOf('--child');
if (i >= 0) await child(process.argv[i + 1]!, process.argv[i + 2]!);
else await main();
