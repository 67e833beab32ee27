// What an evidence upload really is, checked against the file on disk before it is stored: the
// first bytes give the claimed kind (domain/evidence-type.ts), then the structure must hold
// (domain/evidence-structure.ts): a PDF starts with "%PDF-" at offset 0, ends with startxref →
// xref table or stream, and has pages; a JPEG's segments lead to its frame header; a PNG's chunks
// are whole, with good CRCs, from IHDR to IEND. Memory stays bounded: the tail and a few KB of a
// PDF, up to 2 MB of a JPEG, a PNG streamed; pdf-lib counts pages only up to PDF_PARSE_MAX_BYTES,
// within PDF_SYNTAX_BUDGET, and not in encrypted files.
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { constants as zlibConstants, inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { imageSize } from 'image-size';
import { vi } from '../../shared/i18n/vi';
import { evidenceDecision, sniffKind } from '../domain/evidence-type';
import {
  JPEG_HEADER_BYTES,
  PDF_TAIL_BYTES,
  PDF_XREF_PROBE_BYTES,
  PngWalker,
  jpegStructure,
  pdfEncrypted,
  pdfHeaderMisplaced,
  pdfHeaderOk,
  pdfStartXref,
  pdfXrefKind,
  reasons,
  type StructureCheck,
} from '../domain/evidence-structure';

export type EvidenceCheck = { ok: true; mediaType: string; width?: number; height?: number } | { ok: false; message: string };

/**
 * Larger PDFs (only when an administrator raised the evidence limit) are checked for their
 * header, startxref and xref but not loaded whole to count their pages.
 */
export const PDF_PARSE_MAX_BYTES = 128 * 1024 * 1024;

/**
 * pdf-lib turns every token outside streams, and inside object streams (/ObjStm, which it
 * inflates), into objects: ≈ 35 bytes of heap per byte of syntax (measured: 8 MB of numbers →
 * 270 MB heap, 32 MB → 1.3 GB). A real document has well under 1 MB of syntax per 100 pages
 * (text, fonts and images are streams, which pdf-lib does not decode); a hostile one (a 50 MB
 * array of numbers, an object stream that inflates to GBs) would exhaust memory. Above this
 * budget the file is refused before pdf-lib sees it.
 */
export const PDF_SYNTAX_BUDGET = 8 * 1024 * 1024;

async function readAt(file: string, offset: number, length: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, offset);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const bad = (reason: string): StructureCheck => ({ ok: false, reason });

export async function checkPdf(file: string, size: number, head: Uint8Array): Promise<StructureCheck> {
  if (!pdfHeaderOk(head)) return bad(reasons.pdfHeader);
  const tailLen = Math.min(size, PDF_TAIL_BYTES);
  const tail = await readAt(file, size - tailLen, tailLen);
  const startXref = pdfStartXref(tail, size);
  if (startXref === null) return bad(reasons.pdfNoTrailer);
  const probe = await readAt(file, startXref, PDF_XREF_PROBE_BYTES);
  if (!pdfXrefKind(probe, tail)) return bad(reasons.pdfNoXref);
  if (size > PDF_PARSE_MAX_BYTES || pdfEncrypted(probe, tail)) return { ok: true };
  const bytes = await readFile(file);
  if (syntaxBytes(bytes, PDF_SYNTAX_BUDGET) > PDF_SYNTAX_BUDGET) return bad(reasons.pdfTooComplex);
  let pages: number;
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    pages = doc.getPageCount();
  } catch {
    return bad(reasons.pdfUnreadable);
  }
  return pages > 0 ? { ok: true } : bad(reasons.pdfNoPages);
}

const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');

/**
 * Bytes of PDF syntax pdf-lib would parse: the file outside stream data, plus the inflated size
 * of object streams. Stops counting once past `budget`.
 */
export function syntaxBytes(pdf: Buffer, budget: number): number {
  let total = 0;
  let pos = 0;
  while (total <= budget) {
    let start = pdf.indexOf(STREAM, pos);
    while (start >= 3 && pdf.toString('latin1', start - 3, start) === 'end') start = pdf.indexOf(STREAM, start + 6);
    if (start < 0) return total + (pdf.length - pos);
    const end = pdf.indexOf(ENDSTREAM, start + 6);
    if (end < 0) return total + (pdf.length - pos);
    total += start - pos;
    const dict = pdf.toString('latin1', Math.max(pos, start - 4096), start);
    if (/\/Type\s*\/ObjStm\b/.test(dict.slice(Math.max(0, dict.lastIndexOf('obj'))))) {
      let data = start + 6;
      if (pdf[data] === 0x0d) data++;
      if (pdf[data] === 0x0a) data++;
      try {
        total += inflateSync(pdf.subarray(data, end), { maxOutputLength: Math.max(1, budget - total + 1), finishFlush: zlibConstants.Z_SYNC_FLUSH }).length;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return budget + 1;
        // Not deflate (or encrypted): pdf-lib will not inflate it either.
      }
    }
    pos = end + ENDSTREAM.length;
  }
  return total;
}

/** The maintained parser (image-size) must read the same type and dimensions as the strict walk. */
function agrees(prefix: Uint8Array, type: 'jpg' | 'png', r: StructureCheck): StructureCheck {
  if (!r.ok) return r;
  try {
    const d = imageSize(prefix);
    if (d.type === type && d.width === r.width && d.height === r.height) return r;
  } catch {
    // fall through
  }
  return bad(reasons.parserDisagrees);
}

export async function checkJpeg(file: string, size: number): Promise<StructureCheck> {
  const prefix = await readAt(file, 0, Math.min(size, JPEG_HEADER_BYTES));
  return agrees(prefix, 'jpg', jpegStructure(prefix));
}

export async function checkPng(file: string): Promise<StructureCheck> {
  const walker = new PngWalker();
  let first: Buffer | null = null;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    first ??= chunk.subarray(0, 64);
    walker.push(chunk);
  }
  return agrees(first ?? Buffer.alloc(0), 'png', walker.result());
}

/**
 * Whether an upload may be stored as evidence, and as what. `head` is the upload's first bytes;
 * messages are Vietnamese and name the file.
 */
export async function checkEvidenceFile(file: string, size: number, head: Uint8Array, fileName: string): Promise<EvidenceCheck> {
  const kind = sniffKind(head);
  const decision = evidenceDecision(kind, fileName);
  // Binary junk before "%PDF-" (a mail or scanner header, or a polyglot): say what a PDF must be.
  if (kind === 'unknown' && pdfHeaderMisplaced(head)) return { ok: false, message: vi.evidence.notPdf(fileName, reasons.pdfHeader) };
  if (!decision.ok) return decision;
  const r = kind === 'pdf' ? await checkPdf(file, size, head) : kind === 'jpeg' ? await checkJpeg(file, size) : await checkPng(file);
  if (r.ok) return { ...decision, width: r.width, height: r.height };
  const message = kind === 'pdf' ? vi.evidence.notPdf(fileName, r.reason) : vi.evidence.notImage(fileName, kind === 'jpeg' ? 'JPEG' : 'PNG', r.reason);
  return { ok: false, message };
}
