// API methods: competency exams: rosters, rounds, exam day, results. Merged into the one contract by ./contract.ts.
import { z } from 'zod';
import { vi } from '../i18n/vi';
import { method } from './define';
import { empty, ok } from './common-io';
import * as a from './assessment-schemas';
import * as x from './exam-schemas';

export const examMethods = {
  // Competency exams
  'exam.rounds': method(empty, z.array(x.roundSummary)),
  'exam.createRound': method(
    z.object({
      name: z.string().trim().min(1, { error: 'Cần nhập tên đợt kiểm tra.' }).max(200),
      examDate: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Ngày kiểm tra không hợp lệ.' })
        .nullable(),
      venue: z.string().max(300).nullable(),
      district: z.string().max(120).nullable(),
    }),
    x.roundSummary,
  ),
  'exam.round': method(z.object({ roundId: z.number().int() }), z.object({ round: x.roundSummary, entries: z.array(x.rosterEntry) })),
  /** Imports an uploaded roster XLSX (forms 01–05) into a round: all or nothing. */
  'exam.importRoster': method(
    z.object({ uploadId: z.string(), roundId: z.number().int() }),
    z.object({ round: x.roundSummary, imported: z.record(z.string(), z.number().int()), warnings: z.array(z.string()) }),
  ),
  'exam.exportRoster': method(z.object({ roundId: z.number().int(), form: x.form, format: z.enum(['xlsx', 'pdf']) }), a.fileRef),
  'exam.formTeams': method(
    z.object({ roundId: z.number().int() }),
    z.object({ teams: z.number().int(), performers: z.number().int(), kept: z.number().int() }),
  ),
  'exam.setPerformer': method(
    z.object({
      teamId: z.number().int(),
      step: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      entryId: z.number().int(),
      add: z.boolean(),
    }),
    ok,
  ),
  /** The 6-month rule: a recently moved officer chooses between the previous and the new position. */
  'exam.choosePosition': method(z.object({ entryId: z.number().int(), positionId: z.string().max(20) }), ok),
  /** Records the position held before a move (and the day of the move) for the 6-month rule. */
  'exam.setMove': method(
    z.object({
      entryId: z.number().int(),
      previousPositionId: z.enum(['CT_PCT', 'VP_TK', 'TC_KT', 'VH_XH', 'TP_HT', 'DC']).nullable(),
      movedAt: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: vi.examDay.badMovedAt })
        .nullable(),
    }),
    ok,
  ),
  /** A read-only room-board link for one round, valid for the exam day. */
  'exam.boardLink': method(z.object({ roundId: z.number().int() }), x.boardLink),
  /** The room board behind such a link: no login, the token is the only key. */
  'exam.board': method(z.object({ token: z.string().min(16).max(100) }), x.boardView),
  'exam.console': method(z.object({ roundId: z.number().int() }), x.consoleView),
  'exam.startStep': method(z.object({ teamId: z.number().int(), step: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }), ok),
  'exam.endStep': method(z.object({ stepId: z.number().int() }), ok),
  'exam.setCodes': method(z.object({ recordId: z.number().int(), codes: z.array(z.string().max(60)).max(20) }), ok),
  'exam.setResult': method(
    z.object({ recordId: z.number().int(), result: x.result.nullable(), finished: z.boolean(), note: z.string().max(500).nullable() }),
    ok,
  ),
  'exam.addIncident': method(
    z.object({ stepId: z.number().int(), kind: z.enum(['internet', 'other']), description: z.string().trim().min(1, { error: 'Cần mô tả sự cố.' }).max(1000) }),
    /** Who an Internet failure failed. */
    z.object({ failed: z.array(z.string()) }),
  ),
  /** The only way to change a running step's time: explicit, with a reason, audited. */
  'exam.override': method(
    z.object({
      stepId: z.number().int(),
      deltaMs: z
        .number()
        .int()
        .min(-15 * 60_000)
        .max(60 * 60_000),
      reason: z.string().trim().min(5, { error: 'Cần ghi rõ lý do điều chỉnh thời gian.' }).max(500),
    }),
    ok,
  ),
  'exam.results': method(z.object({ roundId: z.number().int() }), x.resultsView),
  'exam.exportResults': method(z.object({ roundId: z.number().int(), format: z.enum(['xlsx', 'pdf']) }), a.fileRef),
} as const;
