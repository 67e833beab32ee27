// Decides what a file is by its bytes, not its name: people rename files, and a 50 MB video
// renamed .xlsx must be refused in milliseconds, not after the ZIP reader has chewed on it.
// Reads at most the first and last 64 KB.
import { open } from 'node:fs/promises';

export type Sniffed = 'xlsx' | 'xls' | 'docx' | 'ods' | 'zip' | 'unknown';

const WINDOW = 64 * 1024;
const LOCAL = 0x04034b50; // "PK\x03\x04"
const CENTRAL = 0x02014b50;

/** Entry names found at ZIP header signatures in `buf` (local headers name at +30, central at +46). */
function entryNames(buf: Buffer, sig: number, nameAt: number, lenAt: number): string[] {
  const names: string[] = [];
  const pk = Buffer.from([0x50, 0x4b]);
  for (let i = buf.indexOf(pk); i >= 0 && i + nameAt <= buf.length; i = buf.indexOf(pk, i + 1)) {
    if (buf.readUInt32LE(i) !== sig) continue;
    const len = buf.readUInt16LE(i + lenAt);
    if (len === 0 || len > 1024 || i + nameAt + len > buf.length) continue;
    names.push(buf.toString('utf8', i + nameAt, i + nameAt + len));
  }
  return names;
}

function classify(names: string[], head: Buffer): Sniffed | null {
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  // OpenDocument stores "mimetype" first, uncompressed, with the type right after it.
  if (names.includes('mimetype') && head.includes('application/vnd.oasis.opendocument')) return 'ods';
  return null;
}

export async function sniffFile(filePath: string, size: number): Promise<Sniffed> {
  const fh = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(Math.min(WINDOW, size));
    await fh.read(head, 0, head.length, 0);
    if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) return 'xls';
    if (head.length < 30 || head.readUInt32LE(0) !== LOCAL) return 'unknown';
    // Excel writes [Content_Types].xml then xl/…; exceljs's streaming writer starts with
    // xl/theme/… — either way an xl/ name shows up in the first local headers.
    const early = classify(entryNames(head, LOCAL, 30, 26), head);
    if (early) return early;
    // Otherwise ask the central directory at the end, which lists every entry.
    const tailLen = Math.min(WINDOW, size);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    return classify(entryNames(tail, CENTRAL, 46, 28), head) ?? 'zip';
  } finally {
    await fh.close();
  }
}
