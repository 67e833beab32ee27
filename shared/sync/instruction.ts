// A province instruction (văn bản chỉ đạo) signed by the receiver: today the one that opens a
// supplementary window (đợt bổ sung) for an office. It travels as a small JSON file (USB, e-mail)
// and is imported offline; the app checks the signature against the receiver certificate it pinned
// at enrollment, so a commune cannot write its own. The signature covers the exact UTF-8 bytes of
// `payload` (a JSON text), so no canonical form has to be agreed on.
import { z } from 'zod';
import { officeKey } from './protocol';

export const INSTRUCTION_FORMAT = 'kiemchung-chi-dao/1';
/** An instruction file is a few KB; anything larger is not one. */
export const INSTRUCTION_MAX_BYTES = 256 * 1024;

export const supplementaryInstruction = z.object({
  kind: z.literal('supplementary-window'),
  /** Unique per instruction (e.g. CD-20261203-1A2B3C4D): an instruction opens at most one window. */
  id: z.string().regex(/^CD-\d{8}-[0-9A-F]{8,16}$/),
  office: officeKey,
  year: z.number().int().min(2000).max(2100),
  opensAt: z.number().int(),
  closesAt: z.number().int(),
  /** The criteria the window reopens (codes of the office's criteria set). */
  codes: z.array(z.string().min(1).max(40)).min(1).max(2000),
  /** The province's document, e.g. "Công văn số 215/SNV-CCHC ngày 02/12/2026". */
  reference: z.string().trim().min(8).max(300),
  note: z.string().trim().max(500).nullable(),
  issuedAt: z.number().int(),
  issuedBy: z.string().max(200),
});
export type SupplementaryInstruction = z.infer<typeof supplementaryInstruction>;

export const signedInstructionFile = z.object({
  format: z.literal(INSTRUCTION_FORMAT),
  payload: z.string().max(INSTRUCTION_MAX_BYTES),
  /** RSA-SHA256 (PKCS#1 v1.5) of payload's UTF-8 bytes with the receiver's key, base64. */
  signature: z.string().min(16).max(4096),
  /** SHA-256 of the receiver certificate that signed (informative: the app checks against its pin). */
  signerFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SignedInstructionFile = z.infer<typeof signedInstructionFile>;
