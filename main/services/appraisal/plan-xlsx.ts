// The improvement plan as one XLSX sheet the office can rework: heading, I. results by area with
// each deduction, II. targets and tasks by person or unit, III. organisation — the PDF's words
// (plan-text.ts), with points left as numbers so Excel can still add them.
import ExcelJS from 'exceljs';
import { writeAtomically } from '../durable';
import { summaryText } from '../summary/content';
import { formatIsoDate } from '../../../shared/vn-time';
import { viAppraisal } from '../../../shared/i18n/vi/appraisal';
import { planText } from './plan-text';
import type { PlanModel } from './plan-model';
import type { SummaryModel } from '../summary';

const FONT = 'Times New Roman';
const WIDTHS = [26, 9, 44, 10, 10, 10, 40, 12, 12];
const LAST = 'I';
const round2 = (n: number) => Math.round(n * 100) / 100;

export function buildPlanWorkbook(model: PlanModel): ExcelJS.Workbook {
  const txt = planText(model);
  const asSummary: SummaryModel = {
    office: model.office,
    year: model.year,
    criteriaSet: { name: model.setName, decision: model.setDecision },
    generatedAt: model.generatedAt,
    rows: [],
    totals: { points: model.total.appraised, applicableMax: model.total.max, percent: null, band: null },
    signer: model.signer,
  };
  const head = summaryText(asSummary);
  const wb = new ExcelJS.Workbook();
  wb.creator = viAppraisal.docs.creator;
  wb.title = txt.docTitle;
  wb.created = wb.modified = new Date(model.generatedAt);
  const ws = wb.addWorksheet(viAppraisal.docs.planSheet);
  ws.columns = WIDTHS.map((width) => ({ width }));
  let r = 1;
  const line = (value: string, opts: { bold?: boolean; italic?: boolean; center?: boolean; height?: number } = {}) => {
    ws.mergeCells(`A${r}:${LAST}${r}`);
    const c = ws.getCell(`A${r}`);
    c.value = value;
    c.font = { name: FONT, size: 12, bold: !!opts.bold, italic: !!opts.italic };
    c.alignment = { horizontal: opts.center ? 'center' : 'left', vertical: 'middle', wrapText: true };
    if (opts.height) ws.getRow(r).height = opts.height;
    r++;
  };
  const table = (header: string[], rows: (string | number | null)[][]) => {
    const hr = ws.getRow(r++);
    hr.values = header;
    hr.eachCell((c) => {
      c.font = { name: FONT, size: 11, bold: true };
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEBEBEB' } };
    });
    for (const values of rows) {
      const row = ws.getRow(r++);
      row.values = values;
      row.eachCell((c) => {
        c.font = { name: FONT, size: 11 };
        c.alignment = { vertical: 'top', wrapText: true };
      });
    }
  };

  line(`${head.parentUnit} — ${head.unit}`, { bold: true });
  line(`${head.nation} — ${head.motto}`, { bold: true });
  line(head.dateLine, { italic: true });
  line(txt.title, { bold: true, center: true });
  line(txt.subtitle, { bold: true, center: true });
  line(txt.intro, { height: 48 });
  r++;
  line(txt.section1, { bold: true });
  line(txt.overall, { height: 32 });
  table(
    viAppraisal.docs.areaColumns,
    model.areas.flatMap((a) => [
      [a.title, a.code, null, round2(a.max), round2(a.self), round2(a.appraised), null, round2(a.max - a.appraised)],
      ...a.deductions.map((d) => [
        null,
        d.code,
        d.title,
        null,
        null,
        null,
        d.notScored ? `${viAppraisal.notScored}. ${d.reason ?? ''}`.trim() : d.reason,
        round2(d.lost),
      ]),
    ]),
  );
  r++;
  line(txt.section2, { bold: true });
  line(txt.targetsHeading, { bold: true });
  table(
    viAppraisal.docs.targetColumns,
    model.targets.map((t, i) => [String(i + 1), null, t.text, t.targetValue, t.measuredValue, t.dueDate ? formatIsoDate(t.dueDate) : null]),
  );
  line(txt.tasksHeading, { bold: true });
  table(
    viAppraisal.docs.taskColumns,
    model.groups.flatMap((g) =>
      g.tasks.map((t) => [
        g.who,
        t.code,
        t.title,
        t.code === null ? null : round2(t.lost), // blank for a hand-added task: no criterion lost points
        t.dueDate ? formatIsoDate(t.dueDate) : null,
        viAppraisal.taskStatus[t.status],
        t.measure || null,
        t.statusNote,
      ]),
    ),
  );
  r++;
  line(txt.section3, { bold: true });
  for (const p of txt.organisation) line(p, { height: 32 });
  r++;
  line(head.signer.heading, { bold: true, center: true });
  if (head.signer.name) {
    r += 3;
    line(head.signer.name, { bold: true, center: true });
  }
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return wb;
}

export async function writePlanXlsx(model: PlanModel, outPath: string): Promise<void> {
  const wb = buildPlanWorkbook(model);
  await writeAtomically(outPath, (tmp) => wb.xlsx.writeFile(tmp));
}
