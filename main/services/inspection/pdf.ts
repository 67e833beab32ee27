// The inspection report as an A4 PDF in the layout of Vietnamese administrative documents
// (Nghị định 30/2020): unit and national heading, date line, title, the outline with its numbers
// (I, I.1, I.1.1 …), each item's prompt, the text entered and its attached documents, then the
// recipients and the signature block. Fonts, wrapping and the heading words are the summary
// table's (services/documents: fonts, wrapping, heading and signature drawing), so both documents look alike.
import { writeFile } from 'node:fs/promises';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { writeAtomically } from '../durable';
import { drawPageNumbers, embedFonts } from '../documents/pdf-draw';
import { summaryText, nfc } from '../summary/content';
import type { SummaryModel } from '../summary/model';
import { CONTENT_WIDTH, HEADING_SPLIT, PAGE, balancedWrap, baseline, lineHeight, textWidth, wrapText, type Face } from '../documents/pdf-layout';
import type { InspectionDetail } from '../../../shared/api/inspection-schemas';
import { vi } from '../../../shared/i18n/vi';

const t = vi.inspection.pdf;
const BLACK = rgb(0, 0, 0);
const SIZE = { heading: 12, title: 13.5, body: 12, small: 11 };

export interface InspectionPdfModel {
  office: SummaryModel['office'];
  detail: InspectionDetail;
  generatedAt: number;
  signerName: string | null;
}

class Writer {
  page: PDFPage;
  y: number;
  constructor(
    private doc: PDFDocument,
    private f: { regular: Face; bold: Face; italic: Face },
  ) {
    this.page = doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.top;
  }
  ensure(h: number) {
    if (this.y - h < PAGE.bottom) {
      this.page = this.doc.addPage([PAGE.width, PAGE.height]);
      this.y = PAGE.height - PAGE.top;
    }
  }
  /** Left-aligned wrapped paragraph with a hanging indent. */
  para(s: string, face: 'regular' | 'bold' | 'italic', size: number, indent = 0, gap = 2) {
    for (const raw of nfc(s).split('\n')) {
      for (const line of wrapText(raw, this.f[face], size, CONTENT_WIDTH - indent)) {
        this.ensure(lineHeight(size));
        this.page.drawText(line, { x: PAGE.left + indent, y: baseline(this.y, size), size, font: this.f[face].font, color: BLACK });
        this.y -= lineHeight(size);
      }
    }
    this.y -= gap;
  }
  centred(s: string, face: 'regular' | 'bold' | 'italic', size: number, cx: number, width: number) {
    for (const line of balancedWrap(nfc(s), this.f[face], size, width)) {
      const w = textWidth(this.f[face], line, size);
      this.page.drawText(line, { x: cx - w / 2, y: baseline(this.y, size), size, font: this.f[face].font, color: BLACK });
      this.y -= lineHeight(size);
    }
  }
}

export async function renderInspectionPdf(m: InspectionPdfModel): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const f = await embedFonts(doc);
  const { detail } = m;
  const ins = detail.inspection;
  const head = summaryText({
    office: m.office,
    year: ins.year,
    criteriaSet: { name: '', decision: null },
    generatedAt: m.generatedAt,
    rows: [],
    totals: { points: 0, applicableMax: 0, percent: null, band: null },
    signer: null,
  });
  doc.setTitle(`${t.title} ${t.subtitle(ins.year)}`);
  doc.setAuthor(head.author);
  doc.setCreator(vi.app.name);
  doc.setLanguage('vi');
  doc.setCreationDate(new Date(m.generatedAt));
  doc.setModificationDate(new Date(m.generatedAt));

  const w = new Writer(doc, f);
  const left = { cx: PAGE.left + (CONTENT_WIDTH * HEADING_SPLIT) / 2, width: CONTENT_WIDTH * HEADING_SPLIT - 6 };
  const right = { cx: PAGE.left + CONTENT_WIDTH * HEADING_SPLIT + (CONTENT_WIDTH * (1 - HEADING_SPLIT)) / 2, width: CONTENT_WIDTH * (1 - HEADING_SPLIT) };
  const top = w.y;
  w.centred(head.parentUnit, 'regular', SIZE.heading, left.cx, left.width);
  w.centred(head.unit, 'bold', SIZE.heading, left.cx, left.width);
  const ly = w.y;
  w.page.drawLine({ start: { x: left.cx - 30, y: ly - 2 }, end: { x: left.cx + 30, y: ly - 2 }, thickness: 0.6, color: BLACK });
  w.y = top;
  const nationSize = Math.min(SIZE.heading, (SIZE.heading * right.width) / textWidth(f.bold, head.nation, SIZE.heading));
  w.centred(head.nation, 'bold', nationSize, right.cx, right.width + 40);
  const mottoW = textWidth(f.bold, head.motto, SIZE.heading);
  w.centred(head.motto, 'bold', SIZE.heading, right.cx, right.width);
  w.page.drawLine({ start: { x: right.cx - mottoW / 2, y: w.y + 2 }, end: { x: right.cx + mottoW / 2, y: w.y + 2 }, thickness: 0.6, color: BLACK });
  w.y -= 8;
  w.centred(head.dateLine, 'italic', SIZE.heading, right.cx, right.width);
  w.y = Math.min(w.y, ly) - 18;
  const cx = PAGE.left + CONTENT_WIDTH / 2;
  w.centred(t.title, 'bold', SIZE.title, cx, CONTENT_WIDTH);
  w.centred(t.subtitle(ins.year), 'bold', SIZE.heading, cx, CONTENT_WIDTH - 40);
  w.centred(t.basis(ins.planNumber, ins.planDate), 'italic', SIZE.small, cx, CONTENT_WIDTH - 40);
  w.y -= 12;

  for (const l of detail.lines) {
    if (l.kind === 'heading') {
      w.ensure(lineHeight(SIZE.body) * 3);
      w.para(`${l.key}. ${l.title}`, 'bold', SIZE.body, 0, 3);
      continue;
    }
    const hasPrompt = l.prompt.trim().length > 0;
    if (hasPrompt) w.para(`${l.key}. ${l.prompt}`, 'italic', SIZE.body, 12);
    w.para(l.text.trim() || t.empty, 'regular', SIZE.body, 12);
    if (l.prefilled) w.para(t.prefilledNote, 'italic', SIZE.small, 12);
    if (l.check === 'apologyPerDossier' && (detail.late.length || detail.lateProblems.length)) {
      for (const d of detail.late)
        w.para(
          `- ${d.dossierCode}: ${d.apologyNumber ?? '…'}${d.apologyDate ? ` (${d.apologyDate.split('-').reverse().join('/')})` : ''}`,
          'regular',
          SIZE.small,
          24,
        );
      for (const p of detail.lateProblems) w.para(p, 'italic', SIZE.small, 24);
    }
    if (l.check === 'incomingDigitised' && detail.incomingPercent !== null) {
      w.para(
        `${vi.inspection.incomingDigitised}: ${detail.incomingDigitised}/${detail.incomingTotal} — ${vi.inspection.incomingPercent(detail.incomingPercent)}`,
        'regular',
        SIZE.small,
        24,
      );
      if (detail.incomingWarning) w.para(detail.incomingWarning, 'italic', SIZE.small, 24);
    }
    if (l.documents.length) {
      w.para(t.attached, 'italic', SIZE.small, 24, 0);
      for (const d of l.documents) w.para(`- ${d.fileName}`, 'regular', SIZE.small, 30, 0);
      w.y -= 2;
    }
    w.y -= 4;
  }

  // Recipients (left) and signature (right), kept together on one page.
  const sigHeight = 12 + lineHeight(SIZE.heading) * 3 + 62 + lineHeight(SIZE.heading);
  w.ensure(sigHeight);
  const sigTop = w.y - 12;
  w.y = sigTop;
  w.para(t.recipients, 'bold', SIZE.small, 0, 0);
  for (const r of t.recipientLines) w.para(r, 'regular', 10.5, 0, 0);
  w.y = sigTop;
  w.centred(t.signer, 'bold', SIZE.heading, right.cx, right.width);
  w.centred(t.signerRole, 'bold', SIZE.heading, right.cx, right.width);
  w.y -= 62;
  if (m.signerName) w.centred(m.signerName, 'bold', SIZE.heading, right.cx, right.width);

  drawPageNumbers(doc, f.regular, { cx, y: PAGE.footerY, size: 9 });
  return doc.save();
}

export async function writeInspectionPdf(m: InspectionPdfModel, outPath: string): Promise<void> {
  const bytes = await renderInspectionPdf(m);
  await writeAtomically(outPath, (tmp) => writeFile(tmp, bytes));
}
