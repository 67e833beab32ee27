// The architecture's dependency rules (DESIGN.md §2), checked over every source file:
// renderer → shared ← main; domain/ has no I/O; only main/app and preload touch Electron.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...files(rel));
    else if (/\.(ts|tsx)$/.test(name)) out.push(rel);
  }
  return out;
}

/** Every module specifier a file imports, resolved to a repo-relative path when relative. */
function imports(file: string): string[] {
  const src = readFileSync(path.join(root, file), 'utf8');
  const specs = [...src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  );
  return specs.map((s) => (s.startsWith('.') ? path.relative(root, path.resolve(path.dirname(path.join(root, file)), s)) : s));
}

function violations(dir: string, forbidden: (spec: string) => boolean): string[] {
  return files(dir).flatMap((f) =>
    imports(f)
      .filter(forbidden)
      .map((s) => `${f} → ${s}`),
  );
}

const NODE_IO = /^(node:)?(fs|fs\/promises|net|http|https|child_process|worker_threads|dgram|tls)$|^better-sqlite3$|^electron$/;

describe('architecture boundaries', () => {
  it('finds the imports it checks (the scanner works)', () => {
    expect(imports('main/api/router.ts')).toContain('main/services/auth');
    expect(files('renderer').length).toBeGreaterThan(5);
  });

  it('the renderer never imports main/, preload/, Node or Electron', () => {
    expect(violations('renderer', (s) => /^(main|preload)(\/|$)/.test(s) || s.startsWith('node:') || s === 'electron' || s === 'better-sqlite3')).toEqual([]);
  });

  it('shared/ (the contract) imports neither side nor any I/O', () => {
    expect(violations('shared', (s) => /^(main|renderer|preload)(\/|$)/.test(s) || s.startsWith('node:') || NODE_IO.test(s))).toEqual([]);
  });

  it('main/domain is pure: no I/O, no database, no services', () => {
    expect(violations('main/domain', (s) => NODE_IO.test(s) || /^main\/(db|services|api|host|app|cli)(\/|$)/.test(s))).toEqual([]);
  });

  it('only main/app and preload touch Electron', () => {
    const outside = ['main/api', 'main/db', 'main/domain', 'main/services', 'main/host', 'main/cli', 'shared', 'renderer'];
    expect(outside.flatMap((d) => violations(d, (s) => s === 'electron'))).toEqual([]);
  });

  it('main/ never imports the renderer', () => {
    expect(violations('main', (s) => /^renderer(\/|$)/.test(s))).toEqual([]);
  });

  it('services and domain never reach up into api, host, app or cli', () => {
    expect(violations('main/services', (s) => /^main\/(api|host|app|cli)(\/|$)/.test(s))).toEqual([]);
  });
});
