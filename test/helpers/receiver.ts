// Helpers for the receiver tests: the real `kiemchung receiver start` process, packages of a
// given office signed by a given key (a data/package.json that matches shared/package-schema.ts),
// tus uploads with tus-js-client, and the JSON API.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tus from 'tus-js-client';
import { buildBag, certificateInfo, type SigningIdentity } from '../../main/services/package-format';
import { assessmentPackage, type AssessmentPackage } from '../../shared/package-schema';
import { bagInfo, samplePayload } from './package';
import { repoRoot } from './cli';
import { freePort, postgresBinDir, startPostgres, type PgCluster } from './postgres';

/**
 * The built CLI (bin/kiemchung.js + dist/), copied once per test file: other work in this tree
 * rebuilds dist/ (the build starts by deleting it), which must not pull the program from under a
 * running test. The copy stays inside the repository so node_modules still resolves, and it is
 * checked by running `receiver --help` before use.
 */
let snapshot: string | null = null;
export function cliBin(): string {
  if (snapshot) return path.join(snapshot, 'bin/kiemchung.js');
  const dir = path.join(repoRoot, 'node_modules/.cache', `kc-receiver-cli-${process.pid}`);
  for (let i = 0; i < 30; i++) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.join(dir, 'bin'), { recursive: true });
    try {
      if (existsSync(path.join(repoRoot, 'dist/cli/index.js'))) {
        cpSync(path.join(repoRoot, 'dist'), path.join(dir, 'dist'), { recursive: true, filter: (src) => !src.includes(`${path.sep}renderer`) });
        cpSync(path.join(repoRoot, 'bin/kiemchung.js'), path.join(dir, 'bin/kiemchung.js'));
        const probe = spawnSync(process.execPath, [path.join(dir, 'bin/kiemchung.js'), 'receiver', '--help'], { encoding: 'utf8' });
        if (probe.status === 0 && probe.stdout.includes('receiver start')) {
          snapshot = dir;
          process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
          return path.join(dir, 'bin/kiemchung.js');
        }
      }
    } catch {
      /* dist/ was being rebuilt: try again */
    }
    spawnSync('sleep', ['1']);
  }
  throw new Error('no complete dist/ to copy: run node scripts/build.mjs --quiet');
}

/** `kiemchung receiver …` (or any command) through the built CLI, as a child process. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [cliBin(), ...args], { encoding: 'utf8', env: { ...process.env, KIEMCHUNG_LOG: 'warn', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export type Dialect = 'sqlite' | 'postgres';
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];
export const hasPostgres = () => postgresBinDir() !== null;

export const OFFICE = { province: 'Thừa Thiên Huế', district: 'Phú Vang', commune: 'Phú Thượng', kind: 'xa' as const };
export const OFFICE_KEY = 'Thừa Thiên Huế/Phú Vang/Phú Thượng';

/** One PostgreSQL cluster per test file, a fresh database per call; SQLite needs nothing. */
let cluster: Promise<PgCluster | null> | null = null;
export async function databaseEnv(dialect: Dialect): Promise<NodeJS.ProcessEnv> {
  if (dialect === 'sqlite') return { DATABASE_URL: '' };
  cluster ??= startPostgres();
  const c = await cluster;
  if (!c) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  return { DATABASE_URL: await c.createDatabase() };
}
export async function stopPostgres() {
  const c = await cluster;
  cluster = null;
  await c?.stop();
}

export interface ReceiverProcess {
  proc: ChildProcess;
  url: string;
  port: number;
  output(): string;
  stop(): Promise<number | null>;
  kill(): Promise<void>;
}

/**
 * Spawns `node bin/kiemchung.js receiver start --port P --data-dir D` and waits for its address.
 * `bin`: another build of the CLI (bench/receiver.bench.ts compares a baseline build in the same run).
 */
export async function startReceiverProcess(dataDir: string, env: NodeJS.ProcessEnv, port = 0, extra: string[] = [], bin = cliBin()): Promise<ReceiverProcess> {
  const proc = spawn(process.execPath, [bin, 'receiver', 'start', '--port', String(port), '--data-dir', dataDir, ...extra], {
    env: { ...process.env, KIEMCHUNG_LOG: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`receiver did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /Receiver đang chạy tại (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout.on('data', check);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`receiver exited (${code}):\n${out}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return {
    proc,
    url,
    port: Number(new URL(url).port),
    output: () => out,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}

export { freePort };

/** A data/package.json the receiver reads the office from (the assessment kind, no criteria). */
export function packageJson(identity: SigningIdentity, office = OFFICE, year = 2026): AssessmentPackage {
  const info = certificateInfo(identity.certificatePem, Date.now());
  return assessmentPackage.parse({
    format: 'kiemchung-package',
    schemaVersion: 1,
    kind: 'assessment',
    generatedAt: new Date().toISOString(),
    app: { name: 'Kiểm Chứng', version: '0.1.0' },
    office,
    assessment: { year, opensAt: `${year}-09-01T00:00:00.000Z`, closesAt: `${year}-10-05T10:00:00.000Z`, status: 'sent', sentAt: null },
    criteriaSet: { name: 'Bộ chỉ số CCHC cấp xã', decision: null, province: office.province, year, totalMax: 100 },
    criteria: [],
    totals: { points: 73.25, applicableMax: 100, percent: 73.25, band: 'khá' },
    signedBy: { holder: info.holder, fingerprint: info.fingerprint },
  });
}

export interface BuiltPackage {
  zip: string;
  sha256: string;
  size: number;
}

export const sha256File = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const fileFacts = (file: string) => {
  const b = readFileSync(file);
  return { sha256: createHash('sha256').update(b).digest('hex'), size: b.length };
};

/**
 * A signed package of `office` (its package.json replaced by one that fits the schema); `padBytes`
 * adds a random payload file; `criteria` fills the criteria table, given the sample payload's files
 * (data/evidence/2.3/….pdf, data/evidence/1.1/….png, data/summary.pdf) with their real hashes and sizes.
 */
export async function buildOfficePackage(
  dir: string,
  name: string,
  identity: SigningIdentity,
  opts: {
    office?: typeof OFFICE;
    padBytes?: number;
    signingTime?: number;
    criteria?: (files: { path: string; sha256: string; size: number }[]) => AssessmentPackage['criteria'];
  } = {},
): Promise<BuiltPackage> {
  const payload = (await samplePayload(path.join(dir, `${name}-src`))).filter((p) => p.path !== 'package.json');
  const files = payload.flatMap((p) => ('file' in p.source ? [{ path: `data/${p.path}`, ...fileFacts(p.source.file) }] : []));
  const content = { ...packageJson(identity, opts.office), ...(opts.criteria ? { criteria: opts.criteria(files) } : {}) };
  payload.unshift({ path: 'package.json', source: { bytes: Buffer.from(JSON.stringify(content, null, 2) + '\n') } });
  if (opts.padBytes) {
    const pad = path.join(dir, `${name}-pad.bin`);
    writeFileSync(pad, randomBytes(opts.padBytes));
    payload.push({ path: 'evidence/9.9/9.9_phu luc.pdf', source: { file: pad } });
  }
  const zip = path.join(dir, `${name}.zip`);
  const built = await buildBag(
    { bagName: `KC-2026-${name}`, bagInfo: bagInfo(), payload, identity, ...(opts.signingTime ? { signingTime: opts.signingTime } : {}) },
    zip,
  );
  return { zip, sha256: built.sha256, size: built.bytes };
}

export interface TusOptions {
  sha256: string;
  filename?: string;
  chunkSize?: number;
  uploadUrl?: string;
  onChunk?: (upload: tus.Upload, accepted: number) => void;
  onProgress?: (sent: number) => void;
}

/** Uploads bytes with tus-js-client (no retries, so a refusal surfaces); resolves with the upload URL. */
export function tusUpload(baseUrl: string, token: string, bytes: Buffer, o: TusOptions): { upload: tus.Upload; done: Promise<string> } {
  let upload!: tus.Upload;
  const done = new Promise<string>((resolve, reject) => {
    upload = new tus.Upload(bytes, {
      endpoint: `${baseUrl}v1/uploads/`,
      ...(o.uploadUrl ? { uploadUrl: o.uploadUrl } : {}),
      headers: { Authorization: `Bearer ${token}` },
      metadata: { sha256: o.sha256, filename: o.filename ?? `${o.sha256.slice(0, 8)}.zip` },
      chunkSize: o.chunkSize ?? 5 * 1024 * 1024,
      retryDelays: null,
      storeFingerprintForResuming: false,
      onChunkComplete: (_n, accepted) => o.onChunk?.(upload, accepted),
      onProgress: (sent) => o.onProgress?.(sent),
      onSuccess: () => resolve(upload.url!),
      onError: reject,
    });
    upload.start();
  });
  return { upload, done };
}

export async function api(baseUrl: string, method: string, p: string, token?: string, body?: unknown) {
  const go = () =>
    fetch(`${baseUrl}${p.replace(/^\//, '')}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // A GET after a long spawnSync (a CLI call on a loaded machine) may go out on a keep-alive socket
  // the receiver closed meanwhile (this process could not notice while blocked): ask again once,
  // as a browser would. Anything else, and any answer, is returned as it came.
  const res = await go().catch((e: unknown) => {
    if (method === 'GET' && (e as { cause?: { code?: string } }).cause?.code === 'UND_ERR_SOCKET') return go();
    throw e;
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = { raw: text };
  }
  return { status: res.status, json, headers: res.headers };
}
