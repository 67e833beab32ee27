// readRosterFile on hand-shaped workbooks: where the header is, which form a sheet is, what the
// Nam/Nữ columns say, and every mistake refused with a Vietnamese message naming sheet and row.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, openSync, rmSync, truncateSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { randomFillSync } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { readRosterFile, writeRosterXlsx, type RosterImport } from '../../main/services/roster';
import { ApiError } from '../../shared/errors';
import { DOCX_ENTRIES, writeZip } from '../helpers/criteria-xlsx';
import { HEADER_02, TITLE_02, makeRoster, row02, writeRawXlsx, type Cell } from '../helpers/roster';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-roster-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const NOW = new Date('2023-06-01T03:00:00Z');
const read = (file: string) => readRosterFile(file, { now: NOW });
const messages = (issues: { message: string }[]) => issues.map((i) => i.message);

async function refusal(file: string, opts?: Parameters<typeof readRosterFile>[1]): Promise<ApiError> {
  let result: RosterImport | undefined;
  try {
    result = await readRosterFile(file, { now: NOW, ...opts });
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error(`expected a refusal, got ${JSON.stringify(result.errors)}`);
}

describe('the plan’s own Mẫu 02 sample', () => {
  it('reads the sample rows; its placeholder phone "091...." is refused', async () => {
    const file = at('sample.xlsx');
    const [first] = await writeRawXlsx(file, [
      {
        name: 'Mẫu 02',
        titleRows: ['HUYỆN/THỊ XÃ, THÀNH PHỐ', '.....', 'DANH SÁCH', 'Công chức UBND cấp xã tham gia kiểm tra, đánh giá', 'Năm 2023'],
        rows: [
          row02('Nguyễn Văn A', 'nam', '1/1/1987', 'Văn phòng- Thống kê', 'Xã B', '091....', 'Phụ trách một cửa', 1),
          row02('Nguyễn Văn B', 'nam', '1/1/1981', 'Tư pháp- Hộ tịch', 'Xã B', null, 'Phụ trách chứng thực', 2),
          [3],
        ],
      },
    ]);
    const r = await read(file);
    expect(r.forms).toHaveLength(1);
    expect(r.forms[0]!.form).toBe('02');
    expect(r.forms[0]!.rows.map((x) => [x.fullName, x.gender, x.birthYear, x.birthDate, x.positionId, x.positionTitle, x.commune, x.note])).toEqual([
      ['Nguyễn Văn A', 'nam', 1987, '1987-01-01', 'VP_TK', 'Văn phòng - Thống kê', 'Xã B', 'Phụ trách một cửa'],
      ['Nguyễn Văn B', 'nam', 1981, '1981-01-01', 'TP_HT', 'Tư pháp - Hộ tịch', 'Xã B', 'Phụ trách chứng thực'],
    ]);
    expect(r.errors).toEqual([
      {
        sheet: 'Mẫu 02',
        row: first,
        column: 'G',
        message: `Mẫu 02, dòng ${first}: số điện thoại "091...." không hợp lệ: cần 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09 (di động) hoặc 10–11 chữ số bắt đầu bằng 02 (cố định), ví dụ 0912 345 678.`,
      },
    ]);
    expect(r.warnings).toEqual([]);
  });
});

describe('finding the header', () => {
  it('finds it below 4 merged title rows, with Năm sinh merged over Nam | Nữ, and skips numbering, sections and the footer', async () => {
    const file = at('titles.xlsx');
    const [first] = await writeRawXlsx(file, [
      {
        name: 'DS công chức',
        titleRows: TITLE_02,
        gap: 1,
        rows: [
          ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'],
          ['I. Xã Đại Tâm'],
          row02('Trần Thị Lan', 'nu', 1990, 'VP-TK', null, '0912 345 678', null, 1),
          row02('Lý Văn Sang', 'nam', '03/04/1979', 'TC-KT', null, '+84 919 000 111', null, 2),
          ['II. Thị trấn Mỹ Xuyên'],
          row02('Sơn Thị Sa Phia', 'nu', 1995, 'Địa chính', null, null, null, 3),
          [4],
        ],
        after: [
          [],
          [null, null, null, null, null, 'Mỹ Xuyên, ngày 01 tháng 6 năm 2023'],
          [null, null, null, null, null, 'TM. ỦY BAN NHÂN DÂN'],
          [],
          [null, null, null, null, null, 'Nguyễn Văn Hùng'],
          [null, 'Người lập biểu'],
          [null, 'Lê Văn Tư'],
        ],
      },
    ]);
    expect(first).toBe(8); // 4 title rows, a blank, two header rows
    const r = await read(file);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.forms.map((f) => [f.form, f.sheet])).toEqual([['02', 'DS công chức']]);
    expect(r.forms[0]!.rows.map((x) => [x.sourceRow, x.fullName, x.gender, x.birthYear, x.positionTitle, x.commune, x.phone, x.district])).toEqual([
      [10, 'Trần Thị Lan', 'nu', 1990, 'Văn phòng - Thống kê', 'Xã Đại Tâm', '0912345678', 'Mỹ Xuyên'],
      [11, 'Lý Văn Sang', 'nam', 1979, 'Tài chính - Kế toán', 'Xã Đại Tâm', '0919000111', 'Mỹ Xuyên'],
      // A bare "Địa chính" takes the thị trấn variant from the section's commune.
      [13, 'Sơn Thị Sa Phia', 'nu', 1995, 'Địa chính - Xây dựng - Đô thị và Môi trường', 'Thị trấn Mỹ Xuyên', null, 'Mỹ Xuyên'],
    ]);
  });

  it('reads a one-row header ("Năm sinh (Nam)" / "Năm sinh (Nữ)") and a "Giới tính" column', async () => {
    const file = at('one-row.xlsx');
    await writeRawXlsx(file, [
      {
        name: 'Mẫu 02',
        header: [['STT', 'Họ và tên', 'Năm sinh (Nam)', 'Năm sinh (Nữ)', 'Chức danh', 'Xã/phường/thị trấn', 'SĐT', 'Ghi chú']],
        rows: [row02('Trần Văn Tư', 'nam', 1980, 'VH-XH', 'Xã Ngọc Tố', null, null, 1), row02('Lâm Thị Hoa', 'nu', 1985, 'VH-XH', 'Xã Ngọc Tố', null, null, 2)],
      },
      {
        name: 'Mau 2 (gioi tinh)',
        header: [['TT', 'Họ tên', 'Giới tính', 'Ngày sinh', 'Chức vụ', 'Đơn vị', 'Điện thoại']],
        rows: [[1, 'Kim Thị Mai', 'Nữ', '12/5/1988', 'Tư pháp - Hộ tịch', 'Xã Tham Đôn', 912000111]],
      },
    ]);
    const r = await read(file);
    expect(r.errors).toEqual([]);
    expect(r.forms.map((f) => [f.form, f.rows.map((x) => [x.fullName, x.gender, x.birthYear])])).toEqual([
      [
        '02',
        [
          ['Trần Văn Tư', 'nam', 1980],
          ['Lâm Thị Hoa', 'nu', 1985],
        ],
      ],
      ['02', [['Kim Thị Mai', 'nu', 1988]]],
    ]);
    expect(r.forms[1]!.rows[0]!.phone).toBe('0912000111');
  });

  it('the Nam / Nữ column decides gender; both filled is an error', async () => {
    const file = at('gender.xlsx');
    const [first] = await writeRawXlsx(file, [
      {
        name: 'Mẫu 02',
        rows: [
          row02('Huỳnh Thanh Phượng', 'nu', 1991, 'TP-HT', 'Xã Gia Hòa 1'),
          row02('Huỳnh Thanh Phong', 'nam', 1991, 'TP-HT', 'Xã Gia Hòa 1'),
          row02('Huỳnh Thanh Tâm', 'both', 1991, 'TP-HT', 'Xã Gia Hòa 1'),
          row02('Huỳnh Thanh Bình', 'nam', null, 'TP-HT', 'Xã Gia Hòa 1'),
        ],
      },
    ]);
    const r = await read(file);
    expect(r.forms[0]!.rows.map((x) => [x.fullName, x.gender])).toEqual([
      ['Huỳnh Thanh Phượng', 'nu'],
      ['Huỳnh Thanh Phong', 'nam'],
      ['Huỳnh Thanh Tâm', null],
      ['Huỳnh Thanh Bình', null],
    ]);
    expect(messages(r.errors)).toEqual([
      `Mẫu 02, dòng ${first + 2}: năm sinh ghi ở cả cột Nam ("1991") và cột Nữ ("1991"); chỉ ghi vào một cột theo giới tính.`,
      `Mẫu 02, dòng ${first + 3}: thiếu năm sinh (ghi vào cột Nam hoặc cột Nữ theo giới tính).`,
    ]);
  });

  it('a sheet without a recognisable header is refused, naming it', async () => {
    const file = at('no-header.xlsx');
    await writeRawXlsx(file, [{ name: 'Danh sách', header: null, rows: [['Nguyễn Văn A', 1987, 'VP-TK', 'Xã B']] }]);
    const r = await read(file);
    expect(r.forms).toEqual([]);
    expect(messages(r.errors)).toEqual([
      'Không tìm thấy danh sách nào trong tệp "no-header.xlsx": cần một trang tính có dòng tiêu đề cột gồm "Họ và tên", "Năm sinh" (Nam, Nữ), "Chức danh", "Xã, phường, thị trấn" trong 20 dòng đầu.',
    ]);

    // A sheet that says it is a form but whose header can't be read: named, with what is missing.
    const labelled = at('no-header-labelled.xlsx');
    await writeRawXlsx(labelled, [
      { name: 'Mẫu 03', header: null, titleRows: ['Mẫu số 03', 'DANH SÁCH'], rows: [['Nguyễn Văn A', 1987]] },
      { name: 'Mẫu 02', header: [['STT', 'Họ và tên', 'Năm sinh', 'Ghi chú']], rows: [[1, 'Trần Văn B', 1980]] },
    ]);
    const l = await read(labelled);
    expect(messages(l.errors)).toEqual([
      'Mẫu 03: không tìm thấy dòng tiêu đề cột trong 20 dòng đầu. Cần một dòng có các cột "STT", "Họ và tên", "Năm sinh", "Chức danh", "Xã, phường, thị trấn".',
      'Mẫu 02, dòng 1: dòng tiêu đề thiếu cột "Chức danh", "Xã, phường, thị trấn"; chưa đọc được trang tính này.',
    ]);
  });

  it('an empty sheet: an error when it is the form, a warning beside other forms, an error when nothing else', async () => {
    const file = at('empty-sheets.xlsx');
    await writeRawXlsx(file, [
      { name: 'Mẫu 02', rows: [row02('Trần Văn Ba', 'nam', 1980, 'VP-TK', 'Xã Đại Tâm')] },
      { name: 'Mẫu 03', header: null },
      { name: 'Sheet3', header: null },
    ]);
    const r = await read(file);
    expect(r.errors).toEqual([{ sheet: 'Mẫu 03', row: null, message: 'Mẫu 03: trang tính trống, chưa có dòng tiêu đề và dữ liệu.' }]);
    expect(messages(r.warnings)).toEqual(['Trang tính "Sheet3" trống; đã bỏ qua.']);

    const only = at('only-empty.xlsx');
    await writeRawXlsx(only, [{ name: 'Sheet1', header: null }]);
    expect(messages((await read(only)).errors)).toEqual(['Tệp "only-empty.xlsx" không có dữ liệu: các trang tính đều trống.']);
  });
});

describe('which form a sheet is', () => {
  it('by its "Mẫu số" title, its sheet name, its title words or its columns; 01/02 guessed from the positions', async () => {
    const file = at('forms.xlsx');
    const row = (name: string, pos: string, commune = 'Xã Tham Đôn') => row02(name, 'nam', 1980, pos, commune);
    await writeRawXlsx(file, [
      { name: 'Sheet1', titleRows: ['UBND HUYỆN MỸ XUYÊN', 'MẪU SỐ 01'], rows: [row('Trần Văn Một', 'Chủ tịch')] },
      { name: 'mau 02', rows: [row('Trần Văn Hai', 'VP-TK')] },
      {
        name: 'Sheet3',
        titleRows: ['DANH SÁCH', 'Cán bộ, công chức UBND cấp xã không tham gia kiểm tra, đánh giá'],
        header: [
          [...HEADER_02[0].slice(0, 7), 'Lý do', 'Ghi chú'],
          [...HEADER_02[1], null],
        ],
        rows: [[...row('Trần Văn Ba', 'TC-KT').slice(0, 7), 'Đang trong thời gian tập sự']],
      },
      {
        name: 'Sheet4',
        header: [
          ['STT', 'Họ và tên', 'Năm sinh', null, 'Chức vụ', 'Cơ quan', 'Lĩnh vực phụ trách', 'Số điện thoại'],
          [null, null, 'Nam', 'Nữ'],
        ],
        rows: [[1, 'Trần Văn Bốn', 1980, null, 'Chuyên viên', 'Phòng Nội vụ', 'Nội vụ', '0912000444']],
      },
      { name: 'Sheet5', rows: [row('Trần Văn Năm', 'Phó Chủ tịch UBND xã')] },
    ]);
    const r = await read(file);
    expect(r.errors).toEqual([]);
    expect(r.forms.map((f) => [f.sheet, f.form])).toEqual([
      ['Sheet1', '01'],
      ['mau 02', '02'],
      ['Sheet3', '03'],
      ['Sheet4', '04'],
      ['Sheet5', '01'],
    ]);
    expect(r.forms[2]!.rows[0]).toMatchObject({ reason: 'Đang trong thời gian tập sự', exclusion: { kind: 'tap_su', text: 'Đang trong thời gian tập sự' } });
    expect(r.forms[3]!.rows[0]).toMatchObject({
      positionId: null,
      positionTitle: 'Chuyên viên',
      commune: null,
      agency: 'Phòng Nội vụ',
      focalArea: 'noi_vu',
      phone: '0912000444',
    });
    expect(messages(r.warnings)).toEqual([
      'Mẫu 04 (trang tính "Sheet4"): chưa có công chức đầu mối phụ trách Công nghệ thông tin, Tư pháp.',
      'Mẫu 01 (trang tính "Sheet5"): không ghi tên mẫu ("Mẫu số 0…") nên xác định là Mẫu 01 theo chức danh trong danh sách.',
    ]);
  });
});

describe('refusing mistakes, each named by sheet and row', () => {
  it('lists every problem of a file, in order, across sheets', async () => {
    const file = at('many-problems.xlsx');
    const [f02, f03] = await writeRawXlsx(file, [
      {
        name: 'Mẫu 02',
        titleRows: TITLE_02,
        rows: [
          row02('Nguyễn Văn An', 'nam', 'năm tám lăm', 'VP-TK', 'Xã Đại Tâm', null, null, 1),
          row02('Trần Thị Bé', 'nu', 1988, 'Kế hoạch - Đầu tư', 'Xã Đại Tâm', null, null, 2),
          row02('Lê Văn Cường', 'nam', 1979, 'TC-KT', 'Xã Đại Tâm', '0912 34', null, 3),
          row02(null, 'nam', 1985, 'VH-XH', 'Xã Đại Tâm', null, null, 4),
          row02('Phạm Văn Dũng', 'nam', 1983, 'TP-HT', null, null, null, 5),
          row02('Võ Thị Em', 'both', 1990, 'VH-XH', 'Xã Đại Tâm', null, null, 6),
          row02('  trần   thị  bé ', 'nu', 1988, 'VP-TK', 'xã đại tâm', null, null, 7),
          row02('Đặng Văn Giàu', 'nam', 1970, 'Chủ tịch UBND', 'Xã Đại Tâm', null, null, 8),
          row02('Bùi Thị Hạnh', 'nu', 1992, 'TP-HT', 'Xã Đại Tâm', null, null, 9),
        ],
      },
      {
        name: 'Mẫu 03',
        header: [
          [...HEADER_02[0].slice(0, 7), 'Lý do', 'Ghi chú'],
          [...HEADER_02[1], null],
        ],
        rows: [
          [...row02('Bùi Thị Hạnh', 'nu', 1992, 'Tư pháp - Hộ tịch', 'Xã Đại Tâm').slice(0, 7), 'Nghỉ thai sản'],
          [...row02('Hồ Văn Khánh', 'nam', 1996, 'VP-TK', 'Xã Đại Tâm').slice(0, 7), null],
        ],
      },
    ]);
    const r = await read(file);
    expect(messages(r.errors)).toEqual([
      `Mẫu 02, dòng ${f02}: năm sinh "năm tám lăm" không phải là số; ghi năm bằng chữ số (ví dụ 1985) hoặc ngày sinh (ví dụ 01/01/1985).`,
      `Mẫu 02, dòng ${f02 + 1}: chức danh "Kế hoạch - Đầu tư" không thuộc đối tượng kiểm tra, đánh giá; ghi một trong các chức danh: Chủ tịch, Phó Chủ tịch, Văn phòng - Thống kê, Tài chính - Kế toán, Văn hóa - Xã hội, Tư pháp - Hộ tịch, Địa chính - Nông nghiệp - Xây dựng và Môi trường, Địa chính - Xây dựng - Đô thị và Môi trường.`,
      `Mẫu 02, dòng ${f02 + 2}: số điện thoại "0912 34" không hợp lệ: cần 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09 (di động) hoặc 10–11 chữ số bắt đầu bằng 02 (cố định), ví dụ 0912 345 678.`,
      `Mẫu 02, dòng ${f02 + 3}: thiếu họ và tên.`,
      `Mẫu 02, dòng ${f02 + 4}: thiếu tên xã, phường, thị trấn.`,
      `Mẫu 02, dòng ${f02 + 5}: năm sinh ghi ở cả cột Nam ("1990") và cột Nữ ("1990"); chỉ ghi vào một cột theo giới tính.`,
      `Mẫu 02, dòng ${f02 + 6}: "trần thị bé" (sinh 1988, xã đại tâm) trùng với dòng ${f02 + 1}.`,
      `Mẫu 02, dòng ${f02 + 7}: Chủ tịch ghi ở Mẫu 01, không ghi ở Mẫu 02.`,
      `Mẫu 03, dòng ${f03}: "Bùi Thị Hạnh" (sinh 1992, Xã Đại Tâm) đã có ở Mẫu 02, dòng ${f02 + 8}; mỗi người chỉ ghi ở một trong các Mẫu 01, 02, 03.`,
      `Mẫu 03, dòng ${f03 + 1}: thiếu lý do không tham gia (đang tập sự, nghỉ thai sản hoặc lý do khác do UBND cấp huyện đề nghị).`,
    ]);
    expect(r.errors.every((e) => e.sheet === 'Mẫu 02' || e.sheet === 'Mẫu 03')).toBe(true);
    expect(r.errors.map((e) => e.column)).toEqual(['C', 'E', 'G', 'B', 'F', 'C', undefined, undefined, undefined, 'H']);
    // Rows with errors are still returned, for a preview; the caller stores nothing while errors exist.
    expect(r.forms.map((f) => f.rows.length)).toEqual([9, 2]);
  });

  it('Mẫu 01 takes only Chủ tịch/Phó Chủ tịch; Mẫu 05 checks Có/Không and appointment dates', async () => {
    const file = at('01-05.xlsx');
    const h05: Cell[][] = [
      [
        'STT',
        'Họ và tên',
        'Năm sinh',
        null,
        'Chức danh',
        'Xã, phường, thị trấn',
        'Số điện thoại',
        'Ngày bổ nhiệm vào chức danh hiện tại',
        'Tham gia kiểm tra (Có/Không)',
        'Ghi chú',
      ],
      [null, null, 'Nam', 'Nữ', null, null, null, null, null, null],
    ];
    const [f01, f05] = await writeRawXlsx(file, [
      { name: 'Mẫu 01', rows: [row02('Thạch Văn Sơn', 'nam', 1972, 'CT UBND', 'Xã Ngọc Đông'), row02('Lâm Văn Tài', 'nam', 1975, 'VP-TK', 'Xã Ngọc Đông')] },
      {
        name: 'Mẫu 05',
        header: h05,
        rows: [
          [1, 'Thạch Văn Sơn', 1972, null, 'Chủ tịch', 'Xã Ngọc Đông', null, '01/02/2021', 'Có'],
          [2, 'Kim Thị Sa', null, 1990, 'Văn phòng - Thống kê', 'Xã Ngọc Đông', null, '31/02/2023', 'có mặt'],
          [3, 'Danh Văn Út', 1980, null, 'Chỉ huy trưởng Quân sự', 'Xã Ngọc Đông', null, null, 'Có'],
          [4, 'Lý Văn Chín', 1985, null, 'TC-KT', 'Xã Ngọc Đông', null, '15/03/2024', null],
          [5, 'Sơn Thị Mười', null, 1986, 'Bí thư Đảng ủy', 'Xã Ngọc Đông'],
        ],
      },
    ]);
    const r = await read(file);
    expect(messages(r.errors)).toEqual([
      `Mẫu 01, dòng ${f01 + 1}: "Văn phòng - Thống kê" là công chức, ghi ở Mẫu 02; Mẫu 01 chỉ gồm Chủ tịch, Phó Chủ tịch.`,
      `Mẫu 05, dòng ${f05 + 1}: ngày bổ nhiệm "31/02/2023" không phải ngày hợp lệ; ghi theo ngày/tháng/năm, ví dụ 15/03/2023.`,
      `Mẫu 05, dòng ${f05 + 1}: cột Tham gia kiểm tra ghi "có mặt"; chỉ ghi "Có" hoặc "Không".`,
      `Mẫu 05, dòng ${f05 + 2}: chức danh "Chỉ huy trưởng Quân sự" không thuộc đối tượng kiểm tra, đánh giá nhưng cột Tham gia kiểm tra ghi "Có".`,
      `Mẫu 05, dòng ${f05 + 3}: chưa ghi "Có" hoặc "Không" ở cột Tham gia kiểm tra.`,
    ]);
    expect(messages(r.warnings)).toEqual([
      `Mẫu 05, dòng ${f05 + 3}: ngày bổ nhiệm 15/03/2024 ở sau ngày hôm nay.`,
      `Mẫu 01, dòng ${f01 + 1}: "Lâm Văn Tài" (sinh 1975, Xã Ngọc Đông) không có trong Mẫu 05 (danh sách tất cả cán bộ, công chức).`,
    ]);
    const m05 = r.forms[1]!.rows;
    expect(m05[0]).toMatchObject({ positionId: 'CT_PCT', appointedAt: '2021-02-01', takesPart: true });
    expect(m05[4]).toMatchObject({ positionId: null, positionTitle: 'Bí thư Đảng ủy', gender: 'nu' });
  });

  it('checks Mẫu 05 against Mẫu 02/03: a contradiction is an error, an absence a warning', async () => {
    const file = at('cross.xlsx');
    const h03: Cell[][] = [
      [...HEADER_02[0].slice(0, 7), 'Lý do'],
      [...HEADER_02[1].slice(0, 7), null],
    ];
    const h05: Cell[][] = [
      ['STT', 'Họ và tên', 'Năm sinh', null, 'Chức danh', 'Xã, phường, thị trấn', 'Tham gia kiểm tra'],
      [null, null, 'Nam', 'Nữ', null, null, null],
    ];
    const [, f05] = await writeRawXlsx(file, [
      { name: 'Mẫu 02', rows: [row02('Ngô Văn Lợi', 'nam', 1980, 'VP-TK', 'Xã Thạnh Quới'), row02('Ngô Thị Thu', 'nu', 1982, 'VH-XH', 'Xã Thạnh Quới')] },
      { name: 'Mẫu 03', header: h03, rows: [[...row02('Ngô Văn Phát', 'nam', 1998, 'TP-HT', 'Xã Thạnh Quới').slice(0, 7), 'Đang tập sự']] },
      {
        name: 'Mẫu 05',
        header: h05,
        rows: [
          [1, 'Ngô Văn Lợi', 1980, null, 'VP-TK', 'Xã Thạnh Quới', 'Có'],
          [2, 'Ngô Thị Thu', null, 1982, 'VH-XH', 'Xã Thạnh Quới', 'Không'],
          [3, 'Ngô Văn Phát', 1998, null, 'TP-HT', 'Xã Thạnh Quới', 'Không'],
          [4, 'Ngô Văn Tín', 1990, null, 'TC-KT', 'Xã Thạnh Quới', 'Có'],
        ],
      },
    ]);
    const r = await read(file);
    expect(messages(r.errors)).toEqual([
      `Mẫu 05, dòng ${f05 + 1}: "Ngô Thị Thu" (sinh 1982, Xã Thạnh Quới) ghi "Không" tham gia kiểm tra nhưng lại có ở Mẫu 02, dòng 4.`,
    ]);
    expect(messages(r.warnings)).toEqual([
      `Mẫu 05, dòng ${f05 + 3}: "Ngô Văn Tín" (sinh 1990, Xã Thạnh Quới) ghi "Có" tham gia kiểm tra nhưng không có trong Mẫu 01, 02.`,
    ]);
  });
});

describe('files that are not rosters', () => {
  // How fast (it used to assert < 250 ms here) is measured by bench/refusal.bench.ts.
  it('refuses a 50 MB junk file renamed .xlsx by its content', async () => {
    const file = at('junk.xlsx');
    const chunk = Buffer.alloc(1024 * 1024);
    const fd = openSync(file, 'w');
    for (let i = 0; i < 50; i++) writeSync(fd, randomFillSync(chunk));
    closeSync(fd);
    const e = await refusal(file);
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe(
      'Tệp "junk.xlsx" không phải bảng tính Excel (.xlsx) — nội dung tệp không đúng định dạng, dù tên tệp có đuôi gì. Hãy chọn tệp danh sách theo Mẫu 01–05 dạng .xlsx.',
    );

    // Junk behind a ZIP signature: still judged by the entries it (doesn't) list.
    const fd2 = openSync(file, 'r+');
    writeSync(fd2, Buffer.from('PK\x03\x04', 'latin1'), 0, 4, 0);
    closeSync(fd2);
    expect((await refusal(file)).message).toContain('không phải bảng tính Excel (.xlsx)');
  });

  it('names what the file is instead: old .xls, Word, empty, truncated, too big', async () => {
    const xls = at('old.xlsx');
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]));
    expect((await refusal(xls)).message).toBe(
      'Tệp "old.xlsx" là bảng tính Excel cũ (.xls). Hãy mở bằng Excel, chọn Lưu thành (Save As) dạng .xlsx rồi nhập lại.',
    );

    const docx = at('report.xlsx');
    writeZip(docx, DOCX_ENTRIES);
    expect((await refusal(docx)).message).toBe(
      'Tệp "report.xlsx" là văn bản Word, không phải bảng tính. Hãy nhập danh sách theo Mẫu 01–05 dạng Excel (.xlsx).',
    );

    const empty = at('empty.xlsx');
    writeFileSync(empty, '');
    expect((await refusal(empty)).message).toBe('Tệp "empty.xlsx" rỗng (0 byte).');

    const good = at('good.xlsx');
    await writeRosterXlsx('02', makeRoster('02', 400), { province: 'Sóc Trăng', district: 'Mỹ Xuyên' }, good);
    const cut = at('cut.xlsx');
    writeFileSync(cut, '');
    const { copyFileSync, statSync } = await import('node:fs');
    copyFileSync(good, cut);
    truncateSync(cut, Math.floor(statSync(cut).size / 2));
    expect((await refusal(cut)).message).toBe(
      'Tệp "cut.xlsx" không đọc được như bảng tính Excel (.xlsx): tệp bị hỏng hoặc chưa lưu xong. Hãy mở bằng Excel và lưu lại dạng .xlsx.',
    );

    expect((await refusal(good, { maxBytes: 1000 })).message).toMatch(
      /^Tệp "good\.xlsx" quá lớn \(\d+,\d MB\); tệp danh sách tối đa 0,1 MB\. Hãy kiểm tra đã chọn đúng tệp\.$/,
    );
    expect((await refusal(at('missing.xlsx'))).message).toBe('Không mở được tệp "missing.xlsx": tệp không tồn tại hoặc không có quyền đọc.');
  });
});

describe('progress and cancelling', () => {
  it('reports progress and stops when the signal aborts', async () => {
    const file = at('big05.xlsx');
    await writeRosterXlsx('05', makeRoster('05', 6000), { province: 'Sóc Trăng', district: 'Mỹ Xuyên' }, file);
    const seen: number[] = [];
    const r = await readRosterFile(file, { now: NOW, onProgress: (n) => seen.push(n) });
    expect(r.errors).toEqual([]);
    expect(r.forms[0]!.rows).toHaveLength(6000);
    expect(seen.length).toBeGreaterThanOrEqual(6);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBeGreaterThanOrEqual(6000);

    const ac = new AbortController();
    const e = await refusal(file, { signal: ac.signal, onProgress: (n) => n >= 2000 && ac.abort() });
    expect(e.code).toBe('CANCELLED');
    expect(e.message).toBe('Đã hủy đọc tệp danh sách.');

    const pre = new AbortController();
    pre.abort();
    expect((await refusal(file, { signal: pre.signal })).code).toBe('CANCELLED');
  });
});
