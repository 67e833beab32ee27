// The sending process killed at random points in the middle of uploads (SIGKILL, as a power cut
// or a closed laptop would) and restarted: each restart resumes from the receiver's offset (HEAD),
// never re-sends more than the chunk that was cut, and the province ends with exactly one accepted
// copy whose sha256 matches. The kill points come from a seeded generator; the seed is in every
// failure message (rerun with SYNC_KILL_SEED=<seed>; SYNC_KILL_POINTS=N to change the number of cuts, default 20).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { buildDemoPackage } from '../helpers/demo-package';
import { tempDir, cleanup } from '../helpers/services';
import { startReceiver, enrollCode, receiverPackages, runCli, useSnapshot, dropSnapshot, binPath, type RunningReceiver } from '../helpers/sync-receiver';
import { seededRandom } from '../../main/services/sync/backoff';

const OFFICE = 'Thái Nguyên/Võ Nhai/Phú Thượng';
const SEED = Number(process.env.SYNC_KILL_SEED ?? Math.floor(Math.random() * 1e9));
const POINTS = Number(process.env.SYNC_KILL_POINTS ?? 20);
let base: string;
let template: string;
let zip: string;
let r: RunningReceiver | null = null;

beforeAll(async () => {
  useSnapshot();
  base = tempDir('kc-sync-resume-');
  const demo = await buildDemoPackage();
  template = demo.app.dir;
  zip = demo.zip;
  demo.app.close();
}, 120_000);

afterAll(async () => {
  await r?.kill();
  cleanup(base);
  cleanup(template);
  dropSnapshot();
});

interface TraceLine {
  pid: number;
  ev: string;
  offset?: number | null;
  length?: number;
}
const traceOf = (file: string, pid: number): TraceLine[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as TraceLine)
        .filter((l) => l.pid === pid)
    : [];

describe('resume after the sending process is killed', () => {
  it(`ends with one accepted copy, resuming from the receiver's offset after every cut (seed ${SEED})`, async () => {
    const rDir = path.join(base, 'r');
    r = await startReceiver(rDir);
    const app = path.join(base, 'app');
    cpSync(template, app, { recursive: true });
    const enrolled = runCli(['sync', 'enroll', '--url', r.url, '--code', enrollCode(rDir, OFFICE), '--data-dir', app]);
    expect(enrolled.code, enrolled.stderr).toBe(0);

    const size = statSync(zip).size;
    const sha = createHash('sha256').update(readFileSync(zip)).digest('hex');
    const chunk = Math.max(4096, Math.floor(size / 12));
    // Paced so that the whole upload outlasts the cuts (each run sends for up to 0.9 s before it is killed).
    const bps = Math.max(16 * 1024, Math.floor(size / (POINTS * 0.6)));
    const trace = path.join(base, 'trace.jsonl');
    const env = {
      ...process.env,
      KIEMCHUNG_LOG: 'warn',
      KIEMCHUNG_SYNC_CHUNK: String(chunk),
      KIEMCHUNG_SYNC_THROTTLE: String(bps),
      KIEMCHUNG_SYNC_TRACE: trace,
      KIEMCHUNG_SYNC_BACKOFF_MS: '200',
    };
    const rng = seededRandom(SEED);
    const msg = (s: string) => `seed ${SEED}: ${s}`;
    const cuts: { lastPatch: number; resumedAt: number | null }[] = [];
    let previous: TraceLine | null = null;
    let finished: { code: number | null; stdout: string } | null = null;

    for (let i = 0; i <= POINTS && !finished; i++) {
      const last = i === POINTS;
      const runEnv = last ? { ...env, KIEMCHUNG_SYNC_THROTTLE: '' } : env; // the last run, never cut, at full speed
      const proc = spawn(process.execPath, [binPath(), 'sync', 'send', zip, '--wait', '60', '--data-dir', app], {
        env: runEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const exited = new Promise<{ code: number | null; signal: string | null }>((res) => proc.on('exit', (code, signal) => res({ code, signal })));
      const pid = proc.pid!;
      if (!last) {
        // Wait for this run's first PATCH, then cut after a random part of the rest of the upload.
        const t0 = Date.now();
        while (!traceOf(trace, pid).some((l) => l.ev === 'patch') && proc.exitCode === null && Date.now() - t0 < 20_000)
          await new Promise((res) => setTimeout(res, 20));
        await new Promise((res) => setTimeout(res, Math.floor(rng() * 900)));
        if (proc.exitCode === null) proc.kill('SIGKILL');
      }
      const end = await exited;
      const lines = traceOf(trace, pid);
      // Every resume asks the receiver where it stands, and that is at least where the cut chunk began.
      if (previous) {
        const head = lines.find((l) => l.ev === 'head' || l.ev === 'status' || l.ev === 'create');
        expect(head?.ev, msg(`run ${i} resumed with HEAD`)).toBe('head');
        expect(head!.offset, msg(`run ${i}: offset after the cut`)).toBeGreaterThanOrEqual(previous.offset!);
        expect(head!.offset! - previous.offset!, msg(`run ${i}`)).toBeLessThanOrEqual(previous.length!);
        cuts.push({ lastPatch: previous.offset!, resumedAt: head!.offset ?? null });
      }
      const patches = lines.filter((l) => l.ev === 'patch');
      previous = end.signal === 'SIGKILL' && patches.length ? patches.at(-1)! : null;
      if (end.signal !== 'SIGKILL') finished = { code: end.code, stdout };
    }
    if (process.env.SYNC_KILL_VERBOSE) console.log(msg(`size ${size}, chunk ${chunk}, cuts ${JSON.stringify(cuts)}`));
    expect(finished?.code, msg(finished?.stdout ?? 'never finished')).toBe(0);
    expect(finished!.stdout).toMatch(/Biên nhận: \S+/);
    expect(cuts.length, msg('cuts mid-upload')).toBeGreaterThanOrEqual(Math.ceil(POINTS * 0.8));

    // Re-sent bytes per cut ≤ one chunk: all bytes put on the wire ≤ size + cuts × chunk.
    const all = readFileSync(trace, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as TraceLine);
    const started = all.filter((l) => l.ev === 'patch').reduce((a, l) => a + l.length!, 0);
    expect(started, msg(`bytes started ${started} for ${size} with ${cuts.length} cuts of chunk ${chunk}`)).toBeLessThanOrEqual(
      size + (cuts.length + 1) * chunk,
    );
    expect(
      all.filter((l) => l.ev === 'create'),
      msg('one upload created'),
    ).toHaveLength(1);

    const listed = receiverPackages(rDir);
    expect(
      listed.filter((p) => p.sha256 === sha && p.status === 'accepted'),
      msg('one accepted copy'),
    ).toHaveLength(1);
    expect(listed, msg('nothing else stored')).toHaveLength(1);
  }, 240_000);

  it('the receiver restarted mid-upload: the app retries and resumes from where the receiver got to', async () => {
    const rDir = path.join(base, 'r2');
    let r2 = await startReceiver(rDir);
    const port = r2.port;
    const app = path.join(base, 'app2');
    cpSync(template, app, { recursive: true });
    expect(runCli(['sync', 'enroll', '--url', r2.url, '--code', enrollCode(rDir, OFFICE), '--data-dir', app]).code).toBe(0);
    const size = statSync(zip).size;
    const trace = path.join(base, 'trace2.jsonl');
    const env = {
      ...process.env,
      KIEMCHUNG_LOG: 'warn',
      KIEMCHUNG_SYNC_CHUNK: String(Math.floor(size / 6)),
      KIEMCHUNG_SYNC_THROTTLE: String(Math.floor(size / 3)),
      KIEMCHUNG_SYNC_TRACE: trace,
      KIEMCHUNG_SYNC_BACKOFF_MS: '200',
    };
    const proc = spawn(process.execPath, [binPath(), 'sync', 'send', zip, '--wait', '60', '--data-dir', app], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
    const t0 = Date.now();
    while (!traceOf(trace, proc.pid!).some((l) => l.ev === 'acked') && Date.now() - t0 < 20_000) await new Promise((res) => setTimeout(res, 20));
    await r2.kill();
    // Back up only once the app has met the receiver down (an attempt failed and was recorded), not after a guessed time.
    const lastError = () =>
      (JSON.parse(runCli(['sync', 'status', '--json', '--data-dir', app]).stdout) as { outbox: { lastError: string | null }[] }).outbox[0]?.lastError;
    await expect.poll(lastError, { timeout: 20_000 }).toBeTruthy();
    r2 = await startReceiver(rDir, port);
    try {
      expect(await exited, stdout).toBe(0);
      const lines = traceOf(trace, proc.pid!);
      const head = lines.find((l) => l.ev === 'head');
      expect(head?.offset).toBeGreaterThan(0);
      expect(lines.filter((l) => l.ev === 'create')).toHaveLength(1);
      expect(receiverPackages(rDir).filter((p) => p.status === 'accepted')).toHaveLength(1);
    } finally {
      await r2.kill();
    }
  }, 90_000);
});
