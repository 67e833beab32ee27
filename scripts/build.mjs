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
// A test build keeps the test hooks (a movable clock); a production build compiles them out.
const testBuild = process.argv.includes('--test-build');
// --out DIR and --node-only: a second build elsewhere (the test that proves production lacks the hooks).
const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'dist');
const nodeOnly = process.argv.includes('--node-only');

/** Production: main/api/handlers/test-hooks.ts is replaced by its stub, so no test method ships. */
const withoutTestHooks = {
  name: 'without-test-hooks',
  setup(b) {
    b.onResolve({ filter: /\/handlers\/test-hooks$/ }, (args) => ({ path: path.join(args.resolveDir, 'handlers', 'test-hooks.prod.ts') }));
  },
};
await rm(outDir, { recursive: true, force: true });
// The hash worker's thread code, compiled on its own and embedded as a string (run with eval):
// type-checked TypeScript, and no extra file for the packaged app to find inside app.asar.
const hashWorker = await build({
  entryPoints: ['main/services/package-format/hash-worker.thread.ts'],
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  write: false,
  absWorkingDir: root,
  logLevel: 'warning',
});
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
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __KC_HASH_WORKER__: JSON.stringify(hashWorker.outputFiles[0].text),
    // The receiver's finalize check worker, its own entry below (the receiver runs from dist/, never from app.asar).
    __KC_CHECK_WORKER__: JSON.stringify('../receiver/check-worker.js'),
  },
  plugins: testBuild ? [] : [withoutTestHooks],
};
await build({
  ...common,
  format: 'esm',
  entryPoints: { 'cli/index': 'main/cli/index.ts', 'app/main': 'main/app/main.ts', 'receiver/check-worker': 'main/receiver/check-worker.thread.ts' },
  outdir: outDir,
  // Heavy document and signing code is imported on first use; splitting puts it in chunks that
  // start-up never loads.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  // ESM bundles still meet CommonJS `require` inside some dependencies.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await build({ ...common, format: 'cjs', entryPoints: { 'preload/index': 'preload/index.ts' }, outdir: outDir, outExtension: { '.js': '.cjs' } });
await mkdir(outDir, { recursive: true });
await writeFile(path.join(outDir, 'package.json'), JSON.stringify({ type: 'module' }) + '\n');
if (!nodeOnly) await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
if (!quiet) console.log(testBuild ? 'Đã build xong dist/ (bản dùng cho kiểm thử)' : 'Đã build xong dist/');
