// The wire contract between the commune app (outbox) and the province's receiver (DESIGN §7):
// tus 1.0 uploads under /v1/uploads/ plus a small JSON API. Declared once here and validated with
// zod on both sides, so the app never trusts what the receiver says without parsing it and the
// receiver never trusts a request body.
import { z } from 'zod';

export const SYNC_PROTOCOL_VERSION = 1;
export const API_PREFIX = '/v1';
export const UPLOADS_PATH = '/v1/uploads/';

/** Lowercase hex SHA-256. */
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** "<tỉnh>/<huyện>/<xã>", the key the province files an office under (e.g. "Thừa Thiên Huế/Phú Vang/Phú Thượng"). */
export const officeKey = z
  .string()
  .min(5)
  .max(300)
  .refine((s) => s.split('/').length === 3 && s.split('/').every((p) => p.trim() === p && p.length > 0), 'officeKey');
export type OfficeKey = z.infer<typeof officeKey>;

/** Builds the office key from the office's fields (the same on both sides). */
export const officeKeyOf = (o: { province: string; district: string; commune: string }) =>
  [o.province, o.district, o.commune].map((s) => s.normalize('NFC').trim()).join('/');

/** GET /v1/health: also a sample of time from outside the commune's PC (epoch ms). */
export const healthResponse = z.object({ ok: z.literal(true), time: z.number().int(), version: z.number().int(), receiver: z.string() });
export type HealthResponse = z.infer<typeof healthResponse>;

/** POST /v1/enroll: the app presents its certificate with the one-time code the province gave. */
export const enrollRequest = z.object({
  code: z.string().min(4).max(64),
  certificatePem: z
    .string()
    .min(100)
    .max(64 * 1024),
});
export const enrollResponse = z.object({
  office: officeKey,
  /** Secret the app sends as `Authorization: Bearer …` on uploads and status queries (stored hashed by the receiver). */
  clientToken: z.string().min(32).max(128),
  /** The receiver's own certificate: the app pins its SHA-256 and checks receipts with it. */
  receiverCertificatePem: z.string(),
  enrolledAt: z.number().int(),
});
export type EnrollResponse = z.infer<typeof enrollResponse>;

/** The state of a package at the province. */
export const receiverStatuses = ['accepted', 'quarantined', 'rejected'] as const;
export type ReceiverStatus = (typeof receiverStatuses)[number];

/** What the receiver signs. Field order is fixed by `receiptBytes`, never by JSON.stringify of an arbitrary object. */
export const receipt = z.object({
  receiptId: z.string().min(6).max(64),
  sha256: sha256Hex,
  office: officeKey,
  /** Epoch ms when the receiver first finalised this package (a second finalize returns the same). */
  receivedAt: z.number().int(),
  status: z.enum(receiverStatuses),
  /** The receiver's audit-chain head when the receipt was made: anchors its log outside its database. */
  auditHead: z.object({ seq: z.number().int(), hash: sha256Hex }),
});
export type Receipt = z.infer<typeof receipt>;

/** The exact bytes signed (and verified): keys in this order, UTF-8. */
export const receiptBytes = (r: Receipt): Uint8Array =>
  new TextEncoder().encode(
    JSON.stringify({
      receiptId: r.receiptId,
      sha256: r.sha256,
      office: r.office,
      receivedAt: r.receivedAt,
      status: r.status,
      auditHead: { seq: r.auditHead.seq, hash: r.auditHead.hash },
    }),
  );

/** A receipt with the receiver's RSA-SHA256 (PKCS#1 v1.5) signature over receiptBytes, base64. */
export const signedReceipt = z.object({ receipt, signature: z.string().min(16).max(4096) });
export type SignedReceipt = z.infer<typeof signedReceipt>;

/** One reason a package was refused, as `package verify` reports it. */
export const refusalReason = z.object({ check: z.string(), file: z.string().nullable(), message: z.string() });

/**
 * POST /v1/packages/<sha256>/finalize (after the tus upload completed), and
 * GET /v1/packages/<sha256>/status (the app asks later whether a quarantined package was decided).
 * 200 for accepted/quarantined (with a signed receipt), 422 for rejected (reasons).
 */
export const packageStatusResponse = z.object({
  sha256: sha256Hex,
  status: z.enum(receiverStatuses),
  receipt: signedReceipt.nullable(),
  /** Why it was quarantined or rejected (verification problems, or the operator's reason), Vietnamese. */
  reasons: z.array(refusalReason),
});
export type PackageStatusResponse = z.infer<typeof packageStatusResponse>;

/** Every non-2xx JSON answer of the receiver: the same shape as the app's own errors. */
export const receiverError = z.object({ code: z.string(), message: z.string() });

/** tus Upload-Metadata keys the receiver requires. */
export const UPLOAD_METADATA = { sha256: 'sha256', filename: 'filename' } as const;

// ---- Operator side (province staff, `Authorization: Bearer <operator token>`) ----

/** One package as the operator sees it: GET /v1/packages[?status=…], `kiemchung receiver list --json`. */
export const operatorPackage = z.object({
  sha256: sha256Hex,
  /** The office the package names (its data/package.json), or the sender's office when unreadable. */
  office: z.string(),
  /** The office whose enrolled app sent it. */
  senderOffice: z.string(),
  status: z.enum(receiverStatuses),
  receivedAt: z.number().int(),
  size: z.number().int(),
  filename: z.string(),
  kind: z.string().nullable(),
  year: z.number().int().nullable(),
  signerFingerprint: z.string().nullable(),
  signerHolder: z.string().nullable(),
  receiptId: z.string().nullable(),
  reasons: z.array(refusalReason),
  decidedBy: z.string().nullable(),
  decidedAt: z.number().int().nullable(),
  decisionReason: z.string().nullable(),
});
export type OperatorPackage = z.infer<typeof operatorPackage>;
export const packageListResponse = z.object({ packages: z.array(operatorPackage) });

/** POST /v1/packages/<sha256>/decision: accept or reject a quarantined package, with a reason. Answers packageStatusResponse. */
export const decisionRequest = z.object({ accept: z.boolean(), reason: z.string().trim().min(1).max(2000) });

/** GET /v1/offices: every enrolled office and its status for the year (none = chưa gửi). */
export const officeOverviewResponse = z.object({
  year: z.number().int(),
  offices: z.array(
    z.object({
      office: z.string(),
      enrolledAt: z.number().int().nullable(),
      /** The year's self-assessment report (none = chưa gửi) and its package. */
      status: z.enum(['none', ...receiverStatuses]),
      latest: operatorPackage.nullable(),
      /** The other kinds received this year (exam results, inspection report, training results), the best of each. */
      others: z.array(operatorPackage),
    }),
  ),
});
export type OfficeOverviewResponse = z.infer<typeof officeOverviewResponse>;
