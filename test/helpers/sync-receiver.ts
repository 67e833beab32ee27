// The province's receiver as a real process (`kiemchung receiver start`), for the app-side sync
// tests (test/integration/sync-*.test.ts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, startServe as startServeFrom, type Served } from './cli';

/**
 * A private copy of the built app (dist/ + bin/) under node_modules/.cache, so that a rebuild of
 * dist/ while these tests run (another `npm run build`) cannot pull the program from under them.
 * Inside the repository so `better-sqlite3` and friends still resolve from node_modules.
 */
let bin = path.join(repoRoot, 'bin/kiemchung.js');
let snapshot: string | null = null;
export function useSnapshot(): void {
  // dist/ is built before the tests (npm test, test/global-setup.ts); never rebuilt here, which
  // would pull it from under other test files running in parallel.
  for (let i = 0; i < 20 && !snapshot; i++) {
    const dir = path.join(repoRoot, 'node_modules/.cache', `kc-sync-${process.pid}-${randomBytes(4).toString('hex')}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.join(dir, 'bin'), { recursive: true });
    try {
      cpSync(path.join(repoRoot, 'dist'), path.join(dir, 'dist'), { recursive: true });
      cpSync(path.join(repoRoot, 'bin/kiemchung.js'), path.join(dir, 'bin/kiemchung.js'));
      if (existsSync(path.join(dir, 'dist/cli/index.js')) && existsSync(path.join(dir, 'dist/renderer/index.html'))) snapshot = dir;
    } catch {
      /* dist/ was being rebuilt: try again */
    }
    if (!snapshot) rmSync(dir, { recursive: true, force: true });
    if (!snapshot) spawnSync('sleep', ['1']);
  }
  if (!snapshot) throw new Error('no complete dist/ to copy');
  bin = path.join(snapshot, 'bin/kiemchung.js');
}
export function dropSnapshot(): void {
  if (snapshot) rmSync(snapshot, { recursive: true, force: true });
  snapshot = null;
  bin = path.join(repoRoot, 'bin/kiemchung.js');
}
export const binPath = () => bin;

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, KIEMCHUNG_LOG: 'warn', DATABASE_URL: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `kiemchung serve --port 0` from the snapshot: helpers/cli.ts startServe on the copied entry. */
export const startServe = (dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<Served> => startServeFrom(dataDir, env, [], bin);

export interface RunningReceiver {
  proc: ChildProcess;
  url: string;
  port: number;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
  /** SIGKILL (a crash) and wait. */
  kill(): Promise<void>;
}

export async function startReceiver(dataDir: string, port = 0, env: NodeJS.ProcessEnv = {}): Promise<RunningReceiver> {
  const proc = spawn(process.execPath, [bin, 'receiver', 'start', '--port', String(port), '--data-dir', dataDir], {
    env: { ...process.env, KIEMCHUNG_LOG: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`receiver did not start:\n${out}\n${err}`)), 20_000);
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Receiver đang chạy tại (http:\/\/[^\s]+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`receiver exited (${code}):\n${out}\n${err}`));
    });
  });
  const ended = () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
    });
  return {
    proc,
    url,
    port: Number(new URL(url).port),
    stop: async () => {
      const done = ended();
      proc.kill('SIGTERM');
      await done;
    },
    kill: async () => {
      const done = ended();
      proc.kill('SIGKILL');
      await done;
    },
  };
}

/** A one-time enrollment code for `office` ("<tỉnh>/<huyện>/<xã>"). */
export function enrollCode(dataDir: string, office: string, extra: string[] = []): string {
  const r = runCli(['receiver', 'enroll-code', '--office', office, '--data-dir', dataDir, ...extra]);
  if (r.code !== 0) throw new Error(`enroll-code failed: ${r.stdout}\n${r.stderr}`);
  const code = /^([A-Z0-9]{4}(?:-[A-Z0-9]{4})+)\s*$/m.exec(r.stdout)?.[1];
  if (!code) throw new Error(`no code in: ${r.stdout}`);
  return code;
}

export interface ListedPackage {
  sha256: string;
  status: string;
  receiptId: string | null;
  senderOffice: string;
}

export function receiverPackages(dataDir: string): ListedPackage[] {
  const r = runCli(['receiver', 'list', '--json', '--data-dir', dataDir]);
  if (r.code !== 0) throw new Error(`receiver list failed: ${r.stdout}\n${r.stderr}`);
  return (JSON.parse(r.stdout) as { packages: ListedPackage[] }).packages;
}
