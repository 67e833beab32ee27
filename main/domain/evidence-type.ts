// What an uploaded file really is, from its first bytes — never from its name: a Word document
// renamed ".pdf" is still a Word document, and doc 001 gives Word/Excel files no points. Only PDF
// and JPEG/PNG images are accepted as evidence ("chỉ sử dụng file pdf hoặc file ảnh"; "Không được
// sử dụng file nén (rar, zip…)"). Pure.
import { viEvidenceClaims, viEvidenceKinds, viEvidenceType } from '../../shared/i18n/vi/evidence-type';

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
const ZIP_EMPTY = ascii('PK\x05\x06');
const ZIP_SPANNED = ascii('PK\x07\x08');
const RAR = ascii('Rar!\x1a\x07');
const SEVEN_Z = Uint8Array.of(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c);
const OLE = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const CONTENT_TYPES = ascii('[Content_Types].xml');
const MZ = ascii('MZ'); // Windows programs (.exe, .dll)
const ELF = ascii('\x7fELF');
// HEIF brands of HEIC/HEVC still images (iPhone photos) and the generic HEIF image brands.
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

function startsWith(b: Uint8Array, sig: Uint8Array, at = 0): boolean {
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

/**
 * Entry names of a zip's first local file headers, as far as `head` reaches. Walking stops at an
 * entry whose size is only in a trailing data descriptor (flag bit 3), which streaming zip
 * writers use; the caller then falls back to searching the bytes.
 */
function zipEntryNames(b: Uint8Array): string[] {
  const names: string[] = [];
  let p = 0;
  while (startsWith(b, ZIP_LOCAL, p) && p + 30 <= b.length) {
    const u16 = (o: number) => b[p + o]! | (b[p + o + 1]! << 8);
    const u32 = (o: number) => (u16(o) | (u16(o + 2) << 16)) >>> 0;
    const flags = u16(6);
    const nameLen = u16(26);
    const extraLen = u16(28);
    if (p + 30 + nameLen > b.length) break;
    names.push(latin1(b, p + 30, p + 30 + nameLen));
    if (flags & 0x08) break;
    p += 30 + nameLen + extraLen + u32(18);
  }
  return names;
}

function officeKind(b: Uint8Array): 'docx' | 'xlsx' | 'pptx' | null {
  const names = zipEntryNames(b);
  const byName = (prefix: string) => names.some((n) => n.startsWith(prefix));
  if (byName('word/')) return 'docx';
  if (byName('xl/')) return 'xlsx';
  if (byName('ppt/')) return 'pptx';
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

export const EVIDENCE_MEDIA_TYPES: Record<'pdf' | 'jpeg' | 'png', string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

// What each refused kind is (words in shared/i18n/vi/evidence-type.ts), with the extensions it normally carries.
const KIND_EXTS: Record<Exclude<SniffedKind, 'pdf' | 'jpeg' | 'png' | 'unknown'>, readonly string[]> = {
  docx: ['docx', 'docm', 'dotx'],
  xlsx: ['xlsx', 'xlsm', 'xltx'],
  pptx: ['pptx', 'ppsx'],
  ole: ['doc', 'xls', 'ppt', 'dot', 'xlt'],
  zip: ['zip'],
  rar: ['rar'],
  '7z': ['7z'],
  gif: ['gif'],
  webp: ['webp'],
  tiff: ['tif', 'tiff'],
  heic: ['heic', 'heif'],
  exe: ['exe', 'dll', 'com', 'scr', 'msi'],
  html: ['htm', 'html', 'xhtml'],
  svg: ['svg'],
  text: ['txt', 'csv', 'xml', 'json'],
};

export const messages = viEvidenceType;

function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * Whether a file of this real kind may be evidence. A file whose content is fine is accepted even
 * when its extension disagrees (a PDF named .jpg): the stored media type comes from the content.
 */
export function evidenceDecision(kind: SniffedKind, fileName: string): { ok: true; mediaType: string } | { ok: false; message: string } {
  if (kind === 'pdf' || kind === 'jpeg' || kind === 'png') return { ok: true, mediaType: EVIDENCE_MEDIA_TYPES[kind] };
  if (kind === 'unknown') return { ok: false, message: messages.unknown(fileName) };
  const ext = extensionOf(fileName);
  const claimed = KIND_EXTS[kind].includes(ext) ? null : (viEvidenceClaims[ext] ?? null);
  const head = messages.isA(fileName, viEvidenceKinds[kind], claimed);
  const rule =
    kind === 'docx' || kind === 'xlsx' || kind === 'ole'
      ? messages.wordExcel
      : kind === 'pptx'
        ? messages.powerpoint
        : kind === 'zip' || kind === 'rar' || kind === '7z'
          ? messages.archive
          : kind === 'text' || kind === 'html'
            ? messages.text
            : kind === 'exe'
              ? messages.program
              : messages.otherImage;
  return { ok: false, message: `${head} ${rule}` };
}
