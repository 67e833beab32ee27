// Runs the built CLI (dist/) as a real child process, the way a user or CI would.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repoRoot, 'bin/kiemchung.js');

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, KIEMCHUNG_LOG: 'warn', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface Served {
  proc: ChildProcess;
  url: string;
  port: number;
  token: string;
  stop(): Promise<void>;
}

/** Starts `kiemchung serve --port 0` and waits for the line that prints its address. */
export async function startServe(dataDir: string, env: NodeJS.ProcessEnv = {}, extra: string[] = [], entry = bin): Promise<Served> {
  const proc = spawn(process.execPath, [entry, 'serve', '--port', '0', '--data-dir', dataDir, ...extra], {
    env: { ...process.env, KIEMCHUNG_LOG: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}\n${err}`)), 20_000);
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.on('exit', (code) => reject(new Error(`serve exited (${code}):\n${out}\n${err}`)));
  });
  const html = await (await fetch(url)).text();
  const token = /name="kiemchung-token" content="([^"]+)"/.exec(html)?.[1] ?? '';
  return {
    proc,
    url,
    port: Number(new URL(url).port),
    token,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

/** POSTs one API call to a running server. */
export async function apiCall(s: Served, method: string, input: unknown, session?: string) {
  const res = await fetch(`${s.url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kiemchung-token': s.token, ...(session ? { 'x-kiemchung-session': session } : {}) },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: any; error?: { code: string; message: string } };
}
