// Kế hoạch nâng cao Chỉ số CCHC as an A4 PDF laid out like document 002: the national heading,
// "I. Kết quả …" with a bar chart per area (maximum, self-score, council) and each area's
// deductions, "II. Nhiệm vụ, giải pháp" (targets, then tasks by person or unit), "III. Tổ chức
// thực hiện" and the signature block. The heading, signature, fonts and wrapping are the summary
// table's (services/summary), so both documents look alike. The chart is drawn with pdf-lib from
// the same numbers the screen's chart shows.
import { writeFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { writeAtomically } from '../summary/atomic';
import { fontBytes, widthCache } from '../summary/fonts';
import { summaryText } from '../summary/content';
import { CONTENT_WIDTH, PAGE, baseline, lineHeight, textWidth, wrapText, type Face } from '../summary/pdf-layout';
import { NO_POSITIONING, drawHeading, drawPageNumbers, drawSignature, setMetadata, signatureHeight, type Fonts } from '../summary/pdf';
import { planText } from './plan-text';
import type { PlanModel } from './plan-model';
import type { SummaryModel } from '../summary';

const BLACK = rgb(0, 0, 0);
const BAR = { max: rgb(0.78, 0.78, 0.78), self: rgb(0.16, 0.42, 0.75), appraised: rgb(0.89, 0.45, 0.11) };
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

/** Grouped bars per area: maximum, self-score, council; values above the bars, codes below. */
function drawChart(flow: Flow, model: PlanModel, labels: { max: string; self: string; appraised: string; title: string }): void {
  const height = 150;
  const legendH = 16;
  flow.ensure(height + legendH + 40);
  const { page, f } = flow;
  const top = flow.y - 6;
  const left = PAGE.left + 24;
  const width = CONTENT_WIDTH - 30;
  const bottom = top - legendH - height;
  const peak = Math.max(1, ...model.areas.map((a) => Math.max(a.max, a.self, a.appraised)));
  // Room above the tallest bar for its label, below the legend.
  const scale = (height - 14) / peak;
  // Legend
  let lx = left;
  for (const [key, text] of [
    ['max', labels.max],
    ['self', labels.self],
    ['appraised', labels.appraised],
  ] as const) {
    page.drawRectangle({ x: lx, y: top - 10, width: 9, height: 9, color: BAR[key] });
    page.drawText(nfc(text), { x: lx + 12, y: top - 9, font: f.regular.font, size: SIZE.small, color: BLACK });
    lx += 24 + textWidth(f.regular, nfc(text), SIZE.small);
  }
  // Axis and a few gridlines
  page.drawLine({ start: { x: left, y: bottom }, end: { x: left + width, y: bottom }, thickness: 0.6, color: BLACK });
  const step = peak > 10 ? 5 : 1;
  for (let v = 0; v <= peak; v += step) {
    const y = bottom + v * scale;
    if (v > 0) page.drawLine({ start: { x: left, y }, end: { x: left + width, y }, thickness: 0.2, color: rgb(0.85, 0.85, 0.85) });
    const t = String(v);
    page.drawText(t, { x: left - 4 - textWidth(f.regular, t, SIZE.small), y: y - 3, font: f.regular.font, size: SIZE.small, color: BLACK });
  }
  const n = Math.max(1, model.areas.length);
  const slot = width / n;
  const bw = Math.min(14, (slot - 8) / 3);
  model.areas.forEach((a, i) => {
    const x0 = left + i * slot + (slot - 3 * bw) / 2;
    ([a.max, a.self, a.appraised] as const).forEach((v, k) => {
      const key = (['max', 'self', 'appraised'] as const)[k]!;
      const h = Math.max(0.5, v * scale);
      page.drawRectangle({ x: x0 + k * bw, y: bottom, width: bw - 1, height: h, color: BAR[key] });
      // Only the council's figure is written on the chart: three labels side by side overlap.
      if (key !== 'appraised') return;
      const t = String(Math.round(v * 100) / 100).replace('.', ',');
      const tw = textWidth(f.bold, t, 8);
      page.drawText(t, { x: x0 + k * bw + (bw - 1 - tw) / 2, y: bottom + h + 2, font: f.bold.font, size: 8, color: BLACK });
    });
    const label = `${labels.title} ${a.code}`;
    const lw = textWidth(f.regular, nfc(label), SIZE.small);
    page.drawText(nfc(label), { x: left + i * slot + (slot - lw) / 2, y: bottom - 12, font: f.regular.font, size: SIZE.small, color: BLACK });
  });
  flow.y = bottom - 22;
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
  drawChart(flow, model, txt.chart);
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
