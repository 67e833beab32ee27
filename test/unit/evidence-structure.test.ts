import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import jpeg from 'jpeg-js';
import {
  PngWalker,
  jpegStructure,
  pdfStartXref,
  pdfXrefKind,
  pdfHeaderOk,
  pdfHeaderMisplaced,
  pdfEncrypted,
  reasons,
} from '../../main/domain/evidence-structure';
import { syntaxBytes } from '../../main/services/evidence-check';
import { deflateSync } from 'node:zlib';
import { makeDemoPng } from '../../main/services/demo-files';

const enc = (s: string) => Buffer.from(s, 'latin1');

function walk(file: Uint8Array, ...cuts: number[]) {
  const w = new PngWalker();
  let at = 0;
  for (const c of [...cuts, file.length]) {
    w.push(file.subarray(at, c));
    at = c;
  }
  return w.result();
}

describe('PNG walk', () => {
  it('accepts a real PNG wherever the chunks split, with its dimensions', () => {
    const file = makeDemoPng(64, 48);
    for (let k = 0; k <= file.length; k += 7) expect(walk(file, k)).toEqual({ ok: true, width: 64, height: 48 });
    const w = new PngWalker();
    for (const b of file) w.push(Uint8Array.of(b));
    expect(w.result()).toEqual({ ok: true, width: 64, height: 48 });
  });

  it('refuses a bad CRC, a truncated file, trailing data, absurd sizes and bad IHDR fields', () => {
    const file = makeDemoPng(8, 8);
    const crc = Buffer.from(file);
    crc[45] = crc[45]! ^ 1; // inside IDAT's data
    expect(walk(crc)).toEqual({ ok: false, reason: reasons.pngCrc('IDAT') });
    expect(walk(file.subarray(0, file.length - 12))).toEqual({ ok: false, reason: reasons.pngTruncated });
    expect(walk(Buffer.concat([file, enc('<html>')]))).toEqual({ ok: false, reason: reasons.pngTrailing });
    expect(walk(file.subarray(0, 5))).toEqual({ ok: false, reason: reasons.pngSignature });
    expect(walk(makeDemoPng(70_000, 1)).ok).toBe(false);
  });
});

describe('JPEG header', () => {
  const real = (w: number, h: number) => Buffer.from(jpeg.encode({ data: Buffer.alloc(w * h * 4, 128), width: w, height: h }, 75).data);

  it('reads the frame header of a real JPEG', () => {
    expect(jpegStructure(real(20, 10))).toEqual({ ok: true, width: 20, height: 10 });
  });

  it('refuses text after the signature, a cut header and a frame of size 0', () => {
    expect(jpegStructure(enc('\xff\xd8\xff<html><body>x</body></html>'))).toEqual({ ok: false, reason: reasons.jpegBroken });
    expect(jpegStructure(enc('\xff\xd8<html>'))).toEqual({ ok: false, reason: reasons.jpegBroken });
    const file = real(20, 10);
    expect(jpegStructure(file.subarray(0, 30))).toEqual({ ok: false, reason: reasons.jpegNoSize });
    const sof = file.indexOf(Buffer.from([0xff, 0xc0]));
    const zero = Buffer.from(file);
    zero.writeUInt16BE(0, sof + 5); // height
    expect(jpegStructure(zero)).toEqual({ ok: false, reason: reasons.size(20, 0) });
  });
});

describe('PDF end of file', () => {
  it('finds startxref and the xref table or stream it points to', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    for (const useObjectStreams of [false, true]) {
      const file = Buffer.from(await doc.save({ useObjectStreams }));
      expect(pdfHeaderOk(file)).toBe(true);
      const tail = file.subarray(-4096);
      const at = pdfStartXref(tail, file.length);
      expect(at).not.toBeNull();
      expect(pdfXrefKind(file.subarray(at!, at! + 1024), tail)).toBe(useObjectStreams ? 'stream' : 'table');
    }
  });

  it('finds nothing in a truncated file, or with %%EOF far from the end', () => {
    expect(pdfStartXref(enc('%PDF-1.7\n1 0 obj\n<< >>\nendobj\n'), 30)).toBeNull();
    expect(pdfStartXref(enc(`startxref\n10\n%%EOF\n${' '.repeat(2000)}`), 5000)).toBeNull();
    expect(pdfStartXref(enc('startxref\n9999\n%%EOF\n'), 100)).toBeNull(); // points past the end
    expect(pdfHeaderOk(enc(' %PDF-1.7'))).toBe(false);
  });
});

describe('PDF syntax budget', () => {
  it('counts bytes outside streams and the inflated size of object streams, stopping past the budget', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('x'.repeat(5000));
    const plain = Buffer.from(await doc.save({ useObjectStreams: false }));
    const packed = Buffer.from(await doc.save({ useObjectStreams: true }));
    const syntax = syntaxBytes(plain, 1 << 20);
    expect(syntax).toBeGreaterThan(300);
    expect(syntax).toBeLessThan(plain.length); // the content stream is not syntax
    expect(syntaxBytes(packed, 1 << 20)).toBeGreaterThan(0);
    const bomb = deflateSync(Buffer.alloc(4 << 20, 0x20));
    const file = Buffer.concat([
      enc('%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n'),
      bomb,
      enc('\nendstream\nendobj\n'),
    ]);
    expect(syntaxBytes(file, 1 << 20)).toBeGreaterThan(1 << 20);
    expect(syntaxBytes(file, 8 << 20)).toBeGreaterThanOrEqual(4 << 20);
  });

  it('pdfEncrypted: /Encrypt in the trailer or the xref stream dictionary, not in the stream data', () => {
    expect(pdfEncrypted(enc(''), enc('trailer\n<< /Size 9 /Root 1 0 R /Encrypt 8 0 R /ID [<a><b>] >>\nstartxref\n9\n%%EOF'))).toBe(true);
    expect(pdfEncrypted(enc('7 0 obj << /Type /XRef /Size 9 /Encrypt 8 0 R /W [1 2 1] >>stream\n'), enc(''))).toBe(true);
    expect(pdfEncrypted(enc('7 0 obj << /Type /XRef /Size 9 >>stream\n/Encrypt 8 0 R'), enc('startxref\n9\n%%EOF'))).toBe(false);
  });

  it('pdfHeaderMisplaced: "%PDF-" after offset 0 within the first KB', () => {
    expect(pdfHeaderMisplaced(enc('junk%PDF-1.7'))).toBe(true);
    expect(pdfHeaderMisplaced(enc('%PDF-1.7'))).toBe(false);
    expect(pdfHeaderMisplaced(Buffer.concat([Buffer.alloc(1100, 0x41), enc('%PDF-1.7')]))).toBe(false);
  });
});
