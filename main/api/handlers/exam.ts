// Handlers for competency exams: rounds, rosters, teams, the proctor console, results.
import type { Router } from '../router';
import { listRounds, createRound, requireRound, roundSummary, listEntries, entryView } from '../../services/exam/rounds';
import { formTeams, setPerformer, choosePosition } from '../../services/exam/teams';
import { consoleView, startStep, endStep, setCodes, setResult, addIncident, overrideDeadline } from '../../services/exam/console';
import { roundResults } from '../../services/exam/results';
// The XLSX/PDF readers and writers are loaded on first use so start-up stays fast.
const rosterIo = () => import('../../services/exam/roster-io');
const resultsExport = () => import('../../services/exam/results-export');

const EXAM_ROLES = ['proctor', 'leader', 'admin'] as const;
const ok = { ok: true as const };

export function registerExam(r: Router): void {
  r.register('exam.rounds', EXAM_ROLES, (_i, { s }) => listRounds(s));
  r.register('exam.createRound', EXAM_ROLES, (input, { s, actor }) => createRound(s, actor, input));
  r.register('exam.round', EXAM_ROLES, ({ roundId }, { s }) => ({
    round: roundSummary(s, requireRound(s, roundId)),
    entries: listEntries(s, roundId).map(entryView),
  }));
  r.register('exam.importRoster', EXAM_ROLES, async (input, { s, actor }) => (await rosterIo()).importRosterUpload(s, actor, input.uploadId, input.roundId));
  r.register('exam.exportRoster', EXAM_ROLES, async (input, { s }) => (await rosterIo()).exportRoster(s, input.roundId, input.form, input.format));
  r.register('exam.formTeams', EXAM_ROLES, ({ roundId }, { s, actor }) => formTeams(s, actor, roundId));
  r.register('exam.setPerformer', EXAM_ROLES, (input, { s, actor }) => (setPerformer(s, actor, input), ok));
  r.register('exam.choosePosition', EXAM_ROLES, (input, { s, actor }) => (choosePosition(s, actor, input), ok));
  r.register('exam.console', EXAM_ROLES, ({ roundId }, { s }) => consoleView(s, roundId));
  r.register('exam.startStep', EXAM_ROLES, ({ teamId, step }, { s, actor }) => (startStep(s, actor, teamId, step), ok));
  r.register('exam.endStep', EXAM_ROLES, ({ stepId }, { s, actor }) => (endStep(s, actor, stepId), ok));
  r.register('exam.setCodes', EXAM_ROLES, ({ recordId, codes }, { s, actor }) => (setCodes(s, actor, recordId, codes), ok));
  r.register('exam.setResult', EXAM_ROLES, (input, { s, actor }) => (setResult(s, actor, input), ok));
  r.register('exam.addIncident', EXAM_ROLES, (input, { s, actor }) => (addIncident(s, actor, input), ok));
  r.register('exam.override', EXAM_ROLES, (input, { s, actor }) => (overrideDeadline(s, actor, input), ok));
  r.register('exam.results', EXAM_ROLES, ({ roundId }, { s }) => roundResults(s, roundId));
  r.register('exam.exportResults', EXAM_ROLES, async ({ roundId, format }, { s }) => (await resultsExport()).exportResults(s, roundId, format));
}
