// Reads an XLSX's parts with yauzl and hands them to exceljs's streaming parsers in dependency
// order: relationships, workbook, shared strings, then each sheet. Every part passes a PartReader
// first: the ZIP's entry count, each part's declared and real size, the whole file's unpacked
// size and each part's CRC-32 are checked, and so are the stretches of XML a parser would hold.
//
// Why not WorkbookReader's own loop: it unzips in one forward pass and, on Node ≥ 18, can lose
// the last entries (exceljs#3064). Files written by exceljs store xl/workbook.xml last, so the
// read fails at random — and a sheet stored last could be dropped silently. The parsing itself
// stays exceljs's: sheets are still read row by row, never held whole.
import { Readable, pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { XLSX_LIMITS } from './types';
import { PartReader, XlsxRefusal, type PartKind } from './xml-guard';

export class BadZipError extends Error {}

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

export interface XlsxBook {
  date1904: boolean;
  sheets: { name: string; open: () => Promise<WorksheetStream> }[];
  close(): void;
}

const openZip = (file: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true }, (err, zf) =>
      err || !zf ? reject(err ?? new BadZipError('open failed')) : resolve(zf),
    ),
  );

async function listEntries(zf: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const byName = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zf.on('error', reject);
    zf.on('end', () => resolve());
    const seen = new Set<string>();
    zf.on('entry', (e: yauzl.Entry) => {
      // Names as the relationships write them: no leading "/". Part names ignore case (OPC): two
      // entries of one name would let a reader and Excel see different parts.
      const name = e.fileName.replace(/^\//, '');
      if (seen.has(name.toLowerCase())) return reject(new BadZipError(`two entries named ${name}`));
      seen.add(name.toLowerCase());
      byName.set(name, e);
      zf.readEntry();
    });
    zf.readEntry();
  });
  return byName;
}

const partLimit = (kind: PartKind): number =>
  kind === 'meta' ? XLSX_LIMITS.maxMetaPartBytes : kind === 'sharedStrings' ? XLSX_LIMITS.maxSharedStringsBytes : XLSX_LIMITS.maxPartBytes;

/** One part's reader, behind its guard; a read, inflate, bound or CRC error surfaces as it is pulled. */
async function openPart(
  zf: yauzl.ZipFile,
  name: string,
  e: yauzl.Entry,
  kind: PartKind,
  budget: { left: number },
  track: (s: Readable) => void,
): Promise<PartReader> {
  const limit = partLimit(kind);
  if (e.uncompressedSize > limit) throw new XlsxRefusal('part', name, limit, e.uncompressedSize);
  if (e.isEncrypted()) throw new BadZipError(`${name} is encrypted`);
  if (e.compressionMethod !== 0 && e.compressionMethod !== 8) throw new BadZipError(`${name}: compression ${e.compressionMethod}`);
  const raw = await new Promise<Readable>((resolve, reject) =>
    zf.openReadStream(e, { decodeFileData: false }, (err, s) => (err || !s ? reject(err ?? new BadZipError(name)) : resolve(s))),
  );
  track(raw);
  // 64 KB out of the inflater (default 16 KB): a quarter of the chunks through decoder and SAX.
  const source = e.compressionMethod === 8 ? pipeline(raw, createInflateRaw({ chunkSize: 64 * 1024 }), () => {}) : raw;
  track(source);
  return new PartReader(source, name, kind, e.crc32, e.uncompressedSize, budget);
}

/** After a parser is done with a part: it must have been read to its end, its size and CRC checked. */
function checkRead(part: PartReader): void {
  if (!part.verified) throw new BadZipError('part not read to its end');
}

/**
 * Parses a part with one of exceljs's workbook-level parsers, then reads what it left (an XML
 * parser may stop at its root's end): the part's size and CRC are checked only at its end.
 */
async function parseWhole(part: PartReader, parse: (s: Readable) => Promise<unknown>): Promise<void> {
  const stream = Readable.from(part.text());
  await parse(stream);
  for await (const _ of stream);
  checkRead(part);
}

/**
 * The sheets of an XLSX in workbook order, each opened on demand as exceljs's streaming
 * WorksheetReader. Throws XlsxRefusal past a bound, BadZipError (or yauzl's error) when the file
 * is not a readable XLSX. `track` sees every stream opened, for cancelling.
 */
export async function openXlsx(filePath: string, track: (s: Readable) => void = () => {}): Promise<XlsxBook> {
  const zf = await openZip(filePath);
  try {
    if (zf.entryCount > XLSX_LIMITS.maxEntries) throw new XlsxRefusal('entries', '', zf.entryCount);
    const byName = await listEntries(zf);
    const workbook = byName.get('xl/workbook.xml');
    const rels = byName.get('xl/_rels/workbook.xml.rels');
    if (!workbook || !rels) throw new BadZipError('no workbook part');
    const budget = { left: XLSX_LIMITS.maxTotalBytes };
    const open = (name: string, e: yauzl.Entry, kind: PartKind) => openPart(zf, name, e, kind, budget, track);

    // Reading text only: no styles (date cells stay serial numbers), no hyperlinks.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'ignore',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    const r = reader as unknown as ReaderInternals;
    await parseWhole(await open('xl/_rels/workbook.xml.rels', rels, 'meta'), (s) => r._parseRels(s));
    await parseWhole(await open('xl/workbook.xml', workbook, 'meta'), (s) => r._parseWorkbook(s));

    const targets: { name: string; id: number; part: string; entry: yauzl.Entry }[] = [];
    for (const s of r.model?.sheets ?? []) {
      const rel = r.workbookRels?.find((x) => x.Id === s.rId);
      if (!rel) continue;
      const part = rel.Target.startsWith('/') ? rel.Target.slice(1) : `xl/${rel.Target.replace(/^\.\//, '')}`;
      const entry = byName.get(part);
      if (!entry) throw new BadZipError(`missing ${part}`);
      targets.push({ name: s.name, id: s.id, part, entry });
    }
    const sst = byName.get('xl/sharedStrings.xml');
    // The declared sizes first: a bomb is refused before anything is inflated.
    for (const t of targets)
      if (t.entry.uncompressedSize > XLSX_LIMITS.maxPartBytes) throw new XlsxRefusal('part', t.part, XLSX_LIMITS.maxPartBytes, t.entry.uncompressedSize);
    if (sst && sst.uncompressedSize > XLSX_LIMITS.maxSharedStringsBytes)
      throw new XlsxRefusal('part', 'xl/sharedStrings.xml', XLSX_LIMITS.maxSharedStringsBytes, sst.uncompressedSize);
    const declared = [sst, ...targets.map((t) => t.entry)].reduce((n, e) => n + (e?.uncompressedSize ?? 0), 0);
    if (declared > budget.left) throw new XlsxRefusal('total', '');

    if (sst) {
      await parseWhole(await open('xl/sharedStrings.xml', sst, 'sharedStrings'), async (s) => {
        for await (const _ of r._parseSharedStrings(s));
      });
    }

    const sheets: XlsxBook['sheets'] = targets.map((t) => ({
      name: t.name,
      open: async () => {
        const part = await open(t.part, t.entry, 'sheet');
        // exceljs's streaming reader has no public per-sheet API: its private parser, untyped.
        /* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return */
        const gen = r._parseWorksheet(verifiedAtEnd(part), String(t.id));
        const ws = gen.next().value?.value;
        if (!ws) throw new BadZipError(`cannot read ${t.part}`);
        ws.name = t.name;
        return ws;
        /* eslint-enable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return */
      },
    }));
    return { date1904: !!r.properties?.model?.date1904, sheets, close: () => zf.close() };
  } catch (e) {
    zf.close();
    throw e;
  }
}

/** A sheet's text, then — once the parser has had all of it — a check that the part was whole and its CRC matched. */
async function* verifiedAtEnd(part: PartReader): AsyncGenerator<string> {
  yield* part.text();
  checkRead(part);
}
