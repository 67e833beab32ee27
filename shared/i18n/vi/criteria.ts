// A criteria set that does not hold together (domain/criteria-tree.ts): codes, titles, points.
import { formatPoints } from '../../format';

const pts = formatPoints;
/** Longer child lists are abbreviated in messages. */
const MAX_LISTED = 6;

function listCodes(codes: string[]): string {
  if (codes.length <= MAX_LISTED) return codes.join(', ');
  return `${codes.length} tiêu chí: ${codes.slice(0, 3).join(', ')}, …, ${codes[codes.length - 1]}`;
}

export const viCriteriaTree = {
  /** Where a criterion without a source (file row, JSON path) is: its place in the list. */
  entry: (n: number) => `mục ${n}`,
  emptySet: 'Bộ tiêu chí không có tiêu chí nào.',
  emptyCode: 'Thiếu mã tiêu chí.',
  invalidCode: (raw: string) =>
    `Mã tiêu chí "${raw}" không hợp lệ. Mã gồm các số cách nhau bởi dấu chấm; từ cấp thứ hai có thể là một chữ cái thường (ví dụ 1, 1.3, 3.2.12, 1.3.a).`,
  duplicate: (code: string, first: string, second: string) => `Mã tiêu chí ${code} bị trùng: ${first} và ${second}.`,
  missingParent: (code: string, parent: string) => `Tiêu chí ${code} không có tiêu chí cha ${parent} trong bộ tiêu chí.`,
  emptyTitle: (code: string | null) => (code ? `Tiêu chí ${code} chưa có tên (nội dung tiêu chí).` : 'Thiếu tên (nội dung) tiêu chí.'),
  pointsNotNumber: (code: string | null, raw: string) =>
    `Điểm tối đa${code ? ` của tiêu chí ${code}` : ''} là "${raw}", không phải là số. Ghi một số, ví dụ 1,5; để trống nếu chưa có.`,
  pointsNegative: (code: string | null, p: number) => `Điểm tối đa${code ? ` của tiêu chí ${code}` : ''} là ${pts(p)}, không được âm.`,
  pointsStep: (code: string | null, p: number) =>
    `Điểm tối đa${code ? ` của tiêu chí ${code}` : ''} là ${String(p).replace('.', ',')}, không phải bội số của 0,25 (điểm được chấm theo bậc 0,25).`,
  noMax: (code: string) => `Tiêu chí ${code} chưa có điểm tối đa; không thể chấm điểm cho đến khi bổ sung.`,
  sumMismatch: (code: string, max: number, children: string[], sum: number, unscored: string[]) =>
    `Tiêu chí ${code}: điểm tối đa ${pts(max)} nhưng tổng điểm tối đa các tiêu chí con (${listCodes(children)}) là ${pts(sum)}` +
    (unscored.length ? ` (chưa tính ${listCodes(unscored)} vì chưa có điểm tối đa).` : '.'),
  totalNot100: (total: number, expected: number) => `Tổng điểm tối đa các lĩnh vực là ${pts(total)}, không phải ${expected}.`,
} as const;
