// zod schemas for the API's inputs and outputs. Messages are Vietnamese, from the catalogue.
import { z } from 'zod';
import { vi } from '../i18n/vi';
import { officeKinds, positions, roles } from '../office';

const f = vi.fields;
const text = (label: string, max: number) =>
  z
    .string({ error: f.required(label) })
    .trim()
    .min(1, { error: f.required(label) })
    .max(max, { error: f.tooLong(label, max) });

export const officeKind = z.enum(officeKinds, { error: f.officeKind });
export const role = z.enum(roles);
export const position = z.enum(positions, { error: f.positionUnknown });
export const password = z.string({ error: f.passwordMin }).min(8, { error: f.passwordMin }).max(200, { error: f.passwordMax });
export const username = z
  .string({ error: f.usernameFormat })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, { error: f.usernameFormat });
export const fullName = text(vi.user.fullName, 120);

export const officeInput = z.object({
  province: text(vi.setup.province, 120),
  district: text(vi.setup.district, 120),
  commune: text(vi.setup.commune, 120),
  kind: officeKind,
});
export const office = officeInput.extend({ createdAt: z.number() });
export type Office = z.infer<typeof office>;

export const userPublic = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  position: z.string(),
  roles: z.array(role),
  active: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type UserPublic = z.infer<typeof userPublic>;

export const userCreate = z.object({
  fullName,
  position,
  username,
  password,
  roles: z.array(role).min(1, { error: f.rolesRequired }),
});
export const userUpdate = z.object({
  id: z.number().int(),
  fullName: fullName.optional(),
  position: position.optional(),
  roles: z.array(role).min(1, { error: f.rolesRequired }).optional(),
  /** Set a new password (leader/admin resetting an officer's password). */
  password: password.optional(),
});

export const session = z.object({
  user: userPublic,
  lockAfterMinutes: z.number(),
  locked: z.boolean(),
});
export type Session = z.infer<typeof session>;

export const settings = z.object({
  lockAfterMinutes: z.number().int().min(1, { error: f.lockRange }).max(240, { error: f.lockRange }),
  /** The largest evidence file accepted, in MB. */
  maxEvidenceMB: z.number().int().min(1, { error: f.evidenceSizeRange }).max(1024, { error: f.evidenceSizeRange }),
  /** Rating bands by percentage of the applicable maximum; each province sets its own. */
  ratingBands: z
    .array(
      z.object({
        label: z.string().trim().min(1, { error: f.bandLabel }).max(40),
        minPercent: z.number().min(0, { error: f.bandRange }).max(100, { error: f.bandRange }),
      }),
    )
    .min(1, { error: f.bandsRequired })
    .max(10)
    .refine((b) => new Set(b.map((x) => x.minPercent)).size === b.length, { error: f.bandsDistinct }),
  /** Inspection report due date: days before the visit, calendar or working days (issue 15). */
  inspectionDue: z.object({
    days: z.number().int().min(0, { error: vi.inspection.settings.daysRange }).max(30, { error: vi.inspection.settings.daysRange }),
    kind: z.enum(['calendar', 'working']),
  }),
  /** Thresholds of document 004's targets (T1 "trên", T2 "từ … trở lên"), in %. */
  trainingTargets: z.object({
    advisingPercent: z.number().min(0, { error: vi.training.settings.percentRange }).max(100, { error: vi.training.settings.percentRange }),
    oneStopPercent: z.number().min(0, { error: vi.training.settings.percentRange }).max(100, { error: vi.training.settings.percentRange }),
  }),
});
export type Settings = z.infer<typeof settings>;

export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.number(),
  userId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** The office-network PC the change came from; null when made on the serving PC. */
  remoteAddr: z.string().nullable().optional(),
  /** What the row is about, in words ("Tiêu chí 1.2 — năm 2026"); null when it has no name. */
  subject: z.string().nullable().optional(),
  /** Names for ids among before/after values, keyed "teamId:3". */
  refs: z.record(z.string(), z.string()).optional(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const chainReport = z.object({
  rows: z.number().int(),
  ok: z.boolean(),
  firstBrokenSeq: z.number().int().nullable(),
  message: z.string(),
});
export type ChainReport = z.infer<typeof chainReport>;

/** Progress of a long job (import, package build, upload). Sent as events; cancellable by id. */
export const jobProgress = z.object({
  jobId: z.string(),
  label: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  state: z.enum(['running', 'finished', 'failed', 'cancelled']),
  message: z.string().nullable(),
});
export type JobProgress = z.infer<typeof jobProgress>;

export const clockStatus = z.object({
  wall: z.number(),
  trusted: z.number(),
  /** > 0: the trusted time is ahead of the PC clock by this much. */
  aheadMs: z.number(),
  lastJump: z.object({ at: z.number(), deltaMs: z.number(), note: z.string() }).nullable(),
  resets: z.array(
    z.object({ at: z.number(), fromMs: z.number(), toMs: z.number(), source: z.enum(['receiver', 'reason']), reason: z.string(), actorName: z.string() }),
  ),
  receiverConfigured: z.boolean(),
});
export type ClockStatusView = z.infer<typeof clockStatus>;
