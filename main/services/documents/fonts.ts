// Be Vietnam Pro (OFL) covers every Vietnamese letter with its stacked marks; the standard PDF
// fonts do not. The ≈0.5 MB of TTF bytes are read once per process: repeated exports skip the disk.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resourcesDir } from '../resources';

export interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
}

const FILES: Record<keyof FontBytes, string> = {
  regular: 'BeVietnamPro_400Regular.ttf',
  bold: 'BeVietnamPro_700Bold.ttf',
  italic: 'BeVietnamPro_400Regular_Italic.ttf',
};

let cache: { dir: string; bytes: Promise<FontBytes> } | null = null;

export function fontBytes(): Promise<FontBytes> {
  const dir = path.join(resourcesDir(), 'fonts');
  if (cache?.dir !== dir) {
    const bytes = load(dir);
    cache = { dir, bytes };
    // A failed read (e.g. wrong resources folder) must not stick: the next export retries.
    bytes.catch(() => {
      if (cache?.bytes === bytes) cache = null;
    });
  }
  return cache.bytes;
}

async function load(dir: string): Promise<FontBytes> {
  const [regular, bold, italic] = await Promise.all(
    [FILES.regular, FILES.bold, FILES.italic].map((f) => readFile(path.join(dir, f)).then((b) => new Uint8Array(b))),
  );
  return { regular: regular!, bold: bold!, italic: italic! };
}

// Word widths (see Face in pdf-layout.ts) belong to the font file, not to one PDF: keyed by the
// cached bytes, they survive across exports and vanish if the fonts are ever reloaded.
const widthCaches = new WeakMap<Uint8Array, Map<string, number>>();

export function widthCache(bytes: Uint8Array): Map<string, number> {
  let cache = widthCaches.get(bytes);
  if (!cache) widthCaches.set(bytes, (cache = new Map<string, number>()));
  return cache;
}
