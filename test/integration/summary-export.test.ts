// The summary-table export (main/services/summary) checked from the outside: poppler reads the
// PDF back (text, page size, embedded fonts, pages) and exceljs reads the XLSX back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { writeSummaryPdf, writeSummaryXlsx, type SummaryModel, type SummaryRow } from '../../main/services/summary';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const poppler = (tool: string, ...args: string[]) => execFileSync(`/usr/bin/${tool}`, args, { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, ' ');

// Decomposed on purpose (as pasted from macOS): the PDF must carry the precomposed form.
const NFD_TITLE = 'Thực hiện liên thông thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế'.normalize('NFD');

const row = (code: string, title: string, maxPoints: number | null, selfPoints: number | null, extra: Partial<SummaryRow> = {}): SummaryRow => {
  const level = code.split('.').length;
  return { code, level, title, maxPoints, selfPoints, notApplicable: false, evidenceCount: 0, isLeaf: true, ...extra };
};
const parent = (code: string, title: string, max: number, self: number) => row(code, title, max, self, { isLeaf: false });

/** A commune's real-looking summary: 4 areas, criteria nested to 3.2.12, one "không phát sinh". */
function realisticModel(): SummaryModel {
  const rows: SummaryRow[] = [
    parent('1', 'Công tác chỉ đạo, điều hành cải cách hành chính', 10, 8.5),
    row('1.1', 'Xây dựng và tổ chức thực hiện kế hoạch CCHC của Ủy ban nhân dân xã', 2, 2, { evidenceCount: 3 }),
    row('1.2', 'Báo cáo CCHC định kỳ quý, 6 tháng, năm đúng thời hạn', 1, 0.75, { evidenceCount: 4 }),
    row('1.3', 'Kiểm tra, giám sát, đôn đốc việc thực hiện nhiệm vụ CCHC', 2, 1.5, { evidenceCount: 2 }),
    row('1.4', 'Sáng kiến, giải pháp mới trong công tác CCHC', 5, 4.25, { evidenceCount: 1 }),
    parent('2', 'Xây dựng và tổ chức thực thi pháp luật', 20, 15.5),
    row('2.1', 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND xã ban hành', 5, 4, { evidenceCount: 2 }),
    row('2.2', 'Tuyên truyền, phổ biến, giáo dục pháp luật; hòa giải ở cơ sở', 5, 3.5, { evidenceCount: 5 }),
    row('2.3', 'Đăng ký và quản lý Hộ tịch đúng quy định, cập nhật cơ sở dữ liệu hộ tịch điện tử', 10, 8, { evidenceCount: 3 }),
    parent('3', 'Cải cách thủ tục hành chính', 40, 31),
    parent('3.1', 'Công tác kiểm soát thủ tục hành chính', 8, 6),
    row('3.1.1', 'Kế hoạch kiểm soát TTHC và triển khai thực hiện', 4, 3, { evidenceCount: 1 }),
    row('3.1.2', 'Thực hiện rà soát, đánh giá TTHC thuộc thẩm quyền', 4, 3, { evidenceCount: 2 }),
    parent('3.2', 'Thực hiện cơ chế một cửa, một cửa liên thông', 32, 25),
    row('3.2.1', 'Công khai TTHC lĩnh vực Địa chính - Xây dựng - Đô thị và Môi trường tại Bộ phận một cửa', 12, 10, { evidenceCount: 6 }),
    row('3.2.2', NFD_TITLE, 10, 8, { evidenceCount: 2 }),
    row('3.2.12', 'TTHC theo Quyết định số 1291/QĐ-TTg ngày 07/10/2019 của Thủ tướng Chính phủ thực hiện tại Bộ phận một cửa', 10, 7, { evidenceCount: 1 }),
    parent('4', 'Tổ chức bộ máy và quản lý cán bộ, công chức', 30, 18.25),
    row('4.1', 'Thực hiện quy chế làm việc của Ủy ban nhân dân và phân công nhiệm vụ', 10, 8.25, { evidenceCount: 2 }),
    row('4.2', 'Đánh giá, xếp loại chất lượng cán bộ, công chức cấp xã hằng năm', 10, 10, { evidenceCount: 1 }),
    row('4.3', 'Tuyển dụng công chức cấp xã theo đúng quy định', 10, null, { notApplicable: true }),
  ];
  return {
    office: { province: 'Thừa Thiên Huế', district: 'Phú Vang', commune: 'Phú Thượng', kind: 'xa' },
    year: 2026,
    criteriaSet: { name: 'Bộ tiêu chí đánh giá, xếp loại công tác CCHC cấp xã', decision: 'Quyết định số 1234/QĐ-UBND ngày 15/01/2026 của UBND tỉnh' },
    // 18:30 UTC on 4 March = 01:30 on 5 March in Vietnam: the date line must say the 5th.
    generatedAt: Date.UTC(2026, 2, 4, 18, 30),
    rows,
    totals: { points: 73.25, applicableMax: 100, percent: 73.25, band: 'Khá' },
    signer: { fullName: 'Trần Văn An', position: 'Chủ tịch' },
  };
}

/** 10 areas × 2 criteria × 6 sub-criteria: 150 rows, long titles, enough for several pages. */
function bigModel(): SummaryModel {
  const rows: SummaryRow[] = [];
  for (let a = 1; a <= 10; a++) {
    rows.push(parent(`${a}`, `Lĩnh vực ${a}: Công tác chỉ đạo, điều hành và tổ chức thực hiện`, 10, 7.5));
    for (let c = 1; c <= 2; c++) {
      rows.push(parent(`${a}.${c}`, `Tiêu chí ${a}.${c} về thủ tục hành chính của Ủy ban nhân dân`, 5, 3.75));
      for (let t = 1; t <= 6; t++) {
        rows.push(
          row(`${a}.${c}.${t}`, `Tiêu chí thành phần ${a}.${c}.${t}: thực hiện đúng quy định, có văn bản chỉ đạo, báo cáo kết quả đúng hạn`, 0.75, 0.5, {
            evidenceCount: t,
          }),
        );
      }
    }
  }
  return { ...realisticModel(), rows };
}

describe('summary export: PDF', () => {
  const model = realisticModel();
  const out = at('Bang tong hop.pdf');
  let layout = '';
  let raw = '';
  beforeAll(async () => {
    await writeSummaryPdf(model, out);
    layout = poppler('pdftotext', '-layout', out, '-');
    // Raw (drawing) order keeps a wrapped title's lines together, so whole titles can be matched.
    raw = squash(poppler('pdftotext', '-raw', out, '-'));
  });

  it('writes the headings, date, title and totals in Vietnamese', () => {
    expect(layout).toContain('UBND HUYỆN PHÚ VANG');
    expect(layout).toContain('UBND XÃ PHÚ THƯỢNG');
    expect(layout).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(layout).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(layout).toContain('Phú Thượng, ngày 05 tháng 3 năm 2026');
    expect(raw).toContain('BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026');
    expect(raw).toContain(`(Theo ${model.criteriaSet.name}, ${model.criteriaSet.decision})`);
    expect(layout).toContain('TỔNG CỘNG');
    expect(layout).toMatch(/TỔNG CỘNG\s+100\s+73,25/);
    expect(layout).toContain('Tỷ lệ: 73,25%');
    expect(layout).toContain('Xếp loại: Khá');
    expect(raw).toContain('4.3 Tuyển dụng công chức cấp xã theo đúng quy định 10 0 Không phát sinh');
    expect(layout).toContain('CHỦ TỊCH');
    expect(layout).toContain('(Ký, ghi rõ họ tên, đóng dấu)');
    expect(layout).toContain('Trần Văn An');
    expect(layout).toMatch(/Trang 1\/\d+/);
  });

  it('writes every row title byte-identical in NFC, decimal commas in the points', () => {
    for (const r of model.rows) expect(raw).toContain(r.title.normalize('NFC'));
    expect(NFD_TITLE).not.toBe(NFD_TITLE.normalize('NFC'));
    expect(raw).not.toContain(NFD_TITLE);
    // Raw order is drawing order: code, title, max, self, evidence, note of one row in a run.
    expect(raw).toContain('1.2 Báo cáo CCHC định kỳ quý, 6 tháng, năm đúng thời hạn 1 0,75 4');
    expect(raw).toContain('4.1 Thực hiện quy chế làm việc của Ủy ban nhân dân và phân công nhiệm vụ 10 8,25 2');
    expect(raw).toContain('1 Công tác chỉ đạo, điều hành cải cách hành chính 10 8,5');
  });

  it('is A4 with the fonts embedded and the metadata set', () => {
    const info = poppler('pdfinfo', out);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Title:\s+Bảng tổng hợp kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026/);
    expect(info).toMatch(/Author:\s+UBND xã Phú Thượng/);
    expect(info).toMatch(/Creator:\s+Kiểm Chứng/);
    const fonts = poppler('pdffonts', out).trim().split('\n').slice(2);
    expect(fonts.length).toBe(3); // regular, bold, italic
    for (const line of fonts) {
      // name type encoding emb sub uni object ID. poppler's "sub" only looks for an ABCDEF+ name
      // prefix, which pdf-lib does not write, so the subsetting is checked by size below.
      expect(line).toMatch(/^BeVietnamPro-\S+\s+CID TrueType\s+Identity-H\s+yes\s+(yes|no)\s+yes\s/);
    }
    // The three whole fonts weigh ≈400 kB; subsets of the glyphs used, a small fraction of that.
    expect(statSync(out).size).toBeLessThan(120_000);
  });

  it('leaves no .tmp file behind', () => {
    expect(existsSync(out)).toBe(true);
    expect(existsSync(out + '.tmp')).toBe(false);
  });

  it('repeats the table header and numbers the pages of a long table', async () => {
    const big = at('big.pdf');
    await writeSummaryPdf(bigModel(), big);
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', big))![1]);
    expect(pages).toBeGreaterThan(1);
    const seen = new Set<string>();
    for (let p = 1; p <= pages; p++) {
      const text = poppler('pdftotext', '-layout', '-f', String(p), '-l', String(p), big, '-');
      expect(text, `page ${p}`).toContain('Tiêu chí, tiêu chí thành phần');
      expect(text, `page ${p}`).toMatch(/Mã\s/);
      expect(text, `page ${p}`).toContain(`Trang ${p}/${pages}`);
      for (const m of text.matchAll(/^\s*(\d+\.\d+\.\d+)\s/gm)) seen.add(m[1]!);
    }
    expect(seen.size).toBe(120); // every leaf made it onto some page
    // The signature block ends the last page, never alone: a table row is on that page too.
    const last = poppler('pdftotext', '-layout', '-f', String(pages), '-l', String(pages), big, '-');
    expect(last).toMatch(/10\.2\.6\s/);
    expect(last).toContain('TỔNG CỘNG');
    expect(last).toContain('Trần Văn An');
  });

  it('refuses cleanly when the folder does not exist', async () => {
    const bad = at('missing/folder/out.pdf');
    await expect(writeSummaryPdf(model, bad)).rejects.toThrow();
    expect(existsSync(bad)).toBe(false);
    expect(existsSync(bad + '.tmp')).toBe(false);
  });
});

describe('summary export: XLSX', () => {
  const model = realisticModel();
  const out = at('Bang tong hop.xlsx');
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    await writeSummaryXlsx(model, out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    ws = wb.getWorksheet('Tổng hợp')!;
  });

  const cellText = (ref: string) => String(ws.getCell(ref).value ?? '');
  const rowOf = (code: string) => {
    let found = 0;
    ws.eachRow((r, n) => {
      if (!found && r.getCell(1).value === code) found = n;
    });
    return found;
  };

  it('has the sheet, the merged heading and the title', () => {
    expect(ws).toBeDefined();
    expect(cellText('A1')).toBe('UBND HUYỆN PHÚ VANG');
    expect(cellText('A2')).toBe('UBND XÃ PHÚ THƯỢNG');
    expect(cellText('C1')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(cellText('C2')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(cellText('C4')).toBe('Phú Thượng, ngày 05 tháng 3 năm 2026');
    expect(cellText('A6')).toBe('BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026');
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:B1', 'C1:F1', 'A2:B2', 'C2:F2', 'A6:F6', 'A7:F7']));
    expect(ws.getCell('C1').isMerged && ws.getCell('F1').isMerged).toBe(true);
  });

  it('keeps the points as numbers and the titles in NFC', () => {
    for (const r of model.rows) {
      const n = rowOf(r.code);
      expect(n, r.code).toBeGreaterThan(9);
      const x = ws.getRow(n);
      expect(x.getCell(2).value).toBe(r.title.normalize('NFC'));
      expect(x.getCell(3).value).toBe(r.maxPoints);
      if (r.notApplicable) {
        expect(x.getCell(4).value).toBeNull();
        expect(x.getCell(6).value).toBe('Không phát sinh');
      } else {
        expect(typeof x.getCell(4).value).toBe('number');
        expect(x.getCell(4).value).toBe(r.selfPoints);
      }
      if (r.isLeaf) expect(x.getCell(5).value).toBe(r.evidenceCount);
    }
  });

  it('ends with TỔNG CỘNG, the ratio and the rating', () => {
    let total = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(2).value === 'TỔNG CỘNG') total = n;
    });
    expect(total).toBe(10 + model.rows.length);
    expect(ws.getRow(total).getCell(3).value).toBe(100);
    expect(ws.getRow(total).getCell(4).value).toBe(73.25);
    const texts: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('Tỷ lệ: 73,25%');
    expect(texts).toContain('Xếp loại: Khá');
    expect(texts).toContain('CHỦ TỊCH');
    expect(texts).toContain('Trần Văn An');
  });

  it('prints on A4 with the table header repeated and frozen', () => {
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('portrait');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe('9:9');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 9 });
    expect(ws.getRow(9).getCell(2).value).toBe('Tiêu chí, tiêu chí thành phần');
    expect(ws.getRow(9).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(10).getCell(2).border?.left?.style).toBe('thin');
  });

  it('leaves no .tmp file behind', () => {
    expect(existsSync(out)).toBe(true);
    expect(existsSync(out + '.tmp')).toBe(false);
  });

  it('names a phường, and leaves the signature to the UBND when no signer or rating is known', async () => {
    const other = at('phuong.xlsx');
    const m = realisticModel();
    await writeSummaryXlsx({ ...m, office: { ...m.office, kind: 'phuong' }, signer: null, totals: { ...m.totals, band: null } }, other);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(other);
    const texts: string[] = [];
    wb.getWorksheet('Tổng hợp')!.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('UBND PHƯỜNG PHÚ THƯỢNG');
    expect(texts).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(texts.some((t) => t.startsWith('Xếp loại'))).toBe(false);
  });
});
