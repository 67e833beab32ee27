// API shapes of the sync with the province (sync.*): the enrolled connection, the outbox rows
// and the progress events of an upload. The wire contract with the receiver is shared/sync/protocol.ts.
import { z } from 'zod';
import { refusalReason, receiverStatuses } from '../sync/protocol';
import { packageKind } from '../package-schema';

export const outboxStates = ['waiting', 'sending', 'sent', 'quarantined', 'rejected', 'failed'] as const;
export type OutboxStateName = (typeof outboxStates)[number];

/** The enrolled receiver; the client token never leaves main. */
export const connectionView = z.object({
  url: z.string(),
  office: z.string(),
  receiverFingerprint: z.string(),
  signerFingerprint: z.string(),
  enrolledAt: z.number().int(),
  lastContactAt: z.number().int().nullable(),
  lastError: z.string().nullable(),
  /** Set when the code was issued for an office named differently from this installation's. */
  warning: z.string().nullable().default(null),
});
export type ConnectionView = z.infer<typeof connectionView>;

export const outboxView = z.object({
  id: z.number().int(),
  packageId: z.number().int().nullable(),
  /** The assessment, exam round, inspection or course the package was built from (null for a file queued by the CLI). */
  refId: z.number().int().nullable(),
  kind: packageKind.nullable(),
  sha256: z.string(),
  fileName: z.string(),
  size: z.number(),
  state: z.enum(outboxStates),
  bytesSent: z.number(),
  attempts: z.number().int(),
  nextTryAt: z.number().int(),
  lastError: z.string().nullable(),
  receiptId: z.string().nullable(),
  receivedAt: z.number().int().nullable(),
  remoteStatus: z.enum(receiverStatuses).nullable(),
  reasons: z.array(refusalReason),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type OutboxView = z.infer<typeof outboxView>;

export const syncStatus = z.object({ connection: connectionView.nullable(), outbox: z.array(outboxView) });
export type SyncStatus = z.infer<typeof syncStatus>;

/** Pushed while a package uploads (and when a row changes state), for the outbox panel. */
export const syncProgress = z.object({
  outboxId: z.number().int(),
  state: z.enum(outboxStates),
  bytesSent: z.number(),
  size: z.number(),
  /** Bytes per second over the last seconds of this attempt; null when not sending. */
  bytesPerSecond: z.number().nullable(),
});
export type SyncProgress = z.infer<typeof syncProgress>;

export const enrollInput = z.object({
  url: z.string().trim().min(8).max(500),
  code: z.string().trim().min(4).max(64),
});

/** What "Gửi báo cáo" did about delivery: queued for the receiver, or USB only. */
export const delivery = z.object({ mode: z.enum(['outbox', 'usb']), message: z.string(), outbox: outboxView.nullable() });
export type Delivery = z.infer<typeof delivery>;
