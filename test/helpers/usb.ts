// Helpers for the USB export tests: random source files, hashes, a fake job, and a child
// process that runs an export so a test can SIGKILL it like a pulled stick or a crash.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { ApiError } from '../../shared/errors';
import type { JobHandle } from '../../main/services/jobs';

const root = path.resolve(import.meta.dirname, '../..');

export const tempDrive = (prefix = 'kc-usb-') => mkdtempSync(path.join(os.tmpdir(), prefix));

/** Writes `bytes` of random data (1 MiB random blocks, so no two chunks are alike). */
export async function makeRandomFile(file: string, bytes: number): Promise<string> {
  const fh = await open(file, 'w');
  const hash = createHash('sha256');
  try {
    for (let pos = 0; pos < bytes;) {
      const b = randomBytes(Math.min(1 << 20, bytes - pos));
      hash.update(b);
      await fh.write(b, 0, b.length, pos);
      pos += b.length;
    }
  } finally {
    await fh.close();
  }
  return hash.digest('hex');
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file, { highWaterMark: 4 << 20 })
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

export const okVerify = async () => ({ ok: true, problems: [] as { message: string }[] });

export const list = (dir: string) => readdir(dir).catch(() => [] as string[]);

export interface FakeJob extends JobHandle {
  calls: { done: number; total: number | null | undefined; message: string | null | undefined }[];
  cancel(): void;
}

/** A JobHandle that records progress; `onProgress` may cancel or sabotage mid-way. */
export function fakeJob(onProgress?: (done: number, message: string | null | undefined, job: FakeJob) => void): FakeJob {
  const abort = new AbortController();
  const job: FakeJob = {
    id: 'test-job',
    signal: abort.signal,
    calls: [],
    progress(done, total, message) {
      job.calls.push({ done, total, message });
      onProgress?.(done, message, job);
    },
    checkCancelled() {
      if (abort.signal.aborted) throw new ApiError('CANCELLED', 'Đã hủy.');
    },
    cancel() {
      abort.abort();
    },
  };
  return job;
}

/** Starts test/helpers/usb-child.ts exporting src into dest; resolves once the export begins. */
export function startChildExport(src: string, dest: string, fileName: string): Promise<{ child: ChildProcess; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/helpers/usb-child.ts'), src, dest, fileName], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KIEMCHUNG_LOG: 'silent' },
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('start\n')) resolve({ child, exited });
    });
    void exited.then((code) => reject(new Error(`child exited (${code}) before starting: ${err}`)));
  });
}

/** The ApiError an export fails with (and a test failure if it does not fail). */
export async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the export to fail');
}
