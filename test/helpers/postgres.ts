// A throwaway PostgreSQL cluster for the receiver tests (TOOLCHAIN.md): initdb in a temp folder,
// pg_ctl start on a free local port, one fresh database per caller, stopped and removed after.
// As root (CI) the server runs as the unprivileged `postgres` user through runuser; otherwise
// directly as the current user. Absent binaries → `null`, and the caller skips PostgreSQL.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PgCluster {
  port: number;
  /** Creates an empty database and returns its DATABASE_URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

/** The newest /usr/lib/postgresql/<v>/bin folder that has initdb, or null. */
export function postgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

function runAsDbUser(cmd: string, args: string[]) {
  const [file, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(file, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stdout}\n${r.stderr}`);
}

let counter = 0;

export async function startPostgres(): Promise<PgCluster | null> {
  const bin = postgresBinDir();
  if (!bin) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-pg-'));
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  runAsDbUser(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'kc', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  runAsDbUser(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    '-l',
    path.join(dir, 'log'),
    '-w',
    'start',
  ]);
  const url = (db: string) => `postgres://kc@127.0.0.1:${port}/${db}`;
  return {
    port,
    async createDatabase(name) {
      const db = name ?? `kc_${process.pid}_${++counter}`;
      const c = new pg.Client({ connectionString: url('postgres') });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE "${db}"`);
      } finally {
        await c.end();
      }
      return url(db);
    },
    async stop() {
      try {
        runAsDbUser(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
