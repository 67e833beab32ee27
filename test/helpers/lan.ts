// Starts `kiemchung serve --lan` as a real process: the local browser-mode listener on
// 127.0.0.1 and the office network listener over HTTPS on 127.0.0.2 (standing for the LAN).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './cli';

export interface LanServed {
  proc: ChildProcess;
  /** http://127.0.0.1:PORT/ (the serving PC's own browser mode). */
  localUrl: string;
  /** The launch token in the local page. */
  token: string;
  /** https://127.0.0.2:PORT/ */
  lanUrl: string;
  lanPort: number;
  shortCode: string;
  fingerprint: string;
  stdout(): string;
  stop(): Promise<void>;
}

export async function startLanServe(dataDir: string, opts: { demo?: boolean; lanPort?: number; env?: NodeJS.ProcessEnv } = {}): Promise<LanServed> {
  const args = ['serve', '--lan', '--host', '127.0.0.2', '--port', String(opts.lanPort ?? 0), '--local-port', '0', '--data-dir', dataDir];
  if (opts.demo) args.push('--demo');
  const proc = spawn(process.execPath, [path.join(repoRoot, 'bin/kiemchung.js'), ...args], {
    env: { ...process.env, KIEMCHUNG_LOG: 'warn', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const m = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve --lan did not start:\n${out}\n${err}`)), 60_000);
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const found =
        /(http:\/\/127\.0\.0\.1:\d+\/)[\s\S]*(https:\/\/127\.0\.0\.2:(\d+)\/)[\s\S]*Mã kiểm tra chứng thư: ([0-9A-F-]{19})[\s\S]*SHA-256: ([0-9A-F:]{95})/.exec(
          out,
        );
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    proc.on('exit', (code) => reject(new Error(`serve --lan exited (${code}):\n${out}\n${err}`)));
  });
  const localUrl = m[1]!;
  const html = await (await fetch(localUrl)).text();
  return {
    proc,
    localUrl,
    token: /name="kiemchung-token" content="([^"]+)"/.exec(html)?.[1] ?? '',
    lanUrl: m[2]!,
    lanPort: Number(m[3]),
    shortCode: m[4]!,
    fingerprint: m[5]!.replace(/:/g, '').toLowerCase(),
    stdout: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

/** POSTs one API call to the local (127.0.0.1) listener with the launch token. */
export async function localCall(s: LanServed, method: string, input: unknown, session?: string) {
  const res = await fetch(`${s.localUrl}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kiemchung-token': s.token, ...(session ? { 'x-kiemchung-session': session } : {}) },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: any; error?: { code: string; message: string; issues?: { path: string; message: string }[] } };
}
