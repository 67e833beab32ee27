// A logger per module: JSON lines on stderr and, once the app knows its data folder, in a
// rotating file there too (logs/kiemchung.log, a packaged Windows app otherwise keeps none).
// KIEMCHUNG_LOG=debug|info|warn|error|silent sets the level (default info; tests use warn).
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

function threshold(): number {
  const env = (process.env.KIEMCHUNG_LOG ?? 'info') as Level | 'silent';
  return order[env] ?? order.info;
}

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/** Rotation: when the file passes maxBytes it becomes .1 (and .1 becomes .2 …), keeping `keep` old files. */
export interface LogFileOptions {
  maxBytes?: number;
  keep?: number;
}
let logFile: { file: string; maxBytes: number; keep: number; size: number } | null = null;

/** Starts writing to <dataDir>/logs/kiemchung.log as well; returns the file's path. */
export function setLogFile(dataDir: string, opts: LogFileOptions = {}): string {
  const dir = path.join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'kiemchung.log');
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    size = 0;
  }
  logFile = { file, maxBytes: opts.maxBytes ?? 5 * 1024 * 1024, keep: opts.keep ?? 3, size };
  return file;
}

export const stopLogFile = () => void (logFile = null);

function toFile(line: string): void {
  const f = logFile;
  if (!f) return;
  try {
    if (f.size + line.length > f.maxBytes && f.size > 0) {
      rmSync(`${f.file}.${f.keep}`, { force: true });
      for (let i = f.keep - 1; i >= 1; i--) {
        try {
          renameSync(`${f.file}.${i}`, `${f.file}.${i + 1}`);
        } catch {
          /* that generation does not exist yet */
        }
      }
      renameSync(f.file, `${f.file}.1`);
      f.size = 0;
    }
    appendFileSync(f.file, line);
    f.size += Buffer.byteLength(line);
  } catch {
    // A full or read-only disk must not stop the app: stderr still has the line.
  }
}

export function createLogger(module: string): Logger {
  const write = (level: Level, msg: string, data?: Record<string, unknown>) => {
    if (order[level] < threshold()) return;
    const line = JSON.stringify({ t: new Date().toISOString(), level, module, msg, ...data }) + '\n';
    process.stderr.write(line);
    toFile(line);
  };
  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}
