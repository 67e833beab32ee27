// bench/startup: time from launching browser mode (`kiemchung serve`) to the first interactive
// screen in Chromium, median over N runs (default 7). Prints figures; asserts nothing.
// Chromium is launched and a blank tab opened beforehand: the browser's own start-up and tab
// creation (200–600 ms here, varying) are not the app's.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const runs = Number(process.env.RUNS ?? 7);
const bin = path.resolve(import.meta.dirname, '../bin/kiemchung.js');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function once(demo) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-bench-'));
  if (demo) {
    // Demo data is created before timing: a returning user's start-up, not the first one.
    await new Promise((res, rej) =>
      spawn(process.execPath, [bin, 'demo', '--data-dir', dir], { stdio: 'ignore' }).on('exit', (c) => (c === 0 ? res() : rej(new Error('demo failed')))),
    );
  }
  const page = await browser.newPage();
  await page.goto('about:blank');
  const t0 = performance.now();
  const proc = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dir], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, KIEMCHUNG_LOG: 'warn' },
  });
  const url = await new Promise((resolve) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
  });
  const tServer = performance.now();
  await page.goto(url);
  // Interactive: the first screen (set-up or log-in) is rendered and its first field accepts input.
  await page.locator('body[data-phase="setup"], body[data-phase="login"]').waitFor();
  await page.locator('input').first().focus();
  const tUi = performance.now();
  await page.close();
  proc.kill('SIGTERM');
  await new Promise((r) => proc.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
  return { server: tServer - t0, ui: tUi - t0 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

for (const demo of [false, true]) {
  await once(demo); // warm the file cache
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(demo));
  const label = demo ? 'dữ liệu mẫu (màn hình đăng nhập)' : 'thư mục trống (màn hình thiết lập)';
  console.log(`startup — ${label}, ${runs} lần:`);
  console.log(`  máy chủ sẵn sàng: median ${median(results.map((r) => r.server)).toFixed(0)} ms`);
  console.log(`  màn hình đầu tiên tương tác được: median ${median(results.map((r) => r.ui)).toFixed(0)} ms (mục tiêu ≤ 1000 ms)`);
  console.log(`  các lần: ${results.map((r) => r.ui.toFixed(0)).join(', ')} ms`);
}
await browser.close();
