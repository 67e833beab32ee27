// The appraisal council's results for one office, imported by the province's operator on the
// receiver and signed there with the receiver's key (the one each app pinned at enrollment). The
// app fetches them on its next contact (GET /v1/appraisals with its bearer token) and accepts only
// what verifies against its pin and names its own office. The signature covers the exact UTF-8
// bytes of `payload` (a JSON text), as instructions do (shared/sync/instruction.ts).
import { z } from 'zod';
import { officeKey } from './protocol';

export const APPRAISAL_FORMAT = 'kiemchung-tham-dinh/1';
export const APPRAISALS_PATH = '/v1/appraisals';
export const APPRAISAL_MAX_BYTES = 2 * 1024 * 1024;

export const appraisalPayload = z.object({
  kind: z.literal('appraisal-results'),
  /** e.g. TD-20261203-1A2B3C4D5E6F: a re-import on the receiver gets a new id and replaces the last. */
  id: z.string().regex(/^TD-\d{8}-[0-9A-F]{8,16}$/),
  office: officeKey,
  year: z.number().int().min(2000).max(2100),
  /** The council's file as the operator imported it. */
  sourceName: z.string().max(300),
  /** What its title rows said ("Đơn vị:", "Năm:", "Bộ tiêu chí:"), checked again by the app. */
  meta: z.object({ office: z.string().max(300).nullable(), year: z.number().int().nullable(), setName: z.string().max(300).nullable() }),
  /** The rows as read (the app checks them against its own criteria set, all or nothing). */
  rows: z
    .array(
      z.object({
        code: z.string().max(40).nullable(),
        points: z.union([z.number(), z.string().max(100)]).nullable(),
        reason: z.string().max(2000).nullable(),
        row: z.number().int(),
      }),
    )
    .max(5000),
  issuedAt: z.number().int(),
  issuedBy: z.string().max(200),
});
export type AppraisalPayload = z.infer<typeof appraisalPayload>;

export const signedAppraisalFile = z.object({
  format: z.literal(APPRAISAL_FORMAT),
  payload: z.string().max(APPRAISAL_MAX_BYTES),
  /** RSA-SHA256 (PKCS#1 v1.5) of payload's UTF-8 bytes with the receiver's key, base64. */
  signature: z.string().min(16).max(4096),
  signerFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SignedAppraisalFile = z.infer<typeof signedAppraisalFile>;

export const appraisalListResponse = z.object({ appraisals: z.array(signedAppraisalFile).max(50) });
