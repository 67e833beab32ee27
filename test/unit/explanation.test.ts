import { describe, expect, it } from 'vitest';
import { explanationProblem, MIN_EXPLANATION_LENGTH, normaliseText } from '../../main/domain/explanation';
import { issuedByCommune } from '../../main/domain/evidence-naming';

const c = { code: '2.2.2', title: 'Số hóa hồ sơ, kết quả giải quyết TTHC' };

describe('explanationProblem (doc 001: the explanation says where the proof is)', () => {
  it('is missing when empty or only spaces and punctuation', () => {
    expect(explanationProblem('', c)).toBe('missing');
    expect(explanationProblem('  \n ', c)).toBe('missing');
    expect(explanationProblem(' ... – ', c)).toBe('missing');
  });
  it(`is too short under ${MIN_EXPLANATION_LENGTH} characters, counted on the normalised text`, () => {
    expect(MIN_EXPLANATION_LENGTH).toBe(30);
    expect(explanationProblem('Có minh chứng.', c)).toBe('tooShort');
    expect(explanationProblem('Kế hoạch số 05/KH-UBND.', c)).toBe('tooShort');
    // Padding with punctuation or spaces does not make it longer.
    expect(explanationProblem('Đã làm . . . . . . . . . . . . . . . . . . . . . . . .', c)).toBe('tooShort');
  });
  it("is only the title when nothing is left after the criterion's title and code", () => {
    expect(explanationProblem('Số hóa hồ sơ, kết quả giải quyết TTHC', c)).toBe('onlyTitle');
    expect(explanationProblem('2.2.2. SO HOA HO SO, ket qua giai quyet TTHC.', c)).toBe('onlyTitle');
    expect(explanationProblem('Số hóa hồ sơ, kết quả giải quyết TTHC'.normalize('NFD'), c)).toBe('onlyTitle');
    expect(explanationProblem('Tiêu chí 2.2.2: Số hóa hồ sơ, kết quả giải quyết TTHC', c)).toBe('onlyTitle');
  });
  it('accepts an explanation naming the document and the place in it', () => {
    expect(explanationProblem('Số hóa hồ sơ, kết quả giải quyết TTHC: Báo cáo số 25/BC-UBND, Phụ lục 2 trang 4.', c)).toBeNull();
    expect(explanationProblem('Kế hoạch số 05/KH-UBND ngày 10/01/2023, mục II trang 2.', c)).toBeNull();
  });
  it('normalises case, accents, đ and punctuation alike', () => {
    expect(normaliseText('Đơn vị: BÁO CÁO — số 25/BC-UBND')).toBe('don vi bao cao so 25 bc ubnd');
  });
});

describe('issuedByCommune (which unsigned PDFs are errors)', () => {
  it("is true for the commune UBND's own documents, from the number or else the file name", () => {
    expect(issuedByCommune('25/BC-UBND', '2.3_so 25BC-UBND_BC CCHC quy I.2023')).toBe(true);
    expect(issuedByCommune('12/QĐ-UBND', 'x')).toBe(true);
    expect(issuedByCommune(null, '2.3_so 25BC-UBND_BC CCHC quy I.2023')).toBe(true);
    expect(issuedByCommune(null, '2.3_so 25BC-UBND_ Phu luc 1 so van ban QPPL…')).toBe(true);
  });
  it("is false for other bodies' documents and names without a number", () => {
    expect(issuedByCommune('7/SNV-CCHC', '1.2_so 7SNV-CCHC_CV huong dan')).toBe(false);
    expect(issuedByCommune('03/NQ-HĐND', 'x')).toBe(false);
    expect(issuedByCommune(null, '2.1_Anh niem yet')).toBe(false);
  });
});
