// bench/refusal: how fast hostile or large files are judged — figures that used to be wall-clock
// assertions in tests (roster-import.test.ts "< 250 ms", pdf-signature.test.ts "< 2 s"):
//   - a 50 MB junk file renamed .xlsx, and the same junk behind a ZIP signature, refused by
//     content (goal ≤ 250 ms each) — baseline: reading the file's first 64 KB;
//   - the PDF signature scanner over 64 MB of image stream data (goal ≤ 2 s) — baseline: sha256 of
//     the same bytes, so the ratio says how close to "just reading it" the scanner is.
// Run: node --import tsx bench/refusal.bench.ts
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { createHash, randomFillSync } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readRosterFile } from '../main/services/roster';
import { createPdfSignatureScanner } from '../main/domain/pdf-signature';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-bench-refusal-'));
const file = path.join(dir, 'junk.xlsx');
const enc = (s: string) => Buffer.from(s, 'latin1');
const ms = (n: number) => `${n.toFixed(1).replace('.', ',')} ms`;

async function refusalMs(): Promise<number> {
  const t0 = performance.now();
  try {
    await readRosterFile(file, { now: new Date() });
    throw new Error('expected a refusal');
  } catch (e) {
    if (e instanceof Error && e.message === 'expected a refusal') throw e;
  }
  return performance.now() - t0;
}

function headMs(): number {
  const t0 = performance.now();
  const fd = openSync(file, 'r');
  readSync(fd, Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
  closeSync(fd);
  return performance.now() - t0;
}

try {
  const chunk = Buffer.alloc(1024 * 1024);
  const fd = openSync(file, 'w');
  for (let i = 0; i < 50; i++) writeSync(fd, randomFillSync(chunk));
  closeSync(fd);
  const base = headMs();
  const junk = await refusalMs();
  const fd2 = openSync(file, 'r+');
  writeSync(fd2, enc('PK\x03\x04'), 0, 4, 0);
  closeSync(fd2);
  const zipJunk = await refusalMs();
  console.log(`50 MB junk renamed .xlsx: refused in ${ms(junk)} (goal ≤ 250 ms); behind a ZIP signature: ${ms(zipJunk)}; baseline (read 64 KB): ${ms(base)}`);

  const blob = Buffer.alloc(64 * 1024, 0x41);
  const t0 = performance.now();
  const hash = createHash('sha256');
  for (let i = 0; i < 1024; i++) hash.update(blob);
  hash.digest();
  const hashMs = performance.now() - t0;
  const t1 = performance.now();
  const s = createPdfSignatureScanner();
  s.push(enc('%PDF-1.7\n10 0 obj\n<< /Length 67108864 /Filter /DCTDecode >>\nstream\n'));
  for (let i = 0; i < 1024; i++) s.push(blob);
  s.push(enc('\nendstream\nendobj\n'));
  s.result();
  const scanMs = performance.now() - t1;
  console.log(
    `PDF signature scan over 64 MB of stream data: ${ms(scanMs)} (goal ≤ 2000 ms), ${(scanMs / hashMs).toFixed(2).replace('.', ',')}× sha256 of the same bytes (${ms(hashMs)})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
