// Small real files for demo data and tests: a Vietnamese PDF (pdf-lib + Be Vietnam Pro) and a PNG.
import { deflateSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { resourcesDir } from './resources';

/** A one-page A4 PDF with the given Vietnamese lines (as a scanned official document would read). */
export async function makeDemoPdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await readFile(path.join(resourcesDir(), 'fonts/BeVietnamPro_400Regular.ttf')), { subset: true });
  const page = doc.addPage([595.28, 841.89]);
  let y = 780;
  for (const line of lines) {
    page.drawText(line.normalize('NFC'), { x: 70, y, size: 12, font, color: rgb(0, 0, 0) });
    y -= 20;
  }
  doc.setTitle(lines[0] ?? 'Tài liệu');
  return Buffer.from(await doc.save());
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A real PNG (RGB, solid colour with a stripe), like a photo of a notice board. */
export function makeDemoPng(width = 64, height = 48, rgbColour: [number, number, number] = [200, 30, 30]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      const stripe = y > height / 3 && y < (2 * height) / 3;
      raw[o] = stripe ? 255 : rgbColour[0];
      raw[o + 1] = stripe ? 215 : rgbColour[1];
      raw[o + 2] = stripe ? 0 : rgbColour[2];
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
