// Exam results as XLSX and PDF (Vietnamese), per person with each step, then per commune.
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Services } from '../context';
import { roundResults } from './results';
import { writeTablePdf } from '../documents/table-pdf';
import { writeAtomically } from '../summary/atomic';
import { requireOffice } from '../office';
import type { FileRef } from '../../../shared/api/assessment-schemas';
import type { ResultsView } from '../../../shared/api/exam-schemas';

const RESULT = { dat: 'Đạt', khong_dat: 'Không đạt' } as const;
const passedText = (p: boolean | null) => (p === null ? 'Chưa xong' : p ? 'Đạt' : 'Không đạt');
const stepText = (r: ResultsView['people'][number], step: number) => {
  const x = r.steps.find((s) => s.step === step);
  if (!x) return '';
  return [x.result ? RESULT[x.result] : '…', x.codes.length ? x.codes.join(', ') : ''].filter(Boolean).join('\n');
};

export function resultRows(r: ResultsView): string[][] {
  return r.people.map((p, i) => [
    String(i + 1),
    p.fullName,
    p.positionTitle ?? '',
    p.commune,
    stepText(p, 1),
    stepText(p, 2),
    stepText(p, 3),
    stepText(p, 4),
    passedText(p.passed),
  ]);
}

export const RESULT_COLUMNS = ['STT', 'Họ và tên', 'Chức danh', 'Xã/phường/thị trấn', 'Bước 1', 'Bước 2', 'Bước 3', 'Bước 4', 'Kết quả'];

export async function writeResultsXlsx(r: ResultsView, outPath: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kiểm Chứng';
  const ws = wb.addWorksheet('Kết quả', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.mergeCells(1, 1, 1, RESULT_COLUMNS.length);
  ws.getCell(1, 1).value = `KẾT QUẢ KIỂM TRA, ĐÁNH GIÁ NĂNG LỰC — ${r.round.name}`.normalize('NFC');
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
  [6, 26, 24, 22, 22, 14, 14, 14, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const sum = wb.addWorksheet('Theo xã');
  sum.addRow(['Xã/phường/thị trấn', 'Số người', 'Đạt', 'Không đạt', 'Chưa xong']).font = { bold: true };
  for (const c of r.communes) sum.addRow([c.commune, c.people, c.passed, c.failed, c.pending]);
  sum.addRow(['Tổng cộng', r.totals.people, r.totals.passed, r.totals.failed, r.totals.pending]).font = { bold: true };
  sum.getColumn(1).width = 28;
  await writeAtomically(outPath, (tmp) => wb.xlsx.writeFile(tmp));
}

/** The results table as an A4 landscape PDF; `afterLines` adds notes under the totals (e.g. incidents). */
export async function writeResultsPdf(r: ResultsView, author: string, outPath: string, afterLines: string[] = []): Promise<void> {
  await writeTablePdf(
    {
      titleLines: ['KẾT QUẢ KIỂM TRA, ĐÁNH GIÁ NĂNG LỰC CÁN BỘ, CÔNG CHỨC CẤP XÃ', r.round.name],
      subtitle: [r.round.venue, r.round.examDate ? `ngày ${r.round.examDate.split('-').reverse().join('/')}` : null].filter(Boolean).join(', ') || undefined,
      columns: RESULT_COLUMNS.map((header, i) => ({ header, width: [3, 12, 11, 10, 11, 8, 8, 8, 7][i]!, align: i === 0 || i === 8 ? 'center' : 'left' })),
      rows: resultRows(r),
      afterLines: [
        `Tổng số: ${r.totals.people} người — Đạt: ${r.totals.passed}; Không đạt: ${r.totals.failed}; Chưa xong: ${r.totals.pending}.`,
        ...afterLines,
      ],
      landscape: true,
      meta: { title: `Kết quả kiểm tra — ${r.round.name}`, author },
    },
    outPath,
  );
}

export async function exportResults(s: Services, roundId: number, format: 'xlsx' | 'pdf'): Promise<FileRef> {
  const r = roundResults(s, roundId);
  const dir = path.join(s.dataDir, 'exports');
  await mkdir(dir, { recursive: true });
  const out = path.join(dir, `${Date.now()}-ket-qua-thi.${format}`);
  if (format === 'xlsx') await writeResultsXlsx(r, out);
  else await writeResultsPdf(r, requireOffice(s).commune, out);
  const fileName = `Ket qua kiem tra nang luc.${format}`;
  const mediaType = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return { fileId: s.files.register({ path: out, fileName, mediaType, disposition: 'attachment' }), fileName, mediaType };
}
