// The roster forms' texts (Mẫu 01–05 of the exam plan; main/services/roster/read and
// main/domain/roster.ts): the reader's errors and warnings, the phrases about one value, and the
// labels written into lists. Row phrases follow "Mẫu 02, dòng 14: ", cell phrases "Mẫu 02, ô C14: ".
// The reader's limits and form names come in as arguments: main/services/roster/read/messages.ts
// binds them, since shared/ cannot see main/.
import { formatBytes } from '../../format';

/** Mẫu 03's exclusion codes and Mẫu 04's focal areas (main/domain/roster.ts keeps the lists). */
type ExclusionCode = 'tap_su' | 'thai_san' | 'khac';
type FocalArea = 'cntt' | 'tu_phap' | 'noi_vu';
/** Columns a message names differently from the form's own header (services/roster/forms.ts). */
type SplitColumn = 'birthMale' | 'birthFemale' | 'gender' | 'district';

const count = (n: number) => n.toLocaleString('vi-VN');
/** "100 MB", "100,1 MB": a file's size against the limit, rounded up so over never shows as equal. */
const formatMb = (bytes: number) => formatBytes(bytes, { up: true, decimals: 1, unit: 'MB' });

/** "32 KiB", "256 MiB": limits as they are set, in binary units. */
const formatSize = (bytes: number) => formatBytes(bytes, { units: 'iec', decimals: 1 });

/** At most 40 characters of a value inside a message. */
const excerpt = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
const hiddenKind = (bidi: boolean) => (bidi ? 'ký tự đảo chiều văn bản' : 'ký tự điều khiển hoặc định dạng');
const ISSUE_KIND = { error: 'lỗi', warning: 'cảnh báo' } as const satisfies Record<'error' | 'warning', string>;

export const viRoster = {
  labels: {
    /** The plan's three exclusions (exclusions.reasons), as written into lists. */
    exclusions: {
      tap_su: 'Đang trong thời gian tập sự',
      thai_san: 'Nghỉ thai sản',
      khac: 'Trường hợp khác do UBND cấp huyện đề nghị',
    } satisfies Record<ExclusionCode, string>,
    /** Mẫu 04: the district focal points' fields. */
    focalAreas: { cntt: 'Công nghệ thông tin', tu_phap: 'Tư pháp', noi_vu: 'Nội vụ' } satisfies Record<FocalArea, string>,
    columns: { birthMale: 'Năm sinh (Nam)', birthFemale: 'Năm sinh (Nữ)', gender: 'Giới tính', district: 'Huyện' } satisfies Record<SplitColumn, string>,
  },

  /** Where a problem is: a sheet, a form, a row, a cell. */
  place: {
    sheet: (name: string) => `Trang tính "${name}"`,
    formSheet: (form: string, sheet: string) => `${form} (trang tính "${sheet}")`,
    row: (place: string, row: number) => `${place}, dòng ${row}`,
    cell: (place: string, cell: string, phrase: string) => `${place}, ô ${cell}: ${phrase}.`,
  },

  /** "Nguyễn Văn A (sinh 1987, Xã B)" — how messages name a person. */
  who: (name: string, year: number | null, place: string | null): string => {
    const bits = [year === null ? null : `sinh ${year}`, place].filter(Boolean);
    return `"${name}"${bits.length ? ` (${bits.join(', ')})` : ''}`;
  },

  /** One value as typed (main/domain/roster.ts): birth years and phones. */
  values: {
    birthEmpty: 'thiếu năm sinh',
    birthText: (raw: string) => `năm sinh "${raw}" không phải là số; ghi năm bằng chữ số (ví dụ 1985) hoặc ngày sinh (ví dụ 01/01/1985)`,
    birthShort: (raw: string) => `năm sinh "${raw}" phải ghi đủ 4 chữ số, ví dụ 1985`,
    birthNoSuchDay: (raw: string) => `ngày sinh "${raw}" không có thật (ghi theo ngày/tháng/năm, ví dụ 25/12/1985)`,
    birthRange: (year: number, min: number, max: number) => `năm sinh ${year} không hợp lý: phải từ ${min} đến ${max}`,
    phoneEmpty: 'thiếu số điện thoại',
    phoneInvalid: (raw: string) =>
      `số điện thoại "${raw}" không hợp lệ: cần 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09 (di động) hoặc 10–11 chữ số bắt đầu bằng 02 (cố định), ví dụ 0912 345 678`,
  },

  /** The reader (main/services/roster/read): the file, its sheets, rows and cells. */
  read: {
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
    tooManyRows: (f: string, maxRows: number) =>
      `Tệp "${f}" có hơn ${count(maxRows)} dòng; đây không phải danh sách cán bộ, công chức. Hãy kiểm tra đã chọn đúng tệp.`,
    noForms: (f: string, scanRows: number) =>
      `Không tìm thấy danh sách nào trong tệp "${f}": cần một trang tính có dòng tiêu đề cột gồm "Họ và tên", "Năm sinh" (Nam, Nữ), "Chức danh", "Xã, phường, thị trấn" trong ${scanRows} dòng đầu.`,
    allEmpty: (f: string) => `Tệp "${f}" không có dữ liệu: các trang tính đều trống.`,

    emptySheet: (where: string) => `${where}: trang tính trống, chưa có dòng tiêu đề và dữ liệu.`,
    emptySheetIgnored: (sheet: string) => `Trang tính "${sheet}" trống; đã bỏ qua.`,
    unknownSheetIgnored: (sheet: string) => `Trang tính "${sheet}" không có dòng tiêu đề cột của Mẫu 01–05; đã bỏ qua.`,
    noHeader: (where: string, scanRows: number) =>
      `${where}: không tìm thấy dòng tiêu đề cột trong ${scanRows} dòng đầu. Cần một dòng có các cột "STT", "Họ và tên", "Năm sinh", "Chức danh", "Xã, phường, thị trấn".`,
    partialHeader: (where: string, missing: string[]) =>
      `${where}: dòng tiêu đề thiếu cột ${missing.map((m) => `"${m}"`).join(', ')}; chưa đọc được trang tính này.`,
    noGenderColumns: (where: string) =>
      `${where}: cột "Năm sinh" không chia thành hai cột "Nam", "Nữ" và không có cột "Giới tính"; không xác định được giới tính.`,
    formGuessed: (where: string, form: string) => `${where}: không ghi tên mẫu ("Mẫu số 0…") nên xác định là ${form} theo chức danh trong danh sách.`,
    noRows: (where: string) => `${where}: không có dòng dữ liệu nào.`,
    moreIssues: (n: number, kind: 'error' | 'warning', listed: number) =>
      `… và ${count(n)} ${ISSUE_KIND[kind]} khác (chỉ liệt kê ${count(listed)} ${ISSUE_KIND[kind]} đầu tiên).`,

    missingName: 'thiếu họ và tên',
    missingPosition: 'thiếu chức danh',
    unknownPosition: (raw: string, examTitles: string) =>
      `chức danh "${raw}" không thuộc đối tượng kiểm tra, đánh giá; ghi một trong các chức danh: ${examTitles}`,
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
    tooManyEntries: (f: string, n: number, max: number) =>
      `Tệp "${f}" chứa ${count(n)} phần nén, quá giới hạn ${count(max)} phần của một bảng tính; đây không phải danh sách bình thường. Chưa có gì được ghi.`,
    partTooBig: (f: string, part: string, max: number, size: number) =>
      `Tệp "${f}": phần "${part}" giải nén ra ${formatSize(size)}, quá giới hạn ${formatSize(max)} của phần này (tệp nhỏ mà giải nén ra rất lớn là dấu hiệu "bom nén"). Chưa có gì được ghi.`,
    totalTooBig: (f: string, max: number) => `Tệp "${f}" giải nén ra hơn ${formatSize(max)}, quá giới hạn của một tệp danh sách. Chưa có gì được ghi.`,
    elementTooBig: (f: string, part: string, max: number) =>
      `Tệp "${f}": phần "${part}" có một ô hoặc một chuỗi dài hơn giới hạn ${formatSize(max)} một ô; đây không phải danh sách bình thường. Chưa có gì được ghi.`,
    rowTooBig: (f: string, part: string, max: number) =>
      `Tệp "${f}": phần "${part}" có một dòng dài hơn giới hạn ${formatSize(max)} một dòng; đây không phải danh sách bình thường. Chưa có gì được ghi.`,
    tooManyStrings: (f: string, max: number) =>
      `Tệp "${f}" có hơn ${count(max)} chuỗi văn bản khác nhau, quá giới hạn của một tệp danh sách. Chưa có gì được ghi.`,
    doctype: (f: string, part: string) => `Tệp "${f}": phần "${part}" có khai báo DOCTYPE, bảng tính Excel không bao giờ có; không đọc tệp này.`,
    badCrc: (f: string, part: string) =>
      `Tệp "${f}" bị hỏng hoặc đã bị sửa: nội dung phần "${part}" không khớp mã kiểm tra CRC-32 ghi trong tệp nén. Hãy lấy lại tệp gốc từ nơi gửi. Chưa có gì được ghi.`,

    // One cell ("Mẫu 02, ô C14: " before): what the column can't hold.
    cellFormula: (col: string, formula: string) =>
      `cột ${col} là công thức (=${excerpt(formula)}), không phải giá trị ghi tay; hãy sao chép rồi dán dạng giá trị (Paste Special → Values)`,
    cellError: (col: string, code: string) => `cột ${col} có giá trị lỗi ${code}`,
    cellOversize: (col: string, bytes: number, max: number) => `cột ${col} dài ${formatSize(bytes)}, quá giới hạn ${formatSize(max)} một ô`,
    cellNumber: (col: string, n: number) =>
      `cột ${col} ghi số ${String(n)}, không phải chữ (ngày tháng trong cột chữ cũng bị Excel lưu thành số như vậy); hãy ghi lại bằng chữ`,
    cellBoolean: (col: string, b: boolean) => `cột ${col} ghi giá trị đúng/sai (${b ? 'TRUE' : 'FALSE'}), không phải chữ`,
    cellHidden: (col: string, code: string, bidi: boolean) => `cột ${col} chứa ký tự ẩn ${code} (${hiddenKind(bidi)}); hãy gõ lại ô này`,
    cellTooLong: (col: string, n: number, max: number) => `cột ${col} dài ${count(n)} ký tự, quá giới hạn ${count(max)} ký tự`,
    headingHidden: (code: string, bidi: boolean) =>
      `dòng tiêu đề (tên xã hoặc huyện của các dòng bên dưới) chứa ký tự ẩn ${code} (${hiddenKind(bidi)}); hãy gõ lại ô này`,
    headingTooLong: (n: number, max: number) =>
      `dòng tiêu đề (tên xã hoặc huyện của các dòng bên dưới) dài ${count(n)} ký tự, quá giới hạn ${count(max)} ký tự`,
    cellNoLetter: (col: string, text: string) => `cột ${col} ghi "${excerpt(text)}", không có chữ cái nào`,
    storedMismatch: (form: string, read: number, stored: number) =>
      `${form}: đọc được ${count(read)} người nhưng ghi được ${count(stored)}; chưa có gì được ghi. Hãy báo lỗi này cho bộ phận hỗ trợ.`,
    badStt: (raw: string) => `cột STT ghi "${excerpt(raw)}", không phải số thứ tự (số nguyên từ 1 đến 999 999)`,
  },
} as const;
