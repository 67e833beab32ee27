import os from 'node:os';
import path from 'node:path';

/**
 * Where the data lives: `--data-dir`, else KIEMCHUNG_DATA_DIR, else the OS user-data folder
 * (the same one the Electron app uses, so desktop and browser mode share data).
 */
export function resolveDataDir(flag?: string): string {
  if (flag) return path.resolve(flag);
  if (process.env.KIEMCHUNG_DATA_DIR) return path.resolve(process.env.KIEMCHUNG_DATA_DIR);
  return defaultDataDir();
}

export function defaultDataDir(): string {
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'KiemChung');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'KiemChung');
    default:
      return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'KiemChung');
  }
}
