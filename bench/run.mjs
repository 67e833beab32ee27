// Runs every benchmark in bench/ in turn (npm run bench [prefix]). Each prints its own figures.
// .ts benchmarks run through tsx; .mjs ones need the build (npm run bench builds first).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => (f.endsWith('.mjs') || f.endsWith('.ts')) && f !== 'run.mjs')
  .sort();
for (const f of files) {
  if (only && !f.startsWith(only)) continue;
  console.log(`\n== bench/${f}`);
  const args = f.endsWith('.ts') ? ['--import', 'tsx', path.join(dir, f)] : [path.join(dir, f)];
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, KIEMCHUNG_LOG: 'warn' } });
  if (r.status !== 0) process.exitCode = 1;
}
