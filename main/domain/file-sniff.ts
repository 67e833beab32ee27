// What a file really is, from its bytes — never from its name: people rename files, and a Word
// document renamed ".pdf" or a video renamed ".xlsx" is still what it was. The one home of magic
// numbers and ZIP content sniffing, for evidence uploads (evidence-type.ts) and imports
// (services/file-sniff.ts reads the bytes). Pure.

export type SniffedKind =
  | 'pdf'
  | 'jpeg'
  | 'png'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'zip'
  | 'rar'
  | '7z'
  | 'ole'
  | 'gif'
  | 'webp'
  | 'tiff'
  | 'heic'
  | 'exe'
  | 'html'
  | 'svg'
  | 'text'
  | 'unknown';

/** How many leading bytes sniffKind looks at (callers read this much of the file). */
export const SNIFF_BYTES = 4096;

// PDF readers accept "%PDF-" anywhere in the first 1024 bytes, which is what makes HTML, SVG or a
// program with "%PDF-" near its top a polyglot: evidence must start with "%PDF-" at offset 0.

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const PDF = ascii('%PDF-');
const PNG = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const ZIP_LOCAL = ascii('PK\x03\x04');
const ZIP_CENTRAL = ascii('PK\x01\x02');
const ZIP_EMPTY = ascii('PK\x05\x06');
const ZIP_SPANNED = ascii('PK\x07\x08');
const RAR = ascii('Rar!\x1a\x07');
const SEVEN_Z = Uint8Array.of(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c);
/** Compound File (OLE2): Word 97–2003 .doc, Excel .xls, PowerPoint .ppt. */
const OLE = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const CONTENT_TYPES = ascii('[Content_Types].xml');
const OPENDOCUMENT = ascii('application/vnd.oasis.opendocument');
const MZ = ascii('MZ'); // Windows programs (.exe, .dll)
const ELF = ascii('\x7fELF');
// HEIF brands of HEIC/HEVC still images (iPhone photos) and the generic HEIF image brands.
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

export function startsWith(b: Uint8Array, sig: Uint8Array, at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function indexOf(b: Uint8Array, sig: Uint8Array, from = 0, until = b.length): number {
  const last = Math.min(until, b.length - sig.length);
  outer: for (let i = from; i <= last; i++) {
    for (let j = 0; j < sig.length; j++) if (b[i + j] !== sig[j]) continue outer;
    return i;
  }
  return -1;
}

const latin1 = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** A ZIP (not an empty or spanned one): starts with a local file header. */
export const isZip = (head: Uint8Array): boolean => startsWith(head, ZIP_LOCAL);
/** An OLE2 compound file: the pre-2007 Office formats (.doc, .xls, .ppt). */
export const isOle = (head: Uint8Array): boolean => startsWith(head, OLE);

/** Names at every `sig` header in `b`, the name at `nameAt`, its length at `lenAt`. */
function namesAtSignatures(b: Uint8Array, sig: Uint8Array, nameAt: number, lenAt: number): string[] {
  const names: string[] = [];
  for (let i = indexOf(b, sig); i >= 0 && i + nameAt <= b.length; i = indexOf(b, sig, i + 1)) {
    const len = u16(b, i + lenAt);
    if (len === 0 || len > 1024 || i + nameAt + len > b.length) continue;
    names.push(latin1(b, i + nameAt, i + nameAt + len));
  }
  return names;
}

/**
 * Entry names of a zip's first local file headers, as far as `head` reaches. The walk from entry
 * to entry stops at one whose size is only in a trailing data descriptor (flag bit 3), which
 * streaming zip writers use; the rest of `head` is then searched for local header signatures.
 */
export function zipLocalNames(b: Uint8Array): string[] {
  const names: string[] = [];
  let p = 0;
  while (startsWith(b, ZIP_LOCAL, p) && p + 30 <= b.length) {
    const nameLen = u16(b, p + 26);
    if (p + 30 + nameLen > b.length) return names;
    names.push(latin1(b, p + 30, p + 30 + nameLen));
    if (u16(b, p + 6) & 0x08) return [...names, ...namesAtSignatures(b.subarray(p + 30 + nameLen), ZIP_LOCAL, 30, 26)];
    p += 30 + nameLen + u16(b, p + 28) + u32(b, p + 18);
  }
  return names;
}

/** Entry names in the central directory records found in `tail` (a zip's last bytes list every entry). */
export const zipCentralNames = (tail: Uint8Array): string[] => namesAtSignatures(tail, ZIP_CENTRAL, 46, 28);

/**
 * What a zip holds, by its entry names: an Office Open XML document (word/, xl/, ppt/), an
 * OpenDocument file ("mimetype" stored first, its type right after it in `head`), or null.
 */
export function zipContentKind(names: readonly string[], head: Uint8Array): 'docx' | 'xlsx' | 'pptx' | 'ods' | null {
  const byName = (prefix: string) => names.some((n) => n.startsWith(prefix));
  if (byName('word/')) return 'docx';
  if (byName('xl/')) return 'xlsx';
  if (byName('ppt/')) return 'pptx';
  if (names.includes('mimetype') && indexOf(head, OPENDOCUMENT) >= 0) return 'ods';
  return null;
}

function officeKind(b: Uint8Array): 'docx' | 'xlsx' | 'pptx' | null {
  const names = zipLocalNames(b);
  const kind = zipContentKind(names, b);
  if (kind && kind !== 'ods') return kind;
  // Fallback for streamed zips: an OOXML package names [Content_Types].xml and its part folders
  // in the local headers near the start; a plain search is reliable enough with both present.
  if (names.includes('[Content_Types].xml') || indexOf(b, CONTENT_TYPES) >= 0) {
    const text = latin1(b, 0, b.length);
    if (/(^|[\x00-\x1f/])word\//.test(text)) return 'docx';
    if (/(^|[\x00-\x1f/])xl\//.test(text)) return 'xlsx';
    if (/(^|[\x00-\x1f/])ppt\//.test(text)) return 'pptx';
  }
  return null;
}

/** Plain text: decodes as UTF-8 (BOM allowed) with no control bytes other than tab/CR/LF/FF. */
function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  for (const byte of b) if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) return false;
  try {
    // A multi-byte character cut at the end of the head is not a reason to call it binary.
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, trimPartialUtf8(b)));
    return true;
  } catch {
    return false;
  }
}
function trimPartialUtf8(b: Uint8Array): number {
  const end = b.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const c = b[end - k]!;
    if ((c & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead byte
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? end - k : end;
  }
  return end;
}

/** Text that starts like JSON: "{" or "[" after an optional BOM and white space. */
export function looksLikeJson(head: Uint8Array): boolean {
  let i = startsWith(head, Uint8Array.of(0xef, 0xbb, 0xbf)) ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i] === 0x7b /* { */ || head[i] === 0x5b; /* [ */
}

/** The real type of a file from its first bytes (pass up to SNIFF_BYTES of them). */
export function sniffKind(head: Uint8Array): SniffedKind {
  const b = head.length > SNIFF_BYTES ? head.subarray(0, SNIFF_BYTES) : head;
  if (startsWith(b, PDF)) return 'pdf';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (startsWith(b, PNG)) return 'png';
  if (startsWith(b, ZIP_LOCAL)) return officeKind(b) ?? 'zip';
  if (startsWith(b, ZIP_EMPTY) || startsWith(b, ZIP_SPANNED)) return 'zip';
  if (startsWith(b, RAR)) return 'rar';
  if (startsWith(b, SEVEN_Z)) return '7z';
  if (startsWith(b, OLE)) return 'ole';
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return 'gif';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(b, ascii('II*\x00')) || startsWith(b, ascii('MM\x00*'))) return 'tiff';
  if (startsWith(b, ascii('ftyp'), 4) && HEIF_BRANDS.has(latin1(b, 8, 12))) return 'heic';
  if (startsWith(b, MZ) || startsWith(b, ELF)) return 'exe';
  if (looksLikeText(b)) return markupKind(b) ?? 'text';
  return 'unknown';
}

/** An HTML page or an SVG image among text files (what a browser would render or run). */
function markupKind(b: Uint8Array): 'html' | 'svg' | null {
  const text = latin1(b, 0, Math.min(b.length, 1024)).toLowerCase();
  if (/<svg[\s>]/.test(text)) return 'svg';
  if (/<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<script[\s>]|<iframe[\s>]/.test(text)) return 'html';
  return null;
}
