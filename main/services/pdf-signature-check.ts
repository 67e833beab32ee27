// "PDF đã ký số": a signature dictionary the scanner found is counted only when its /ByteRange
// covers the file on disk except exactly its /Contents, and /Contents is CMS SignedData (see
// domain/pdf-signature-verify.ts). Reads only the /Contents bytes of each candidate.
import { open } from 'node:fs/promises';
import type { SignatureCandidate } from '../domain/pdf-signature';
import { byteRangeCoversFile, decodeHexString, isCmsSignedData } from '../domain/pdf-signature-verify';

/** Whether at least one candidate is a real signature of the file at `file` (`size` bytes). */
export async function hasVerifiedSignature(file: string, size: number, candidates: readonly SignatureCandidate[]): Promise<boolean> {
  const covering = candidates.filter((c) => byteRangeCoversFile(c, size));
  if (!covering.length) return false;
  const fh = await open(file, 'r');
  try {
    for (const c of covering) {
      const raw = Buffer.alloc(c.contentsEnd - c.contentsStart);
      const { bytesRead } = await fh.read(raw, 0, raw.length, c.contentsStart);
      if (bytesRead !== raw.length) continue;
      const der = decodeHexString(raw);
      if (der && isCmsSignedData(der)) return true;
    }
    return false;
  } finally {
    await fh.close();
  }
}
