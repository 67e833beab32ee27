// Hostile evidence files (issue 11 §5): polyglots that start like, or contain the marker of, a PDF,
// JPEG or PNG are refused through the real router with a Vietnamese message naming the file, and
// nothing is stored; real files are accepted. "PDF đã ký số" needs a real signature.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import path from 'node:path';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import jpeg from 'jpeg-js';
import { openTestApp, cleanup, setUpOffice, LEADER, type TestApp } from '../helpers/services';
import { importSmallSet, uploadBytes, OPENS, CLOSES } from '../helpers/assessment';
import { newIdentity } from '../helpers/package';
import { makeDemoPdf, makeDemoPng } from '../../main/services/demo-files';
import { signPdf } from '../../main/services/package-format/pades';
import { PDF_SYNTAX_BUDGET } from '../../main/services/evidence-check';

let app: TestApp;
afterEach(() => {
  app.close();
  cleanup(app.dir);
});

async function scenario() {
  app = openTestApp();
  app.clock.set(OPENS + 86_400_000);
  const leader = await setUpOffice(app);
  const setId = await importSmallSet(app, leader);
  const a = await app.call('assessment.create', { year: 2023, setId, opensAt: OPENS, closesAt: CLOSES }, leader);
  const d = await app.call('assessment.get', { assessmentId: a.id }, leader);
  const item = (code: string) => d.items.find((i) => i.criterionCode === code)!.id;
  return { leader, item, assessmentId: a.id };
}

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const documents = () => (app.s.db.sqlite.prepare('SELECT COUNT(*) n FROM document').get() as { n: number }).n;
const links = () => (app.s.db.sqlite.prepare('SELECT COUNT(*) n FROM item_document').get() as { n: number }).n;
function blobs(): string[] {
  const root = path.join(app.dir, 'blobs');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}
const uploadsLeft = () => (existsSync(path.join(app.dir, 'tmp', 'uploads')) ? readdirSync(path.join(app.dir, 'tmp', 'uploads')) : []);

/** A tiny real baseline JPEG (jpeg-js encoder): 16 × 8, a red-to-blue gradient. */
function realJpeg(width = 16, height = 8): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([(i * 7) & 0xff, 40, 255 - ((i * 7) & 0xff), 255], i * 4);
  return Buffer.from(jpeg.encode({ data, width, height }, 80).data);
}

const HTML = '<!DOCTYPE html><html><head><title>Báo cáo</title></head><body><script>fetch("/api").then(r=>r.text())</script></body></html>\n';

let demoPdf: Buffer;
let signed: Buffer;
beforeAll(async () => {
  demoPdf = await makeDemoPdf(['Báo cáo số 25/BC-UBND', 'Công tác CCHC quý I/2023']);
  const identity = await newIdentity();
  signed = await signPdf(demoPdf, identity, { reason: 'Phê duyệt', location: 'Phú Thượng', name: 'UBND xã Phú Thượng' });
});

describe('hostile evidence files', () => {
  const hostile: [string, string, () => Buffer, RegExp][] = [
    [
      'HTML with %PDF- at offset 100',
      'bao-cao.pdf',
      () => Buffer.concat([latin1('<html><body>'.padEnd(100, ' ')), latin1('%PDF-1.7\n'), Buffer.from(HTML)]),
      /^Tệp "bao-cao\.pdf" thực chất là trang web \(HTML\), không phải PDF\. Theo hướng dẫn, chỉ sử dụng tệp PDF hoặc tệp ảnh \(JPEG, PNG\)/,
    ],
    [
      'SVG with %PDF- inside',
      'so-do.pdf',
      () => Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><!-- %PDF-1.4 --></svg>\n'),
      /^Tệp "so-do\.pdf" thực chất là ảnh vector SVG, không phải PDF\./,
    ],
    [
      'an "exe" (MZ header) then %PDF-',
      'quyet-dinh.pdf',
      () =>
        Buffer.concat([latin1('MZ'), Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]), Buffer.alloc(50), latin1('%PDF-1.7\n'), Buffer.alloc(300)]),
      /^Tệp "quyet-dinh\.pdf" thực chất là tệp chương trình, không phải PDF\. .*không được dùng tệp chương trình/,
    ],
    [
      'binary junk, then a real PDF at offset 300',
      'quet.pdf',
      () => Buffer.concat([Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37 + 129) & 0xff)), demoPdf]),
      /^Tệp "quet\.pdf" không phải tệp PDF hợp lệ: tệp PDF phải bắt đầu bằng "%PDF-" ngay ở đầu tệp\./,
    ],
    [
      'plain text with %PDF- in the first KB',
      'to-trinh.pdf',
      () => Buffer.from('Tờ trình số 12/TTr-UBND\n%PDF-1.7\nNội dung chỉ là chữ.\n'),
      /^Tệp "to-trinh\.pdf" thực chất là tệp văn bản thuần, không phải PDF\./,
    ],
    [
      'JPEG magic then HTML',
      'anh.jpg',
      () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from(HTML)]),
      /^Tệp "anh\.jpg" không phải ảnh JPEG hợp lệ: phần đầu ảnh JPEG bị hỏng hoặc có nội dung lạ\. Hãy mở ảnh để kiểm tra/,
    ],
    [
      'PNG signature then HTML',
      'anh.png',
      () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(HTML)]),
      /^Tệp "anh\.png" không phải ảnh PNG hợp lệ: khối đầu tiên không phải IHDR \(thông tin ảnh\)\./,
    ],
    [
      'a real PNG followed by HTML',
      'niem-yet.png',
      () => Buffer.concat([makeDemoPng(), Buffer.from(HTML)]),
      /^Tệp "niem-yet\.png" không phải ảnh PNG hợp lệ: có dữ liệu lạ sau phần kết thúc ảnh \(IEND\)\./,
    ],
    [
      'a PNG with a wrong IHDR CRC',
      'hong.png',
      () => {
        const b = makeDemoPng();
        b[29] = b[29]! ^ 0xff; // last byte of the IHDR CRC
        return b;
      },
      /^Tệp "hong\.png" không phải ảnh PNG hợp lệ: khối IHDR sai mã kiểm tra CRC/,
    ],
    [
      'a truncated PDF (no xref, no trailer)',
      'cat-cut.pdf',
      () => demoPdf.subarray(0, Math.floor(demoPdf.length / 2)),
      /^Tệp "cat-cut\.pdf" không phải tệp PDF hợp lệ: không tìm thấy bảng tham chiếu \(xref\) và phần kết thúc \(trailer, %%EOF\)/,
    ],
    [
      'a PDF whose startxref points nowhere',
      'lech.pdf',
      () => Buffer.from(demoPdf.toString('latin1').replace(/startxref\s+\d+/, 'startxref\n9'), 'latin1'),
      /^Tệp "lech\.pdf" không phải tệp PDF hợp lệ: vị trí bảng tham chiếu \(startxref\)/,
    ],
  ];

  it.each(hostile)('refuses %s, naming it, and stores nothing', async (_what, name, make, message) => {
    const { leader, item, assessmentId } = await scenario();
    const uploadId = await uploadBytes(app, leader, name, make());
    const err = await app.fail(
      'evidence.attach',
      { itemId: item('1.2'), uploadId, fileName: '1.2_so 25BC-UBND_BC', docNumber: null, docDate: null, summary: null },
      leader,
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toMatch(message);
    expect(err.issues?.[0]).toMatchObject({ path: 'file', message: err.message });
    expect(documents()).toBe(0);
    expect(links()).toBe(0);
    expect(blobs()).toEqual([]);
    expect(uploadsLeft()).toEqual([]); // the refused upload is discarded, not left to adopt later
    const item12 = (await app.call('assessment.get', { assessmentId }, leader)).items.find((i) => i.criterionCode === '1.2')!;
    expect(item12.evidence ?? []).toEqual([]);
  });

  it('refuses a PDF whose object stream inflates far beyond the syntax budget, before pdf-lib reads it', async () => {
    const { leader, item } = await scenario();
    const doc = await PDFDocument.load(demoPdf);
    const ctx = doc.context;
    const bomb = ctx.register(ctx.flateStream(Buffer.alloc(PDF_SYNTAX_BUDGET + 1024 * 1024, 0x20), { Type: 'ObjStm', N: 1, First: 4 }));
    doc.catalog.set(PDFName.of('Bom'), bomb);
    const file = Buffer.from(await doc.save({ useObjectStreams: false }));
    expect(file.length).toBeLessThan(1024 * 1024);
    const uploadId = await uploadBytes(app, leader, 'bom.pdf', file);
    const err = await app.fail(
      'evidence.attach',
      { itemId: item('1.2'), uploadId, fileName: '1.2_so 25BC-UBND_BC', docNumber: null, docDate: null, summary: null },
      leader,
    );
    expect(err.message).toMatch(/^Tệp "bom\.pdf" không phải tệp PDF hợp lệ: cấu trúc tài liệu lớn bất thường/);
    expect(documents()).toBe(0);
    expect(blobs()).toEqual([]);
  });

  it('accepts a real PDF, PNG and JPEG with the media type of their content', async () => {
    const { leader, item } = await scenario();
    const files: [string, Buffer, string, string][] = [
      ['bc.pdf', demoPdf, '1.1_so 25BC-UBND_BC', 'application/pdf'],
      ['anh.png', makeDemoPng(), '1.2_so 25BC-UBND_Anh niem yet', 'image/png'],
      ['anh-chup.jpg', realJpeg(), '2.1_so 25BC-UBND_Anh chup', 'image/jpeg'],
      ['bao-cao.jpg', demoPdf, '2.2.1_so 25BC-UBND_BC', 'application/pdf'], // named .jpg, a PDF inside: the content decides
    ];
    for (const [name, bytes, fileName, mediaType] of files) {
      const uploadId = await uploadBytes(app, leader, name, bytes);
      const code = fileName.split('_')[0]!;
      const r = await app.call('evidence.attach', { itemId: item(code), uploadId, fileName, docNumber: null, docDate: null, summary: null }, leader);
      expect(r.item.evidence[0]).toMatchObject({ mediaType });
    }
    expect(documents()).toBe(3); // the same PDF twice is stored once
    expect(blobs()).toHaveLength(3);
  });
});

describe('"PDF đã ký số" needs a real signature', () => {
  async function attached(name: string, bytes: Buffer) {
    const { leader, item } = await scenario();
    const uploadId = await uploadBytes(app, leader, name, bytes);
    const r = await app.call(
      'evidence.attach',
      { itemId: item('1.2'), uploadId, fileName: '1.2_so 25BC-UBND_BC', docNumber: null, docDate: null, summary: null },
      leader,
    );
    return r.item.evidence[0]!;
  }

  /** A valid PDF carrying a signature dictionary written by hand: /ByteRange and /Contents as given. */
  async function withSigDict(byteRange: number[], contentsHex: string): Promise<Buffer> {
    const doc = await PDFDocument.load(demoPdf);
    const ctx = doc.context;
    const page = doc.getPage(0);
    const sig = ctx.register(
      ctx.obj({ Type: 'Sig', Filter: 'Adobe.PPKLite', SubFilter: 'adbe.pkcs7.detached', ByteRange: byteRange, Contents: PDFHexString.of(contentsHex) }),
    );
    const field = ctx.register(ctx.obj({ FT: 'Sig', Type: 'Annot', Subtype: 'Widget', T: PDFString.of('Chu ky'), V: sig, Rect: [0, 0, 0, 0], P: page.ref }));
    page.node.set(PDFName.of('Annots'), ctx.obj([field]));
    doc.catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [field], SigFlags: 3 }));
    return Buffer.from(await doc.save({ useObjectStreams: false }));
  }

  /** The signed PDF's /Contents span, "<" to after ">". */
  function contentsSpan(pdf: Buffer): [number, number] {
    const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1'))!;
    return [Number(m[2]), Number(m[3])];
  }

  it('is set for a real PAdES signature made by signPdf', async () => {
    const [start, end] = contentsSpan(signed);
    expect(signed[start]).toBe(0x3c);
    expect(signed[end - 1]).toBe(0x3e);
    expect(await attached('da-ky.pdf', signed)).toMatchObject({ mediaType: 'application/pdf', pdfSigned: true });
    // Received in uneven chunks, as over HTTP: the offsets still line up.
    const chunks: Buffer[] = [];
    for (let at = 0, k = 0; at < signed.length; at += 997 + (k++ % 13)) chunks.push(signed.subarray(at, at + 997 + (k % 13)));
    const { token } = await app.call('auth.login', { username: LEADER.username, password: LEADER.password });
    const userId = (await app.call('auth.session', { touch: false }, token))!.user.id;
    expect((await app.s.uploads.receive(Readable.from(chunks), 'da-ky.pdf', userId)).pdfSigned).toBe(true);
  });

  it('is not set for an unsigned PDF, nor one that merely contains the text /Type/Sig', async () => {
    expect(await attached('chua-ky.pdf', demoPdf)).toMatchObject({ pdfSigned: false });
    const doc = await PDFDocument.load(demoPdf);
    doc.setTitle('<< /Type/Sig /ByteRange [0 1 2 3] /Contents <3082> >>');
    doc.setSubject('/Type /Sig');
    expect(await attached('chu-ky-gia.pdf', Buffer.from(await doc.save()))).toMatchObject({ pdfSigned: false });
  });

  it('is not set for a signature dictionary whose /ByteRange does not cover the file', async () => {
    const cms = signedContentsHex(signed);
    expect(await attached('khong-phu.pdf', await withSigDict([0, 100, 200, 300], cms))).toMatchObject({ pdfSigned: false });
  });

  it('is not set when bytes were added after signing, or the range was moved', async () => {
    const appended = Buffer.concat([signed, latin1('% ghi them sau khi ky\n')]);
    expect(await attached('them-sau-ky.pdf', appended)).toMatchObject({ mediaType: 'application/pdf', pdfSigned: false });
    app.close();
    cleanup(app.dir);
    // The same signature, with the range shifted by one byte into the hex string (same length of text).
    const [start, end] = contentsSpan(signed);
    const text = signed.toString('latin1');
    const moved = text.replace(/\/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/, (all, b: string) =>
      all.replace(` ${b} `, ` ${String(Number(b) + 1).padStart(b.length, '0')} `),
    );
    expect(moved).not.toBe(text);
    expect(start).toBeLessThan(end);
    expect(await attached('lech-vung.pdf', Buffer.from(moved, 'latin1'))).toMatchObject({ pdfSigned: false });
  });

  it('is not set when /Contents is garbage or other ASN.1, even with a covering range', async () => {
    const [start, end] = contentsSpan(signed);
    const garbage = Buffer.from(signed);
    garbage.fill('ab', start + 1, end - 1, 'latin1');
    expect(await attached('rac.pdf', garbage)).toMatchObject({ pdfSigned: false });
    app.close();
    cleanup(app.dir);
    // A well-formed DER SEQUENCE { OID data } that is not SignedData.
    const notSigned = Buffer.from(signed);
    const der = '300b06092a864886f70d010701';
    notSigned.fill('0', start + 1, end - 1, 'latin1');
    notSigned.write(der, start + 1, 'latin1');
    expect(await attached('khong-phai-cms.pdf', notSigned)).toMatchObject({ pdfSigned: false });
  });
});

function signedContentsHex(pdf: Buffer): string {
  const m = /\/Contents\s*<([0-9A-Fa-f]+)>/.exec(pdf.toString('latin1'))!;
  return m[1]!;
}
