// API methods: criteria sets, the year's assessment, item entry and review, evidence. Merged into the one contract by ./contract.ts.
import { z } from 'zod';
import { method } from './define';
import { empty } from './common-io';
import * as a from './assessment-schemas';
import * as y from './sync-schemas';

export const assessmentMethods = {
  // Criteria sets (Bộ tiêu chí)
  'criteria.list': method(empty, z.array(a.criteriaSetSummary)),
  'criteria.get': method(z.object({ setId: z.number().int() }), z.object({ set: a.criteriaSetSummary, nodes: z.array(a.criterionView) })),
  /** Checks an uploaded file and imports it when it has no errors; warnings are returned. */
  'criteria.import': method(z.object({ uploadId: z.string() }), a.criteriaSetSummary),
  'criteria.importSample': method(empty, a.criteriaSetSummary),
  /** The user's name for a set (proposed from the file's title rows at import). */
  'criteria.rename': method(a.renameCriteriaSet, a.criteriaSetSummary),

  // A year's assessment
  'assessment.list': method(empty, z.array(a.assessmentSummary)),
  'assessment.create': method(a.createAssessment, a.assessmentSummary),
  'assessment.get': method(z.object({ assessmentId: z.number().int() }), a.assessmentDetail),
  'assessment.setWindow': method(z.object({ assessmentId: z.number().int(), opensAt: z.number().int(), closesAt: z.number().int() }), a.assessmentSummary),
  'assessment.addSupplementary': method(
    z.object({
      assessmentId: z.number().int(),
      opensAt: z.number().int(),
      closesAt: z.number().int(),
      codes: z.array(z.string()).min(1),
      note: z.string().max(500).nullable(),
      /** The province's instruction that allows it (number and date): required, audited, stamped into packages. */
      instructionRef: z.string().trim().max(300),
    }),
    a.assessmentDetail.shape.assessment,
  ),
  /** Opens a supplementary window from the province's signed instruction file (checked against the pinned receiver certificate). */
  'assessment.importInstruction': method(z.object({ assessmentId: z.number().int(), uploadId: z.string() }), a.assessmentDetail.shape.assessment),
  /** Assigns the leaves under each code (a subtree or single items) to a person, or unassigns (null). */
  'assessment.assign': method(
    z.object({ assessmentId: z.number().int(), codes: z.array(z.string()).min(1), assigneeId: z.number().int().nullable() }),
    z.object({ changed: z.number().int() }),
  ),
  'assessment.precheck': method(z.object({ assessmentId: z.number().int() }), a.precheckReport),
  /** Locks the report; with a receiver enrolled also builds (or reuses) the signed package and queues it (passphrase for a passphrase-sealed key). */
  'assessment.send': method(
    z.object({ assessmentId: z.number().int(), passphrase: z.string().max(200).optional() }),
    a.assessmentSummary.extend({ delivery: y.delivery.optional() }),
  ),
  'assessment.withdraw': method(z.object({ assessmentId: z.number().int() }), a.assessmentSummary),
  'assessment.exportSummary': method(z.object({ assessmentId: z.number().int(), format: z.enum(['xlsx', 'pdf']) }), a.fileRef),
  /** "Việc của tôi": the items assigned to the current user in open assessments. */
  'assessment.mine': method(
    empty,
    z.array(z.object({ assessment: a.assessmentSummary, items: z.array(a.itemView.extend({ title: z.string(), maxPoints: z.number().nullable() })) })),
  ),

  // Entry and review of one item
  'item.update': method(a.itemUpdate, a.itemChange),
  'item.markDone': method(z.object({ itemId: z.number().int() }), a.itemChange),
  'item.reopen': method(z.object({ itemId: z.number().int() }), a.itemChange),
  'item.approve': method(z.object({ itemId: z.number().int() }), a.itemChange),
  'item.return': method(
    z.object({ itemId: z.number().int(), comment: z.string().trim().min(1, { error: 'Cần ghi lý do trả lại để công chức biết cần sửa gì.' }).max(2000) }),
    a.itemChange,
  ),

  // Evidence (tài liệu kiểm chứng)
  'evidence.proposeName': method(
    z.object({ criterionCode: z.string(), docNumber: z.string().nullable(), summary: z.string() }),
    z.object({ fileName: z.string() }),
  ),
  'evidence.attach': method(a.evidenceMeta.extend({ itemId: z.number().int(), uploadId: z.string(), fileName: z.string() }), a.itemChange),
  'evidence.link': method(a.evidenceMeta.partial().extend({ itemId: z.number().int(), sha256: z.string(), fileName: z.string() }), a.itemChange),
  'evidence.update': method(a.evidenceMeta.extend({ linkId: z.number().int(), fileName: z.string() }), a.itemChange),
  'evidence.remove': method(z.object({ linkId: z.number().int() }), a.itemChange),
  'evidence.documents': method(
    z.object({ assessmentId: z.number().int() }),
    z.array(a.evidenceView.omit({ linkId: true, fileName: true }).extend({ usedBy: z.array(z.string()) })),
  ),
  'evidence.open': method(z.object({ linkId: z.number().int() }), a.fileRef),
} as const;
