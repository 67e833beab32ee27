// Reads an XLSX's parts through the ZIP central directory and hands them to exceljs's streaming
// parsers in dependency order: relationships, workbook, shared strings, then each sheet.
//
// Why not WorkbookReader's own loop: it unzips in one forward pass and, on Node ≥ 18, can lose
// the last entries (exceljs#3064). Files written by exceljs store xl/workbook.xml last, so the
// read fails at random ("Cannot read properties of undefined (reading 'sheets')", 14 of 20 reads
// of a five-sheet file here) — and a sheet stored last could be dropped silently. The parsing
// itself stays exceljs's: sheets are still read row by row, never held whole.
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';

export interface ZipEntry {
  name: string;
  method: number; // 0 stored, 8 deflated
  compressedSize: number;
  size: number; // as declared
  localOffset: number;
}

/** 100 000 rows of Mẫu 05 inflate to ≈ 40 MB of XML; a part declaring more than this is a ZIP bomb. */
export const MAX_PART_BYTES = 1024 * 1024 * 1024;

export class BadZipError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries the central directory lists. Throws BadZipError when there is none to read. */
export async function listEntries(fh: FileHandle, size: number): Promise<ZipEntry[]> {
  // The end record is in the last 22 bytes plus a comment of at most 65 535.
  const tailLen = Math.min(size, 22 + 0xffff);
  const tail = Buffer.alloc(tailLen);
  await fh.read(tail, 0, tailLen, size - tailLen);
  let eocd = -1;
  for (let i = tailLen - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new BadZipError('no end of central directory');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  // ZIP64 (0xFFFFFFFF markers) is for archives above 4 GB; a roster never is one.
  if (cdOffset === 0xffffffff || cdSize === 0xffffffff || cdOffset + cdSize > size) throw new BadZipError('bad central directory');
  const cd = Buffer.alloc(cdSize);
  await fh.read(cd, 0, cdSize, cdOffset);
  const entries: ZipEntry[] = [];
  for (let p = 0, n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new BadZipError('bad central directory entry');
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    entries.push({
      name: cd.toString('utf8', p + 46, p + 46 + nameLen),
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * One entry as a stream of text; a read or inflate error surfaces on it. Decoded here, with a
 * streaming decoder: exceljs decodes each chunk on its own (utils/browser-buffer-decode.js), so
 * a Vietnamese letter split between two chunks became "�" — 4 rows in 20 000 of a test roster.
 */
export async function openEntry(fh: FileHandle, filePath: string, e: ZipEntry): Promise<Readable> {
  const head = Buffer.alloc(30);
  await fh.read(head, 0, 30, e.localOffset);
  if (head.readUInt32LE(0) !== LOCAL) throw new BadZipError(`bad local header for ${e.name}`);
  const start = e.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  if (e.method !== 0 && e.method !== 8) throw new BadZipError(`unsupported compression ${e.method}`);
  if (e.size > MAX_PART_BYTES) throw new BadZipError(`${e.name} declares ${e.size} bytes`);
  if (e.compressedSize === 0) return Readable.from([]);
  // createReadStream's `end` is inclusive.
  const raw = createReadStream(filePath, { start, end: start + e.compressedSize - 1, highWaterMark: 256 * 1024 });
  // 64 KB out of the inflater (default 16 KB): a quarter of the chunks through decoder and SAX.
  const out = e.method === 0 ? raw : pipeline(raw, createInflateRaw(), () => {});
  return out.setEncoding('utf8');
}

/** exceljs 4.4 WorkbookReader internals this module drives (lib/stream/xlsx/workbook-reader.js). */
interface ReaderInternals {
  properties?: { model?: { date1904?: boolean } };
  model?: { sheets?: { name: string; id: number; rId: string; state?: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: WorksheetStream }>;
}

export interface WorksheetStream extends AsyncIterable<ExcelJS.Row> {
  name: string;
  /** The events of each parsed chunk (exceljs's own iterator hands them out one row per await). */
  parse(): AsyncIterable<{ eventType: string; value: unknown }[]>;
}

/**
 * A sheet's rows, a chunk's worth at a time: exceljs's own row iterator costs a promise per row,
 * and its rows wait across those hops; here a chunk's rows are done with before the next parse.
 */
export async function* rowBatches(ws: WorksheetStream): AsyncGenerator<ExcelJS.Row[]> {
  for await (const events of ws.parse()) {
    const rows: ExcelJS.Row[] = [];
    for (const e of events) if (e.eventType === 'row') rows.push(e.value as ExcelJS.Row);
    if (rows.length) yield rows;
  }
}

export interface XlsxSheets {
  date1904: boolean;
  sheets: { name: string; open: () => Promise<WorksheetStream> }[];
}

/**
 * The sheets of an XLSX in workbook order, each opened on demand as exceljs's streaming
 * WorksheetReader. Throws BadZipError when the parts an XLSX needs are missing.
 */
export async function xlsxSheets(fh: FileHandle, filePath: string, size: number, track: (s: Readable) => void = () => {}): Promise<XlsxSheets> {
  const entries = await listEntries(fh, size);
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const part = (name: string) => byName.get(name);
  const workbook = part('xl/workbook.xml');
  const rels = part('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new BadZipError('no workbook part');

  // Reading text only: no styles (date cells stay serial numbers), no hyperlinks.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const r = reader as unknown as ReaderInternals;
  await r._parseRels(await openEntry(fh, filePath, rels));
  await r._parseWorkbook(await openEntry(fh, filePath, workbook));
  const sst = part('xl/sharedStrings.xml');
  if (sst) for await (const _ of r._parseSharedStrings(await openEntry(fh, filePath, sst)));

  const sheets: XlsxSheets['sheets'] = [];
  for (const s of r.model?.sheets ?? []) {
    const rel = r.workbookRels?.find((x) => x.Id === s.rId);
    if (!rel) continue;
    const target = rel.Target.startsWith('/') ? rel.Target.slice(1) : `xl/${rel.Target.replace(/^\.\//, '')}`;
    const entry = part(target);
    if (!entry) throw new BadZipError(`missing ${target}`);
    sheets.push({
      name: s.name,
      open: async () => {
        const stream = await openEntry(fh, filePath, entry);
        track(stream);
        // exceljs's streaming reader has no public per-sheet API: its private parser, untyped.
        /* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return */
        const gen = r._parseWorksheet(stream, String(s.id));
        const ws = gen.next().value?.value;
        if (!ws) throw new BadZipError(`cannot read ${target}`);
        ws.name = s.name;
        return ws;
        /* eslint-enable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return */
      },
    });
  }
  return { date1904: !!r.properties?.model?.date1904, sheets };
}
