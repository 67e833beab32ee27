// The council's form (Mẫu kết quả thẩm định): title rows saying whose results these are (read
// back on import: another office's or year's file is refused), then Mã | Tiêu chí | Điểm tối đa |
// Điểm tự chấm | Điểm thẩm định | Lý do trừ điểm with the last two left empty for the council.
import ExcelJS from 'exceljs';
import type { Services } from '../context';
import { requireAssessment } from '../assessment/common';
import { criteriaNodes } from '../assessment/criteria-sets';
import { totalsFor } from '../assessment/views';
import { requireOffice } from '../office';
import { vi } from '../../../shared/i18n/vi';
import { viAppraisal } from '../../../shared/i18n/vi/appraisal';

const w = viAppraisal.docs;

const FONT = 'Times New Roman';
export const TEMPLATE_HEADER = w.templateHeader;
export const TEMPLATE_HEADER_ROW = 7;

export function buildTemplate(s: Services, assessmentId: number): ExcelJS.Workbook {
  const a = requireAssessment(s, assessmentId);
  const office = requireOffice(s);
  const set = s.db.first(s.db.q.selectFrom('criteria_set').select('name').where('id', '=', a.set_id))!;
  const nodes = criteriaNodes(s, a.set_id);
  const totals = totalsFor(s, a);
  const items = new Map(
    s.db
      .all(s.db.q.selectFrom('assessment_item').select(['criterion_code', 'points', 'not_applicable']).where('assessment_id', '=', a.id))
      .map((i) => [i.criterion_code, i]),
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = w.creator;
  const ws = wb.addWorksheet(w.templateSheet);
  ws.columns = [10, 60, 11, 11, 13, 50].map((width) => ({ width }));
  const kind = vi.officeKinds[office.kind].toLowerCase();
  const where = [office.district && w.district(office.district), w.province(office.province)].filter(Boolean).join(', ');
  const title = (r: number, text: string, bold = false) => {
    ws.mergeCells(`A${r}:F${r}`);
    const c = ws.getCell(`A${r}`);
    c.value = text;
    c.font = { name: FONT, size: 12, bold };
    c.alignment = { wrapText: true, vertical: 'middle' };
  };
  title(1, w.templateTitle(a.year), true);
  title(2, w.templateUnit(w.unit(kind, office.commune), where));
  title(3, w.templateYear(a.year));
  title(4, w.templateSet(set.name));
  title(5, w.templateHint);
  ws.getRow(5).height = 46;
  const hr = ws.getRow(TEMPLATE_HEADER_ROW);
  hr.values = [...TEMPLATE_HEADER];
  hr.eachCell((c) => {
    c.font = { name: FONT, size: 11, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEBEBEB' } };
  });
  let r = TEMPLATE_HEADER_ROW + 1;
  for (const n of nodes) {
    const it = items.get(n.code);
    const self = n.isLeaf ? (it?.not_applicable ? w.notApplicable : (it?.points ?? null)) : (totals.byCode[n.code]?.points ?? null);
    const row = ws.getRow(r++);
    row.values = [n.code, n.title, n.maxPoints, self, null, null];
    // Codes stay text: "1.10" typed as a number would become 1.1.
    row.getCell(1).numFmt = '@';
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.font = { name: FONT, size: 11, bold: !n.isLeaf };
      c.alignment = { vertical: 'top', wrapText: col === 2 || col === 6 };
    });
  }
  ws.views = [{ state: 'frozen', ySplit: TEMPLATE_HEADER_ROW }];
  return wb;
}

export const templateFileName = (year: number) => `Mau ket qua tham dinh CCHC ${year}.xlsx`;
