// LibreOffice as the outside judge of our XLSX files (Debian's libreoffice-calc-nogui; .ci/run
// installs it). Each conversion gets its own throw-away profile and HOME: LibreOffice refuses to
// share a profile between two running instances (tests run in parallel) and, as root, cannot
// write under a missing or shared HOME. It may exit 0 without writing anything, so the output file
// is what proves the conversion.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** CSV: comma, double quotes, UTF-8 (76 — without it Vietnamese becomes "?"), first line 1. */
const CSV = 'csv:Text - txt - csv (StarCalc):44,34,76,1';

/** Converts `file` with `soffice --headless --convert-to <filter>` and returns the output's path inside `outDir`. */
export function sofficeConvert(file: string, filter: string, outDir: string): string {
  const work = mkdtempSync(path.join(os.tmpdir(), 'kc-soffice-'));
  try {
    const profile = pathToFileURL(path.join(work, 'profile')).href;
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--nologo', '--convert-to', filter, '--outdir', outDir, file],
      { encoding: 'utf8', env: { ...process.env, HOME: work }, timeout: 120_000 },
    );
    const ext = filter.split(':')[0]!;
    const out = path.join(outDir, `${path.basename(file, path.extname(file))}.${ext}`);
    if (r.error || !existsSync(out))
      throw new Error(`LibreOffice did not convert ${file} (${r.error?.message ?? `exit ${r.status}`}):\n${r.stdout}\n${r.stderr}`);
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The first sheet of an XLSX as LibreOffice reads it: rows of cells as displayed. */
export function xlsxRowsByLibreOffice(file: string): string[][] {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'kc-soffice-csv-'));
  try {
    return parseCsv(readFileSync(sofficeConvert(file, CSV, outDir), 'utf8'));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows.map((r) => r.map((c) => c.normalize('NFC')));
}
