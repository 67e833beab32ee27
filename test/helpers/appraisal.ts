// The Phú Thượng results of document 002 (../shared/data/criteria-phu-thuong-2021.json) as the
// council's XLSX, built at test time, and an assessment of that year on the sample criteria set
// with the document's self-scores entered through the API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { TestApp } from './services';
import { repoRoot } from './cli';

export interface DocNode {
  code: string;
  parent: string | null;
  title: string;
  maxPoints: number | null;
  selfOrAppraisedPoints: number | null;
  alternativePoints?: { value: number; by: string } | null;
  deductionReason: string | null;
  remediation: string | null;
  assignees: string[];
}

export const DOC_002: DocNode[] = JSON.parse(readFileSync(path.join(repoRoot, '..', 'shared', 'data', 'criteria-phu-thuong-2021.json'), 'utf8')) as DocNode[];
export const SAMPLE_CODES: string[] = (
  JSON.parse(readFileSync(path.join(repoRoot, 'resources', 'criteria', 'phu-thuong-2021.json'), 'utf8')) as { criteria: { code: string }[] }
).criteria.map((c) => c.code);

/** The council's points as the document gives them: its second score (1.8) where it names one. */
export const councilPoints = (n: DocNode): number | null => n.alternativePoints?.value ?? n.selfOrAppraisedPoints;

/** A criterion's reason: its own, else those the document wrote under its sub-items (1.3 → 1.3.a). */
export function reasonOf(code: string): string | null {
  const own = DOC_002.find((n) => n.code === code)?.deductionReason;
  if (own) return own;
  const below = DOC_002.filter((n) => n.code.startsWith(code + '.') && !SAMPLE_CODES.includes(n.code) && n.deductionReason).map((n) => n.deductionReason!);
  return below.length ? below.join(' ') : null;
}

export type ResultRow = [code: string | number | null, points: string | number | null, reason: string | null];

/**
 * Writes the council's workbook: title rows ("Đơn vị:", "Năm:" …) then Mã | Tiêu chí | Điểm thẩm
 * định | Lý do trừ điểm. Returns the row number of the first data row.
 */
export async function writeResultsXlsx(file: string, rows: ResultRow[], opts: { titleRows?: string[] } = {}): Promise<number> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kết quả');
  let r = 1;
  for (const t of opts.titleRows ?? ['KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CCHC NĂM 2021', 'Đơn vị: UBND xã Phú Thượng', 'Năm: 2021']) ws.getCell(r++, 1).value = t;
  r++;
  ['Mã', 'Tiêu chí', 'Điểm thẩm định', 'Lý do trừ điểm'].forEach((h, i) => (ws.getCell(r, i + 1).value = h));
  const first = ++r;
  for (const [code, points, reason] of rows) {
    if (code !== null) ws.getCell(r, 1).value = code;
    ws.getCell(r, 2).value = DOC_002.find((n) => n.code === code)?.title ?? '';
    if (points !== null) ws.getCell(r, 3).value = points;
    if (reason !== null) ws.getCell(r, 4).value = reason;
    r++;
  }
  await wb.xlsx.writeFile(file);
  return first;
}

/** Every code of the sample set with the document's council points and reasons. */
export function docRows(opts: { leavesOnly?: boolean } = {}): ResultRow[] {
  const parents = new Set(SAMPLE_CODES.map((c) => c.split('.').slice(0, -1).join('.')).filter(Boolean));
  return SAMPLE_CODES.map((code) => {
    const n = DOC_002.find((d) => d.code === code)!;
    const leaf = !parents.has(code);
    // A leaf without a maximum cannot be scored: its cell stays blank (the check refuses a number there).
    const points = (opts.leavesOnly && !leaf) || (leaf && n.maxPoints === null) ? null : councilPoints(n);
    return [code, points, reasonOf(code)];
  });
}

/** Creates the 2021 assessment on the sample set and enters the document's self-scores. */
export async function phuThuong2021(app: TestApp, leader: string, year = 2021): Promise<number> {
  const set = await app.call('criteria.importSample', {}, leader);
  const now = app.clock.now();
  const a = await app.call('assessment.create', { year, setId: set.id, opensAt: now - 86_400_000, closesAt: now + 30 * 86_400_000 }, leader);
  const detail = await app.call('assessment.get', { assessmentId: a.id }, leader);
  for (const it of detail.items) {
    const n = DOC_002.find((d) => d.code === it.criterionCode)!;
    const max = detail.nodes.find((x) => x.code === it.criterionCode)!.maxPoints;
    if (max === null || n.selfOrAppraisedPoints === null) continue;
    await app.call('item.update', { itemId: it.id, points: Math.min(n.selfOrAppraisedPoints, max) }, leader);
  }
  return a.id;
}
