import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCriteriaFile, type CriteriaFileResult } from '../../main/services/criteria-file';
import { ApiError } from '../../shared/errors';
import { DOCX_ENTRIES, writeCriteriaXlsx, writeZip } from '../helpers/criteria-xlsx';

const root = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(root, 'resources/criteria/phu-thuong-2021.json');
const SHARED = path.resolve(root, '../shared/data/criteria-phu-thuong-2021.json');

// Not helpers/services' tempDir: this test needs no database or API, so it doesn't load them.
const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-criteria-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

/** The ApiError a read throws (fails the test if it doesn't). */
async function refusal(file: string, opts?: { maxBytes?: number }): Promise<ApiError> {
  let result: CriteriaFileResult | undefined;
  try {
    result = await readCriteriaFile(file, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('VALIDATION');
    return e as ApiError;
  }
  throw new Error(`expected a refusal, got ${JSON.stringify(result?.check.errors)}`);
}

describe('the bundled sample set (Phú Thượng 2021)', () => {
  it('reads with no errors and exactly the warnings the document does not add up to', async () => {
    const r = await readCriteriaFile(SAMPLE);
    expect(r.format).toBe('json');
    expect(r.meta).toEqual({
      name: 'Bộ tiêu chí mẫu — theo KH 23/KH-UBND xã Phú Thượng',
      decision: 'QĐ 2614/QĐ-UBND ngày 05/12/2017 (UBND huyện Võ Nhai)',
      province: 'Thái Nguyên',
      year: 2021,
    });
    expect(r.check.errors).toEqual([]);
    expect(r.check.nodes).toHaveLength(98);
    expect(r.check.totalMax).toBe(100);
    expect(r.check.nodes.filter((n) => n.level === 1).map((n) => n.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(r.check.warnings.map((w) => w.code)).toEqual(['4.1.4', '4.1.5', '4.2', '4.2.4', '4.3.2']);
    expect(r.check.warnings.map((w) => w.message)).toEqual([
      'Tiêu chí 4.1.4 chưa có điểm tối đa; không thể chấm điểm cho đến khi bổ sung.',
      'Tiêu chí 4.1.5 chưa có điểm tối đa; không thể chấm điểm cho đến khi bổ sung.',
      'Tiêu chí 4.2: điểm tối đa 8 nhưng tổng điểm tối đa các tiêu chí con (4.2.1, 4.2.2, 4.2.3, 4.2.4, 4.2.5, 4.2.6) là 6 (chưa tính 4.2.4 vì chưa có điểm tối đa).',
      'Tiêu chí 4.2.4 chưa có điểm tối đa; không thể chấm điểm cho đến khi bổ sung.',
      'Tiêu chí 4.3.2: điểm tối đa 1,5 nhưng tổng điểm tối đa các tiêu chí con (4.3.2.1, 4.3.2.2) là 2,5.',
    ]);
    expect(r.check.warnings.every((w) => w.source?.startsWith('mục '))).toBe(true);
  });

  it('folds the requirements the plan lists into their parent’s guidance', async () => {
    const { check } = await readCriteriaFile(SAMPLE);
    const node = (code: string) => check.nodes.find((n) => n.code === code);
    expect(node('1.3.a')).toBeUndefined();
    // Kept: the third numbered sub-criterion of 3.1, only unnumbered in the plan's text.
    expect(node('3.1.3')).toMatchObject({ parentCode: '3.1', maxPoints: 0.5 });
    expect(node('1.3')?.guidance).toBe('Yêu cầu: HĐND cấp xã giám sát công tác CCHC (văn bản phải ký số) (0,5 điểm)');
    expect(node('1.4')?.guidance).toBe(
      'Yêu cầu: Tổ chức cuộc thi tìm hiểu, tọa đàm, hội thảo về CCHC hoặc tham gia cuộc thi do cấp trên tổ chức (0,5 điểm)\nYêu cầu: Hình thức tuyên truyền khác về CCHC (0,75 điểm)',
    );
    // No max in the document: none is invented.
    expect(node('7.3')?.guidance).toBe(
      'Yêu cầu: Bố trí công chức chuyên môn phụ trách chuyển đổi số\nYêu cầu: Bồi dưỡng chuyên môn, nghiệp vụ về chuyển đổi số tại địa phương',
    );
    expect(node('4.2.4')?.maxPoints).toBeNull();
    expect(check.nodes.filter((n) => n.guidance !== null)).toHaveLength(8);
    expect(check.nodes.every((n) => n.evidenceHints === null)).toBe(true);
  });

  it.skipIf(!existsSync(SHARED))('matches the shared data it was converted from (re-run scripts/convert-phu-thuong.mjs if not)', async () => {
    const source = JSON.parse(readFileSync(SHARED, 'utf8')) as { code: string; title: string; maxPoints: number | null; codeInvented: boolean }[];
    const { check } = await readCriteriaFile(SAMPLE);
    const kept = source.filter((n) => !n.codeInvented || n.code === '3.1.3');
    expect(check.nodes.map((n) => [n.code, n.title, n.maxPoints])).toEqual(kept.map((n) => [n.code, n.title.trim(), n.maxPoints]));
  });
});

describe('XLSX criteria files', () => {
  it('reads a table below title rows, with merged title cells, meta labels and every cell shape', async () => {
    const file = at('bo-tieu-chi-2023.xlsx');
    const first = await writeCriteriaXlsx(
      file,
      [
        [1, 'Công tác chỉ đạo, điều hành CCHC', 10, null, null], // a number code
        [
          '1.1',
          { richText: [{ text: 'Kế hoạch ' }, { text: 'CCHC', font: { bold: true } }] },
          { formula: '4+6', result: 10 },
          'Ban hành trước 31/12',
          'Kế hoạch CCHC năm (bản ký số)',
        ],
        [null, null, null, null, null], // an empty row inside the table
        ['2', 'Cải cách TTHC', '90', null, null],
        ['2.1', 'Kiểm soát TTHC', '89,75', null, null],
        ['2.1.a', 'Báo cáo kiểm soát TTHC', '89,75', null, null],
        ['2.2', 'Xin lỗi khi trả chậm', '0,25', null, { text: 'Thư xin lỗi', hyperlink: 'https://example.invalid/thu' }],
        [null, 'Tổng cộng', { formula: 'C1+C4', result: 100 }, null, null], // not a criterion
      ],
      {
        titleRows: [
          'UBND TỈNH THÁI NGUYÊN',
          'Tên bộ tiêu chí: Bộ tiêu chí đánh giá CCHC cấp xã năm 2023',
          'Quyết định: QĐ 2204/QĐ-UBND ngày 12/9/2022',
          'Tỉnh: Thái Nguyên',
          'Năm: 2023',
        ],
      },
    );
    expect(first).toBe(7);
    const r = await readCriteriaFile(file);
    expect(r.format).toBe('xlsx');
    expect(r.meta).toEqual({
      name: 'Bộ tiêu chí đánh giá CCHC cấp xã năm 2023',
      decision: 'QĐ 2204/QĐ-UBND ngày 12/9/2022',
      province: 'Thái Nguyên',
      year: 2023,
    });
    expect(r.check.errors).toEqual([]);
    expect(r.check.warnings).toEqual([]);
    expect(r.check.totalMax).toBe(100);
    expect(r.check.nodes.map((n) => [n.code, n.parentCode, n.level, n.title, n.maxPoints])).toEqual([
      ['1', null, 1, 'Công tác chỉ đạo, điều hành CCHC', 10],
      ['1.1', '1', 2, 'Kế hoạch CCHC', 10],
      ['2', null, 1, 'Cải cách TTHC', 90],
      ['2.1', '2', 2, 'Kiểm soát TTHC', 89.75],
      ['2.1.a', '2.1', 3, 'Báo cáo kiểm soát TTHC', 89.75],
      ['2.2', '2', 2, 'Xin lỗi khi trả chậm', 0.25],
    ]);
    expect(r.check.nodes[1]).toMatchObject({ guidance: 'Ban hành trước 31/12', evidenceHints: 'Kế hoạch CCHC năm (bản ký số)' });
    expect(r.check.nodes[5]?.evidenceHints).toBe('Thư xin lỗi');
  });

  it('matches headers ignoring case and diacritics, reads "Nhãn:" + next cell, and names the set after the file otherwise', async () => {
    const file = at('tieu-chi-tinh.xlsx');
    await writeCriteriaXlsx(
      file,
      [
        ['1', 'Lĩnh vực một', 100, 'Bỏ qua: cột này không phải cột dữ liệu'],
        ['1.1', 'Tiêu chí', 100, null],
      ],
      { header: ['  STT ', 'NOI DUNG', 'diem chuan', 'Ghi chú'] },
    );
    const r = await readCriteriaFile(file);
    expect(r.meta).toEqual({ name: 'tieu-chi-tinh', decision: null, province: null, year: null });
    expect(r.check.errors).toEqual([]);
    expect(r.check.nodes.map((n) => [n.code, n.title, n.maxPoints, n.guidance])).toEqual([
      ['1', 'Lĩnh vực một', 100, null],
      ['1.1', 'Tiêu chí', 100, null],
    ]);
  });

  it('lists ALL the errors of a broken table with their Excel rows', async () => {
    const file = at('loi.xlsx');
    const first = await writeCriteriaXlsx(
      file,
      [
        ['1', 'Công tác chỉ đạo, điều hành CCHC', 100], // dòng 3
        ['1.1', 'Kế hoạch CCHC', 50], //                 dòng 4
        ['1.1', 'Báo cáo CCHC', 50], //                  dòng 5: duplicate
        ['3.2.12', 'TTHC theo QĐ 1291', 1], //          dòng 6: no 3.2
        ['1.2', 'Tuyên truyền', 'hai điểm'], //         dòng 7: text
      ],
      { titleRows: ['BỘ TIÊU CHÍ'] },
    );
    expect(first).toBe(3);
    const r = await readCriteriaFile(file);
    expect(r.check.errors.map((e) => [e.source, e.code, e.message])).toEqual([
      ['dòng 5', '1.1', 'Mã tiêu chí 1.1 bị trùng: dòng 4 và dòng 5.'],
      ['dòng 6', '3.2.12', 'Tiêu chí 3.2.12 không có tiêu chí cha 3.2 trong bộ tiêu chí.'],
      ['dòng 7', '1.2', 'Điểm tối đa của tiêu chí 1.2 là "hai điểm", không phải là số. Ghi một số, ví dụ 1,5; để trống nếu chưa có.'],
    ]);
  });

  it('warns when a "Tổng cộng" row disagrees with the areas', async () => {
    const file = at('tong.xlsx');
    await writeCriteriaXlsx(file, [
      ['1', 'A', 60],
      ['2', 'B', 37.5],
      [null, 'TỔNG CỘNG', 100],
    ]);
    const r = await readCriteriaFile(file);
    expect(r.check.warnings.map((w) => [w.source, w.message])).toEqual([
      [null, 'Tổng điểm tối đa các lĩnh vực là 97,5, không phải 100.'],
      ['dòng 4', 'Dòng tổng cộng ghi 100 điểm nhưng tổng điểm tối đa các lĩnh vực là 97,5.'],
    ]);
  });

  it('refuses a workbook without a header row, naming the file', async () => {
    const none = at('khong-tieu-de.xlsx');
    await writeCriteriaXlsx(none, [['1', 'A', 100]], { header: ['Cột 1', 'Cột 2', 'Cột 3'] });
    expect((await refusal(none)).message).toBe(
      'Không tìm thấy dòng tiêu đề cột trong 20 dòng đầu của tệp "khong-tieu-de.xlsx". Cần một dòng có các cột "Mã", "Tiêu chí" và "Điểm tối đa" (có thể thêm "Hướng dẫn chấm điểm", "Tài liệu kiểm chứng").',
    );
    const partial = at('thieu-cot.xlsx');
    await writeCriteriaXlsx(partial, [['1', 'A', 100]], { header: ['Mã', 'Tiêu chí', 'Số điểm'], titleRows: ['Bộ tiêu chí'] });
    expect((await refusal(partial)).message).toBe(
      'Tệp "thieu-cot.xlsx", trang tính "Bộ tiêu chí", dòng 2: dòng tiêu đề thiếu cột "Điểm tối đa". Cần các cột "Mã", "Tiêu chí" và "Điểm tối đa".',
    );
  });
});

describe('files that are not criteria sets', () => {
  it('refuses a Word document renamed .xlsx', async () => {
    const file = at('ke-hoach.xlsx');
    writeZip(file, DOCX_ENTRIES);
    // A valid ZIP, so exceljs opens it — and finds no worksheet.
    expect((await refusal(file)).message).toBe('Tệp "ke-hoach.xlsx" không có trang tính nào; có thể đây không phải bảng tính Excel (.xlsx).');
  });

  it('refuses random bytes renamed .xlsx, with or without a ZIP signature', async () => {
    const zipLike = at('hong.xlsx');
    writeFileSync(zipLike, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(2000, 7)]));
    expect((await refusal(zipLike)).message).toBe(
      'Tệp "hong.xlsx" không đọc được như bảng tính Excel (.xlsx): tệp bị hỏng hoặc không phải bảng tính. Hãy mở bằng Excel và lưu lại dạng .xlsx.',
    );
    const random = at('anh.xlsx');
    writeFileSync(random, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    expect((await refusal(random)).message).toBe(
      'Tệp "anh.xlsx" không phải bộ tiêu chí dạng JSON hoặc bảng tính Excel (.xlsx). Hãy chọn tệp .json theo định dạng của Kiểm Chứng hoặc tệp .xlsx có các cột Mã, Tiêu chí, Điểm tối đa.',
    );
    const xls = at('cu.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect((await refusal(xls)).message).toContain('là bảng tính Excel cũ (.xls)');
  });

  it('refuses JSON that is not our format, naming the file', async () => {
    const other = at('cai-dat.json');
    writeFileSync(other, '\uFEFF  {"theme": "dark"}');
    expect((await refusal(other)).message).toBe(
      'Tệp "cai-dat.json" là JSON nhưng không phải bộ tiêu chí theo định dạng của Kiểm Chứng (cần "format": "kiemchung-criteria"). Xem hướng dẫn định dạng trong resources/criteria/README.md.',
    );
    const list = at('danh-sach.json');
    writeFileSync(list, '[{"code": "1"}]');
    expect((await refusal(list)).message).toContain('"danh-sach.json" là JSON nhưng không phải bộ tiêu chí');
    const broken = at('hong.json');
    writeFileSync(broken, '{\n  "format": "kiemchung-criteria",\n}'); // a trailing comma
    expect((await refusal(broken)).message).toBe('Tệp "hong.json" không phải JSON hợp lệ (lỗi cú pháp ở dòng 3, cột 1).');
    const newer = at('moi.json');
    writeFileSync(newer, JSON.stringify({ format: 'kiemchung-criteria', version: 2, name: 'x', criteria: [] }));
    expect((await refusal(newer)).message).toContain('phiên bản định dạng 2');
  });

  it('names the path of each shape error in our JSON format', async () => {
    const file = at('sai-dang.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'kiemchung-criteria',
        version: 1,
        name: 'Bộ thử',
        year: '2023',
        criteria: [
          { code: '1', title: 'A', maxPoints: 100 },
          { code: 1.1, title: 'B', maxPoints: true },
        ],
      }),
    );
    const e = await refusal(file);
    expect(e.issues).toEqual([
      { path: 'year', message: 'Năm áp dụng (year) phải là số, ví dụ 2023, hoặc null.' },
      { path: 'criteria[1].code', message: 'Mã tiêu chí (code) là bắt buộc và phải là chuỗi, ví dụ "1.3" (không ghi dạng số).' },
      { path: 'criteria[1].maxPoints', message: 'Điểm tối đa (maxPoints) phải là số, ví dụ 1.5, hoặc null nếu chưa có.' },
    ]);
    expect(e.message).toBe('Tệp "sai-dang.json" chưa đúng định dạng bộ tiêu chí: year: Năm áp dụng (year) phải là số, ví dụ 2023, hoặc null. (và 2 lỗi khác)');
  });

  it('reports content errors of our JSON format by entry, without throwing', async () => {
    const file = at('noi-dung.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'kiemchung-criteria',
        version: 1,
        name: 'Bộ thử',
        criteria: [
          { code: '1', title: 'A', maxPoints: 100 },
          { code: '1.1', title: 'B', maxPoints: '1,5đ' },
          { code: '1.1', title: 'C', maxPoints: 0.5 },
        ],
      }),
    );
    const r = await readCriteriaFile(file);
    expect(r.meta).toEqual({ name: 'Bộ thử', decision: null, province: null, year: null });
    expect(r.check.errors.map((e) => [e.source, e.code])).toEqual([
      ['mục 2', '1.1'],
      ['mục 3', '1.1'],
    ]);
  });

  it('refuses a too-big file before parsing it', async () => {
    // A ZIP signature followed by junk: parsing would fail differently, so the size check ran first.
    const file = at('lon.xlsx');
    writeFileSync(file, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(4096)]));
    expect((await refusal(file, { maxBytes: 1024 })).message).toBe(
      'Tệp "lon.xlsx" quá lớn (5 KB); tệp bộ tiêu chí tối đa 1 KB. Hãy kiểm tra đã chọn đúng tệp.',
    );
    // The default limit is 20 MB (a sparse file: no 20 MB written to disk).
    const huge = at('rat-lon.json');
    writeFileSync(huge, '{');
    truncateSync(huge, 20 * 1024 * 1024 + 1);
    expect((await refusal(huge)).message).toBe('Tệp "rat-lon.json" quá lớn (20,1 MB); tệp bộ tiêu chí tối đa 20 MB. Hãy kiểm tra đã chọn đúng tệp.');
  });

  it('refuses a missing or empty file', async () => {
    expect((await refusal(at('khong-co.json'))).message).toContain('"khong-co.json"');
    writeFileSync(at('rong.xlsx'), '');
    expect((await refusal(at('rong.xlsx'))).message).toBe('Tệp "rong.xlsx" rỗng (0 byte).');
  });
});
