// Imports a question bank (ngân hàng câu hỏi) from XLSX: columns Câu hỏi | A | B | C | D | Đáp án |
// Điểm, the header row possibly below title rows. Read with the roster importer's guarded
// streaming reader and the importers' shared cells and header scan (xlsx/), as the appraisal
// import is. Checked row by row and stored all or nothing: any problem refuses the file
// with every problem named by its row. An empty "Điểm" counts 1 point.
import path from 'node:path';
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { ApiError, type Issue } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { foldText } from '../../../shared/vietnamese';
import { readXlsxImport } from '../xlsx/import-file';
import { display, rowCells, valueOf, type CellValue } from '../xlsx/cells';
import { headerAt, type HeaderCols, type HeaderScan } from '../xlsx/header';
import { rowBatches, type XlsxBook } from '../roster/read/xlsx-zip';
import { parseDecimal } from '../../../shared/format';
import { requireCourse } from './register';
import type { AnswerLetter } from '../../db/schema';

const m = vi.training.file;
export const MAX_BANK_BYTES = 20 * 1024 * 1024;
export const MAX_QUESTIONS = 5000;
const HEADER_SCAN_ROWS = 30;
const LETTERS = ['A', 'B', 'C', 'D'] as const;

type Column = 'question' | 'A' | 'B' | 'C' | 'D' | 'answer' | 'points';
const ALIASES: Record<Column, string[]> = {
  question: ['cau hoi', 'noi dung cau hoi'],
  A: ['a', 'phuong an a', 'dap an a'],
  B: ['b', 'phuong an b', 'dap an b'],
  C: ['c', 'phuong an c', 'dap an c'],
  D: ['d', 'phuong an d', 'dap an d'],
  answer: ['dap an', 'dap an dung'],
  points: ['diem', 'so diem'],
};

export interface BankQuestion {
  row: number;
  text: string;
  options: Record<AnswerLetter, string>;
  correct: AnswerLetter;
  points: number;
}

const HEADER: HeaderScan<Column> = {
  scanRows: HEADER_SCAN_ROWS,
  match: ALIASES,
  isHeader: (c) => (Object.keys(ALIASES) as Column[]).every((k) => c[k] !== undefined),
};

async function readRows(book: XlsxBook, file: string) {
  for (const entry of book.sheets) {
    const ws = await entry.open();
    const rows: { r: number; cells: CellValue[] }[] = [];
    let header: { r: number; cols: HeaderCols<Column> } | null = null;
    for await (const batch of rowBatches(ws)) {
      for (const row of batch) {
        const cells = rowCells(row);
        if (!header) {
          const cols = headerAt(row.number, cells, HEADER);
          if (cols) header = { r: row.number, cols };
        }
        if (header && row.number > header.r) rows.push({ r: row.number, cells });
        if (rows.length > MAX_QUESTIONS) throw new ApiError('VALIDATION', m.tooManyRows(file, MAX_QUESTIONS));
      }
    }
    if (header) return { cols: header.cols, rows };
  }
  return null;
}

/** Reads and checks the file; throws ApiError('VALIDATION') with every problem by row. */
export async function readQuestionBank(
  filePath: string,
  displayName = path.basename(filePath),
  existing: ReadonlySet<string> = new Set(),
): Promise<BankQuestion[]> {
  const file = displayName;
  const found = await readXlsxImport(filePath, file, MAX_BANK_BYTES, m, (book) => readRows(book, file));
  if (!found) throw new ApiError('VALIDATION', m.noHeader(file));
  const { cols, rows } = found;
  const issues: Issue[] = [];
  const out: BankQuestion[] = [];
  const firstRow = new Map<string, number>();
  const at = (cells: CellValue[], c: number | undefined) => (c === undefined ? null : valueOf(cells[c] ?? null));
  const text = (v: CellValue) => (v === null ? '' : (display(v) ?? '').normalize('NFC').trim());
  for (const { r, cells } of rows) {
    const values = (Object.keys(ALIASES) as Column[]).map((k) => at(cells, cols[k]));
    if (values.every((v) => v === null || text(v) === '')) continue;
    // The message names the row itself; the path stays empty so no list prints it twice.
    const problem = (message: string) => issues.push({ path: '', message });
    const before = issues.length;
    const q = text(at(cells, cols.question));
    if (!q) problem(m.missingQuestion(r));
    const options = {} as Record<AnswerLetter, string>;
    for (const l of LETTERS) {
      options[l] = text(at(cells, cols[l]));
      if (!options[l]) problem(m.missingOption(r, l));
    }
    const rawAnswer = text(at(cells, cols.answer));
    const answer = rawAnswer.toUpperCase();
    if (!rawAnswer) problem(m.missingAnswer(r));
    else if (!(LETTERS as readonly string[]).includes(answer)) problem(m.badAnswer(r, rawAnswer));
    const rawPoints = at(cells, cols.points);
    let points = 1;
    if (typeof rawPoints === 'number') points = rawPoints;
    else if (rawPoints !== null && text(rawPoints) !== '') {
      const p = parseDecimal(text(rawPoints));
      if (p === null) problem(m.badPoints(r, text(rawPoints)));
      else points = p;
    }
    if (!(points > 0) && issues.length === before) problem(m.nonPositive(r));
    if (q) {
      const key = foldText(q);
      const first = firstRow.get(key);
      if (first !== undefined) problem(m.duplicate(r, first));
      else if (existing.has(key)) problem(m.existing(r));
      else firstRow.set(key, r);
    }
    if (issues.length === before) out.push({ row: r, text: q, options, correct: answer as AnswerLetter, points: Math.round(points * 100) / 100 });
  }
  if (issues.length) throw new ApiError('VALIDATION', m.rejected(file, issues.length), issues);
  if (!out.length) throw new ApiError('VALIDATION', m.noQuestions(file));
  return out;
}

/** Imports into a course's bank; returns how many questions were stored (the count shown). */
export async function importQuestionBank(s: Services, actor: Actor, courseId: number, filePath: string, displayName: string): Promise<number> {
  requireCourse(s, courseId);
  const existing = new Set(s.db.all(s.db.q.selectFrom('training_question').select('text').where('course_id', '=', courseId)).map((q) => foldText(q.text)));
  const questions = await readQuestionBank(filePath, displayName, existing);
  return s.db.tx((w) => {
    requireCourse(s, courseId);
    const last = s.db.first(
      s.db.q
        .selectFrom('training_question')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('course_id', '=', courseId),
    );
    let pos = Number(last?.p ?? 0);
    for (const q of questions) {
      s.db.run(
        s.db.q.insertInto('training_question').values({
          course_id: courseId,
          position: ++pos,
          text: q.text,
          option_a: q.options.A,
          option_b: q.options.B,
          option_c: q.options.C,
          option_d: q.options.D,
          correct: q.correct,
          points: q.points,
          source_row: q.row,
        }),
      );
    }
    appendAudit(w, s, actor, {
      action: 'training.questions',
      entity: 'training_course',
      entityId: courseId,
      after: { file: displayName, questions: questions.length },
    });
    return questions.length;
  });
}
