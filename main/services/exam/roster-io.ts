// Rosters in and out of a round: import an uploaded XLSX (forms 01–05) all-or-nothing, export a
// form back to XLSX in the official layout or to PDF.
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { ApiError, type Issue } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { messages as rosterMessages, readRosterFile, writeRosterXlsx, writeRosterPdf, type RosterIssue, type RosterRow } from '../roster';
import { personKey } from '../../domain/roster';
import { requireRound, roundSummary, listEntries, findRoundByName, createRound, type EntryRow } from './rounds';
import { startedTeams, teamKey } from './teams';
import { requireOffice } from '../office';
import type { FileRef } from '../../../shared/api/assessment-schemas';
import type { FormNo, RoundSummary } from '../../../shared/api/exam-schemas';

export interface RosterImportResult {
  round: RoundSummary;
  imported: Record<string, number>;
  warnings: string[];
}

/**
 * Writes every row of every form in one transaction; replaces what the round had for those forms.
 * A form may come on several sheets (one per commune): all of them are kept. The counts returned
 * and audited are the rows stored, checked against the rows read.
 */
export function storeRoster(
  s: Services,
  actor: Actor,
  roundId: number,
  forms: { form: FormNo; rows: RosterRow[] }[],
  sourceName: string,
): Record<string, number> {
  return s.db.tx((w) => {
    requireRound(s, roundId);
    const read: Partial<Record<FormNo, number>> = {};
    for (const f of forms) read[f.form] = (read[f.form] ?? 0) + f.rows.length;
    const inFile = Object.keys(read) as FormNo[];
    const running = startedTeams(s, roundId);
    if (running.size === 0) {
      // A re-import replaces the forms it contains — each once, before any of its sheets is
      // written; teams are formed again afterwards.
      s.db.run(s.db.q.deleteFrom('exam_team').where('round_id', '=', roundId));
      if (inFile.length) s.db.run(s.db.q.deleteFrom('roster_entry').where('round_id', '=', roundId).where('form', 'in', inFile));
    } else {
      replaceCommunes(s, roundId, forms, running);
    }
    const kept: Record<string, number> = {};
    if (running.size > 0) {
      for (const form of inFile) kept[form] = countForm(s, roundId, form);
    }
    for (const f of forms) {
      for (const r of f.rows) {
        s.db.run(
          s.db.q.insertInto('roster_entry').values({
            round_id: roundId,
            form: f.form,
            stt: r.stt ?? null,
            full_name: r.fullName,
            gender: r.gender ?? null,
            birth_year: r.birthYear ?? null,
            birth_date: r.birthDate ?? null,
            position_id: r.positionId ?? null,
            position_title: r.positionTitle ?? null,
            position_raw: r.positionRaw ?? null,
            commune: r.commune ?? null,
            district: r.district ?? null,
            phone: r.phone ?? null,
            note: r.note ?? null,
            exclusion: r.exclusion?.kind ?? null,
            exclusion_note: r.exclusion?.text ?? r.reason ?? null,
            agency: r.agency ?? null,
            focal_area: r.focalArea ?? null,
            appointed_at: r.appointedAt ?? null,
            takes_part: r.takesPart === undefined || r.takesPart === null ? null : r.takesPart ? 1 : 0,
            chosen_position_id: null,
            source_row: r.sourceRow ?? null,
            person_key: personKey(r.fullName, r.birthYear ?? null, r.commune ?? ''),
          }),
        );
      }
    }
    // What is shown and audited is what the table holds, and it must be every row read.
    const imported: Record<string, number> = {};
    for (const form of inFile) {
      const stored = s.db.first(
        s.db.q
          .selectFrom('roster_entry')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('round_id', '=', roundId)
          .where('form', '=', form),
      );
      // While teams run, the other communes' rows of the form stay: count only what was added.
      const n = Number(stored?.n ?? 0) - (kept[form] ?? 0);
      if (n !== read[form]) throw new ApiError('INTERNAL', rosterMessages.storedMismatch(form, read[form] ?? 0, n));
      imported[form] = n;
    }
    appendAudit(w, s, actor, { action: 'exam.roster', entity: 'exam_round', entityId: roundId, after: { source: sourceName, imported } });
    return imported;
  });
}

function countForm(s: Services, roundId: number, form: FormNo): number {
  const r = s.db.first(
    s.db.q
      .selectFrom('roster_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', roundId)
      .where('form', '=', form),
  );
  return Number(r?.n ?? 0);
}

/**
 * While some teams run, a file (a commune arriving late) replaces only the rows of the communes it
 * lists, form by form, and the not-yet-started teams of those communes (formed again afterwards).
 * Mẫu 01–03 decide who is in a team, so they are refused for a commune whose team has started;
 * Mẫu 04–05 rows are not in any team and are replaced freely.
 */
function replaceCommunes(s: Services, roundId: number, forms: { form: FormNo; rows: RosterRow[] }[], running: Map<string, { commune: string }>): void {
  const byForm = new Map<FormNo, Set<string>>();
  const refused = new Map<string, string>();
  for (const f of forms) {
    const set = byForm.get(f.form) ?? new Set<string>();
    for (const r of f.rows) {
      const k = teamKey(r.commune ?? null);
      set.add(k);
      const team = running.get(k);
      if (team && (f.form === '01' || f.form === '02' || f.form === '03')) refused.set(k, team.commune);
    }
    byForm.set(f.form, set);
  }
  if (refused.size) {
    const names = [...refused.values()];
    throw new ApiError(
      'CONFLICT',
      vi.examDay.importWhileRunning(names.join(', ')),
      names.map((c) => ({ path: c, message: vi.examDay.importRunningCommune })),
    );
  }
  const touched = new Set([...byForm.values()].flatMap((x) => [...x]));
  for (const t of s.db.all(s.db.q.selectFrom('exam_team').select(['id', 'commune']).where('round_id', '=', roundId))) {
    const k = teamKey(t.commune);
    if (touched.has(k) && !running.has(k)) s.db.run(s.db.q.deleteFrom('exam_team').where('id', '=', t.id));
  }
  for (const [form, communes] of byForm) {
    const rows = s.db.all(s.db.q.selectFrom('roster_entry').select(['id', 'commune']).where('round_id', '=', roundId).where('form', '=', form));
    const ids = rows.filter((r) => communes.has(teamKey(r.commune))).map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) s.db.run(s.db.q.deleteFrom('roster_entry').where('id', 'in', ids.slice(i, i + 500)));
  }
}

/**
 * The API's issues for a refused roster: the place ("Mẫu 02, dòng 14" or "Mẫu 02, ô C14") as
 * the path and the rest as the message, so a list that shows both doesn't say the place twice;
 * problems of one place joined into one issue, so a list keyed by path loses none.
 */
export function rosterIssues(errors: RosterIssue[]): Issue[] {
  const byPath = new Map<string, string[]>();
  for (const e of errors) {
    // A sheet's or a row's message starts with its place; a file's (no sheet) has none.
    const cut = e.row === null && !e.sheet ? -1 : e.message.indexOf(': ');
    const path = cut < 0 ? '' : e.message.slice(0, cut);
    const text = cut < 0 ? e.message : e.message.slice(cut + 2);
    const list = byPath.get(path) ?? [];
    list.push(text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1));
    byPath.set(path, list);
  }
  return [...byPath].map(([path, texts]) => ({ path, message: texts.join(' ') }));
}

/** Warnings of one row are said under its place once ("Mẫu 02, dòng 11: A. B."), not once each. */
export const rosterWarnings = (warnings: RosterIssue[]): string[] => rosterIssues(warnings).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));

/** Reads and validates a roster file; throws with every problem (by sheet and row) before anything is written. */
export async function checkRosterFile(filePath: string, sourceName: string) {
  const r = await readRosterFile(filePath, { displayName: sourceName });
  if (r.errors.length) throw new ApiError('VALIDATION', vi.exam.rosterRejected(sourceName, r.errors.length), rosterIssues(r.errors));
  return { forms: r.forms, warnings: rosterWarnings(r.warnings) };
}

/** Imports into an existing round, or (CLI) into the round of that name, created in the same transaction. */
export async function importRosterFile(
  s: Services,
  actor: Actor,
  filePath: string,
  sourceName: string,
  round: number | { createName: string },
): Promise<RosterImportResult> {
  const { forms, warnings } = await checkRosterFile(filePath, sourceName);
  return s.db.tx(() => {
    const roundId =
      typeof round === 'number'
        ? round
        : (findRoundByName(s, round.createName)?.id ?? createRound(s, actor, { name: round.createName, examDate: null, venue: null, district: null }).id);
    const imported = storeRoster(s, actor, roundId, forms, sourceName);
    return { round: roundSummary(s, requireRound(s, roundId)), imported, warnings };
  });
}

export async function importRosterUpload(s: Services, actor: Actor, uploadId: string, roundId: number): Promise<RosterImportResult> {
  const up = s.uploads.get(uploadId, actor.id ?? -1);
  try {
    return await importRosterFile(s, actor, up.path, up.name, roundId);
  } finally {
    await s.uploads.discard(uploadId);
  }
}

export const rowOf = (e: EntryRow): RosterRow => ({
  stt: e.stt,
  fullName: e.full_name,
  gender: (e.gender as RosterRow['gender']) ?? null,
  birthYear: e.birth_year,
  birthDate: e.birth_date,
  positionId: e.chosen_position_id ?? e.position_id,
  positionTitle: e.position_title,
  positionRaw: e.position_raw ?? e.position_title ?? '',
  commune: e.commune ?? '',
  district: e.district,
  phone: e.phone,
  note: e.note,
  exclusion: e.exclusion ? { kind: e.exclusion as 'tap_su' | 'thai_san' | 'khac', text: e.exclusion_note ?? '' } : null,
  reason: e.exclusion_note,
  agency: e.agency,
  focalArea: e.focal_area as RosterRow['focalArea'],
  appointedAt: e.appointed_at,
  takesPart: e.takes_part === null ? null : e.takes_part === 1,
  sourceRow: e.source_row ?? 0,
});

export async function exportRosterTo(s: Services, roundId: number, form: FormNo, format: 'xlsx' | 'pdf', outPath: string): Promise<void> {
  const round = requireRound(s, roundId);
  const office = requireOffice(s);
  const rows = listEntries(s, roundId, form).map(rowOf);
  const meta = { province: office.province, district: round.district ?? office.district, roundName: round.name, date: round.exam_date };
  await mkdir(path.dirname(path.resolve(outPath)), { recursive: true });
  if (format === 'xlsx') await writeRosterXlsx(form, rows, meta, outPath);
  else await writeRosterPdf(form, rows, meta, outPath);
}

export async function exportRoster(s: Services, roundId: number, form: FormNo, format: 'xlsx' | 'pdf'): Promise<FileRef> {
  const out = path.join(s.dataDir, 'exports', `${Date.now()}-mau-${form}.${format}`);
  await exportRosterTo(s, roundId, form, format, out);
  const fileName = `Mau ${form}.${format}`;
  const mediaType = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return { fileId: s.files.register({ path: out, fileName, mediaType, disposition: 'attachment' }), fileName, mediaType };
}
