// PDF signatures (adbe.pkcs7.detached) on the PDFs the app itself makes (summary.pdf). @signpdf
// finds the byte range and embeds the signature; the placeholder is added with pdf-lib before the
// document is saved. The CMS itself comes from cms.ts, not from @signpdf/signer-p12: node-forge
// (inside it) re-encodes the issuer name of IssuerAndSerialNumber with UTF-8 applied twice, so for
// any certificate with Vietnamese names no validator finds the signer ("Unknown Validation
// Failure" in pdfsig, "signer certificate not found" in OpenSSL).
// Evidence PDFs are never re-signed: pdf-lib rewrites the whole file, which would break any
// signature already in it, so a PDF that has one is refused.
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf, Signer } from '@signpdf/signpdf';
import { ApiError } from '../../../shared/errors';
import { signDetachedBytes } from './cms';
import { assertCertificateUsable, certificateInfo, type SigningIdentity } from './keys';
import { messages } from './messages';
import { writeFileAtomic } from '../durable';

/** @signpdf's signer interface over our own detached CMS. */
class IdentitySigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }
  override async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    return signDetachedBytes(content, this.identity, signingTime ?? new Date());
  }
}

export interface PdfSignOptions {
  reason: string;
  location: string;
  /** Signer's name shown by PDF readers, e.g. "UBND xã Phú Thượng". */
  name: string;
  contactInfo?: string;
  /** Epoch ms; defaults to now. */
  signingTime?: number;
}

/** Room for the CMS blob: a 2048-bit signature with a 3-certificate chain is ≈ 5 KB. */
const SIGNATURE_BYTES = 16_384;

export async function signPdf(pdfBytes: Uint8Array, identity: SigningIdentity, opts: PdfSignOptions): Promise<Buffer> {
  const at = opts.signingTime ?? Date.now();
  assertCertificateUsable(certificateInfo(identity.certificatePem, at), at);
  if (Buffer.from(pdfBytes).includes('/ByteRange')) throw new ApiError('VALIDATION', messages.pdf.alreadySigned);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  } catch {
    throw new ApiError('VALIDATION', messages.pdf.notPdf);
  }
  const signingTime = new Date(at);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: opts.reason,
    location: opts.location,
    name: opts.name,
    contactInfo: opts.contactInfo ?? '',
    signingTime,
    signatureLength: SIGNATURE_BYTES,
  });
  // Object streams would hide the placeholder's dictionary from @signpdf's plain-text search.
  const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(withPlaceholder, new IdentitySigner(identity), signingTime);
}

/** File to file: reads the PDF, signs it, writes `outPath` via a temporary name. */
export async function addPlaceholderAndSign(pdfPath: string, outPath: string, identity: SigningIdentity, opts: PdfSignOptions): Promise<void> {
  const signed = await signPdf(await readFile(pdfPath), identity, opts);
  await writeFileAtomic(outPath, signed);
}
