import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { createPdfSignatureScanner } from '../../main/domain/pdf-signature';
import { byteRangeCoversFile, decodeHexString, isCmsSignedData } from '../../main/domain/pdf-signature-verify';

const enc = (s: string) => Buffer.from(s, 'latin1');

function scan(...chunks: Uint8Array[]) {
  const s = createPdfSignatureScanner();
  for (const c of chunks) s.push(c);
  return s.result();
}

const CONTENTS = '<3082' + '0a1b2c3d'.repeat(64) + '0000>';
const SIG_DICT = `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 100 200 300] /Contents ${CONTENTS} /M (D:20231005170000+07'00') /Reason (Ky duyet \\(ban chinh\\) (nested\\))) >>`;

// A content stream whose data looks like PDF syntax and nearly says "endstream": the scanner must
// skip it whole, wherever a chunk boundary falls.
const STREAM_DATA = Buffer.concat([
  enc('BT /F1 12 Tf (Chu ky so: /Type /Sig /ByteRange [0 1 2 3] /Contents <30>) Tj ET\n<< /Type /Sig /ByteRange [0 1 2 3] /Contents <3082> >>\n'),
  Buffer.from([0x28, 0x3c, 0x3c, 0xff, 0x00, 0x25, 0x0d]),
  enc('endstrea endstreaX ( < [ %'),
]);

/** A small, real-shaped signed PDF: catalog, page, content stream, signature field and signature dictionary. */
function signedPdf(opts: { field?: boolean; sigDict?: string | null } = {}): Buffer {
  const sig = opts.sigDict === undefined ? SIG_DICT : opts.sigDict;
  const parts: Buffer[] = [
    enc('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'),
    enc('1 0 obj\n<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] /SigFlags 3 >> >>\nendobj\n'),
    enc('2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'),
    enc('3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Annots [5 0 R] >>\nendobj\n'),
    enc(`4 0 obj\n<< /Length ${STREAM_DATA.length} >>\nstream\n`),
    STREAM_DATA,
    enc('\nendstream\nendobj\n'),
  ];
  if (opts.field !== false)
    parts.push(enc('5 0 obj\n<< /FT /Sig /Type /Annot /Subtype /Widget /T (Chu ky 1) /V 6 0 R /Rect [0 0 0 0] /P 3 0 R /F 132 >>\nendobj\n'));
  if (sig !== null) parts.push(enc(`6 0 obj\n${sig}\nendobj\n`));
  parts.push(enc('xref\n0 7\n0000000000 65535 f \ntrailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n0\n%%EOF\n'));
  return Buffer.concat(parts);
}

describe('PDF signature scanner', () => {
  it('finds no signature in PDFs written by pdf-lib (with and without object streams)', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([300, 300]).drawText('Bao cao so 25/BC-UBND');
    doc.setTitle('Báo cáo CCHC quý I/2023');
    for (const useObjectStreams of [true, false]) {
      expect(scan(await doc.save({ useObjectStreams }))).toEqual({ signed: false, signatureCount: 0 });
    }
  });

  it('detects a signature dictionary, counting the field that points to it once', () => {
    expect(scan(signedPdf())).toEqual({ signed: true, signatureCount: 1 });
    expect(scan(signedPdf({ field: false }))).toEqual({ signed: true, signatureCount: 1 });
  });

  it('detects it wherever the file is split into two chunks', () => {
    const file = signedPdf({ field: false });
    const wrong: number[] = [];
    for (let k = 0; k <= file.length; k++) {
      const r = scan(file.subarray(0, k), file.subarray(k));
      if (!r.signed || r.signatureCount !== 1) wrong.push(k);
    }
    expect(wrong).toEqual([]);
  });

  it('detects it when fed one byte at a time, and in three uneven chunks', () => {
    const file = signedPdf({ field: false });
    const s = createPdfSignatureScanner();
    for (let i = 0; i < file.length; i++) s.push(file.subarray(i, i + 1));
    expect(s.result()).toEqual({ signed: true, signatureCount: 1 });
    for (let a = 1; a < file.length; a += 37) {
      for (let b = a; b < file.length; b += 53) expect(scan(file.subarray(0, a), file.subarray(a, b), file.subarray(b)).signatureCount).toBe(1);
    }
  });

  it('accepts compact spelling: /Type/Sig with no spaces and #-escaped names', () => {
    const compact = '<</Type/Sig/Filter/Adobe.PPKLite/ByteRange[0 100 200 300]/Contents<3082ab>>>';
    expect(scan(signedPdf({ field: false, sigDict: compact })).signed).toBe(true);
    expect(scan(signedPdf({ field: false, sigDict: '<< /Type /S#69g /ByteRange [0 1 2 3] /Contents <3082ab> >>' })).signed).toBe(true);
    // /Type is optional in a signature dictionary.
    expect(
      scan(signedPdf({ field: false, sigDict: '<< /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 1 2 3] /Contents <3082ab> >>' })).signed,
    ).toBe(true);
  });

  it('ignores signature-like text inside streams and strings', () => {
    expect(scan(signedPdf({ field: false, sigDict: null }))).toEqual({ signed: false, signatureCount: 0 });
    const inString = '<< /Type /Annot /Contents (<< /Type /Sig /ByteRange [0 1 2 3] /Contents <3082> >>) >>';
    expect(scan(signedPdf({ field: false, sigDict: inString })).signed).toBe(false);
  });

  it('does not count an unfilled placeholder, nor a field pointing to it', () => {
    const zeros = `<< /Type /Sig /Filter /Adobe.PPKLite /ByteRange [0 100 200 300] /Contents <${'0'.repeat(8192)}> >>`;
    const stars = `<< /Type /Sig /Filter /Adobe.PPKLite /ByteRange [0 /********** /********** /**********] /Contents <3082ab> >>`;
    for (const sigDict of [zeros, stars]) {
      expect(scan(signedPdf({ sigDict }))).toEqual({ signed: false, signatureCount: 0 });
    }
    expect(scan(signedPdf({ sigDict: '<< /Type /Sig /Filter /Adobe.PPKLite /Contents <3082ab> >>' })).signed).toBe(false);
  });

  it('does not count a document time-stamp as a signature', () => {
    const ts = '<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange [0 1 2 3] /Contents <3082ab> >>';
    expect(scan(signedPdf({ field: false, sigDict: ts })).signed).toBe(false);
  });

  it('counts a signature field whose value is an indirect reference even when the dictionary is not seen', () => {
    expect(scan(signedPdf({ sigDict: null }))).toEqual({ signed: true, signatureCount: 1 });
    // A field without /V is an empty signature box.
    const empty = signedPdf({ sigDict: null, field: false });
    const withEmptyField = Buffer.concat([empty, enc('5 0 obj\n<< /FT /Sig /T (Chu ky) /Rect [0 0 0 0] >>\nendobj\n')]);
    expect(scan(withEmptyField).signed).toBe(false);
  });

  it('counts two signatures of an incremental update, and a rewritten object once', () => {
    const second = enc(`7 0 obj\n<< /FT /Sig /T (Chu ky 2) /V 8 0 R >>\nendobj\n8 0 obj\n${SIG_DICT}\nendobj\n`);
    const rewritten = enc(`6 0 obj\n${SIG_DICT}\nendobj\n`);
    expect(scan(Buffer.concat([signedPdf(), second]))).toEqual({ signed: true, signatureCount: 2 });
    expect(scan(Buffer.concat([signedPdf(), rewritten]))).toEqual({ signed: true, signatureCount: 1 });
  });

  it('detects a signature dictionary written by pdf-lib without object streams', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([300, 300]);
    const ctx = doc.context;
    const sigRef = ctx.register(
      ctx.obj({
        Type: 'Sig',
        Filter: 'Adobe.PPKLite',
        SubFilter: 'adbe.pkcs7.detached',
        ByteRange: [0, 100, 200, 300],
        Contents: PDFHexString.of('3082' + 'ab'.repeat(2000)),
        M: PDFString.of("D:20231005170000+07'00'"),
      }),
    );
    const field = ctx.register(ctx.obj({ FT: 'Sig', Type: 'Annot', Subtype: 'Widget', T: PDFString.of('Chu ky'), V: sigRef, Rect: [0, 0, 0, 0], P: page.ref }));
    page.node.set(PDFName.of('Annots'), ctx.obj([field]));
    doc.catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [field], SigFlags: 3 }));
    const bytes = await doc.save({ useObjectStreams: false });
    expect(scan(bytes)).toEqual({ signed: true, signatureCount: 1 });
    for (let k = 1; k < bytes.length; k += 7) expect(scan(bytes.subarray(0, k), bytes.subarray(k)).signatureCount).toBe(1);
  });

  // How fast (it used to assert < 2 s here) is measured by bench/refusal.bench.ts.
  it('streams a large file, skipping stream data', () => {
    const file = signedPdf();
    const blob = Buffer.alloc(64 * 1024, 0x41);
    const s = createPdfSignatureScanner();
    s.push(enc('%PDF-1.7\n10 0 obj\n<< /Length 67108864 /Filter /DCTDecode >>\nstream\n'));
    for (let i = 0; i < 1024; i++) s.push(blob); // 64 MB of image data
    s.push(enc('\nendstream\nendobj\n'));
    s.push(file);
    expect(s.result()).toEqual({ signed: true, signatureCount: 1 });
  });

  it('finds nothing in files that are not PDFs', () => {
    expect(scan(Uint8Array.from({ length: 100_000 }, (_, i) => (i * 131 + 7) & 0xff)).signed).toBe(false);
    expect(scan(new Uint8Array(0)).signed).toBe(false);
  });
});

describe('signature candidates and their verification', () => {
  it('records /ByteRange and the file span of a hex /Contents, wherever the chunks split', () => {
    const file = signedPdf({ field: false });
    const start = file.lastIndexOf('/Contents <') + '/Contents '.length;
    const end = file.indexOf('>', start) + 1;
    const expected = [{ byteRange: [0, 100, 200, 300], contentsStart: start, contentsEnd: end }];
    const s = createPdfSignatureScanner();
    s.push(file);
    expect(s.candidates()).toEqual(expected);
    for (let k = 0; k <= file.length; k += 13) {
      const t = createPdfSignatureScanner();
      t.push(file.subarray(0, k));
      t.push(file.subarray(k));
      expect(t.candidates()).toEqual(expected);
    }
  });

  it('keeps no candidate for a /ByteRange that is not 4 integers, or a literal /Contents', () => {
    const six = '<< /Type /Sig /Filter /Adobe.PPKLite /ByteRange [0 10 20 30 40 50] /Contents <3082ab> >>';
    const real = '<< /Type /Sig /Filter /Adobe.PPKLite /ByteRange [0 10.5 20 30] /Contents <3082ab> >>';
    const literal = '<< /Type /Sig /Filter /Adobe.PPKLite /ByteRange [0 10 20 30] /Contents (0\\202) >>';
    for (const sigDict of [six, real, literal]) {
      const s = createPdfSignatureScanner();
      s.push(signedPdf({ field: false, sigDict }));
      expect(s.candidates()).toEqual([]);
    }
  });

  it('byteRangeCoversFile: 0 … "<" and ">" … end, nothing else', () => {
    const c = { byteRange: [0, 100, 200, 300], contentsStart: 100, contentsEnd: 200 };
    expect(byteRangeCoversFile(c, 500)).toBe(true);
    expect(byteRangeCoversFile(c, 501)).toBe(false); // bytes added after signing
    expect(byteRangeCoversFile({ ...c, byteRange: [1, 99, 200, 300] }, 500)).toBe(false);
    expect(byteRangeCoversFile({ ...c, contentsStart: 101 }, 500)).toBe(false);
    expect(byteRangeCoversFile({ ...c, byteRange: [0, 100, 200] }, 500)).toBe(false);
  });

  it('decodeHexString and isCmsSignedData refuse garbage, other ASN.1 and trailing bytes', () => {
    expect(decodeHexString(enc('<30 82\n0a>'))).toEqual(Buffer.from([0x30, 0x82, 0x0a]));
    expect(decodeHexString(enc('<3082zz>'))).toBeNull();
    expect(decodeHexString(enc('3082'))).toBeNull();
    expect(isCmsSignedData(Buffer.from('ab'.repeat(64), 'hex'))).toBe(false);
    expect(isCmsSignedData(Buffer.from('300b06092a864886f70d010701' + '00'.repeat(20), 'hex'))).toBe(false);
    expect(isCmsSignedData(new Uint8Array(0))).toBe(false);
  });
});
