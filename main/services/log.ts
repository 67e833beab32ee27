// A logger per module: JSON lines on stderr (the Electron shell and `serve` capture them).
// KIEMCHUNG_LOG=debug|info|warn|error|silent sets the level (default info; tests use warn).
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

export function createLogger(module: string): Logger {
  const write = (level: Level, msg: string, data?: Record<string, unknown>) => {
    if (order[level] < threshold()) return;
    process.stderr.write(JSON.stringify({ t: new Date().toISOString(), level, module, msg, ...data }) + '\n');
  };
  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}
