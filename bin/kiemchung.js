#!/usr/bin/env node
// The `kiemchung` command. The code lives in dist/ (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
if (!existsSync(entry)) {
  console.error('Chưa build ứng dụng. Hãy chạy: npm run build');
  process.exit(1);
}
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`Kiểm Chứng cần Node 22 trở lên (đang dùng ${process.versions.node}).`);
  process.exit(1);
}
// Cache V8's compiled code between runs: start-up is dominated by compiling the bundle.
module.enableCompileCache?.();
await import(entry);
