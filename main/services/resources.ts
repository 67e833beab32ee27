// Where the app's read-only resources (fonts, criteria sets, icons) live. The same code runs from
// the repository (tsx, vitest), from the esbuild bundle in dist/, and from a packaged Electron app
// whose resources sit in process.resourcesPath/resources, so the folder is found, not hard-coded.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { viShell } from '../../shared/i18n/vi/shell';

/** A file every resources folder has; finding it proves we found the right folder. */
const MARKER = path.join('fonts', 'BeVietnamPro_400Regular.ttf');

let explicit: string | null = null;
let found: string | null = null;

/** Pins the resources folder (the one holding fonts/); null goes back to searching. */
export function setResourcesDir(dir: string | null): void {
  explicit = dir === null ? null : path.resolve(dir);
}

/**
 * The resources folder, in order: setResourcesDir(), $KIEMCHUNG_RESOURCES_DIR, the first
 * `resources/` found walking up from this module (repository and dist/ bundle alike; inside a
 * packaged app this also reaches process.resourcesPath), then Electron's process.resourcesPath.
 */
export function resourcesDir(): string {
  if (explicit) return explicit;
  const env = process.env.KIEMCHUNG_RESOURCES_DIR;
  if (env) return path.resolve(env);
  found ??= search();
  return found;
}

function search(): string {
  const tried: string[] = [];
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources');
    tried.push(candidate);
    if (existsSync(path.join(candidate, MARKER))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  // Electron-only property; absent under plain Node.
  const rp = (process as { resourcesPath?: string }).resourcesPath;
  if (rp) {
    const candidate = path.join(rp, 'resources');
    tried.push(candidate);
    if (existsSync(path.join(candidate, MARKER))) return candidate;
  }
  throw new Error(viShell.resourcesMissing(MARKER, tried));
}
