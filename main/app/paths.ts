// Where the built pieces are, relative to this bundle (dist/app/main.js). Inside a packaged
// app these paths point into app.asar, which Electron's fs reads transparently.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const appPaths = {
  /** Vite's output: index.html and assets, served on app://kiemchung. */
  renderer: path.join(here, '..', 'renderer'),
  /** The sandboxed preload, CommonJS because sandboxed preloads cannot be ES modules. */
  preload: path.join(here, '..', 'preload', 'index.cjs'),
};
