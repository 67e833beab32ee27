// Builds the signed package of an exam round's results ("Gói kết quả thi", DESIGN §6): package.json
// (the results table plus each step's timing, incidents and deadline overrides), the results as
// XLSX and as a PAdES-signed PDF — in a signed BagIt zip like the assessment package.
//
// A results package is a final, signed statement, so a step still running always stops the build
// (its results can still change). People without a result (a step not started, or ended with no
// result written) stop it too, unless the caller says so on purpose (`allowIncomplete`): a team
// that never came cannot get results at all, and the proctor must still be able to hand in the
// round; the package then says plainly who is "Chưa xong".
import path from 'node:path';
import type { Services, Actor } from '../context';
import type { JobHandle } from '../jobs';
import { requireOffice } from '../office';
import { trustedNow } from '../trusted-time';
import { requireRound } from '../exam/rounds';
import { teamViews } from '../exam/console';
import { roundResults } from '../exam/results';
import { writeResultsXlsx, writeResultsPdf } from '../exam/results-export';
import { bagNameOf, type BuiltPackage } from './record';
import { buildSignedPackage } from './seal';
import { ApiError, type Issue } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { formatDateTime } from '../../../shared/format';
import { examPackage, PACKAGE_SCHEMA_VERSION, type ExamPackage } from '../../../shared/package-schema';
import type { ResultsView, TeamView } from '../../../shared/api/exam-schemas';

const t = vi.examPackages;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** ASCII, short, and unique per round: `KC-2025-PhuThuong-THI-3`. */
export const examBagName = (commune: string, year: number, roundId: number): string => bagNameOf(commune, year, `THI-${roundId}`);

/** The round's year: its exam date's, or (no date recorded) the year it is packed in. */
const roundYear = (examDate: string | null, now: number) =>
  examDate && /^\d{4}-/.test(examDate) ? Number(examDate.slice(0, 4)) : new Date(now).getUTCFullYear();

export interface ExamReadiness {
  /** Always stop the build: results can still change. */
  running: Issue[];
  /** Stop the build unless `allowIncomplete`. */
  incomplete: Issue[];
  empty: boolean;
}

/** What stands between the round and a final results package, team by team, step by step. */
export function examReadiness(teams: TeamView[]): ExamReadiness {
  const running: Issue[] = [];
  const incomplete: Issue[] = [];
  let performers = 0;
  for (const team of teams) {
    for (const st of team.steps) {
      performers += st.performers.length;
      const where = t.stepPath(team.commune, st.step);
      if (st.phase === 'running') running.push({ path: where, message: t.running(team.commune, st.step, st.name) });
      else if (st.phase === 'pending' && st.performers.length > 0)
        incomplete.push({ path: where, message: t.notStarted(team.commune, st.step, st.name, st.performers.length) });
      else if (st.phase === 'ended' && !st.failed) {
        const missing = st.performers.filter((p) => !st.records.find((r) => r.entryId === p.entryId)?.result).map((p) => p.fullName);
        if (missing.length) incomplete.push({ path: where, message: t.noResult(team.commune, st.step, missing) });
      }
    }
  }
  return { running, incomplete, empty: performers === 0 };
}

function examPackageJson(s: Services, results: ResultsView, teams: TeamView[], now: number, signer: { holder: string; fingerprint: string }): ExamPackage {
  const round = requireRound(s, results.round.id);
  const office = requireOffice(s);
  // finishedAt and the proctor's note live on the step records; results only carry the outcome.
  const records = new Map(teams.flatMap((tm) => tm.steps.flatMap((st) => st.records.map((r) => [`${r.entryId}:${st.step}`, r] as const))));
  const started = teams.flatMap((tm) => tm.steps.map((st) => st.startedAt)).filter((x): x is number => x !== null);
  const ended = teams.flatMap((tm) => tm.steps.map((st) => st.endedAt ?? st.deadlineAt)).filter((x): x is number => x !== null);
  const from = started.length ? Math.min(...started) : null;
  const to = ended.length ? Math.max(...ended) : now;
  const clockEvents =
    from === null
      ? []
      : s.db
          .all(s.db.q.selectFrom('clock_event').select(['at', 'delta_ms', 'note']).where('at', '>=', from).where('at', '<=', to).orderBy('at'))
          .map((e) => ({ at: iso(e.at)!, deltaMs: e.delta_ms, note: e.note }));
  return examPackage.parse({
    format: 'kiemchung-package',
    schemaVersion: PACKAGE_SCHEMA_VERSION,
    kind: 'exam',
    generatedAt: iso(now)!,
    app: { name: vi.app.name, version: s.version },
    office: { province: office.province, district: office.district, commune: office.commune, kind: office.kind },
    round: { id: round.id, name: round.name, examDate: round.exam_date, venue: round.venue, district: round.district },
    people: results.people.map((p) => ({
      fullName: p.fullName,
      positionTitle: p.positionTitle,
      commune: p.commune,
      steps: p.steps.map((x) => {
        const r = records.get(`${p.entryId}:${x.step}`);
        return { step: x.step, result: x.result, codes: x.codes, finishedAt: iso(r?.finishedAt ?? null), note: r?.note ?? null };
      }),
      passed: p.passed,
    })),
    communes: results.communes,
    totals: results.totals,
    teams: teams.map((tm) => ({
      commune: tm.commune,
      steps: tm.steps.map((st) => ({
        step: st.step,
        name: st.name,
        startedAt: iso(st.startedAt),
        deadlineAt: iso(st.deadlineAt),
        endedAt: iso(st.endedAt),
        // The package format knows proctor/time; an incident's stop is a stop at its time, and
        // `failed` with the incidents below says why.
        endedBy: st.endedBy === 'incident' ? 'proctor' : st.endedBy,
        failed: st.failed,
        incidents: st.incidents.map((i) => ({ at: iso(i.at)!, kind: i.kind, description: i.description })),
        overrides: st.overrides.map((o) => ({ at: iso(o.at)!, deltaMs: o.deltaMs, reason: o.reason })),
      })),
    })),
    clockEvents,
    signedBy: signer,
  });
}

/** Lines under the PDF's totals: a signed results sheet should show why a step failed or ran long. */
function noteLines(teams: TeamView[]): string[] {
  return teams.flatMap((tm) =>
    tm.steps.flatMap((st) => [
      ...st.incidents.map((i) =>
        t.incidentLine(
          tm.commune,
          st.step,
          formatDateTime(i.at),
          i.kind === 'internet' ? `${t.internet}${i.description ? ` — ${i.description}` : ''}` : i.description,
          i.kind === 'internet',
        ),
      ),
      ...st.overrides.map((o) => t.overrideLine(tm.commune, st.step, formatDateTime(o.at), Math.round(o.deltaMs / 60_000), o.reason)),
    ]),
  );
}

export async function buildExamPackage(
  s: Services,
  actor: Actor,
  roundId: number,
  passphrase: string,
  job?: JobHandle,
  opts: { allowIncomplete?: boolean } = {},
): Promise<BuiltPackage> {
  const round = requireRound(s, roundId);
  const now = trustedNow(s);
  const teams = teamViews(s, roundId, now);
  const ready = examReadiness(teams);
  if (ready.empty) throw new ApiError('CONFLICT', t.noPeople);
  const blocking = [...ready.running, ...(opts.allowIncomplete ? [] : ready.incomplete)];
  if (blocking.length) throw new ApiError('CONFLICT', t.notFinished(blocking.length), blocking);

  const results = roundResults(s, roundId);
  const year = roundYear(round.exam_date, now);
  const { path: _file, ...built } = await buildSignedPackage(
    s,
    actor,
    passphrase,
    async (w) => {
      const json = await w.writeJson(examPackageJson(s, results, teams, now, w.signer));
      await writeResultsXlsx(results, path.join(w.dir, 'results.xlsx'));
      await writeResultsPdf(results, w.cert.holder, path.join(w.dir, 'unsigned.pdf'), noteLines(teams), { office: w.office, now });
      const pdf = await w.signPdf('unsigned.pdf', 'results.pdf', t.pdfReason(round.name));
      return {
        kind: 'exam',
        refId: round.id,
        bagName: examBagName(w.office.commune, year, round.id),
        year,
        bagInfo: {
          'Kiemchung-Round': round.name,
          ...(round.exam_date ? { 'Kiemchung-Exam-Date': round.exam_date } : {}),
          // Counts, language-neutral, so a receiver can list packages without opening package.json.
          'Kiemchung-People': String(results.totals.people),
          'Kiemchung-Passed': String(results.totals.passed),
          'Kiemchung-Failed': String(results.totals.failed),
          'Kiemchung-Pending': String(results.totals.pending),
        },
        payload: [json, pdf, w.file('results.xlsx')],
        audit: { roundId: round.id, round: round.name, totals: results.totals },
      };
    },
    { now, ...(job ? { job } : {}) },
  );
  return built;
}

/**
 * The CLI's choice of round: `--round` (id or exact name) when given, else the one round whose exam
 * date falls in `year`. Several in that year → the caller must say which; the error lists them.
 */
export function pickExamRound(s: Services, year: number | null, round?: string): number {
  if (round !== undefined) {
    const r = /^\d+$/.test(round.trim())
      ? s.db.first(s.db.q.selectFrom('exam_round').selectAll().where('id', '=', Number(round)))
      : s.db.first(s.db.q.selectFrom('exam_round').selectAll().where('name', '=', round.normalize('NFC').trim()));
    if (!r) throw new ApiError('NOT_FOUND', vi.exam.roundNotFound);
    if (year !== null && r.exam_date && !r.exam_date.startsWith(`${year}-`)) throw new ApiError('CONFLICT', t.cliRoundNotInYear(r.id, year));
    return r.id;
  }
  if (year === null) throw new ApiError('VALIDATION', t.cliNeedYear);
  const rounds = s.db.all(s.db.q.selectFrom('exam_round').selectAll().where('exam_date', 'like', `${year}-%`).orderBy('exam_date').orderBy('id'));
  if (rounds.length === 0) throw new ApiError('NOT_FOUND', t.cliNoRound(year));
  if (rounds.length > 1) throw new ApiError('CONFLICT', t.cliManyRounds(year, rounds.map((r) => `  --round ${r.id}   ${r.exam_date}  ${r.name}`).join('\n')));
  return rounds[0]!.id;
}
