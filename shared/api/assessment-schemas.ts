// zod schemas for the self-assessment feature (criteria sets, assessments, items, evidence).
import { z } from 'zod';
import { vi } from '../i18n/vi';

const m = vi.assessmentFields;
const id = z.number().int().positive();
const ms = z.number().int();
const longText = (max: number, label: string) => z.string().max(max, { error: vi.fields.tooLong(label, max) });

export const issue = z.object({ path: z.string(), message: z.string() });
export const criteriaIssue = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string().nullable(),
  source: z.string().nullable(),
  message: z.string(),
});
export type CriteriaIssueView = z.infer<typeof criteriaIssue>;

export const criteriaSetSummary = z.object({
  id,
  name: z.string(),
  decision: z.string().nullable(),
  province: z.string().nullable(),
  year: z.number().int().nullable(),
  totalMax: z.number(),
  warnings: z.array(criteriaIssue),
  nodeCount: z.number().int(),
  leafCount: z.number().int(),
  usedByYears: z.array(z.number().int()),
  createdAt: ms,
});
export type CriteriaSetSummary = z.infer<typeof criteriaSetSummary>;

export const criterionView = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: z.number().int(),
  title: z.string(),
  maxPoints: z.number().nullable(),
  guidance: z.string().nullable(),
  evidenceHints: z.string().nullable(),
  isLeaf: z.boolean(),
});
export type CriterionView = z.infer<typeof criterionView>;

export const itemStatus = z.enum(['todo', 'done', 'returned', 'approved']);
export type ItemStatusView = z.infer<typeof itemStatus>;

export const evidenceView = z.object({
  linkId: id,
  sha256: z.string(),
  fileName: z.string(),
  originalName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  pdfSigned: z.boolean().nullable(),
  docNumber: z.string().nullable(),
  docDate: z.string().nullable(),
  summary: z.string().nullable(),
});
export type EvidenceView = z.infer<typeof evidenceView>;

export const itemView = z.object({
  id,
  criterionCode: z.string(),
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  points: z.number().nullable(),
  notApplicable: z.boolean(),
  naReason: z.string().nullable(),
  explanation: z.string(),
  status: itemStatus,
  reviewComment: z.string().nullable(),
  updatedAt: ms,
  updatedByName: z.string().nullable(),
  /** Counts saves; an editor sends the version it loaded (itemUpdate.baseVersion) to detect conflicts. */
  version: z.number().int().nonnegative(),
  evidence: z.array(evidenceView),
});
export type ItemView = z.infer<typeof itemView>;

export const nodeTotal = z.object({
  maxPoints: z.number().nullable(),
  applicableMax: z.number(),
  points: z.number(),
  percent: z.number().nullable(),
  leaves: z.number().int(),
  scoredLeaves: z.number().int(),
});
export const totalsView = z.object({
  byCode: z.record(z.string(), nodeTotal),
  overall: z.object({ points: z.number(), applicableMax: z.number(), percent: z.number().nullable() }),
  band: z.string().nullable(),
});
export type TotalsView = z.infer<typeof totalsView>;

export const windowView = z.object({ opensAt: ms, closesAt: ms });
export const supplementaryView = windowView.extend({ id, codes: z.array(z.string()), note: z.string().nullable(), instructionRef: z.string().nullable() });

export const assessmentSummary = z.object({
  id,
  year: z.number().int(),
  setId: id,
  setName: z.string(),
  opensAt: ms,
  closesAt: ms,
  status: z.enum(['open', 'sent']),
  sentAt: ms.nullable(),
  progress: z.object({
    total: z.number().int(),
    todo: z.number().int(),
    done: z.number().int(),
    returned: z.number().int(),
    approved: z.number().int(),
    unassigned: z.number().int(),
  }),
});
export type AssessmentSummary = z.infer<typeof assessmentSummary>;

export const editState = z.object({ ok: z.boolean(), message: z.string().nullable() });

export const assessmentDetail = z.object({
  assessment: assessmentSummary.extend({
    setDecision: z.string().nullable(),
    supplementary: z.array(supplementaryView),
  }),
  now: ms,
  editable: editState,
  nodes: z.array(criterionView),
  items: z.array(itemView),
  totals: totalsView,
  people: z.array(z.object({ id, fullName: z.string(), position: z.string() })),
});
export type AssessmentDetail = z.infer<typeof assessmentDetail>;

export const itemChange = z.object({ item: itemView, totals: totalsView });

export const precheckEntry = z.object({
  severity: z.enum(['error', 'warning']),
  kind: z.enum([
    'unassigned',
    'not_done',
    'missing_points',
    'missing_explanation',
    'missing_evidence',
    'na_without_reason',
    'unsigned_pdf',
    'invalid_name',
    'duplicate_name',
    'not_approved',
    'weak_explanation',
    /** Last year the council deducted points here and no evidence has been added since (issue 10). */
    'last_year_deduction',
  ]),
  criterionCode: z.string().nullable(),
  itemId: z.number().int().nullable(),
  /** The problem alone; the criterion it belongs to is its group's heading. */
  message: z.string(),
});
export type PrecheckEntry = z.infer<typeof precheckEntry>;
const precheckCounts = { errors: z.number().int(), warnings: z.number().int() };
/** One criterion's problems, errors first. */
export const precheckCriterion = z.object({
  code: z.string(),
  title: z.string(),
  itemId: z.number().int(),
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  ...precheckCounts,
  entries: z.array(precheckEntry),
});
/** "Kiểm tra trước khi gửi" grouped by area (lĩnh vực) and criterion; criteria with errors first. */
export const precheckReport = z.object({
  ...precheckCounts,
  /** Criteria with at least one error. */
  criteriaWithErrors: z.number().int(),
  areas: z.array(z.object({ code: z.string(), title: z.string(), ...precheckCounts, criteria: z.array(precheckCriterion) })),
});
export type PrecheckReport = z.infer<typeof precheckReport>;
/** Issue path of each error refusing "Gửi báo cáo" / "Đóng gói và ký": `precheck.<criterion code>`. */
export const PRECHECK_PATH = 'precheck.';
/** Issue path saying the office has no signing key yet (listed first). */
export const SIGNING_KEY_PATH = 'signingKey';

export const uploadResult = z.object({
  uploadId: z.string(),
  name: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
export type UploadResult = z.infer<typeof uploadResult>;

export const fileRef = z.object({ fileId: z.string(), fileName: z.string(), mediaType: z.string() });
export type FileRef = z.infer<typeof fileRef>;

// Inputs
export const pointsInput = z.number({ error: m.pointsNumber }).finite({ error: m.pointsNumber });
export const itemUpdate = z.object({
  itemId: id,
  points: pointsInput.nullable().optional(),
  notApplicable: z.boolean().optional(),
  naReason: longText(2000, m.naReason).nullable().optional(),
  explanation: longText(20000, m.explanation).optional(),
  /** The item's version the edit is based on (office network mode); omitted: no conflict check. */
  baseVersion: z.number().int().nonnegative().optional(),
});
export const evidenceMeta = z.object({
  docNumber: longText(80, m.docNumber).trim().nullable(),
  docDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: m.docDate })
    .nullable(),
  summary: longText(500, m.summary).trim().nullable(),
});
export const createAssessment = z.object({
  year: z.number().int().min(2000, { error: m.year }).max(2100, { error: m.year }),
  setId: id,
  opensAt: ms,
  closesAt: ms,
});

/** A criteria set's name, given by the user (issue 12). */
export const renameCriteriaSet = z.object({
  setId: id,
  name: z.string().trim().min(1, { error: vi.daily.criteriaSet.nameRequired }).max(300, { error: vi.daily.criteriaSet.nameTooLong }),
});
