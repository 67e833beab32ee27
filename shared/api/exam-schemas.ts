// zod schemas for competency exams: rounds, rosters, teams, the proctor console, results.
import { z } from 'zod';

const id = z.number().int().positive();
export const form = z.enum(['01', '02', '03', '04', '05']);
export type FormNo = z.infer<typeof form>;
export const result = z.enum(['dat', 'khong_dat']);
export type ExamResult = z.infer<typeof result>;

export const roundSummary = z.object({
  id,
  name: z.string(),
  examDate: z.string().nullable(),
  venue: z.string().nullable(),
  district: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
  teams: z.number().int(),
  createdAt: z.number(),
});
export type RoundSummary = z.infer<typeof roundSummary>;

export const rosterEntry = z.object({
  id,
  form,
  stt: z.number().int().nullable(),
  fullName: z.string(),
  gender: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  positionId: z.string().nullable(),
  positionTitle: z.string().nullable(),
  commune: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  exclusion: z.string().nullable(),
  exclusionNote: z.string().nullable(),
  /** The 6-month rule: the position held before a recent move, its day, and the positions to choose between. */
  previousPositionId: z.string().nullable(),
  movedAt: z.string().nullable(),
  choices: z.array(z.string()),
});
export type RosterEntryView = z.infer<typeof rosterEntry>;

export const recordView = z.object({
  id,
  entryId: id,
  fullName: z.string(),
  positionTitle: z.string().nullable(),
  codes: z.array(z.string()),
  finishedAt: z.number().nullable(),
  result: result.nullable(),
  note: z.string().nullable(),
});
export type RecordView = z.infer<typeof recordView>;

export const stepView = z.object({
  id,
  step: z.number().int(),
  name: z.string(),
  startedAt: z.number().nullable(),
  deadlineAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  phase: z.enum(['pending', 'running', 'ended']),
  endedBy: z.enum(['proctor', 'time', 'incident']).nullable(),
  remainingMs: z.number().nullable(),
  failed: z.boolean(),
  performers: z.array(z.object({ entryId: id, fullName: z.string(), positionTitle: z.string().nullable(), subRole: z.string().nullable() })),
  records: z.array(recordView),
  incidents: z.array(z.object({ id, at: z.number(), kind: z.enum(['internet', 'other']), description: z.string() })),
  overrides: z.array(z.object({ at: z.number(), deltaMs: z.number(), reason: z.string() })),
});
export type StepView = z.infer<typeof stepView>;

export const teamView = z.object({
  id,
  commune: z.string(),
  steps: z.array(stepView),
  /** Appointment codes booked in step 1, handed on to steps 2–4. */
  codes: z.array(z.object({ code: z.string(), by: z.string() })),
  /** Steps the proctor must fill: the commune has two officers of the title and the notes do not decide. */
  choices: z.array(z.object({ step: z.number().int(), positionId: z.string(), candidates: z.array(z.object({ entryId: id, fullName: z.string() })) })),
});
export type TeamView = z.infer<typeof teamView>;

export const consoleView = z.object({
  round: roundSummary,
  now: z.number(),
  teams: z.array(teamView),
  clockEvents: z.array(z.object({ at: z.number(), deltaMs: z.number(), note: z.string() })),
});
export type ConsoleView = z.infer<typeof consoleView>;

export const personResult = z.object({
  entryId: id,
  fullName: z.string(),
  positionTitle: z.string().nullable(),
  commune: z.string(),
  steps: z.array(z.object({ step: z.number().int(), result: result.nullable(), codes: z.array(z.string()) })),
  passed: z.boolean().nullable(),
});
export const resultsView = z.object({
  round: roundSummary,
  people: z.array(personResult),
  communes: z.array(z.object({ commune: z.string(), people: z.number().int(), passed: z.number().int(), failed: z.number().int(), pending: z.number().int() })),
  totals: z.object({ people: z.number().int(), passed: z.number().int(), failed: z.number().int(), pending: z.number().int() }),
});
export type ResultsView = z.infer<typeof resultsView>;

/** The read-only room board: what the room sees, nothing more (no codes, no results per person). */
export const boardView = z.object({
  roundName: z.string(),
  now: z.number(),
  validUntil: z.number(),
  teams: z.array(
    z.object({
      commune: z.string(),
      step: z.number().int().nullable(),
      stepName: z.string().nullable(),
      phase: z.enum(['pending', 'running', 'ended']),
      endedBy: z.enum(['proctor', 'time', 'incident']).nullable(),
      deadlineAt: z.number().nullable(),
      remainingMs: z.number().nullable(),
      failed: z.boolean(),
      missing: z.number().int(),
      done: z.boolean(),
    }),
  ),
});
export type BoardView = z.infer<typeof boardView>;
export const boardLink = z.object({ token: z.string(), validUntil: z.number() });
