// The roster reader's Vietnamese messages in one place. Row phrases follow "Mẫu 02, dòng 14: ",
// cell phrases "Mẫu 02, ô C14: ".
import { EXAM_POSITIONS } from '../../../domain/roster';
import { COLUMN_LABELS, formName, type FormCode, type HeaderKey } from '../forms';
import { HEADER_SCAN_ROWS, MAX_LISTED_ISSUES, MAX_ROSTER_ROWS, XLSX_LIMITS } from './types';

const formatMb = (bytes: number) => `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toString().replace('.', ',')} MB`;
const EXAM_TITLES = [...new Set(EXAM_POSITIONS.map((p) => p.title))].join(', ');

export const messages = {
  notFound: (f: string) => `Không mở được tệp "${f}": tệp không tồn tại hoặc không có quyền đọc.`,
  notAFile: (f: string) => `"${f}" không phải là một tệp.`,
  empty: (f: string) => `Tệp "${f}" rỗng (0 byte).`,
  tooBig: (f: string, size: number, max: number) =>
    `Tệp "${f}" quá lớn (${formatMb(size)}); tệp danh sách tối đa ${formatMb(max)}. Hãy kiểm tra đã chọn đúng tệp.`,
  oldXls: (f: string) => `Tệp "${f}" là bảng tính Excel cũ (.xls). Hãy mở bằng Excel, chọn Lưu thành (Save As) dạng .xlsx rồi nhập lại.`,
  docx: (f: string) => `Tệp "${f}" là văn bản Word, không phải bảng tính. Hãy nhập danh sách theo Mẫu 01–05 dạng Excel (.xlsx).`,
  ods: (f: string) => `Tệp "${f}" là bảng tính OpenDocument (.ods). Hãy mở bằng LibreOffice hoặc Excel và lưu lại dạng .xlsx.`,
  notXlsx: (f: string) =>
    `Tệp "${f}" không phải bảng tính Excel (.xlsx) — nội dung tệp không đúng định dạng, dù tên tệp có đuôi gì. Hãy chọn tệp danh sách theo Mẫu 01–05 dạng .xlsx.`,
  badXlsx: (f: string) => `Tệp "${f}" không đọc được như bảng tính Excel (.xlsx): tệp bị hỏng hoặc chưa lưu xong. Hãy mở bằng Excel và lưu lại dạng .xlsx.`,
  cancelled: 'Đã hủy đọc tệp danh sách.',
  tooManyRows: (f: string) =>
    `Tệp "${f}" có hơn ${MAX_ROSTER_ROWS.toLocaleString('vi-VN')} dòng; đây không phải danh sách cán bộ, công chức. Hãy kiểm tra đã chọn đúng tệp.`,
  noForms: (f: string) =>
    `Không tìm thấy danh sách nào trong tệp "${f}": cần một trang tính có dòng tiêu đề cột gồm "Họ và tên", "Năm sinh" (Nam, Nữ), "Chức danh", "Xã, phường, thị trấn" trong ${HEADER_SCAN_ROWS} dòng đầu.`,
  allEmpty: (f: string) => `Tệp "${f}" không có dữ liệu: các trang tính đều trống.`,

  emptySheet: (where: string) => `${where}: trang tính trống, chưa có dòng tiêu đề và dữ liệu.`,
  emptySheetIgnored: (sheet: string) => `Trang tính "${sheet}" trống; đã bỏ qua.`,
  unknownSheetIgnored: (sheet: string) => `Trang tính "${sheet}" không có dòng tiêu đề cột của Mẫu 01–05; đã bỏ qua.`,
  noHeader: (where: string) =>
    `${where}: không tìm thấy dòng tiêu đề cột trong ${HEADER_SCAN_ROWS} dòng đầu. Cần một dòng có các cột "STT", "Họ và tên", "Năm sinh", "Chức danh", "Xã, phường, thị trấn".`,
  partialHeader: (where: string, missing: string[]) =>
    `${where}: dòng tiêu đề thiếu cột ${missing.map((m) => `"${m}"`).join(', ')}; chưa đọc được trang tính này.`,
  noGenderColumns: (where: string) =>
    `${where}: cột "Năm sinh" không chia thành hai cột "Nam", "Nữ" và không có cột "Giới tính"; không xác định được giới tính.`,
  formGuessed: (where: string, form: FormCode) => `${where}: không ghi tên mẫu ("Mẫu số 0…") nên xác định là ${formName(form)} theo chức danh trong danh sách.`,
  noRows: (where: string) => `${where}: không có dòng dữ liệu nào.`,
  moreIssues: (n: number, kind: 'lỗi' | 'cảnh báo') =>
    `… và ${n.toLocaleString('vi-VN')} ${kind} khác (chỉ liệt kê ${MAX_LISTED_ISSUES.toLocaleString('vi-VN')} ${kind} đầu tiên).`,

  missingName: 'thiếu họ và tên',
  missingPosition: 'thiếu chức danh',
  unknownPosition: (raw: string) => `chức danh "${raw}" không thuộc đối tượng kiểm tra, đánh giá; ghi một trong các chức danh: ${EXAM_TITLES}`,
  officerIn01: (title: string) => `"${title}" là công chức, ghi ở Mẫu 02; Mẫu 01 chỉ gồm Chủ tịch, Phó Chủ tịch`,
  chairIn02: (title: string) => `${title} ghi ở Mẫu 01, không ghi ở Mẫu 02`,
  missingCommune: 'thiếu tên xã, phường, thị trấn',
  birthBoth: (m: string, f: string) => `năm sinh ghi ở cả cột Nam ("${m}") và cột Nữ ("${f}"); chỉ ghi vào một cột theo giới tính`,
  birthMissingSplit: 'thiếu năm sinh (ghi vào cột Nam hoặc cột Nữ theo giới tính)',
  missingReason: 'thiếu lý do không tham gia (đang tập sự, nghỉ thai sản hoặc lý do khác do UBND cấp huyện đề nghị)',
  missingFocalArea: 'thiếu lĩnh vực phụ trách (Công nghệ thông tin, Tư pháp hoặc Nội vụ)',
  unknownFocalArea: (raw: string) => `lĩnh vực phụ trách "${raw}" không rõ; ghi Công nghệ thông tin, Tư pháp hoặc Nội vụ`,
  focalNoPhone: 'chưa có số điện thoại của công chức đầu mối',
  missingTakesPart: 'chưa ghi "Có" hoặc "Không" ở cột Tham gia kiểm tra',
  badTakesPart: (raw: string) => `cột Tham gia kiểm tra ghi "${raw}"; chỉ ghi "Có" hoặc "Không"`,
  takesPartNonExam: (raw: string) => `chức danh "${raw}" không thuộc đối tượng kiểm tra, đánh giá nhưng cột Tham gia kiểm tra ghi "Có"`,
  badAppointedAt: (raw: string) => `ngày bổ nhiệm "${raw}" không phải ngày hợp lệ; ghi theo ngày/tháng/năm, ví dụ 15/03/2023`,
  futureAppointedAt: (d: string) => `ngày bổ nhiệm ${d} ở sau ngày hôm nay`,
  duplicateHere: (who: string, row: number) => `${who} trùng với dòng ${row}`,
  duplicateThere: (who: string, where: string) => `${who} đã có ở ${where}; mỗi người chỉ ghi ở một trong các Mẫu 01, 02, 03`,

  notIn05: (who: string) => `${who} không có trong Mẫu 05 (danh sách tất cả cán bộ, công chức)`,
  takesPartMissing: (who: string) => `${who} ghi "Có" tham gia kiểm tra nhưng không có trong Mẫu 01, 02`,
  excludedMissing: (who: string) => `${who} ghi "Không" tham gia kiểm tra nhưng không có trong Mẫu 03 (nêu rõ lý do)`,
  contradiction: (who: string, where: string, takesPart: boolean) => `${who} ghi "${takesPart ? 'Có' : 'Không'}" tham gia kiểm tra nhưng lại có ở ${where}`,
  twoChairs: (commune: string, rows: number[]) => `xã ${commune} có ${rows.length} Chủ tịch (các dòng ${rows.join(', ')}); mỗi xã chỉ có một Chủ tịch`,
  focalAreasMissing: (where: string, areas: string[]) => `${where}: chưa có công chức đầu mối phụ trách ${areas.join(', ')}.`,

  // The file as a ZIP: bounds on what it may unpack to, and its checksums.
  tooManyEntries: (f: string, n: number) =>
    `Tệp "${f}" chứa ${n.toLocaleString('vi-VN')} phần nén, quá giới hạn ${XLSX_LIMITS.maxEntries.toLocaleString('vi-VN')} phần của một bảng tính; đây không phải danh sách bình thường. Chưa có gì được ghi.`,
  partTooBig: (f: string, part: string, max: number, size: number) =>
    `Tệp "${f}": phần "${part}" giải nén ra ${formatSize(size)}, quá giới hạn ${formatSize(max)} của phần này (tệp nhỏ mà giải nén ra rất lớn là dấu hiệu "bom nén"). Chưa có gì được ghi.`,
  totalTooBig: (f: string) => `Tệp "${f}" giải nén ra hơn ${formatSize(XLSX_LIMITS.maxTotalBytes)}, quá giới hạn của một tệp danh sách. Chưa có gì được ghi.`,
  elementTooBig: (f: string, part: string) =>
    `Tệp "${f}": phần "${part}" có một ô hoặc một chuỗi dài hơn giới hạn ${formatSize(XLSX_LIMITS.maxCellBytes)} một ô; đây không phải danh sách bình thường. Chưa có gì được ghi.`,
  rowTooBig: (f: string, part: string) =>
    `Tệp "${f}": phần "${part}" có một dòng dài hơn giới hạn ${formatSize(XLSX_LIMITS.maxRowXmlBytes)} một dòng; đây không phải danh sách bình thường. Chưa có gì được ghi.`,
  tooManyStrings: (f: string) =>
    `Tệp "${f}" có hơn ${XLSX_LIMITS.maxSharedStrings.toLocaleString('vi-VN')} chuỗi văn bản khác nhau, quá giới hạn của một tệp danh sách. Chưa có gì được ghi.`,
  doctype: (f: string, part: string) => `Tệp "${f}": phần "${part}" có khai báo DOCTYPE, bảng tính Excel không bao giờ có; không đọc tệp này.`,
  badCrc: (f: string, part: string) =>
    `Tệp "${f}" bị hỏng hoặc đã bị sửa: nội dung phần "${part}" không khớp mã kiểm tra CRC-32 ghi trong tệp nén. Hãy lấy lại tệp gốc từ nơi gửi. Chưa có gì được ghi.`,

  // One cell ("Mẫu 02, ô C14: " before): what the column can't hold.
  cellFormula: (col: string, formula: string) =>
    `cột ${col} là công thức (=${excerpt(formula)}), không phải giá trị ghi tay; hãy sao chép rồi dán dạng giá trị (Paste Special → Values)`,
  cellError: (col: string, code: string) => `cột ${col} có giá trị lỗi ${code}`,
  cellOversize: (col: string, bytes: number) => `cột ${col} dài ${formatSize(bytes)}, quá giới hạn ${formatSize(XLSX_LIMITS.maxCellBytes)} một ô`,
  cellNumber: (col: string, n: number) =>
    `cột ${col} ghi số ${String(n)}, không phải chữ (ngày tháng trong cột chữ cũng bị Excel lưu thành số như vậy); hãy ghi lại bằng chữ`,
  cellBoolean: (col: string, b: boolean) => `cột ${col} ghi giá trị đúng/sai (${b ? 'TRUE' : 'FALSE'}), không phải chữ`,
  cellHidden: (col: string, code: string, bidi: boolean) =>
    `cột ${col} chứa ký tự ẩn ${code} (${bidi ? 'ký tự đảo chiều văn bản' : 'ký tự điều khiển hoặc định dạng'}); hãy gõ lại ô này`,
  cellTooLong: (col: string, n: number, max: number) => `cột ${col} dài ${n.toLocaleString('vi-VN')} ký tự, quá giới hạn ${max.toLocaleString('vi-VN')} ký tự`,
  headingHidden: (code: string, bidi: boolean) =>
    `dòng tiêu đề (tên xã hoặc huyện của các dòng bên dưới) chứa ký tự ẩn ${code} (${bidi ? 'ký tự đảo chiều văn bản' : 'ký tự điều khiển hoặc định dạng'}); hãy gõ lại ô này`,
  headingTooLong: (n: number, max: number) =>
    `dòng tiêu đề (tên xã hoặc huyện của các dòng bên dưới) dài ${n.toLocaleString('vi-VN')} ký tự, quá giới hạn ${max.toLocaleString('vi-VN')} ký tự`,
  cellNoLetter: (col: string, text: string) => `cột ${col} ghi "${excerpt(text)}", không có chữ cái nào`,
  storedMismatch: (form: FormCode, read: number, stored: number) =>
    `${formName(form)}: đọc được ${read.toLocaleString('vi-VN')} người nhưng ghi được ${stored.toLocaleString('vi-VN')}; chưa có gì được ghi. Hãy báo lỗi này cho bộ phận hỗ trợ.`,
  badStt: (raw: string) => `cột STT ghi "${excerpt(raw)}", không phải số thứ tự (số nguyên từ 1 đến 999 999)`,
};

/** How messages name a column. */
export const columnLabel = (k: HeaderKey): string =>
  k === 'birthMale' ? 'Năm sinh (Nam)' : k === 'birthFemale' ? 'Năm sinh (Nữ)' : k === 'gender' ? 'Giới tính' : k === 'district' ? 'Huyện' : COLUMN_LABELS[k];

/** At most 40 characters of a value inside a message. */
function excerpt(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** "32 KiB", "256 MiB": limits as they are set, in binary units. */
function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GiB`;
  if (bytes >= 1024 ** 2) return `${(Math.round((bytes / 1024 ** 2) * 10) / 10).toString().replace('.', ',')} MiB`;
  return `${(Math.round((bytes / 1024) * 10) / 10).toString().replace('.', ',')} KiB`;
}

/** "Nguyễn Văn A (sinh 1987, Xã B)" — how messages name a person. */
export function who(name: string, year: number | null, place: string | null): string {
  const bits = [year === null ? null : `sinh ${year}`, place].filter(Boolean);
  return `"${name}"${bits.length ? ` (${bits.join(', ')})` : ''}`;
}
