// Builds everything the app runs from: the Node side with esbuild (one ESM bundle per entry,
// native modules left external), the sandboxed preload as CommonJS (sandboxed preloads
// cannot be ESM), and the renderer with Vite. Takes a few seconds; `npm test` and
// `npm run serve` run it first so `dist/` never lags behind the source.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
// Native modules stay external; everything else is bundled, which makes start-up several times
// faster than resolving hundreds of small ESM files (kysely alone takes ~190 ms unbundled).
const external = ['better-sqlite3', 'electron'];
const quiet = process.argv.includes('--quiet');

await rm(path.join(root, 'dist'), { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  minify: true,
  keepNames: true,
  external,
  logLevel: 'warning',
  absWorkingDir: root,
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
};
await build({
  ...common,
  format: 'esm',
  entryPoints: { 'cli/index': 'main/cli/index.ts', 'app/main': 'main/app/main.ts' },
  outdir: 'dist',
  // Heavy document and signing code is imported on first use; splitting puts it in chunks that
  // start-up never loads.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  // ESM bundles still meet CommonJS `require` inside some dependencies.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await build({ ...common, format: 'cjs', entryPoints: { 'preload/index': 'preload/index.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' } });
await mkdir(path.join(root, 'dist'), { recursive: true });
await writeFile(path.join(root, 'dist/package.json'), JSON.stringify({ type: 'module' }) + '\n');
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'warn' });
if (!quiet) console.log('Đã build xong dist/');
