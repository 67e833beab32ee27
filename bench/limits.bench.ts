// bench/limits: what hostile input costs — figures that used to be wall-clock and memory
// assertions inside tests (a busy machine made them flaky; they belong here, printed):
//   - verifying a package with a zip bomb (a deflated entry of 200 MB of zeros): time and RSS
//     growth (goals ≤ 2 s, ≤ 600 MB: it must be refused without inflating);
//   - a valid package of the same shape, for comparison.
// Run: node --import tsx bench/limits.bench.ts
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildBag, verifyPackage } from '../main/services/package-format';
import { bagInfo, newIdentity, readZip, samplePayload, writeZip } from '../test/helpers/package';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-bench-limits-'));
const at = (...p: string[]) => path.join(dir, ...p);
const BAG = 'KC-2023-PhuThuong-CCHC';
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

try {
  await buildBag({ bagName: BAG, bagInfo: bagInfo(), payload: await samplePayload(at('src')), identity: await newIdentity() }, at('good.zip'));
  const items = await readZip(at('good.zip'));
  await writeZip(at('bomb.zip'), [...items, { name: `${BAG}/data/bom.pdf`, data: Buffer.alloc(200 * 1024 * 1024), method: 8, compress: true }]);

  const measure = async (file: string) => {
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const r = await verifyPackage(file);
    return { ms: performance.now() - t0, rss: process.memoryUsage().rss - rss0, problems: r.problems.map((p) => p.check) };
  };
  const good = await measure(at('good.zip'));
  const bomb = await measure(at('bomb.zip'));
  console.log(`valid package (${statSync(at('good.zip')).size} B): verified in ${good.ms.toFixed(0)} ms`);
  console.log(
    `zip bomb (${statSync(at('bomb.zip')).size} B on disk, 200 MB inflated): refused (${[...new Set(bomb.problems)].join(', ')}) in ${bomb.ms.toFixed(0)} ms (goal ≤ 2000 ms), RSS growth ${mb(bomb.rss)} (goal ≤ 600 MB)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
