// Is a file that starts like a PDF, JPEG or PNG really one? Magic bytes are not enough: an HTML
// page with "%PDF-" near its top, or a JPEG/PNG signature followed by HTML, is a polyglot that a
// browser or another program may read as something else. These are the pure structural rules; the
// service (services/evidence-check.ts) reads the bytes from disk, bounded, and feeds them here.
import { crc32 } from 'node:zlib';
import { viEvidenceStructure } from '../../shared/i18n/vi/evidence-type';

export type StructureCheck = { ok: true; width?: number; height?: number } | { ok: false; reason: string };

const fail = (reason: string): StructureCheck => ({ ok: false, reason });

export const reasons = viEvidenceStructure;

/** Largest side and pixel count taken as a real photo or scan (a 600 dpi A0 scan is ≈ 20 000 × 28 000). */
export const MAX_IMAGE_SIDE = 65_535;
export const MAX_IMAGE_PIXELS = 1_000_000_000;
const saneSize = (w: number, h: number) => w >= 1 && h >= 1 && w <= MAX_IMAGE_SIDE && h <= MAX_IMAGE_SIDE && w * h <= MAX_IMAGE_PIXELS;

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');

// ---- PDF -------------------------------------------------------------------------------------

/** How much of the end of a PDF is read for startxref … %%EOF (readers look in the last 1024 bytes for %%EOF). */
export const PDF_TAIL_BYTES = 4096;
const EOF_WINDOW = 1024;
/** How much is read where startxref points. */
export const PDF_XREF_PROBE_BYTES = 4096;

export function pdfHeaderOk(head: Uint8Array): boolean {
  return /^%PDF-\d\.\d/.test(latin1(head.subarray(0, 8)));
}

/** "%PDF-" within the first 1024 bytes but not at offset 0: what readers accept and polyglots use. */
export function pdfHeaderMisplaced(head: Uint8Array): boolean {
  return latin1(head.subarray(0, 1024)).indexOf('%PDF-') > 0;
}

/**
 * The offset named by the last "startxref" of the file, if the file ends as a PDF does:
 * "startxref", an offset inside the file, then "%%EOF" within the last 1024 bytes. `tail` is
 * the last PDF_TAIL_BYTES (or fewer) of a file of `fileSize` bytes.
 */
export function pdfStartXref(tail: Uint8Array, fileSize: number): number | null {
  const text = latin1(tail);
  const eof = text.lastIndexOf('%%EOF');
  if (eof < 0 || text.length - eof > EOF_WINDOW) return null;
  const sx = text.lastIndexOf('startxref', eof);
  if (sx < 0) return null;
  const m = /^startxref[\s]+(\d{1,15})[\s]*$/.exec(text.slice(sx, eof));
  if (!m) return null;
  const offset = Number(m[1]);
  return offset > 0 && offset < fileSize ? offset : null;
}

/**
 * What sits where startxref points: a cross-reference table ("xref" … "trailer") or a
 * cross-reference stream ("12 0 obj << /Type /XRef …"). `probe` is PDF_XREF_PROBE_BYTES read
 * at that offset; `tail` the file's last bytes (the trailer of a long table is found there).
 */
export function pdfXrefKind(probe: Uint8Array, tail: Uint8Array): 'table' | 'stream' | null {
  const text = latin1(probe);
  if (/^\s*xref\s+\d+\s+\d+\s/.test(text)) {
    // An empty update section "xref 0 0" is legal; its trailer follows it or ends the file.
    return /trailer\s*<</.test(text) || /trailer\s*<</.test(latin1(tail)) ? 'table' : null;
  }
  const obj = /^\s*\d+\s+\d+\s+obj\s*<</.exec(text);
  if (obj && /\/Type\s*\/XRef\b/.test(text) && /\/Size\s+\d+/.test(text)) return 'stream';
  return null;
}

/**
 * Whether the trailer (classic, in the tail) or the xref stream dictionary (in the probe) names an
 * /Encrypt dictionary: such a file's object streams cannot be read without its password, so its
 * pages are not counted.
 */
export function pdfEncrypted(probe: Uint8Array, tail: Uint8Array): boolean {
  const encrypt = /\/Encrypt\s*(\d+\s+\d+\s+R|<<)/;
  return encrypt.test(latin1(tail)) || encrypt.test(latin1(probe).split('stream')[0] ?? '');
}

// ---- JPEG ------------------------------------------------------------------------------------

/** How much of a JPEG is read for its header: APPn segments (EXIF, ICC profile) come before the frame header. */
export const JPEG_HEADER_BYTES = 2 * 1024 * 1024;

const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/**
 * Walks the marker segments of a JPEG from SOI to its frame header (SOF), which holds the
 * dimensions. Every byte up to there must be a well-formed segment: HTML or other text after the
 * signature fails at once.
 */
export function jpegStructure(b: Uint8Array): StructureCheck {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return fail(reasons.jpegStart);
  let p = 2;
  for (;;) {
    if (p >= b.length) return fail(reasons.jpegNoSize);
    if (b[p] !== 0xff) return fail(reasons.jpegBroken);
    while (p < b.length && b[p] === 0xff) p++; // fill bytes
    if (p >= b.length) return fail(reasons.jpegNoSize);
    const marker = b[p++]!;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // TEM, RSTn: no length
    if (marker === 0xda) return fail(reasons.jpegNoSize); // scan data before any frame header
    if (marker < 0xc0 || marker === 0xd8 || marker === 0xd9) return fail(reasons.jpegBroken); // reserved byte, SOI or EOI here
    if (p + 2 > b.length) return fail(reasons.jpegNoSize);
    const len = (b[p]! << 8) | b[p + 1]!;
    if (len < 2) return fail(reasons.jpegBroken);
    if (p + len > b.length) return fail(reasons.jpegNoSize);
    if (isSof(marker)) {
      const precision = b[p + 2]!;
      const height = (b[p + 3]! << 8) | b[p + 4]!;
      const width = (b[p + 5]! << 8) | b[p + 6]!;
      const components = b[p + 7]!;
      if (len < 8 + 3 * components || components < 1 || components > 4 || precision < 2 || precision > 16) return fail(reasons.jpegBroken);
      if (!saneSize(width, height)) return fail(reasons.size(width, height));
      return { ok: true, width, height };
    }
    p += len;
  }
}

// ---- PNG -------------------------------------------------------------------------------------

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MAX_CHUNK = 0x7fffffff;
// Allowed bit depths per colour type (PNG spec, table 11.1).
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/**
 * Walks a whole PNG, chunk by chunk, as it is pushed: signature, IHDR first with valid fields,
 * every chunk's CRC, at least one IDAT, IEND last and nothing after it. Streaming; keeps only a
 * few bytes of state.
 */
export class PngWalker {
  private stage: 'sig' | 'head' | 'data' | 'crc' | 'done' = 'sig';
  private field = new Uint8Array(8);
  private have = 0;
  private need = 8;
  private remaining = 0;
  private type = '';
  private crc = 0;
  private chunks = 0;
  private sawData = false;
  private ihdr = new Uint8Array(13);
  private ihdrHave = 0;
  private width = 0;
  private height = 0;
  private error: string | null = null;

  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length && this.error === null) {
      if (this.stage === 'done') {
        this.error = reasons.pngTrailing;
        return;
      }
      if (this.stage === 'data') {
        const part = chunk.subarray(i, i + Math.min(this.remaining, chunk.length - i));
        this.crc = crc32(part, this.crc);
        if (this.type === 'IHDR') {
          this.ihdr.set(part.subarray(0, 13 - this.ihdrHave), this.ihdrHave);
          this.ihdrHave += part.length;
        }
        this.remaining -= part.length;
        i += part.length;
        if (this.remaining === 0) this.expect('crc', 4);
        continue;
      }
      const take = Math.min(this.need - this.have, chunk.length - i);
      this.field.set(chunk.subarray(i, i + take), this.have);
      this.have += take;
      i += take;
      if (this.have === this.need) this.fieldDone();
    }
  }

  result(): StructureCheck {
    if (this.error !== null) return fail(this.error);
    if (this.stage === 'sig') return fail(reasons.pngSignature);
    if (this.stage !== 'done') return fail(reasons.pngTruncated);
    return { ok: true, width: this.width, height: this.height };
  }

  private expect(stage: 'head' | 'crc', need: number): void {
    this.stage = stage;
    this.need = need;
    this.have = 0;
  }

  private fieldDone(): void {
    const f = this.field;
    if (this.stage === 'sig') {
      if (PNG_SIGNATURE.some((v, k) => f[k] !== v)) this.error = reasons.pngSignature;
      else this.expect('head', 8);
      return;
    }
    if (this.stage === 'head') {
      const len = ((f[0]! << 24) | (f[1]! << 16) | (f[2]! << 8) | f[3]!) >>> 0;
      const typeBytes = f.subarray(4, 8);
      this.type = latin1(typeBytes);
      if (len > MAX_CHUNK || !/^[A-Za-z]{4}$/.test(this.type)) this.error = reasons.pngChunk;
      else if (this.chunks === 0 && (this.type !== 'IHDR' || len !== 13)) this.error = reasons.pngFirstChunk;
      else if (this.chunks > 0 && this.type === 'IHDR') this.error = reasons.pngChunk;
      else if (this.type === 'IEND' && len !== 0) this.error = reasons.pngChunk;
      if (this.error !== null) return;
      this.crc = crc32(typeBytes);
      this.remaining = len;
      if (len > 0) this.stage = 'data';
      else this.expect('crc', 4);
      return;
    }
    // stage 'crc': the chunk is complete
    const stored = ((f[0]! << 24) | (f[1]! << 16) | (f[2]! << 8) | f[3]!) >>> 0;
    if (stored !== this.crc >>> 0) {
      this.error = reasons.pngCrc(this.type);
      return;
    }
    this.chunks++;
    if (this.type === 'IHDR') this.error = this.readHeader();
    else if (this.type === 'IDAT') this.sawData = true;
    else if (this.type === 'IEND') {
      if (!this.sawData) this.error = reasons.pngNoData;
      this.stage = 'done';
      return;
    }
    if (this.error === null) this.expect('head', 8);
  }

  private readHeader(): string | null {
    const h = this.ihdr;
    const u32 = (o: number) => ((h[o]! << 24) | (h[o + 1]! << 16) | (h[o + 2]! << 8) | h[o + 3]!) >>> 0;
    this.width = u32(0);
    this.height = u32(4);
    const [depth, colour, compression, filter, interlace] = [h[8]!, h[9]!, h[10]!, h[11]!, h[12]!];
    if (!DEPTHS[colour]?.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1) return reasons.pngHeader;
    if (!saneSize(this.width, this.height)) return reasons.size(this.width, this.height);
    return null;
  }
}
