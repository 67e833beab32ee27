// File exports of the appraisal screens and CLI: the council's form and the improvement plan
// (PDF/XLSX). Written atomically under the data folder's exports/ and handed out as a file ref.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Services } from '../context';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { requireAssessment } from '../assessment/common';
import { writeAtomically } from '../durable';
import type { FileRef } from '../../../shared/api/assessment-schemas';
import { buildTemplate, templateFileName } from './template';
import { planModel } from './plan-model';
import { writePlanPdf } from './plan-pdf';
import { writePlanXlsx } from './plan-xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function writeTemplateTo(s: Services, assessmentId: number, outPath: string): Promise<void> {
  const wb = buildTemplate(s, assessmentId);
  await mkdir(path.dirname(path.resolve(outPath)), { recursive: true });
  await writeAtomically(outPath, (tmp) => wb.xlsx.writeFile(tmp));
}

export async function writePlanTo(s: Services, assessmentId: number, format: 'pdf' | 'xlsx', outPath: string): Promise<void> {
  const model = planModel(s, assessmentId);
  await mkdir(path.dirname(path.resolve(outPath)), { recursive: true });
  if (format === 'pdf') await writePlanPdf(model, outPath);
  else await writePlanXlsx(model, outPath);
}

export const planFileName = (year: number, format: 'pdf' | 'xlsx') => `Ke hoach nang cao chi so CCHC ${year + 1}.${format}`;

async function exportFile(s: Services, fileName: string, mediaType: string, write: (out: string) => Promise<void>): Promise<FileRef> {
  const out = path.join(s.dataDir, 'exports', `${Date.now()}-${fileName.replace(/\s+/g, '-')}`);
  try {
    await write(out);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('INTERNAL', vi.export.failed(e instanceof Error ? e.message : String(e)));
  }
  return { fileId: s.files.register({ path: out, fileName, mediaType, disposition: 'attachment' }), fileName, mediaType };
}

export function exportTemplate(s: Services, assessmentId: number): Promise<FileRef> {
  const a = requireAssessment(s, assessmentId);
  return exportFile(s, templateFileName(a.year), XLSX, (out) => writeTemplateTo(s, assessmentId, out));
}

export function exportPlan(s: Services, assessmentId: number, format: 'pdf' | 'xlsx'): Promise<FileRef> {
  const a = requireAssessment(s, assessmentId);
  return exportFile(s, planFileName(a.year, format), format === 'pdf' ? 'application/pdf' : XLSX, (out) => writePlanTo(s, assessmentId, format, out));
}
