// What the app already knows for the inspection report, written as pre-filled text (marked as
// such and editable): the commune's own CCHC documents of the year from the evidence metadata,
// last year's improvement plan and its tasks (issue 10's tables, when present), the training
// register, the competency-exam results of the office's officers, and the share of this year's
// PDF evidence carrying a valid digital signature.
import type { Services } from '../context';
import { requireOffice } from '../office';
import { foldText } from '../../../shared/vietnamese';
import { roundResults } from '../exam/results';
import { issuedByCommune } from '../../domain/evidence-naming';
import { vi } from '../../../shared/i18n/vi';

const f = vi.inspection.facts;

/** Links of the year's assessment(s) whose document is dated in the year. */
function yearLinks(s: Services, year: number) {
  return s.db.all(
    s.db.q
      .selectFrom('item_document as l')
      .innerJoin('assessment_item as i', 'i.id', 'l.item_id')
      .innerJoin('assessment as a', 'a.id', 'i.assessment_id')
      .innerJoin('document as d', 'd.sha256', 'l.sha256')
      .select(['l.sha256', 'l.file_name', 'l.doc_number', 'l.doc_date', 'l.summary', 'd.media_type', 'd.pdf_signed', 'a.year'])
      .where('a.year', '=', year)
      .orderBy('l.doc_date')
      .orderBy('l.id'),
  );
}

export function documentsIssuedText(s: Services, year: number): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const l of yearLinks(s, year)) {
    if (!l.doc_number || !l.doc_date?.startsWith(`${year}-`) || !issuedByCommune(l.doc_number, l.file_name)) continue;
    const key = l.doc_number.replace(/\s+/g, '').toUpperCase();
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(f.documentLine(l.doc_number, l.doc_date, l.summary));
  }
  return lines.length ? [f.documentsIssued(year, lines.length), ...lines].join('\n') : f.noDocuments(year);
}

export function signedPdfText(s: Services, year: number): string {
  const pdfs = new Map<string, boolean>();
  for (const l of yearLinks(s, year)) if (l.media_type === 'application/pdf') pdfs.set(l.sha256, l.pdf_signed === 1);
  return f.signedPdfs(year, [...pdfs.values()].filter(Boolean).length, pdfs.size);
}

export function examText(s: Services, year: number): string | null {
  const office = foldText(requireOffice(s).commune);
  const rounds = s.db.all(s.db.q.selectFrom('exam_round').select(['id', 'name', 'exam_date']).orderBy('id'));
  const lines: string[] = [];
  let passed = 0;
  for (const r of rounds) {
    if (r.exam_date && !r.exam_date.startsWith(`${year}-`)) continue;
    for (const p of roundResults(s, r.id).people) {
      // Rosters name the commune as written ("Xã Phú Thượng"): compare without case and accents.
      if (!foldText(p.commune).endsWith(office)) continue;
      if (p.passed) passed++;
      lines.push(f.examLine(p.fullName, r.name, p.passed));
    }
  }
  return lines.length ? [f.examResults(passed, lines.length), ...lines].join('\n') : null;
}

/** Issue 10's improvement plan of the year before, when its tables exist in this database. */
export function planText(s: Services, year: number): string | null {
  const has = s.db.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'improvement_task'`).get();
  if (!has) return null;
  const rows = s.db.all(
    s.db.q
      .selectFrom('improvement_task as t')
      .innerJoin('assessment as a', 'a.id', 't.assessment_id')
      .select(['t.criterion_code', 't.measure', 't.reason', 't.status'])
      .where('a.year', '=', year - 1)
      .orderBy('t.id'),
  );
  if (!rows.length) return null;
  const n = (st: string) => rows.filter((r) => r.status === st).length;
  return [
    f.planTasks(year - 1, rows.length, n('done'), n('doing'), n('todo')),
    ...rows.map((r) => f.planLine([r.criterion_code, r.measure || r.reason].filter(Boolean).join(' — '), f.taskStatus[r.status])),
  ].join('\n');
}

export function trainingText(s: Services, year: number): string | null {
  const courses = s.db.all(
    s.db.q
      .selectFrom('training_course as c')
      .leftJoin('training_attendee as t', 't.course_id', 'c.id')
      .select(['c.id', 't.user_id'])
      .where((eb) => eb.or([eb('c.starts_on', 'like', `${year}-%`), eb('c.ends_on', 'like', `${year}-%`)])),
  );
  if (!courses.length) return null;
  return f.training(year, new Set(courses.map((c) => c.id)).size, courses.filter((c) => c.user_id !== null).length);
}

/** The pre-filled texts by outline key (commune outline of KH 110). */
export function prefilledTexts(s: Services, year: number): Map<string, string> {
  const m = new Map<string, string>();
  m.set('I.1.1', documentsIssuedText(s, year));
  const plan = planText(s, year);
  if (plan) m.set('I.1.3', plan);
  const training = trainingText(s, year);
  if (training) m.set('I.2.5.2.5', training);
  const exam = examText(s, year);
  if (exam) m.set('I.2.5.2.6', exam);
  m.set('I.2.7.5', signedPdfText(s, year));
  return m;
}
