import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, proposeEvidenceName, sameNameKey, toAscii, validateEvidenceName } from '../../main/domain/evidence-naming';

const DOC_EXAMPLE = '2.3_so 25BC-UBND_BC CCHC quy I.2023';

describe('toAscii', () => {
  it('strips Vietnamese diacritics, đ/Đ included', () => {
    expect(toAscii('Phụ lục 1 số văn bản QPPL')).toBe('Phu luc 1 so van ban QPPL');
    expect(toAscii('Đảng ủy, HĐND xã Phú Thượng')).toBe('Dang uy HDND xa Phu Thuong');
    expect(toAscii('Ưu tiên ở ướt ữ')).toBe('Uu tien o uot u');
  });
  it('gives the same result for decomposed (NFD) and precomposed (NFC) text', () => {
    const s = 'Báo cáo công tác CCHC quý I/2023 – Đợt 2';
    expect(toAscii(s.normalize('NFD'))).toBe(toAscii(s.normalize('NFC')));
    expect(toAscii(s.normalize('NFD'))).toBe('Bao cao cong tac CCHC quy I 2023 - Dot 2');
  });
  it('keeps letters, digits, space and . - ( ) only, with spaces collapsed', () => {
    expect(toAscii('  a_b:c*d   (e)  1.2-3  ')).toBe('a b c d (e) 1.2-3');
  });
});

describe('proposeEvidenceName', () => {
  it("reproduces doc 001's example exactly", () => {
    expect(proposeEvidenceName({ criterionCode: '2.3', docNumber: '25/BC-UBND', summary: 'Báo cáo CCHC quý I/2023' })).toBe(DOC_EXAMPLE);
  });
  it('drops "về công tác" after the document type', () => {
    expect(proposeEvidenceName({ criterionCode: '2.3', docNumber: '25/BC-UBND', summary: 'Báo cáo về công tác CCHC quý I/2023' })).toBe(DOC_EXAMPLE);
  });
  it('drops a pasted "số <number>" that repeats the document number', () => {
    expect(proposeEvidenceName({ criterionCode: '2.3', docNumber: 'Số 25/BC-UBND', summary: 'Báo cáo số 25/BC-UBND về công tác CCHC quý I/2023' })).toBe(
      DOC_EXAMPLE,
    );
  });
  it('gives the same name for decomposed (NFD) input', () => {
    expect(proposeEvidenceName({ criterionCode: '2.3', docNumber: '25/BC-UBND'.normalize('NFD'), summary: 'Báo cáo CCHC quý I/2023'.normalize('NFD') })).toBe(
      DOC_EXAMPLE,
    );
  });
  it('appends an extension when given', () => {
    expect(proposeEvidenceName({ criterionCode: '2.3', docNumber: '25/BC-UBND', summary: 'Báo cáo CCHC quý I/2023', extension: 'pdf' })).toBe(
      `${DOC_EXAMPLE}.pdf`,
    );
    expect(proposeEvidenceName({ criterionCode: '2.3', docNumber: '25/BC-UBND', summary: 'Báo cáo CCHC quý I/2023', extension: '.PDF' })).toBe(
      `${DOC_EXAMPLE}.pdf`,
    );
  });
  it('abbreviates the usual document types', () => {
    const p = (summary: string, docNumber: string | null = null) => proposeEvidenceName({ criterionCode: '1.1', docNumber, summary });
    expect(p('Kế hoạch CCHC năm 2023', '12/KH-UBND')).toBe('1.1_so 12KH-UBND_KH CCHC nam 2023');
    expect(p('Quyết định về việc kiện toàn Tổ CCHC', '88/QĐ-UBND')).toBe('1.1_so 88QD-UBND_QD kien toan To CCHC');
    expect(p('Thông báo kết luận')).toBe('1.1_TB ket luan');
    expect(p('Công văn V/v đôn đốc')).toBe('1.1_CV don doc');
    expect(p('Tờ trình đề nghị')).toBe('1.1_TTr de nghi');
    expect(p('Nghị quyết HĐND')).toBe('1.1_NQ HDND');
    expect(p('Phụ lục 1 số văn bản QPPL')).toBe('1.1_Phu luc 1 so van ban QPPL');
    // Only a leading type is abbreviated, and only as a whole word.
    expect(p('Tổng hợp báo cáo tháng')).toBe('1.1_Tong hop bao cao thang');
    expect(p('Báo cáosai')).toBe('1.1_Bao caosai');
  });
  it('without a document number: <code>_<summary>', () => {
    expect(proposeEvidenceName({ criterionCode: '3.2.12', docNumber: null, summary: 'Ảnh chụp bảng niêm yết TTHC' })).toBe(
      '3.2.12_Anh chup bang niem yet TTHC',
    );
    expect(proposeEvidenceName({ criterionCode: '3.2.12', docNumber: '  ', summary: 'Ảnh' })).toBe('3.2.12_Anh');
  });
  it('limits the base name to 120 characters, cutting the summary at a word', () => {
    const long = 'Báo cáo ' + Array.from({ length: 40 }, (_, i) => `mục${i}`).join(' ');
    const name = proposeEvidenceName({ criterionCode: '2.3', docNumber: '25/BC-UBND', summary: long, extension: 'pdf' });
    const base = name.slice(0, -4);
    expect(base.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(base.startsWith('2.3_so 25BC-UBND_BC muc0 muc1')).toBe(true);
    expect(base).toMatch(/ muc\d+$/); // whole words only
    expect(long.includes(base.split(' ').at(-1)!.replace('muc', 'mục'))).toBe(true);
    expect(validateEvidenceName(name, '2.3')).toEqual([]);
  });
  it('proposes names that pass validation', () => {
    for (const summary of ['Báo cáo CCHC quý I/2023', 'Kế hoạch: "kiểm tra" <CCHC>?', 'Thông báo…', 'Quyết định số 1.']) {
      const name = proposeEvidenceName({ criterionCode: '2.3', docNumber: '25/BC-UBND', summary });
      expect(validateEvidenceName(name, '2.3'), name).toEqual([]);
    }
  });
});

describe('validateEvidenceName', () => {
  const problems = (name: string, code = '2.3') => validateEvidenceName(name, code).map((p) => p.message);

  it("accepts doc 001's example, with or without an evidence extension", () => {
    expect(problems(DOC_EXAMPLE)).toEqual([]);
    expect(problems(`${DOC_EXAMPLE}.pdf`)).toEqual([]);
    expect(problems(`${DOC_EXAMPLE}.JPG`)).toEqual([]);
    expect(problems('2.3_so 25BC-UBND_ Phu luc 1 so van ban QPPL')).toEqual([]);
  });
  it("accepts both of doc 001's examples exactly as written, the trailing '…' included", () => {
    expect(problems('2.3_so 25BC-UBND_BC CCHC quy I.2023')).toEqual([]);
    expect(problems('2.3_so 25BC-UBND_ Phu luc 1 so van ban QPPL…')).toEqual([]);
    expect(problems('2.3_so 25BC-UBND_ Phu luc 1 so van ban QPPL….pdf')).toEqual([]);
  });
  it('requires all three parts: code, "so <number and symbol>" and a summary', () => {
    expect(problems('2.3_abc')).toEqual([
      'Sau "2.3_" cần có "so" và số, ký hiệu văn bản, rồi dấu gạch dưới và trích yếu (ví dụ 2.3_so 25BC-UBND_BC CCHC quy I.2023).',
    ]);
    expect(problems('2.3_so 25BC-UBND')).toEqual([
      'Sau "2.3_so 25BC-UBND" cần dấu gạch dưới và trích yếu văn bản (ví dụ 2.3_so 25BC-UBND_BC CCHC quy I.2023).',
    ]);
    expect(problems('2.3_so 25BC-UBND_')).toHaveLength(1);
    expect(problems('2.3_so 25BC-UBND_ ... ')[0]).toContain('cần dấu gạch dưới và trích yếu');
    // A number part without a digit is not a document number.
    expect(problems('2.3_so BC-UBND_BC CCHC')[0]).toContain('cần có "so" và số, ký hiệu');
    expect(problems('2.3_BC CCHC quy I.2023')[0]).toContain('cần có "so" và số, ký hiệu');
    expect(problems('2.3_25BC-UBND_BC CCHC')[0]).toContain('cần có "so" và số, ký hiệu');
    expect(problems('2.3_so 25BC-UBND.pdf')[0]).toContain('cần dấu gạch dưới và trích yếu');
  });
  it('accepts an ellipsis only at the end', () => {
    expect(problems('2.3_so 25BC-UBND_BC… CCHC')[0]).toContain('"…"');
  });
  it('requires the criterion code and an underscore first', () => {
    expect(problems('2.4_so 25BC-UBND_BC')).toEqual([
      'Tên tệp phải bắt đầu bằng mã tiêu chí và dấu gạch dưới "2.3_" (ví dụ 2.3_so 25BC-UBND_BC CCHC quy I.2023).',
    ]);
    expect(problems('2.3 so 25BC-UBND')[0]).toContain('"2.3_"');
    // '2.3.1_' is a different criterion, not 2.3.
    expect(problems('2.3.1_so 25BC-UBND_BC')).toHaveLength(1);
  });
  it('requires something after the code', () => {
    expect(problems('2.3_')).toEqual(['Sau "2.3_" cần có số, ký hiệu và trích yếu văn bản (ví dụ 2.3_so 25BC-UBND_BC CCHC quy I.2023).']);
    expect(problems('2.3_.pdf')[0]).toContain('Sau "2.3_"');
  });
  it('names the first character with a diacritic and its position', () => {
    expect(problems('2.3_số 25BC-UBND_BC CCHC quý I.2023')).toEqual([
      'Tên tệp phải viết tiếng Việt không dấu: ký tự "ố" ở vị trí 6 không được dùng (ví dụ "quý" viết là "quy", "số" viết là "so").',
    ]);
    // Decomposed input is judged like the precomposed one.
    expect(problems('2.3_số 25BC_BC'.normalize('NFD')).at(-1)).toContain('ký tự "ố" ở vị trí 6');
  });
  it('refuses characters Windows forbids, naming them', () => {
    expect(problems('2.3_so 25/BC-UBND_BC')).toEqual([
      'Tên tệp không được chứa ký tự "/" (Windows không cho phép các ký tự < > : " / \\ | ? *); "/" trong số hiệu văn bản thì bỏ đi, trong trích yếu thì thay bằng dấu chấm.',
    ]);
    for (const ch of ['<', '>', ':', '"', '\\', '|', '?', '*']) expect(problems(`2.3_so 25BC-UBND_BC ${ch} x`)[0]).toContain(`ký tự "${ch}"`);
  });
  it('refuses control characters', () => {
    expect(problems('2.3_so 25BC-UBND_BC\tCCHC')).toEqual(['Tên tệp chứa ký tự điều khiển không in được (U+0009); hãy gõ lại tên tệp.']);
  });
  it('refuses a trailing dot or space', () => {
    expect(problems('2.3_so 25BC-UBND_BC CCHC.')).toEqual(['Tên tệp không được kết thúc bằng dấu chấm hoặc khoảng trắng.']);
    expect(problems('2.3_so 25BC-UBND_BC CCHC ')).toEqual(['Tên tệp không được kết thúc bằng dấu chấm hoặc khoảng trắng.']);
    expect(problems('2.3_so 25BC-UBND_BC CCHC .pdf')).toEqual(['Tên tệp không được kết thúc bằng dấu chấm hoặc khoảng trắng.']);
  });
  it('refuses names over 120 characters', () => {
    const name = '2.3_so 25BC-UBND_' + 'x'.repeat(104);
    expect(problems(name)).toEqual(['Tên tệp dài 121 ký tự, vượt giới hạn 120 ký tự (để đường dẫn không quá dài trên Windows); hãy rút gọn trích yếu.']);
    expect(problems('2.3_so 25BC-UBND_' + 'x'.repeat(103) + '.pdf')).toEqual([]);
  });
  it('refuses Windows reserved names', () => {
    expect(problems('NUL', 'NUL')).toContain('Tên tệp "NUL" trùng với tên dành riêng của Windows (CON, PRN, AUX, NUL, COM1…, LPT1…); hãy đặt tên khác.');
    expect(problems('com1.pdf', 'X')).toEqual(expect.arrayContaining([expect.stringContaining('"com1" trùng với tên dành riêng')]));
  });
  it('refuses an empty name', () => {
    expect(problems('  ')).toEqual(['Tên tệp không được để trống.']);
    expect(problems('.pdf')).toEqual(['Tên tệp không được để trống.']);
  });
  it('reports every problem at once', () => {
    expect(problems('số/1.')).toHaveLength(4);
  });
});

describe('sameNameKey', () => {
  it('treats names differing only in case, a trailing dot or the extension as the same file', () => {
    expect(sameNameKey('2.3_so 25BC-UBND_BC CCHC quy I.2023')).toBe(sameNameKey('2.3_SO 25bc-ubnd_bc cchc QUY i.2023'));
    expect(sameNameKey('2.3_BC.pdf')).toBe(sameNameKey('2.3_bc'));
    expect(sameNameKey('2.3_BC.')).toBe(sameNameKey('2.3_BC'));
    expect(sameNameKey('2.3_BC quy I')).not.toBe(sameNameKey('2.3_BC quy II'));
  });
});
