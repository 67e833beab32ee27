// Kế hoạch nâng cao Chỉ số CCHC as an A4 PDF laid out like document 002: the national heading,
// "I. Kết quả …" with a bar chart per area (maximum, self-score, council), the year-over-year
// chart when earlier years were appraised (as on the screen), and each area's
// deductions, "II. Nhiệm vụ, giải pháp" (targets, then tasks by person or unit), "III. Tổ chức
// thực hiện" and the signature block. The heading, signature, fonts and wrapping are the summary
// table's (services/documents: fonts, wrapping, heading and signature drawing), so both documents look alike. The charts are the screen's own
// recharts charts (shared/charts), rendered by chart-render.ts and drawn by svg-to-pdf.ts.
import { writeFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { writeAtomically } from '../durable';
import { fontBytes, widthCache } from '../documents/fonts';
import { summaryText } from '../summary/content';
import { CONTENT_WIDTH, PAGE, baseline, lineHeight, wrapText, type Face } from '../documents/pdf-layout';
import { NO_POSITIONING, drawHeading, drawPageNumbers, drawSignature, setMetadata, signatureHeight, type Fonts } from '../summary/pdf';
import { chartLegend } from '../../../shared/charts/appraisal-charts';
import { renderAreaChart, renderYearsChart, type RenderedChart } from './chart-render';
import { drawChartSvg, legendHeight } from './svg-to-pdf';
import { planText } from './plan-text';
import type { PlanModel } from './plan-model';
import type { SummaryModel } from '../summary';

const BLACK = rgb(0, 0, 0);
const SIZE = { section: 12, body: 11.5, small: 9 };
const nfc = (s: string) => s.normalize('NFC');

class Flow {
  page: PDFPage;
  y: number;
  constructor(
    private doc: PDFDocument,
    readonly f: Fonts,
    first: PDFPage,
    top: number,
  ) {
    this.page = first;
    this.y = top;
  }
  ensure(h: number): void {
    if (this.y - h >= PAGE.bottom) return;
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.top;
  }
  /** A wrapped paragraph; `indent` for list lines, `gap` above it. */
  para(text: string, opts: { face?: Face; size?: number; indent?: number; gap?: number } = {}): void {
    const face = opts.face ?? this.f.regular;
    const size = opts.size ?? SIZE.body;
    const indent = opts.indent ?? 0;
    this.y -= opts.gap ?? 2;
    for (const line of wrapText(nfc(text), face, size, CONTENT_WIDTH - indent)) {
      this.ensure(lineHeight(size));
      this.page.drawText(line, { x: PAGE.left + indent, y: baseline(this.y, size), font: face.font, size, color: BLACK });
      this.y -= lineHeight(size);
    }
  }
}

/** Chart size in CSS pixels: the screen's chart is about this wide; scaled to the text width on the page. */
const CHART = { width: 720, height: 300 };

/** One of the screen's recharts charts (shared/charts), rendered and drawn on the page at the text width. */
async function drawRechart(flow: Flow, render: (legendHeight: number) => Promise<RenderedChart>, legend: string[]): Promise<void> {
  const chart = await render(legendHeight(flow.f.regular, legend, CHART.width - 20));
  const scale = CONTENT_WIDTH / chart.width;
  flow.ensure(chart.height * scale + 12);
  flow.y -= 6;
  flow.y -= drawChartSvg(flow.page, chart, flow.f.regular, PAGE.left, flow.y, CONTENT_WIDTH) + 6;
}

export async function renderPlanPdf(model: PlanModel): Promise<Uint8Array> {
  const txt = planText(model);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const bytes = await fontBytes();
  const face = async (b: Uint8Array): Promise<Face> => ({ font: await doc.embedFont(b, { subset: true, features: NO_POSITIONING }), widths: widthCache(b) });
  const fonts: Fonts = { regular: await face(bytes.regular), bold: await face(bytes.bold), italic: await face(bytes.italic) };
  // The formal heading of the summary table, with the plan's own title.
  const asSummary: SummaryModel = {
    office: model.office,
    year: model.year,
    criteriaSet: { name: model.setName, decision: model.setDecision },
    generatedAt: model.generatedAt,
    rows: [],
    totals: { points: model.total.appraised, applicableMax: model.total.max, percent: null, band: null },
    signer: model.signer,
  };
  const heading = { ...summaryText(asSummary), title: txt.title, subtitle: txt.subtitle, docTitle: txt.docTitle };
  setMetadata(doc, asSummary, heading);
  const first = doc.addPage([PAGE.width, PAGE.height]);
  const flow = new Flow(doc, fonts, first, drawHeading(first, heading, fonts));
  const b = fonts.bold;
  const i = fonts.italic;

  flow.para(txt.intro, { gap: 4 });
  flow.para(txt.section1, { face: b, size: SIZE.section, gap: 10 });
  flow.para(txt.overall, { gap: 4 });
  await drawRechart(flow, (lh) => renderAreaChart(model, CHART.width, CHART.height, lh), chartLegend.areas);
  if (txt.years) {
    flow.para(txt.years, { gap: 4 });
    const legend = [chartLegend.total, ...model.areas.map((a) => chartLegend.area(a.code))];
    await drawRechart(flow, (lh) => renderYearsChart(model, CHART.width, CHART.height, lh), legend);
  }
  model.areas.forEach((a) => {
    flow.para(txt.areaLine(a), { face: b, gap: 6 });
    if (a.deductions.length === 0) flow.para(txt.noDeduction, { face: i, indent: 12 });
    for (const d of a.deductions) flow.para(txt.deduction(d), { indent: 12 });
  });

  flow.para(txt.section2, { face: b, size: SIZE.section, gap: 12 });
  flow.para(txt.targetsHeading, { face: b, gap: 6 });
  if (model.targets.length === 0) flow.para(txt.noTargets, { face: i, indent: 12 });
  for (const t of model.targets) flow.para(txt.target(t), { indent: 12 });
  flow.para(txt.tasksHeading, { face: b, gap: 6 });
  if (model.groups.length === 0) flow.para(txt.noTasks, { face: i, indent: 12 });
  model.groups.forEach((g, n) => {
    flow.para(txt.groupLine(n, g.who), { face: b, gap: 4, indent: 6 });
    for (const t of g.tasks) flow.para(txt.task(t), { indent: 12 });
  });

  flow.para(txt.section3, { face: b, size: SIZE.section, gap: 12 });
  for (const p of txt.organisation) flow.para(p, { gap: 3 });
  flow.ensure(signatureHeight() + 10);
  drawSignature(flow.page, flow.y, heading, fonts);
  drawPageNumbers(doc, fonts.regular);
  return doc.save();
}

export async function writePlanPdf(model: PlanModel, outPath: string): Promise<void> {
  const bytes = await renderPlanPdf(model);
  await writeAtomically(outPath, (tmp) => writeFile(tmp, bytes));
}
