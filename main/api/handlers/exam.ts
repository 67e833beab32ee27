// Handlers for competency exams: rounds, rosters, teams, the proctor console, results.
import type { Router } from '../router';
import { listRounds, createRound, requireRound, roundSummary, listEntries, entryView } from '../../services/exam/rounds';
import { formTeams, setPerformer } from '../../services/exam/teams';
import { choosePosition, setMove, positionChoices } from '../../services/exam/positions';
import { createBoardLink, boardView } from '../../services/exam/board';
import { consoleView, startStep, endStep, setCodes, setResult, addIncident, overrideDeadline } from '../../services/exam/console';
import { roundResults } from '../../services/exam/results';
// The XLSX/PDF readers and writers are loaded on first use so start-up stays fast.
const rosterIo = () => import('../../services/exam/roster-io');
const resultsExport = () => import('../../services/exam/results-export');

const ok = { ok: true as const };

export function registerExam(r: Router): void {
  r.register('exam.rounds', (_i, { s }) => listRounds(s));
  r.register('exam.createRound', (input, { s, actor }) => createRound(s, actor, input));
  r.register('exam.round', ({ roundId }, { s }) => {
    const round = requireRound(s, roundId);
    return { round: roundSummary(s, round), entries: listEntries(s, roundId).map((e) => entryView(e, positionChoices(s, round, e))) };
  });
  r.register('exam.importRoster', async (input, { s, actor }) => (await rosterIo()).importRosterUpload(s, actor, input.uploadId, input.roundId));
  r.register('exam.exportRoster', async (input, { s }) => (await rosterIo()).exportRoster(s, input.roundId, input.form, input.format));
  r.register('exam.formTeams', ({ roundId }, { s, actor }) => formTeams(s, actor, roundId));
  r.register('exam.setPerformer', (input, { s, actor }) => (setPerformer(s, actor, input), ok));
  r.register('exam.choosePosition', (input, { s, actor }) => (choosePosition(s, actor, input), ok));
  r.register('exam.setMove', (input, { s, actor }) => (setMove(s, actor, input), ok));
  r.register('exam.boardLink', ({ roundId }, { s, actor }) => createBoardLink(s, actor, roundId));
  r.register('exam.board', ({ token }, { s }) => boardView(s, token));
  r.register('exam.console', ({ roundId }, { s }) => consoleView(s, roundId));
  r.register('exam.startStep', ({ teamId, step }, { s, actor }) => (startStep(s, actor, teamId, step), ok));
  r.register('exam.endStep', ({ stepId }, { s, actor }) => (endStep(s, actor, stepId), ok));
  r.register('exam.setCodes', ({ recordId, codes }, { s, actor }) => (setCodes(s, actor, recordId, codes), ok));
  r.register('exam.setResult', (input, { s, actor }) => (setResult(s, actor, input), ok));
  r.register('exam.addIncident', (input, { s, actor }) => addIncident(s, actor, input));
  r.register('exam.override', (input, { s, actor }) => (overrideDeadline(s, actor, input), ok));
  r.register('exam.results', ({ roundId }, { s }) => roundResults(s, roundId));
  r.register('exam.exportResults', async ({ roundId, format }, { s, actor }) => (await resultsExport()).exportResults(s, roundId, format, actor));
}
