// Packs the app for Linux with electron-builder.yml as written, into an unpacked folder (`--dir`),
// using a stand-in Electron distribution (the real one cannot be downloaded here) — which proves
// what the schema check cannot: the file patterns take dist/ and package.json, leave out source
// maps and better-sqlite3's C sources, keep exactly one native prebuild outside the asar, and
// copy resources/ beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, closeSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { dump, load } from 'js-yaml';
import { z } from 'zod';

const root = path.resolve(import.meta.dirname, '../..');
let base: string;
let out: string;
let asarFiles: Set<string>;

/** Every file path in an asar archive, read from its header (two length-prefixed pickles, then JSON). */
function asarList(file: string): Set<string> {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    const json = Buffer.alloc(head.readUInt32LE(12));
    readSync(fd, json, 0, json.length, 16);
    type Node = { files?: Record<string, Node> };
    const node: z.ZodType<Node> = z.lazy(() => z.object({ files: z.record(z.string(), node).optional() }));
    const files = new Set<string>();
    const walk = (n: Node, prefix: string) => {
      for (const [name, child] of Object.entries(n.files ?? {})) {
        if (child.files) walk(child, `${prefix}${name}/`);
        else files.add(`${prefix}${name}`);
      }
    };
    walk(node.parse(JSON.parse(json.toString('utf8'))), '');
    return files;
  } finally {
    closeSync(fd);
  }
}

beforeAll(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), 'kc-builder-pack-'));
  out = path.join(base, 'release');
  // A stand-in Electron: electron-builder copies the folder and renames the `electron` binary.
  const electronDist = path.join(base, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\n');
  chmodSync(path.join(electronDist, 'electron'), 0o755);

  const config = z.record(z.string(), z.unknown()).parse(load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')));
  // Fuses are flipped inside the real Electron binary; the stand-in has none to flip.
  delete config.electronFuses;
  const configFile = path.join(base, 'electron-builder.yml');
  writeFileSync(configFile, dump({ ...config, electronDist, directories: { output: out } }));

  await promisify(execFile)(
    path.join(root, 'node_modules/.bin/electron-builder'),
    ['--linux', '--x64', '--dir', '--config', configFile, '--projectDir', root],
    {
      cwd: root,
      env: { ...process.env, CI: '1' },
      timeout: 110_000,
    },
  );
  asarFiles = asarList(path.join(out, 'linux-unpacked/resources/app.asar'));
}, 120_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('electron-builder --linux --dir with the real configuration', () => {
  it('names the program kiemchung', () => {
    expect(existsSync(path.join(out, 'linux-unpacked/kiemchung'))).toBe(true);
  });

  it('puts the built app and package.json in the asar, without source maps', () => {
    for (const f of ['package.json', 'dist/app/main.js', 'dist/preload/index.cjs', 'dist/renderer/index.html']) expect(asarFiles.has(f), f).toBe(true);
    expect([...asarFiles].filter((f) => f.startsWith('dist/') && f.endsWith('.map'))).toEqual([]);
    // Nothing from the repository that is not build output.
    expect([...asarFiles].filter((f) => /^(main|preload|renderer|shared|test|scripts)\//.test(f))).toEqual([]);
  });

  it('ships better-sqlite3 without its C sources, with only the Linux x64 prebuilds, unpacked', () => {
    expect([...asarFiles].filter((f) => /better-sqlite3\/(deps|src)\//.test(f))).toEqual([]);
    const prebuilds = [...asarFiles].filter((f) => f.includes('better-sqlite3/prebuilds/')).map((f) => path.posix.basename(f));
    expect(prebuilds.sort()).toEqual(['linux-x64.node', 'linuxmusl-x64.node']);
    expect(existsSync(path.join(out, 'linux-unpacked/resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-x64.node'))).toBe(true);
  });

  it('copies resources/ to resources/resources, as the app reads it', () => {
    const want = readdirSync(path.join(root, 'resources'), { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.'));
    const got = readdirSync(path.join(out, 'linux-unpacked/resources/resources'), { recursive: true, encoding: 'utf8' });
    expect(want.length).toBeGreaterThan(0);
    expect(got).toEqual(expect.arrayContaining(want));
  });
});
