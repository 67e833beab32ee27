// The forms written in the official layout (XLSX and PDF) and read back: export → import gives
// the same rows. Also the two exceljs streaming-reader bugs zip.ts works around.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { FORM_CODES, readRosterFile, writeRosterPdf, writeRosterXlsx, type RosterRow } from '../../main/services/roster';
import { comparable, makeRoster, row02, writeRawXlsx } from '../helpers/roster';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-roster-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const NOW = new Date('2023-06-01T03:00:00Z');
const META = { province: 'Sóc Trăng', district: 'Mỹ Xuyên', roundName: 'Đợt 1 năm 2023', date: '2023-06-01' };

function pdfText(file: string): string | null {
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch {
    return null; // poppler-utils not installed: the text checks are skipped
  }
}

describe('export → import round trip', () => {
  it.each(FORM_CODES.map((f) => [f]))('Mẫu %s gives back the same rows', async (form) => {
    const rows = makeRoster(form, 60, { seed: Number(form) });
    const file = at(`mau-${form}.xlsx`);
    await writeRosterXlsx(form, rows, META, file);
    const r = await readRosterFile(file, { now: NOW });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.forms.map((f) => [f.form, f.sheet])).toEqual([[form, `Mẫu ${form}`]]);
    const back = r.forms[0]!.rows;
    expect(back.map(comparable)).toEqual(rows.map(comparable));
    expect(back.map((x) => x.stt)).toEqual(rows.map((_, i) => i + 1));
    expect(new Set(back.map((x) => x.district))).toEqual(new Set(['Mỹ Xuyên']));
  });

  it('keeps 20 000 rows intact, Vietnamese letters included (a letter split between chunks once became "�")', async () => {
    const rows = makeRoster('05', 20_000, { seed: 3 });
    const file = at('big-05.xlsx');
    await writeRosterXlsx('05', rows, META, file);
    const r = await readRosterFile(file, { now: NOW });
    expect(r.errors).toEqual([]);
    const back = r.forms[0]!.rows;
    expect(back).toHaveLength(20_000);
    expect(back.filter((x) => JSON.stringify(x).includes('\uFFFD'))).toEqual([]);
    expect(back.map(comparable)).toEqual(rows.map(comparable));
  });

  it('writes NFC whatever the input, so decomposed names compare equal after the trip', async () => {
    const nfd = (s: string) => s.normalize('NFD');
    const rows = makeRoster('02', 5).map((x) => ({ ...x, fullName: nfd(x.fullName), commune: nfd(x.commune!), note: x.note && nfd(x.note) }));
    const file = at('nfd.xlsx');
    await writeRosterXlsx('02', rows, META, file);
    const back = (await readRosterFile(file, { now: NOW })).forms[0]!.rows;
    expect(back.map((x) => x.fullName)).toEqual(rows.map((x) => x.fullName.normalize('NFC')));
    expect(back.every((x) => x.fullName === x.fullName.normalize('NFC') && x.commune === x.commune!.normalize('NFC'))).toBe(true);
  });

  it('an empty list still makes a valid form; reading it back warns that it has no rows', async () => {
    const file = at('empty-03.xlsx');
    await writeRosterXlsx('03', [], META, file);
    const r = await readRosterFile(file, { now: NOW });
    expect(r.errors).toEqual([]);
    expect(r.forms).toEqual([{ form: '03', sheet: 'Mẫu 03', rows: [] }]);
    expect(r.warnings.map((w) => w.message)).toEqual(['Mẫu 03: không có dòng dữ liệu nào.']);
  });
});

describe('the XLSX layout', () => {
  it('has the title rows, a two-row header with Năm sinh merged over Nam | Nữ, borders, A4 landscape', async () => {
    const file = at('layout-02.xlsx');
    await writeRosterXlsx('02', makeRoster('02', 3), META, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Mẫu 02');
    const v = (a: string) => ws.getCell(a).value;
    expect([v('A1'), v('F1'), v('A3'), v('A4'), v('A5')]).toEqual([
      'UBND HUYỆN MỸ XUYÊN',
      'Mẫu số 02',
      'DANH SÁCH',
      'Công chức UBND cấp xã tham gia kiểm tra, đánh giá',
      'Đợt 1 năm 2023',
    ]);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => ws.getRow(7).getCell(c).value)).toEqual([
      'STT',
      'Họ và tên',
      'Năm sinh',
      'Năm sinh',
      'Chức danh',
      'Xã, phường, thị trấn',
      'Số điện thoại',
      'Ghi chú',
    ]);
    expect([v('C8'), v('D8')]).toEqual(['Nam', 'Nữ']);
    expect(ws.getCell('D7').isMerged && ws.getCell('D7').master.address).toBe('C7');
    expect(ws.getCell('A8').master.address).toBe('A7');
    expect(ws.getCell('B10').border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect(ws.getColumn(2).width).toBeGreaterThan(20);
    // The signature block under the table.
    expect(v('F13')).toBe('Mỹ Xuyên, ngày 01 tháng 6 năm 2023');
    expect(v('F14')).toBe('TM. ỦY BAN NHÂN DÂN');
  });

  it('writes atomically: an existing file is replaced, no .tmp is left behind', async () => {
    const file = at('replace.xlsx');
    writeFileSync(file, 'old');
    await writeRosterXlsx('01', makeRoster('01', 6), META, file);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the PDF', () => {
  it('is A4 landscape with the Vietnamese text, the header on every page and page numbers', async () => {
    const rows: RosterRow[] = makeRoster('02', 70, { seed: 9 }).map((x, i) => (i === 0 ? { ...x, fullName: 'Nguyễn Thị Ngọc Huyền'.normalize('NFD') } : x));
    const file = at('mau-02.pdf');
    await writeRosterPdf('02', rows, META, file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    const pages = doc.getPages();
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p.getSize()).toEqual({ width: 841.89, height: 595.28 });
    expect(doc.getTitle()).toBe('Danh sách công chức UBND cấp xã tham gia kiểm tra, đánh giá (Mẫu số 02)');

    const text = pdfText(file);
    if (text === null) return;
    expect(text).toContain('UBND HUYỆN MỸ XUYÊN');
    expect(text).toContain('Mẫu số 02');
    expect(text).toContain('Nguyễn Thị Ngọc Huyền'); // drawn from NFD input as NFC
    for (const r of rows.slice(1)) expect(text).toContain(r.fullName);
    const perPage = text.split('\f').filter((t) => t.trim());
    expect(perPage).toHaveLength(pages.length);
    perPage.forEach((t, i) => {
      expect(t).toContain('Họ và tên');
      expect(t).toContain('Năm sinh');
      expect(t).toContain(`Trang ${i + 1}/${pages.length}`);
    });
    expect(perPage.at(-1)).toContain('TM. ỦY BAN NHÂN DÂN');
  });

  it('renders every form', async () => {
    for (const form of FORM_CODES) {
      const file = at(`mau-${form}.pdf`);
      await writeRosterPdf(form, makeRoster(form, 12, { seed: 5 }), { province: 'Sóc Trăng', district: 'Thị xã Ngã Năm' }, file);
      const text = pdfText(file);
      expect(existsSync(file)).toBe(true);
      if (text) expect(text).toContain(`Mẫu số ${form}`);
      if (text) expect(text).toContain('UBND THỊ XÃ NGÃ NĂM');
    }
  });
});

describe('exceljs streaming-reader bugs worked around (zip.ts)', () => {
  it('reads a five-sheet workbook written by exceljs every time (exceljs#3064 lost xl/workbook.xml)', async () => {
    const file = at('five-sheets.xlsx');
    const communes = ['Xã Đại Tâm', 'Xã Tham Đôn', 'Xã Thạnh Phú', 'Xã Ngọc Đông', 'Xã Ngọc Tố'];
    await writeRawXlsx(
      file,
      communes.map((c, i) => ({ name: `Mẫu 02 (${i + 1})`, rows: [row02(`Trần Văn ${i + 1}`, 'nam', 1980 + i, 'VP-TK', c)] })),
    );
    for (let k = 0; k < 10; k++) {
      const r = await readRosterFile(file, { now: NOW });
      expect(r.errors).toEqual([]);
      expect(r.forms.map((f) => f.rows[0]!.commune)).toEqual(communes);
    }
  });
});
