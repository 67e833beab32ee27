import { describe, expect, it } from 'vitest';
import { crc32, deflateRawSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import ExcelJS from 'exceljs';
import { EVIDENCE_MEDIA_TYPES, SNIFF_BYTES, evidenceDecision, sniffKind } from '../../main/domain/evidence-type';

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** A real zip (deflated entries); `streamed` writes sizes in data descriptors as streaming writers do. */
function zip(entries: [string, string][], streamed = false): Buffer {
  const out: Buffer[] = [];
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(streamed ? 0x08 : 0, 6);
    h.writeUInt16LE(8, 8); // deflate
    h.writeUInt32LE(streamed ? 0 : crc32(data), 14);
    h.writeUInt32LE(streamed ? 0 : packed.length, 18);
    h.writeUInt32LE(streamed ? 0 : data.length, 22);
    h.writeUInt16LE(Buffer.byteLength(name), 26);
    out.push(h, Buffer.from(name), packed);
    if (streamed) {
      const d = Buffer.alloc(16);
      d.writeUInt32LE(0x08074b50, 0);
      d.writeUInt32LE(crc32(data), 4);
      d.writeUInt32LE(packed.length, 8);
      d.writeUInt32LE(data.length, 12);
      out.push(d);
    }
  }
  return Buffer.concat(out); // the central directory is past any sniffing head; left out
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
const docx = (streamed = false) =>
  zip(
    [
      ['[Content_Types].xml', CONTENT_TYPES],
      ['_rels/.rels', RELS],
      ['word/document.xml', '<w:document><w:body><w:p><w:r><w:t>Báo cáo số 25/BC-UBND</w:t></w:r></w:p></w:body></w:document>'],
    ],
    streamed,
  );

function png(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  return Buffer.concat([bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IEND', Buffer.alloc(0))]);
}
const jpeg = () => bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0], [0xff, 0xd9]);

async function pdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText('Bao cao so 25/BC-UBND');
  return Buffer.from(await doc.save());
}

const head = (b: Uint8Array) => b.subarray(0, SNIFF_BYTES);

describe('sniffKind', () => {
  it('recognises PDF, JPEG and PNG by content', async () => {
    expect(sniffKind(head(await pdf()))).toBe('pdf');
    expect(sniffKind(jpeg())).toBe('jpeg');
    expect(sniffKind(png())).toBe('png');
  });
  it('calls a file a PDF only when "%PDF-" is at offset 0 (readers accept it later: polyglots)', async () => {
    const file = await pdf();
    expect(sniffKind(head(bytes('0123456789', file)))).not.toBe('pdf');
    expect(sniffKind(head(bytes(Buffer.alloc(1000, 0x20), file)))).not.toBe('pdf');
    expect(sniffKind(head(bytes(Buffer.alloc(1100, 0x41), file)))).not.toBe('pdf');
    const html = `<!DOCTYPE html><html><body><script>alert(1)</script>${' '.repeat(40)}%PDF-1.7\n</body></html>`;
    expect(sniffKind(Buffer.from(html))).toBe('html');
    expect(sniffKind(Buffer.from(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><!-- %PDF-1.4 --></svg>`))).toBe('svg');
    expect(sniffKind(bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], '%PDF-1.7'))).toBe('exe');
    expect(sniffKind(Buffer.from('Ghi chú: %PDF-1.7 chỉ là chữ'))).toBe('text');
  });
  it('tells Word, Excel and PowerPoint from a plain zip by their entry names', async () => {
    expect(sniffKind(docx())).toBe('docx');
    expect(sniffKind(docx(true))).toBe('docx'); // sizes in data descriptors: found by searching
    expect(
      sniffKind(
        zip([
          ['[Content_Types].xml', CONTENT_TYPES],
          ['xl/workbook.xml', '<workbook/>'],
        ]),
      ),
    ).toBe('xlsx');
    expect(
      sniffKind(
        zip([
          ['[Content_Types].xml', CONTENT_TYPES],
          ['ppt/presentation.xml', '<p/>'],
        ]),
      ),
    ).toBe('pptx');
    expect(
      sniffKind(
        zip([
          ['bao-cao.pdf', '%PDF-1.7'],
          ['anh.jpg', 'x'],
        ]),
      ),
    ).toBe('zip');
    expect(sniffKind(bytes('PK\x05\x06', Buffer.alloc(18)))).toBe('zip'); // an empty archive
  });
  it('recognises a real workbook written by exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Tổng hợp').addRow(['Mã', 'Điểm']);
    expect(sniffKind(head(new Uint8Array(await wb.xlsx.writeBuffer())))).toBe('xlsx');
  });
  it('recognises archives, old Office files and other images', () => {
    expect(sniffKind(bytes('Rar!\x1a\x07\x00', Buffer.alloc(20)))).toBe('rar');
    expect(sniffKind(bytes('Rar!\x1a\x07\x01\x00', Buffer.alloc(20)))).toBe('rar');
    expect(sniffKind(bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4], Buffer.alloc(24)))).toBe('7z');
    expect(sniffKind(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], Buffer.alloc(504)))).toBe('ole');
    expect(sniffKind(bytes('GIF89a', [1, 0, 1, 0, 0, 0, 0]))).toBe('gif');
    expect(sniffKind(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('webp');
    expect(sniffKind(bytes('II*\0', [8, 0, 0, 0]))).toBe('tiff');
    expect(sniffKind(bytes('MM\0*', [0, 0, 0, 8]))).toBe('tiff');
    expect(sniffKind(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toBe('heic');
  });
  it('calls readable UTF-8 text "text" and anything else "unknown"', () => {
    expect(sniffKind(Buffer.from('<!DOCTYPE html><title>Lỗi 404</title>', 'utf8'))).toBe('html');
    expect(sniffKind(Buffer.from('Mã,Điểm\r\n1.1,2\r\n', 'utf8'))).toBe('text');
    // A multi-byte character cut by the end of the head is still text.
    expect(sniffKind(Buffer.from('Xin chào ố', 'utf8').subarray(0, -1))).toBe('text');
    expect(sniffKind(Uint8Array.from({ length: 256 }, (_, i) => (i * 37 + 11) & 0xff))).toBe('unknown');
    expect(sniffKind(new Uint8Array(0))).toBe('unknown');
  });
});

describe('evidenceDecision', () => {
  it('accepts PDF, JPEG and PNG with the media type of the content', () => {
    expect(evidenceDecision('pdf', 'a.pdf')).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(evidenceDecision('jpeg', 'a.jpg')).toEqual({ ok: true, mediaType: 'image/jpeg' });
    expect(evidenceDecision('png', 'a.png')).toEqual({ ok: true, mediaType: 'image/png' });
    expect(EVIDENCE_MEDIA_TYPES).toEqual({ pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png' });
  });
  it('accepts a PDF named .jpg: the content decides', async () => {
    expect(evidenceDecision(sniffKind(head(await pdf())), 'bao-cao.jpg')).toEqual({ ok: true, mediaType: 'application/pdf' });
  });
  it('refuses a Word document renamed .pdf, quoting the rule', () => {
    const d = evidenceDecision(sniffKind(docx()), '2.3_so 25BC-UBND_BC CCHC quy I.2023.pdf');
    expect(d).toEqual({
      ok: false,
      message:
        'Tệp "2.3_so 25BC-UBND_BC CCHC quy I.2023.pdf" thực chất là tài liệu Word (.docx), không phải PDF. Theo hướng dẫn, tài liệu Word hoặc Excel không có giá trị tính điểm; hãy xuất ra PDF (có chữ ký số) rồi đính kèm.',
    });
  });
  it('refuses Word and Excel files under their own names', () => {
    expect(evidenceDecision('docx', 'BC.docx')).toEqual({
      ok: false,
      message:
        'Tệp "BC.docx" là tài liệu Word (.docx). Theo hướng dẫn, tài liệu Word hoặc Excel không có giá trị tính điểm; hãy xuất ra PDF (có chữ ký số) rồi đính kèm.',
    });
    const x = evidenceDecision('xlsx', 'bieu.png');
    expect(!x.ok && x.message).toBe(
      'Tệp "bieu.png" thực chất là bảng tính Excel (.xlsx), không phải ảnh PNG. Theo hướng dẫn, tài liệu Word hoặc Excel không có giá trị tính điểm; hãy xuất ra PDF (có chữ ký số) rồi đính kèm.',
    );
    const o = evidenceDecision('ole', 'cu.doc');
    expect(!o.ok && o.message).toContain('định dạng cũ (.doc, .xls)');
    const p = evidenceDecision('pptx', 'trinh-chieu.pptx');
    expect(!p.ok && p.message).toContain('PowerPoint');
  });
  it('refuses archives (rar, zip, 7z)', () => {
    const rar = evidenceDecision(sniffKind(bytes('Rar!\x1a\x07\x01\x00', Buffer.alloc(20))), 'minh-chung.rar');
    expect(rar).toEqual({
      ok: false,
      message:
        'Tệp "minh-chung.rar" là tệp nén (.rar). Không được dùng tệp nén (rar, zip…) làm tài liệu kiểm chứng; hãy giải nén và đính kèm từng tệp PDF hoặc ảnh.',
    });
    const z = evidenceDecision('zip', 'x.pdf');
    expect(!z.ok && z.message).toMatch(/^Tệp "x.pdf" thực chất là tệp nén \(.zip\), không phải PDF. Không được dùng tệp nén \(rar, zip…\)/);
    expect(evidenceDecision('7z', 'a.7z').ok).toBe(false);
  });
  it('asks to convert other images to JPEG/PNG or PDF', () => {
    for (const [kind, name] of [
      ['heic', 'IMG_0001.HEIC'],
      ['gif', 'a.gif'],
      ['webp', 'a.webp'],
      ['tiff', 'scan.tif'],
    ] as const) {
      const d = evidenceDecision(kind, name);
      expect(d.ok).toBe(false);
      expect(!d.ok && d.message).toContain(`Tệp "${name}" là ảnh`);
      expect(!d.ok && d.message).toContain('hãy chuyển ảnh sang JPEG hoặc PNG (hoặc xuất ra PDF)');
    }
    const heicAsJpg = evidenceDecision('heic', 'IMG_0001.jpg');
    expect(!heicAsJpg.ok && heicAsJpg.message).toContain('thực chất là ảnh HEIC (ảnh chụp từ iPhone), không phải ảnh JPEG');
  });
  it('refuses HTML, SVG and programs, naming them', () => {
    const h = evidenceDecision('html', 'bao-cao.pdf');
    expect(!h.ok && h.message).toBe(
      'Tệp "bao-cao.pdf" thực chất là trang web (HTML), không phải PDF. Theo hướng dẫn, chỉ sử dụng tệp PDF hoặc tệp ảnh (JPEG, PNG); hãy đính kèm bản PDF (có chữ ký số) của văn bản.',
    );
    const s = evidenceDecision('svg', 'so-do.png');
    expect(!s.ok && s.message).toContain('thực chất là ảnh vector SVG, không phải ảnh PNG');
    const x = evidenceDecision('exe', 'quyet-dinh.pdf');
    expect(!x.ok && x.message).toBe(
      'Tệp "quyet-dinh.pdf" thực chất là tệp chương trình, không phải PDF. Theo hướng dẫn, chỉ sử dụng tệp PDF hoặc tệp ảnh (JPEG, PNG); không được dùng tệp chương trình làm tài liệu kiểm chứng.',
    );
  });
  it('refuses text and unrecognised files, naming them', () => {
    const t = evidenceDecision('text', 'trang-loi.pdf');
    expect(!t.ok && t.message).toBe(
      'Tệp "trang-loi.pdf" thực chất là tệp văn bản thuần, không phải PDF. Theo hướng dẫn, chỉ sử dụng tệp PDF hoặc tệp ảnh (JPEG, PNG); hãy đính kèm bản PDF (có chữ ký số) của văn bản.',
    );
    const u = evidenceDecision('unknown', 'hong.pdf');
    expect(!u.ok && u.message).toBe(
      'Không nhận ra định dạng của tệp "hong.pdf" (tệp có thể bị hỏng). Theo hướng dẫn, chỉ sử dụng tệp PDF hoặc tệp ảnh (JPEG, PNG); hãy đính kèm bản PDF (có chữ ký số) hoặc ảnh JPEG, PNG.',
    );
  });
});
