// Helpers for the package tests: real sample files (a Vietnamese PDF, a PNG, JSON), a fresh
// signing identity, outside tools, and zips rewritten entry by entry with yazl for tampering.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { createSelfSignedIdentity, type SigningIdentity } from '../../main/services/package-format';
import type { BagSpec } from '../../main/services/package-format';

const root = path.resolve(import.meta.dirname, '../..');

export const VI_TEXT = 'Báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2023 của Ủy ban nhân dân xã Phú Thượng';

export function newIdentity(now = Date.now(), validYears = 5, commonName = 'UBND xã Phú Thượng'): Promise<SigningIdentity> {
  return createSelfSignedIdentity({
    commonName,
    organization: 'Ủy ban nhân dân xã Phú Thượng',
    locality: 'huyện Phú Vang',
    province: 'Thừa Thiên Huế',
    validYears,
    now,
  });
}

/** A one-page PDF with Vietnamese text in an embedded font (Be Vietnam Pro), as the app makes them. */
export async function vietnamesePdf(lines: string[] = [VI_TEXT]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(path.join(root, 'resources/fonts/BeVietnamPro_400Regular.ttf')), { subset: true });
  const page = doc.addPage([595, 842]);
  lines.forEach((l, i) => page.drawText(l.normalize('NFC'), { x: 40, y: 780 - i * 20, size: 10, font }));
  return Buffer.from(await doc.save());
}

/** A small valid RGB PNG (a gradient), built by hand so no image library is needed. */
export function png(width = 32, height = 16): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push((x * 8) & 255, (y * 16) & 255, 128);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const bagInfo = (extra: Record<string, string> = {}): BagSpec['bagInfo'] => ({
  'Source-Organization': 'UBND xã Phú Thượng, huyện Phú Vang, tỉnh Thừa Thiên Huế',
  'External-Identifier': 'KC-2023-PHUTHUONG-CCHC-0001',
  'Kiemchung-Kind': 'cchc-self-assessment',
  'Kiemchung-Schema-Version': '1',
  ...extra,
});

/** Writes the sample evidence files into `dir` and returns a payload list for buildBag. */
export async function samplePayload(dir: string): Promise<BagSpec['payload']> {
  mkdirSync(dir, { recursive: true });
  const pdf = path.join(dir, 'bao-cao.pdf');
  writeFileSync(pdf, await vietnamesePdf());
  const image = path.join(dir, 'anh.png');
  writeFileSync(image, png());
  const json = { schemaVersion: 1, office: 'UBND xã Phú Thượng', note: 'Tự đánh giá, chấm điểm Chỉ số CCHC năm 2023', total: 73.25 };
  return [
    { path: 'package.json', source: { bytes: Buffer.from(JSON.stringify(json, null, 2) + '\n') } },
    { path: 'evidence/2.3/2.3_so 25BC-UBND_BC CCHC quy I.2023.pdf', source: { file: pdf } },
    { path: 'evidence/1.1/1.1_so 12KH-UBND_Anh hop giao ban.png', source: { file: image } },
    { path: 'summary.pdf', source: { file: pdf } },
  ];
}

export function run(cmd: string, args: string[], cwd?: string): { code: number; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

export const hasUnzip = () => existsSync('/usr/bin/unzip');

/** Extracts with `unzip` when present, else with yauzl (stored entries only). */
export async function extract(zipPath: string, dest: string): Promise<void> {
  mkdirSync(dest, { recursive: true });
  if (hasUnzip()) {
    execFileSync('/usr/bin/unzip', ['-q', '-o', zipPath, '-d', dest]);
    return;
  }
  for (const e of await readZip(zipPath)) {
    const target = path.join(dest, e.name);
    mkdirSync(path.dirname(target), { recursive: true });
    if (!e.name.endsWith('/')) writeFileSync(target, e.data);
  }
}

export interface ZipItem {
  name: string;
  data: Buffer;
  method: number;
}

/** Every entry of a (small, trusted test) zip, in order. */
export function readZip(zipPath: string): Promise<ZipItem[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true }, (err, zf) => {
      if (err || !zf) return reject(err ?? new Error('yauzl'));
      const out: ZipItem[] = [];
      zf.on('error', reject);
      zf.on('end', () => resolve(out));
      zf.on('entry', (e: yauzl.Entry) => {
        zf.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2 ?? new Error('yauzl'));
          const parts: Buffer[] = [];
          s.on('data', (c: Buffer) => parts.push(c));
          s.on('end', () => {
            out.push({ name: e.fileName, data: Buffer.concat(parts), method: e.compressionMethod });
            zf.readEntry();
          });
        });
      });
      zf.readEntry();
    });
  });
}

/** Writes entries as a new zip with yazl: stored unless `compress` is set on an item. */
export function writeZip(out: string, items: (ZipItem & { compress?: boolean })[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const it of items) z.addBuffer(it.data, it.name, { compress: it.compress ?? false });
    z.end();
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('error', reject);
    z.outputStream.on('end', () => {
      writeFileSync(out, Buffer.concat(chunks));
      resolve();
    });
  });
}

/** Central-directory facts of each entry, parsed by hand (independent of the code under test). */
export function centralDirectory(zipPath: string): { name: string; method: number; flags: number }[] {
  const buf = readFileSync(zipPath);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) {
    const loc = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07]));
    const rec = Number(buf.readBigUInt64LE(loc + 8));
    count = Number(buf.readBigUInt64LE(rec + 32));
    offset = Number(buf.readBigUInt64LE(rec + 48));
  }
  const out = [];
  for (let i = 0; i < count; i++) {
    const n = buf.readUInt16LE(offset + 28);
    const m = buf.readUInt16LE(offset + 30);
    const k = buf.readUInt16LE(offset + 32);
    out.push({ name: buf.toString('latin1', offset + 46, offset + 46 + n), method: buf.readUInt16LE(offset + 10), flags: buf.readUInt16LE(offset + 8) });
    offset += 46 + n + m + k;
  }
  return out;
}
