// The PDFs' shared drawing (main/services/documents/pdf-draw.ts), judged by poppler: a table drawn
// with it reads back cell by cell in order, decomposed (NFD) text comes out precomposed, long text
// wraps inside its column, and every page carries "Trang x/y".
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { HEADER_FILL, drawPageNumbers, drawTableRow, embedFonts } from '../../main/services/documents/pdf-draw';
import { PAD, lineHeight, wrapText, type Face, type LaidRow } from '../../main/services/documents/pdf-layout';

const COLUMNS = [
  { width: 40, align: 'center' as const },
  { width: 220, align: 'left' as const },
  { width: 80, align: 'center' as const },
];

function lay(texts: string[], face: Face, size = 10): LaidRow {
  const cells = texts.map((t, i) => ({ lines: wrapText(t.normalize('NFC'), face, size, COLUMNS[i]!.width - 2 * PAD.x), face, size }));
  return { cells, height: Math.max(...cells.map((c) => c.lines.length)) * lineHeight(size) + 2 * PAD.y };
}

describe('the shared table drawing', () => {
  it('draws rows that read back in order, NFC, wrapped in their column, with page numbers', async () => {
    const doc = await PDFDocument.create();
    const f = await embedFonts(doc);
    let y = 800;
    const page = doc.addPage([595.28, 841.89]);
    y = drawTableRow(page, 50, y, lay(['Mã', 'Tiêu chí', 'Điểm tối đa'], f.bold), COLUMNS, { fill: HEADER_FILL, centre: true });
    const long = lay(['1.1', 'Xây dựng và tổ chức thực hiện kế hoạch cải cách hành chính của Ủy ban nhân dân xã'.normalize('NFD'), '2'], f.regular);
    expect(long.cells[1]!.lines.length).toBeGreaterThan(1);
    y = drawTableRow(page, 50, y, long, COLUMNS);
    y = drawTableRow(page, 50, y, lay(['1.2', 'Báo cáo CCHC', '1,5'], f.regular), COLUMNS, { borders: 'rule', valign: 'top' });
    expect(y).toBeLessThan(800);
    doc.addPage([595.28, 841.89]);
    drawPageNumbers(doc, f.regular, { cx: 297, y: 20, size: 9 });

    const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-pdf-draw-'));
    try {
      const file = path.join(dir, 'bang.pdf');
      writeFileSync(file, await doc.save());
      const text = execFileSync('/usr/bin/pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
      const squashed = text.replace(/\s+/g, ' ');
      expect(squashed).toContain('Mã Tiêu chí Điểm tối đa');
      expect(squashed).toContain('Xây dựng và tổ chức thực hiện kế hoạch');
      expect(text).not.toMatch(/[\u0300-\u036f]/);
      expect(squashed.indexOf('1.1')).toBeLessThan(squashed.indexOf('1.2'));
      expect(squashed).toContain('Báo cáo CCHC 1,5');
      expect(squashed).toContain('Trang 1/2');
      expect(squashed).toContain('Trang 2/2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
