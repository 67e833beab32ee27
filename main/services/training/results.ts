// Results per person and course, their PDF/XLSX exports, and the targets of document 004 from the
// register. Trained in a year = attended a course held that year and, when the course ends with a
// test ("các lớp bồi dưỡng phải được kiểm tra, đánh giá chất lượng học tập khi kết thúc khóa
// học"), passed one of its tests.
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { getSettings } from '../settings';
import { requireOffice } from '../office';
import { writeTablePdf } from '../documents/table-pdf';
import { writeAtomically } from '../durable';
import { trainingTargets } from '../../domain/training-targets';
import { vi } from '../../../shared/i18n/vi';
import { ApiError } from '../../../shared/errors';
import { formatDateTime, formatPoints } from '../../../shared/format';
import type { FileRef } from '../../../shared/api/assessment-schemas';
import type { ResultRow, TargetsView } from '../../../shared/api/inspection-schemas';
import { officePeople, requireCourse } from './register';

const t = vi.training;

export function courseResults(s: Services, courseId: number): ResultRow[] {
  requireCourse(s, courseId);
  return s.db
    .all(
      s.db.q
        .selectFrom('training_attempt as a')
        .innerJoin('training_test as t', 't.id', 'a.test_id')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .select(['a.id', 'a.user_id', 'u.full_name', 'u.position', 't.name', 'a.attempt_no', 'a.score', 'a.max_score', 'a.passed', 'a.late', 'a.submitted_at'])
        .where('t.course_id', '=', courseId)
        .orderBy('u.full_name')
        .orderBy('t.id')
        .orderBy('a.attempt_no'),
    )
    .map((r) => ({
      attemptId: r.id,
      userId: r.user_id,
      fullName: r.full_name,
      position: r.position,
      testName: r.name,
      attemptNo: r.attempt_no,
      score: r.score,
      maxScore: r.max_score,
      passed: r.passed === null ? null : r.passed === 1,
      late: r.late === 1,
      submittedAt: r.submitted_at,
    }));
}

const resultText = (r: ResultRow) => (r.passed === null ? '…' : r.passed ? t.passed : t.failed);
const rowCells = (r: ResultRow, i: number) => [
  String(i + 1),
  r.fullName,
  r.position,
  r.testName,
  t.attemptNo(r.attemptNo),
  r.score === null ? '' : `${formatPoints(r.score)}/${formatPoints(r.maxScore)}`,
  resultText(r),
  [r.late ? t.lateFlag : '', r.submittedAt ? `${t.submittedAt} ${formatDateTime(r.submittedAt)}` : ''].filter(Boolean).join('; '),
];

export async function writeResults(s: Services, courseId: number, format: 'xlsx' | 'pdf', out: string): Promise<void> {
  const c = requireCourse(s, courseId);
  const rows = courseResults(s, courseId);
  const passedPeople = new Set(rows.filter((r) => r.passed).map((r) => r.userId));
  const people = new Set(rows.map((r) => r.userId));
  const subtitle = t.pdf.subtitle(c.name, c.organiser, c.starts_on, c.ends_on);
  if (format === 'pdf') {
    const o = requireOffice(s);
    await writeTablePdf(
      {
        titleLines: [t.pdf.title],
        subtitle,
        columns: t.pdf.columns.map((header, i) => ({
          header,
          width: [4, 16, 12, 14, 7, 7, 7, 16][i]!,
          align: i === 1 || i === 2 || i === 3 || i === 7 ? 'left' : 'center',
        })),
        rows: rows.map(rowCells),
        afterLines: [t.pdf.totals(passedPeople.size, people.size)],
        landscape: true,
        meta: { title: `${t.pdf.title} — ${c.name}`, author: `UBND ${vi.officeKinds[o.kind].toLowerCase()} ${o.commune}` },
      },
      out,
    );
    return;
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = vi.app.name;
  const ws = wb.addWorksheet(t.pdf.sheetName);
  ws.addRow([t.pdf.title]).font = { bold: true, size: 13 };
  ws.addRow([subtitle]);
  ws.addRow([]);
  ws.addRow([...t.pdf.columns]).font = { bold: true };
  rows.forEach((r, i) => ws.addRow(rowCells(r, i)));
  ws.addRow([]);
  ws.addRow([t.pdf.totals(passedPeople.size, people.size)]);
  ws.columns.forEach((col, i) => (col.width = [6, 28, 22, 26, 14, 12, 10, 34][i] ?? 12));
  await writeAtomically(out, (tmp) => wb.xlsx.writeFile(tmp));
}

export async function exportResults(s: Services, courseId: number, format: 'xlsx' | 'pdf'): Promise<FileRef> {
  const dir = path.join(s.dataDir, 'exports');
  await mkdir(dir, { recursive: true });
  const out = path.join(dir, `${Date.now()}-ket-qua-boi-duong-${courseId}.${format}`);
  await writeResults(s, courseId, format, out);
  const fileName = `Ket qua kiem tra cuoi khoa.${format}`;
  const mediaType = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return { fileId: s.files.register({ path: out, fileName, mediaType, disposition: 'attachment' }), fileName, mediaType };
}

/** Who was trained in `year` (see the header comment). */
export function trainedIn(s: Services, year: number): Set<number> {
  const courses = s.db
    .all(s.db.q.selectFrom('training_course').select(['id', 'starts_on', 'ends_on', 'created_at']))
    .filter((c) => (c.ends_on ?? c.starts_on ?? new Date(c.created_at).toISOString()).startsWith(`${year}-`));
  const out = new Set<number>();
  for (const c of courses) {
    const hasTest = !!s.db.first(s.db.q.selectFrom('training_test').select('id').where('course_id', '=', c.id));
    const attendees = s.db.all(s.db.q.selectFrom('training_attendee').select('user_id').where('course_id', '=', c.id)).map((a) => a.user_id);
    const passedIds = hasTest
      ? new Set(
          s.db
            .all(
              s.db.q
                .selectFrom('training_attempt as a')
                .innerJoin('training_test as t', 't.id', 'a.test_id')
                .select('a.user_id')
                .where('t.course_id', '=', c.id)
                .where('a.passed', '=', 1),
            )
            .map((r) => r.user_id),
        )
      : null;
    for (const id of attendees) if (!passedIds || passedIds.has(id)) out.add(id);
  }
  return out;
}

export function targetsView(s: Services, year: number): TargetsView {
  const flags = new Map(s.db.all(s.db.q.selectFrom('training_person').selectAll()).map((p) => [p.user_id, p]));
  const trained = trainedIn(s, year);
  const people = officePeople(s).map((p) => ({
    ...p,
    advises: flags.get(p.id)?.advises_cchc === 1,
    oneStop: flags.get(p.id)?.one_stop === 1,
    trained: trained.has(p.id),
  }));
  return {
    year,
    figures: trainingTargets(
      people.map((p) => ({ userId: p.id, fullName: p.fullName, advises: p.advises, oneStop: p.oneStop })),
      trained,
      getSettings(s).trainingTargets,
    ),
    people,
  };
}

export function setPopulation(s: Services, actor: Actor, people: { userId: number; advises: boolean; oneStop: boolean }[]): void {
  const known = new Set(officePeople(s).map((p) => p.id));
  if (people.some((p) => !known.has(p.userId))) throw new ApiError('VALIDATION', t.unknownPerson);
  s.db.tx((w) => {
    for (const p of people)
      s.db.run(
        s.db.q
          .insertInto('training_person')
          .values({ user_id: p.userId, advises_cchc: p.advises ? 1 : 0, one_stop: p.oneStop ? 1 : 0 })
          .onConflict((oc) => oc.column('user_id').doUpdateSet({ advises_cchc: p.advises ? 1 : 0, one_stop: p.oneStop ? 1 : 0 })),
      );
    appendAudit(w, s, actor, { action: 'training.population', entity: 'training_course', after: people });
  });
}
