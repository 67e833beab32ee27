// Decides what an imported file is by its bytes, not its name: people rename files, and a 50 MB
// video renamed .xlsx must be refused in milliseconds, not after the ZIP reader has chewed on it.
// Reads at most the first and last 64 KB; the magic numbers and ZIP names are domain/file-sniff.ts's.
import { open } from 'node:fs/promises';
import { isOle, isZip, looksLikeJson, zipCentralNames, zipContentKind, zipLocalNames } from '../domain/file-sniff';

export type Sniffed = 'xlsx' | 'xls' | 'docx' | 'ods' | 'zip' | 'json' | 'unknown';

const WINDOW = 64 * 1024;

/** `pptx` is a zip the importers have no words for: it is refused as a zip. */
const asImport = (k: ReturnType<typeof zipContentKind>): Sniffed | null => (k === 'pptx' ? 'zip' : k);

/**
 * The file's kind for the importers: an Excel workbook (.xlsx) or an old one (.xls, OLE2), a Word
 * document, an OpenDocument file, another zip, JSON text, or unknown.
 */
export async function sniffFile(filePath: string, size: number): Promise<Sniffed> {
  const fh = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(Math.min(WINDOW, size));
    await fh.read(head, 0, head.length, 0);
    if (isOle(head)) return 'xls';
    if (looksLikeJson(head)) return 'json';
    if (head.length < 30 || !isZip(head)) return 'unknown';
    // Excel writes [Content_Types].xml then xl/…; exceljs's streaming writer starts with
    // xl/theme/… — either way an xl/ name shows up in the first local headers.
    const early = asImport(zipContentKind(zipLocalNames(head), head));
    if (early) return early;
    // Otherwise ask the central directory at the end, which lists every entry.
    const tailLen = Math.min(WINDOW, size);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    return asImport(zipContentKind(zipCentralNames(tail), head)) ?? 'zip';
  } finally {
    await fh.close();
  }
}
