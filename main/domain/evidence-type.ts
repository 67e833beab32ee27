// Whether an uploaded file may be evidence, by what it really is (file-sniff.ts reads that from its
// first bytes, never from its name): a Word document renamed ".pdf" is still a Word document, and
// doc 001 gives Word/Excel files no points. Only PDF and JPEG/PNG images are accepted as evidence
// ("chỉ sử dụng file pdf hoặc file ảnh"; "Không được sử dụng file nén (rar, zip…)"). Pure.
import { viEvidenceClaims, viEvidenceKinds, viEvidenceType } from '../../shared/i18n/vi/evidence-type';
import type { SniffedKind } from './file-sniff';

export { SNIFF_BYTES, sniffKind, type SniffedKind } from './file-sniff';

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
