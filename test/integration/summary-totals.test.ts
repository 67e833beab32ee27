// The Bảng tổng hợp (issue 12), judged by poppler and exceljs: a code never wraps inside the Mã
// column; TỔNG CỘNG carries the set's maximum (what the areas add up to) and a second row the
// applicable maximum, with a note naming the criteria "không phát sinh"; the XLSX gives each row
// a height that fits its wrapped title, and sets the print area and the repeated header row.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { writeSummaryPdf, writeSummaryXlsx, type SummaryModel, type SummaryRow } from '../../main/services/summary';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-summary-totals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const pdftotext = (file: string) => execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

const leaf = (code: string, title: string, max: number, self: number | null, na = false): SummaryRow => ({
  code,
  level: code.split('.').length,
  title,
  maxPoints: max,
  selfPoints: self,
  notApplicable: na,
  evidenceCount: 1,
  isLeaf: true,
});
const node = (code: string, title: string, max: number, self: number): SummaryRow => ({ ...leaf(code, title, max, self), isLeaf: false, evidenceCount: 0 });

function model(): SummaryModel {
  return {
    office: { province: 'Thái Nguyên', district: 'Võ Nhai', commune: 'Phú Thượng', kind: 'xa' },
    year: 2026,
    criteriaSet: { name: 'Bộ tiêu chí CCHC cấp xã năm 2026', decision: null },
    generatedAt: Date.UTC(2026, 2, 4, 3, 0),
    rows: [
      node('1', 'Công tác chỉ đạo, điều hành', 40, 30),
      leaf('1.1', 'Kế hoạch CCHC năm', 40, 30),
      node('4', 'Tổ chức bộ máy', 60, 43.25),
      node('4.3', 'Quản lý công chức', 60, 43.25),
      node('4.3.2', 'Tuyển dụng, sử dụng công chức cấp xã', 60, 43.25),
      leaf('4.3.2.1', 'Tuyển dụng công chức theo đúng quy định của pháp luật về cán bộ, công chức', 2, null, true),
      leaf('4.3.2.2', 'Bố trí công chức đúng vị trí việc làm được phê duyệt', 58, 43.25),
      leaf('4.3.2.10', 'Một tiêu chí thành phần có mã dài', 0, 0),
    ],
    totals: { points: 73.25, applicableMax: 98, percent: 74.74, band: 'Khá' },
    signer: { fullName: 'Trần Văn An', position: 'Chủ tịch' },
  };
}

describe('Bảng tổng hợp: codes, totals and the applicable maximum', () => {
  it('PDF: codes on one line, TỔNG CỘNG 100, the applicable 98 and why', async () => {
    const f = at('bang-tong-hop.pdf');
    await writeSummaryPdf(model(), f);
    const text = pdftotext(f);
    // Each code is one token on its row — never "4.3.2." above "1".
    for (const code of ['4.3.2.1', '4.3.2.2', '4.3.2.10']) expect(text).toMatch(new RegExp(`(^|\\s)${code.replace(/\./g, '\\.')}\\s`, 'm'));
    expect(text).not.toMatch(/^\s*4\.3\.2\.\s*$/m);
    expect(text).toMatch(/TỔNG CỘNG\s+100\s+73,25/);
    expect(text).toMatch(/Điểm tối đa áp dụng \(để tính tỷ lệ\)\s+98/);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Ghi chú: điểm tối đa áp dụng 98 = tổng điểm tối đa 100 trừ 2 điểm của 1 tiêu chí không phát sinh (4.3.2.1)');
    expect(flat).toContain('Tỷ lệ: 74,74%');
  });

  it('PDF: no second row nor note when nothing is left out', async () => {
    const m = model();
    m.rows = m.rows.map((r) => ({ ...r, notApplicable: false }));
    m.totals = { ...m.totals, applicableMax: 100 };
    const f = at('full.pdf');
    await writeSummaryPdf(m, f);
    const text = pdftotext(f);
    expect(text).toMatch(/TỔNG CỘNG\s+100\s+73,25/);
    expect(text).not.toContain('Điểm tối đa áp dụng');
    expect(text).not.toContain('Ghi chú:');
  });

  it('PDF: points the set does not hand down to sub-criteria are named in the note', async () => {
    const m = model();
    m.rows = m.rows.map((r) => (r.code === '4.3.2.2' ? { ...r, maxPoints: 56 } : { ...r, notApplicable: false }));
    m.totals = { ...m.totals, applicableMax: 98 };
    const f = at('gap.pdf');
    await writeSummaryPdf(m, f);
    const flat = pdftotext(f).replace(/\s+/g, ' ');
    expect(flat).toContain('Ghi chú: điểm tối đa áp dụng 98 = tổng điểm tối đa 100 trừ 2 điểm chưa chia cho tiêu chí thành phần nào (4.3.2)');
  });

  it('XLSX: the same totals, heights that fit wrapped titles, print area and repeated header', async () => {
    const m = model();
    m.rows.push(leaf('4.3.2.11', 'Một tiêu chí có tên rất dài: '.repeat(8), 0, 0));
    const f = at('bang-tong-hop.xlsx');
    await writeSummaryXlsx(m, f);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const ws = wb.worksheets[0]!;
    const rowOf = (title: string) => {
      let found = 0;
      ws.eachRow((r, n) => {
        if (r.getCell(2).value === title) found = n;
      });
      return ws.getRow(found);
    };
    const total = rowOf('TỔNG CỘNG');
    expect([total.getCell(3).value, total.getCell(4).value]).toEqual([100, 73.25]);
    expect(rowOf('Điểm tối đa áp dụng (để tính tỷ lệ)').getCell(3).value).toBe(98);
    const long = rowOf('Một tiêu chí có tên rất dài: '.repeat(8));
    const short = rowOf('Kế hoạch CCHC năm');
    // 232 characters in a 58-wide column: at least four lines, so the row is four lines tall.
    expect(long.height).toBeGreaterThanOrEqual(4 * 15);
    expect(short.height).toBeLessThan(2 * 15);
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual('4.3.2.10'.length + 2);
    expect(ws.getCell(`A${short.number}`).alignment?.wrapText).not.toBe(true);
    expect(ws.pageSetup.printArea).toMatch(/^A1:F\d+$/);
    expect(ws.pageSetup.printTitlesRow).toBe('9:9');
    const texts: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => typeof c.value === 'string' && texts.push(c.value)));
    expect(texts.some((t) => t.startsWith('Ghi chú: điểm tối đa áp dụng 98'))).toBe(true);
  });
});
