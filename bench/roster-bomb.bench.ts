// bench/roster-bomb: a hostile roster through a real browser-mode server — a 466 KB-class .xlsx
// whose one shared string inflates to 450 MiB (refused by its declared size), and one whose
// 60 MiB string sits inside the part limits (refused while streaming). Prints the server's peak
// RSS (goal < 300 MB) and how long `system.info` takes while the import runs (goal ≤ 200 ms).
// Run: node --import tsx bench/roster-bomb.bench.ts   (needs the build: npm run bench builds first)
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { apiCall, startServe } from '../test/helpers/cli';
import { cleanup, tempDir } from '../test/helpers/services';
import { ONE_PERSON_SHEET, packageParts, repeated, writePackage } from '../test/helpers/roster';

const MiB = 1024 * 1024;
const SST_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>';
const SST_CLOSE = '</t></si></sst>';
const dir = tempDir('kc-bench-roster-bomb-');
const served = await startServe(path.join(dir, 'data'));
const vmHwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${served.proc.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

try {
  const call = async (m: string, input: unknown, session?: string) => {
    const r = await apiCall(served, m, input, session);
    if (!r.ok) throw new Error(`${m}: ${r.error?.message}`);
    return r.value;
  };
  await call('office.setup', {
    office: { province: 'Sóc Trăng', district: 'Mỹ Xuyên', commune: 'Đại Tâm', kind: 'xa' },
    leader: { fullName: 'Trần Văn An', position: 'Chủ tịch', username: 'chutich', password: 'mat-khau-123' },
  });
  const session = (await call('auth.login', { username: 'chutich', password: 'mat-khau-123' })).token as string;
  const round = await call('exam.createRound', { name: 'Đợt 1', examDate: null, venue: null, district: null }, session);

  for (const [name, size] of [
    ['bomb-450.xlsx', 450 * MiB],
    ['bomb-60.xlsx', 60 * MiB],
  ] as const) {
    const file = path.join(dir, name);
    await writePackage(
      file,
      packageParts(ONE_PERSON_SHEET, () => repeated(SST_OPEN, size, SST_CLOSE)),
    );
    const up = await fetch(`${served.url}upload?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'x-kiemchung-token': served.token, 'x-kiemchung-session': session, 'content-type': 'application/octet-stream' },
      body: readFileSync(file),
    });
    const uploadId = ((await up.json()) as { value: { uploadId: string } }).value.uploadId;
    let importing = true;
    const latencies: number[] = [];
    const probe = (async () => {
      while (importing) {
        const t0 = performance.now();
        await apiCall(served, 'system.info', {});
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const t0 = performance.now();
    const r = await apiCall(served, 'exam.importRoster', { uploadId, roundId: (round as { id: number }).id }, session);
    const ms = performance.now() - t0;
    importing = false;
    await probe;
    console.log(
      `${name} (${(statSync(file).size / 1024).toFixed(0)} KB, one string of ${size / MiB} MiB): ${r.ok ? 'IMPORTED (wrong)' : 'refused'} in ${ms.toFixed(0)} ms; ` +
        `system.info during the import: max ${Math.max(...latencies).toFixed(0)} ms over ${latencies.length} calls (goal ≤ 200 ms); ` +
        `server peak RSS so far ${(vmHwm() / MiB).toFixed(0)} MB (goal < 300 MB)`,
    );
    if (!r.ok) console.log(`  ${r.error?.message}`);
  }
} finally {
  await served.stop();
  cleanup(dir);
}
