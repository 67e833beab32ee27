// bench/sync-upload: the outbox's tus upload (main/services/sync/uploader.ts, 5 MiB PATCHes) to a
// real receiver process on loopback, against a raw HTTP PUT of the same bytes to a minimal
// node:http sink in its own process (both write to the same temp folder) — median of 3, printed as
// a throughput ratio (goal ≥ 0.5×). Then the wasted bytes per cut: uploads cut at random moments
// (the request aborted mid-PATCH, as a dropped connection would) and resumed from the receiver's
// offset (HEAD); bytes put on the wire beyond the file's size, per cut (bound: one chunk).
// Needs the build (npm run bench builds first). Prints figures; asserts nothing.
// Run: node --import tsx bench/sync-upload.bench.ts [MiB]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSelfSignedIdentity } from '../main/services/package-format/keys';
import { upload, DEFAULT_CHUNK } from '../main/services/sync/uploader';
import type { Connection } from '../main/services/sync/connection';
import { seededRandom } from '../main/services/sync/backoff';

const MIB = 1024 * 1024;
const SIZE = Number(process.argv[2] ?? 128) * MIB;
const ROUNDS = 3;
const CUTS = 10;
const GOAL = 0.5;
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/kiemchung.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kc-bench-sync-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function startProcess(args: string[], ready: RegExp): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, KIEMCHUNG_LOG: 'warn', DATABASE_URL: '' } });
  let out = '';
  return new Promise((resolve, reject) => {
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) resolve({ proc, url: m[1]! });
    });
    proc.on('exit', (c) => reject(new Error(`exited ${c}: ${out}`)));
  });
}

/** A raw PUT sink: streams the body to a file, answers 204. Its own process, like the receiver. */
const SINK = `
const http = require('node:http'); const fs = require('node:fs'); const path = require('node:path');
let n = 0;
const srv = http.createServer((req, res) => {
  const f = path.join(process.argv[1], 'put-' + (n++));
  const w = fs.createWriteStream(f);
  req.pipe(w);
  w.on('finish', () => { res.writeHead(204); res.end(); fs.rm(f, () => {}); });
});
srv.listen(0, '127.0.0.1', () => console.log('sink http://127.0.0.1:' + srv.address().port + '/'));
`;

function rawPut(url: string, file: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'PUT', headers: { 'content-length': SIZE } }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - t0));
    });
    req.on('error', reject);
    createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(req);
  });
}

/** A different file (first bytes changed) each time, so the receiver never has it already. */
function freshFile(file: string, round: number): string {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.from(`round-${round}-${Date.now()}-${Math.random()}`.padEnd(64, '.')), 0, 64, 0);
  closeSync(fd);
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

async function main() {
  const receiverDir = path.join(tmp, 'r');
  const receiver = await startProcess([bin, 'receiver', 'start', '--port', '0', '--data-dir', receiverDir], /Receiver đang chạy tại (http:\/\/\S+\/)/);
  const sink = await startProcess(['-e', SINK, tmp], /sink (http:\/\/\S+\/)/);
  try {
    const office = 'Thừa Thiên Huế/Phú Vang/Phú Thượng';
    const codeOut = spawnSync(process.execPath, [bin, 'receiver', 'enroll-code', '--office', office, '--data-dir', receiverDir], { encoding: 'utf8' });
    const code = /^([A-Z0-9]{4}(?:-[A-Z0-9]{4})+)\s*$/m.exec(codeOut.stdout)![1]!;
    const id = await createSelfSignedIdentity({
      commonName: 'UBND xã Phú Thượng',
      organization: 'UBND xã Phú Thượng',
      locality: 'Phú Vang',
      province: 'Thừa Thiên Huế',
    });
    const enrolled = (await (
      await fetch(new URL('v1/enroll', receiver.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, certificatePem: id.certificatePem }),
      })
    ).json()) as { clientToken: string; receiverCertificatePem: string };
    const conn: Connection = {
      id: 1,
      url: receiver.url,
      office_key: office,
      client_token: enrolled.clientToken,
      receiver_certificate_pem: enrolled.receiverCertificatePem,
      receiver_fingerprint: '',
      signer_fingerprint: '',
      enrolled_at: 0,
      last_contact_at: null,
      last_error: null,
      updated_at: 0,
    };
    const file = path.join(tmp, 'payload.bin');
    writeFileSync(file, randomBytes(SIZE));

    console.log(`${SIZE / MIB} MiB over loopback, tus PATCH ${DEFAULT_CHUNK / MIB} MiB chunks vs one raw PUT (median of ${ROUNDS}, alternating)`);
    const tus: number[] = [];
    const raw: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      raw.push(await rawPut(sink.url, file));
      const sha256 = freshFile(file, r);
      const t0 = performance.now();
      let acked = t0;
      let url: string | null = null;
      await upload(
        conn,
        { sha256, path: file, fileName: 'bench.zip', size: SIZE, uploadUrl: null },
        {
          onUploadUrl: (u) => (url = u),
          onAcked: () => (acked = performance.now()),
        },
      );
      void url;
      tus.push(acked - t0);
    }
    const mbps = (ms: number) => (SIZE / MIB / (ms / 1000)).toFixed(0);
    console.log(`  raw PUT: ${median(raw).toFixed(0)} ms (${mbps(median(raw))} MiB/s)`);
    console.log(`  tus upload (creation + PATCHes, finalize excluded): ${median(tus).toFixed(0)} ms (${mbps(median(tus))} MiB/s)`);
    const ratio = median(raw) / median(tus);
    console.log(`  throughput ratio tus/raw: ${ratio.toFixed(2)}× (goal ≥ ${GOAL}×) ${ratio >= GOAL ? 'OK' : 'BELOW GOAL'}`);

    // Cuts: abort mid-PATCH at random moments, resume from HEAD.
    const seed = 20261203;
    const rng = seededRandom(seed);
    const sha256 = freshFile(file, 99);
    let url: string | null = null;
    let wire = 0;
    let cuts = 0;
    for (let attempt = 0; attempt < 1000; attempt++) {
      const abort = new AbortController();
      const timer = cuts < CUTS ? setTimeout(() => abort.abort(), 20 + rng() * (median(tus) / CUTS)) : null;
      let startAt = -1;
      let attemptWire = 0;
      try {
        await upload(
          conn,
          { sha256, path: file, fileName: 'bench.zip', size: SIZE, uploadUrl: url },
          {
            signal: abort.signal,
            onUploadUrl: (u) => (url = u),
            onAcked: () => undefined,
            onProgress: (b) => {
              if (startAt < 0) startAt = b;
              attemptWire = Math.max(attemptWire, b - startAt);
            },
          },
        );
        if (timer) clearTimeout(timer);
        wire += attemptWire;
        break;
      } catch {
        if (timer) clearTimeout(timer);
        wire += attemptWire;
        if (abort.signal.aborted) cuts++;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    const wasted = wire - SIZE;
    console.log(`  ${cuts} random cuts mid-upload (seed ${seed}): ${(wire / MIB).toFixed(1)} MiB on the wire for ${SIZE / MIB} MiB`);
    console.log(
      `  wasted: ${(wasted / MIB).toFixed(2)} MiB in all, ${cuts ? (wasted / cuts / MIB).toFixed(2) : '0'} MiB per cut (bound: one chunk = ${DEFAULT_CHUNK / MIB} MiB)`,
    );
  } finally {
    receiver.proc.kill('SIGKILL');
    sink.proc.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
