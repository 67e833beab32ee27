// Exam results as XLSX and PDF (Vietnamese), per person with each step, then per commune.
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Services, Actor } from '../context';
import type { Office } from '../../../shared/api/schemas';
import { trustedNow } from '../trusted-time';
import { dateLine, documentHeading } from '../summary/content';
import { viExamDay } from '../../../shared/i18n/vi/exam-day';
import { roundResults } from './results';
import { writeTablePdf } from '../documents/table-pdf';
import { writeAtomically } from '../durable';
import { requireOffice } from '../office';
import type { FileRef } from '../../../shared/api/assessment-schemas';
import type { ResultsView } from '../../../shared/api/exam-schemas';

const w = viExamDay.results;
const RESULT = { dat: w.passed, khong_dat: w.failed } as const;
const passedText = (p: boolean | null) => (p === null ? w.pending : p ? w.passed : w.failed);
const stepText = (r: ResultsView['people'][number], step: number) => {
  const x = r.steps.find((s) => s.step === step);
  if (!x) return '';
  return x.result ? RESULT[x.result] : '…';
};
/** Appointment codes booked in step 1, one per line: a code is never split across lines. */
const codesText = (r: ResultsView['people'][number]) => r.steps.find((s) => s.step === 1)?.codes.join('\n') ?? '';

export function resultRows(r: ResultsView): string[][] {
  return r.people.map((p, i) => [
    String(i + 1),
    p.fullName,
    p.positionTitle ?? '',
    p.commune,
    codesText(p),
    stepText(p, 1),
    stepText(p, 2),
    stepText(p, 3),
    stepText(p, 4),
    passedText(p.passed),
  ]);
}

export const RESULT_COLUMNS: string[] = [...w.columns];
const CODES_COL = 4;

export async function writeResultsXlsx(r: ResultsView, outPath: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = w.creator;
  const ws = wb.addWorksheet(w.sheet, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.mergeCells(1, 1, 1, RESULT_COLUMNS.length);
  ws.getCell(1, 1).value = w.sheetTitle(r.round.name).normalize('NFC');
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = ws.getRow(3);
  header.values = RESULT_COLUMNS;
  header.font = { bold: true };
  resultRows(r).forEach((cells, i) => {
    const row = ws.getRow(4 + i);
    row.values = [Number(cells[0]), ...cells.slice(1).map((c) => c.normalize('NFC'))];
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  [6, 26, 24, 22, 28, 11, 11, 11, 11, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const sum = wb.addWorksheet(w.communeSheet);
  sum.addRow([...w.communeColumns]).font = { bold: true };
  for (const c of r.communes) sum.addRow([c.commune, c.people, c.passed, c.failed, c.pending]);
  sum.addRow([w.total, r.totals.people, r.totals.passed, r.totals.failed, r.totals.pending]).font = { bold: true };
  sum.getColumn(1).width = 28;
  await writeAtomically(outPath, (tmp) => wb.xlsx.writeFile(tmp));
}

/** The national heading and the signature blocks, as on the office's other documents. */
export function resultsDocParts(office: Office, now: number, preparedBy: string | null) {
  return {
    heading: { ...documentHeading(office), dateLine: dateLine(office.commune, now) },
    signatures: [
      { ...w.preparedBy, name: preparedBy },
      { ...w.committee, name: null },
    ],
  };
}

/** The results table as an A4 landscape PDF; `afterLines` adds notes under the totals (e.g. incidents). */
export async function writeResultsPdf(
  r: ResultsView,
  author: string,
  outPath: string,
  afterLines: string[] = [],
  doc?: { office: Office; now: number; preparedBy?: string | null },
): Promise<void> {
  await writeTablePdf(
    {
      ...(doc ? resultsDocParts(doc.office, doc.now, doc.preparedBy ?? null) : {}),
      titleLines: [w.title, r.round.name],
      subtitle: [r.round.venue, r.round.examDate ? w.onDay(r.round.examDate.split('-').reverse().join('/')) : null].filter(Boolean).join(', ') || undefined,
      columns: RESULT_COLUMNS.map((header, i) => ({
        header,
        width: [3, 12, 11, 10, 0, 6, 6, 6, 6, 7][i]!,
        align: i === 0 || i >= 5 ? 'center' : 'left',
        ...(i === CODES_COL ? { fit: true } : {}),
      })),
      rows: resultRows(r),
      afterLines: [w.totals(r.totals.people, r.totals.passed, r.totals.failed, r.totals.pending), ...afterLines],
      landscape: true,
      meta: { title: w.docTitle(r.round.name), author },
    },
    outPath,
  );
}

export async function exportResults(s: Services, roundId: number, format: 'xlsx' | 'pdf', actor?: Actor): Promise<FileRef> {
  const r = roundResults(s, roundId);
  const dir = path.join(s.dataDir, 'exports');
  await mkdir(dir, { recursive: true });
  const out = path.join(dir, `${Date.now()}-ket-qua-thi.${format}`);
  if (format === 'xlsx') await writeResultsXlsx(r, out);
  else {
    const office = requireOffice(s);
    await writeResultsPdf(r, office.commune, out, [], { office, now: trustedNow(s), preparedBy: actor?.name ?? null });
  }
  const fileName = `Ket qua kiem tra nang luc.${format}`;
  const mediaType = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return { fileId: s.files.register({ path: out, fileName, mediaType, disposition: 'attachment' }), fileName, mediaType };
}
