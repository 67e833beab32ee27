// Reading a criteria-set file: each message names the file so the user knows which one to fix.
import { formatBytes, formatPoints } from '../../format';
import type { Issue } from '../../errors';
import { CRITERIA_FORMAT, CRITERIA_FORMAT_VERSION, HEADER_SCAN_ROWS, MAX_CRITERIA_ROWS } from '../../criteria-format';

export const viCriteriaFile = {
  notFound: (f: string) => `Không mở được tệp "${f}": tệp không tồn tại hoặc không có quyền đọc.`,
  notAFile: (f: string) => `"${f}" không phải là một tệp.`,
  empty: (f: string) => `Tệp "${f}" rỗng (0 byte).`,
  tooBig: (f: string, size: number, max: number) =>
    `Tệp "${f}" quá lớn (${formatBytes(size, { up: true })}); tệp bộ tiêu chí tối đa ${formatBytes(max)}. Hãy kiểm tra đã chọn đúng tệp.`,
  unknownType: (f: string) =>
    `Tệp "${f}" không phải bộ tiêu chí dạng JSON hoặc bảng tính Excel (.xlsx). Hãy chọn tệp .json theo định dạng của Kiểm Chứng hoặc tệp .xlsx có các cột Mã, Tiêu chí, Điểm tối đa.`,
  oldXls: (f: string) => `Tệp "${f}" là bảng tính Excel cũ (.xls). Hãy mở bằng Excel, chọn Lưu thành (Save As) dạng .xlsx rồi nhập lại.`,
  badEncoding: (f: string) => `Tệp "${f}" không phải văn bản UTF-8; hãy lưu lại tệp JSON với bảng mã UTF-8.`,
  badJson: (f: string, where: string) => `Tệp "${f}" không phải JSON hợp lệ (lỗi cú pháp${where}).`,
  notCriteriaJson: (f: string) =>
    `Tệp "${f}" là JSON nhưng không phải bộ tiêu chí theo định dạng của Kiểm Chứng (cần "format": "${CRITERIA_FORMAT}"). Xem hướng dẫn định dạng trong resources/criteria/README.md.`,
  badVersion: (f: string, v: unknown) =>
    `Tệp "${f}" dùng phiên bản định dạng ${JSON.stringify(v)}; ứng dụng này chỉ đọc được phiên bản ${CRITERIA_FORMAT_VERSION}. Hãy cập nhật ứng dụng.`,
  invalidJson: (f: string, first: Issue, more: number) =>
    `Tệp "${f}" chưa đúng định dạng bộ tiêu chí: ${first.path ? `${first.path}: ` : ''}${first.message}${more ? ` (và ${more} lỗi khác)` : ''}`,
  badXlsx: (f: string) =>
    `Tệp "${f}" không đọc được như bảng tính Excel (.xlsx): tệp bị hỏng hoặc không phải bảng tính. Hãy mở bằng Excel và lưu lại dạng .xlsx.`,
  noSheet: (f: string) => `Tệp "${f}" không có trang tính nào; có thể đây không phải bảng tính Excel (.xlsx).`,
  noHeader: (f: string) =>
    `Không tìm thấy dòng tiêu đề cột trong ${HEADER_SCAN_ROWS} dòng đầu của tệp "${f}". Cần một dòng có các cột "Mã", "Tiêu chí" và "Điểm tối đa" (có thể thêm "Hướng dẫn chấm điểm", "Tài liệu kiểm chứng").`,
  partialHeader: (f: string, sheet: string, row: number, missing: string[]) =>
    `Tệp "${f}", trang tính "${sheet}", dòng ${row}: dòng tiêu đề thiếu cột ${missing.map((m) => `"${m}"`).join(', ')}. Cần các cột "Mã", "Tiêu chí" và "Điểm tối đa".`,
  tooManyRows: (f: string, n: number) => `Tệp "${f}" có ${n} dòng tiêu chí, vượt quá ${MAX_CRITERIA_ROWS}. Hãy kiểm tra đã chọn đúng tệp hoặc đúng trang tính.`,
  totalRowMismatch: (stated: number, total: number) =>
    `Dòng tổng cộng ghi ${formatPoints(stated)} điểm nhưng tổng điểm tối đa các lĩnh vực là ${formatPoints(total)}.`,
  /** Where a problem is: " ở dòng 3, cột 1" in a JSON text, an item of its list, a row of a table. */
  where: {
    syntax: (line: number, column: number) => ` ở dòng ${line}, cột ${column}`,
    item: (n: number) => `mục ${n}`,
    row: (r: number) => `dòng ${r}`,
  },
  /** The required columns of an XLSX criteria table, as its messages name them. */
  columns: { code: 'Mã', title: 'Tiêu chí', maxPoints: 'Điểm tối đa' },
  /** The JSON format's field errors (the field's name in brackets, as the file spells it). */
  json: {
    notText: (label: string) => `${label} phải là chuỗi hoặc null.`,
    code: 'Mã tiêu chí (code) là bắt buộc và phải là chuỗi, ví dụ "1.3" (không ghi dạng số).',
    title: 'Tên tiêu chí (title) là bắt buộc và phải là chuỗi.',
    maxPoints: 'Điểm tối đa (maxPoints) phải là số, ví dụ 1.5, hoặc null nếu chưa có.',
    guidance: 'Hướng dẫn chấm điểm (guidance)',
    evidenceHints: 'Tài liệu kiểm chứng (evidenceHints)',
    decision: 'Quyết định ban hành (decision)',
    province: 'Tỉnh (province)',
    format: `Trường "format" phải là "${CRITERIA_FORMAT}".`,
    version: `Phiên bản định dạng (version) phải là ${CRITERIA_FORMAT_VERSION}.`,
    nameRequired: 'Tên bộ tiêu chí (name) là bắt buộc.',
    nameTooLong: 'Tên bộ tiêu chí (name) dài quá 300 ký tự.',
    yearType: 'Năm áp dụng (year) phải là số, ví dụ 2023, hoặc null.',
    yearInteger: 'Năm áp dụng (year) phải là số nguyên, ví dụ 2023.',
    yearRange: 'Năm áp dụng (year) phải từ 1990 đến 2100.',
    criteria: 'Danh sách tiêu chí (criteria) là bắt buộc và phải là một mảng.',
    tooManyCriteria: `Danh sách tiêu chí (criteria) có quá ${MAX_CRITERIA_ROWS} mục.`,
  },
};
