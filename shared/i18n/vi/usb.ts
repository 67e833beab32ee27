// Writing a package to a USB stick (main/services/usb/) and the folder export for
// portals that take files one by one (manual-export.ts): each failure blames the right side (this
// computer, the stick), says what became of a partial file and what to do next.
import { viDaily } from './daily';

/** What became of the partial or failed file; every failure message says it honestly. */
export type UsbCleanup =
  { kind: 'none' } | { kind: 'removed' } | { kind: 'keptTemp' } | { kind: 'keptFinal'; name: string } | { kind: 'renamed'; name: string };

const cleanupText = (c: UsbCleanup): string => {
  switch (c.kind) {
    case 'none':
      return 'chưa có gì được ghi lên thẻ nhớ.';
    case 'removed':
      return 'tệp chưa hoàn chỉnh đã bị xoá.';
    case 'renamed':
      return `tệp lỗi đã được đổi tên thành “${c.name}”, đừng dùng tệp này.`;
    case 'keptTemp':
      return 'trên thẻ có thể còn sót một tệp tạm dở dang (tên bắt đầu bằng dấu chấm, đuôi .tmp), lần ghi sau sẽ tự xoá.';
    case 'keptFinal':
      return `chưa xoá được tệp lỗi “${c.name}” trên thẻ nhớ — đừng dùng tệp này, hãy xoá nó.`;
    default: {
      const never: never = c;
      return never;
    }
  }
};

export const viUsb = {
  badFileName: (name: string, why: string) => `Tên tệp “${name}” không dùng được trên thẻ nhớ: ${why}`,
  nameEmpty: 'tên trống.',
  nameTooLong: (max: number) => `dài quá ${max} ký tự.`,
  nameNonAscii: 'chỉ được dùng chữ cái không dấu, chữ số, dấu cách và các dấu - _ . ( ).',
  nameIllegalChar: (ch: string) => `có ký tự “${ch}” mà Windows không cho phép trong tên tệp.`,
  nameReserved: 'trùng với tên thiết bị dành riêng của Windows (CON, PRN, AUX, NUL, COM1…, LPT1…).',
  nameEdge: 'không được bắt đầu bằng dấu cách hay kết thúc bằng dấu cách hoặc dấu chấm.',
  nameDots: 'không được là “.” hoặc “..”.',
  sourceMissing: (name: string) => `Không tìm thấy tệp gói “${name}” trên máy. Hãy tạo lại gói rồi thử lại.`,
  sourceUnreadable: (name: string, code: string) => `Không đọc được tệp gói “${name}” trên máy (mã lỗi ${code}). Hãy tạo lại gói rồi thử lại.`,
  destMissing: (dir: string) => `Không tìm thấy thư mục “${dir}”. Có thể thẻ nhớ đã bị rút ra; hãy cắm lại và thử lại.`,
  folderMissing: viDaily.usb.folderMissing,
  tooBigForFat32: (name: string, size: string) =>
    `Gói “${name}” lớn ${size}, vượt giới hạn 4 GB của thẻ nhớ định dạng FAT32. Hãy dùng thẻ nhớ định dạng exFAT/NTFS hoặc định dạng lại thẻ nhớ này sang exFAT (việc định dạng lại sẽ xoá hết dữ liệu trên thẻ).`,
  notEnoughSpace: (need: string, free: string) =>
    `Thẻ nhớ không đủ chỗ trống: cần ${need} nhưng chỉ còn ${free}. Hãy xoá bớt tệp trên thẻ nhớ hoặc dùng thẻ nhớ khác, rồi thử lại.`,
  pulled: (c: UsbCleanup) => `Thẻ nhớ bị rút ra hoặc lỗi ghi giữa chừng; ${cleanupText(c)} Hãy cắm lại và thử lại.`,
  full: (c: UsbCleanup) => `Thẻ nhớ đã đầy giữa chừng; ${cleanupText(c)} Hãy xoá bớt tệp trên thẻ nhớ hoặc dùng thẻ nhớ khác, rồi thử lại.`,
  readOnly: (c: UsbCleanup) =>
    `Thẻ nhớ đang ở chế độ chỉ đọc (có thể khoá chống ghi trên thẻ đang bật); ${cleanupText(c)} Hãy gạt khoá về phía mở, cắm lại và thử lại.`,
  noPermission: (dir: string, c: UsbCleanup) => `Không có quyền ghi vào “${dir}”; ${cleanupText(c)} Hãy chọn thư mục hoặc thẻ nhớ khác rồi thử lại.`,
  fileTooBig: (c: UsbCleanup) =>
    `Thẻ nhớ không nhận tệp lớn như vậy (thẻ định dạng FAT32 chỉ nhận tệp dưới 4 GB); ${cleanupText(c)} Hãy dùng thẻ nhớ định dạng exFAT/NTFS rồi thử lại.`,
  finalInUse: (name: string, c: UsbCleanup) =>
    `Không thay được tệp “${name}” đã có trên thẻ nhớ, có thể tệp đang được mở bởi chương trình khác; ${cleanupText(c)} Hãy đóng tệp đó rồi thử lại.`,
  finalIsFolder: (name: string, c: UsbCleanup) =>
    `Trên thẻ nhớ đã có một thư mục tên “${name}”, trùng tên tệp gói; ${cleanupText(c)} Hãy đổi tên hoặc xoá thư mục đó rồi thử lại.`,
  writeFailed: (code: string, c: UsbCleanup) => `Lỗi khi ghi vào thẻ nhớ (mã lỗi ${code}); ${cleanupText(c)} Hãy thử lại; nếu vẫn lỗi, hãy dùng thẻ nhớ khác.`,
  sourceAltered: (c: UsbCleanup) =>
    `Tệp gói trên máy đã khác so với lúc tạo (mã băm không khớp), có thể đã bị hỏng, nên không được ghi ra thẻ nhớ; ${cleanupText(c)} Hãy tạo lại gói rồi thử lại.`,
  readBackMismatch: (c: UsbCleanup) =>
    `Đọc lại tệp vừa ghi thấy không khớp với bản gốc — thẻ nhớ có thể bị hỏng; ${cleanupText(c)} Hãy thử lại; nếu vẫn lỗi, hãy dùng thẻ nhớ khác.`,
  verifyFailed: (c: UsbCleanup) =>
    `Gói hồ sơ trên máy không vượt qua bước kiểm tra nên không được ghi ra thẻ nhớ; ${cleanupText(c)} Hãy tạo lại gói rồi thử lại.`,
  verifyCrashed: (c: UsbCleanup) =>
    `Không kiểm tra được gói hồ sơ trên máy nên không ghi ra thẻ nhớ; ${cleanupText(c)} Hãy thử lại; nếu vẫn lỗi, hãy tạo lại gói.`,
  copying: 'Đang ghi vào thẻ nhớ…',
  readingBack: 'Đang đọc lại từ thẻ nhớ để đối chiếu…',
  verifying: 'Đang kiểm tra chữ ký và mã băm của gói…',
} as const;

/** The folder export for manual upload and its list file ("DANH SACH TEP.txt"). */
export const viManualExport = {
  badPath: (relPath: string, why: string) => `Đường dẫn “${relPath}” không dùng được: ${why}`,
  absolute: 'là đường dẫn tuyệt đối; hãy dùng đường dẫn tương đối bên trong thư mục xuất.',
  dotDot: 'có “..” (trỏ ra ngoài thư mục xuất).',
  tooLong: (max: number) => `dài quá ${max} ký tự.`,
  emptySegment: 'có tên thư mục trống (hai dấu “/” liền nhau hoặc “/” ở cuối).',
  duplicate: (other: string) => `trùng với “${other}” (Windows không phân biệt chữ hoa, chữ thường).`,
  insideFile: (file: string) => `nằm trong “${file}”, mà “${file}” lại là một tệp.`,
  clashesWithList: (listFile: string) => `trùng tên với tệp danh sách “${listFile}”.`,
  badPaths: (n: number, first: string) => (n === 1 ? first : `Có ${n} đường dẫn không dùng được, ví dụ: ${first}`),
  badFolderName: (name: string, why: string) => `Tên thư mục “${name}” không dùng được: ${why}`,
  noFiles: 'Không có tệp nào để xuất.',
  sourceMissing: (relPath: string) => `Không tìm thấy tệp nguồn của “${relPath}” trên máy. Hãy tải lại tệp minh chứng này rồi thử lại.`,
  noRoomForFolder: (dir: string) => `Thư mục “${dir}” đã có quá nhiều bản xuất cùng tên. Hãy chọn thư mục khác.`,
  copyingFile: (i: number, n: number, relPath: string) => `Đang ghi tệp ${i}/${n}: ${relPath}`,
  writingList: 'Đang ghi danh sách tệp…',
  /** Sizes come formatted: `size` as "4,3 MB", `exact` as "4.312.345". */
  list: {
    title: 'DANH SÁCH TỆP ĐỂ TẢI LÊN CỔNG THÔNG TIN',
    folder: (name: string) => `Thư mục: ${name}`,
    exportedAt: (when: string) => `Thời điểm xuất: ${when}`,
    summary: (n: number, size: string, exact: string) => `Số tệp: ${n} — tổng dung lượng: ${size} (${exact} byte)`,
    howTo:
      'Hãy tải lên cổng từng tệp dưới đây, đúng với thư mục tiêu chí chứa nó. Mã SHA-256 dùng để đối chiếu: nếu mã của một tệp khác với mã ghi ở đây thì tệp đó đã bị thay đổi.',
    size: (size: string, exact: string) => `Kích thước: ${size} (${exact} byte)`,
    sha256: (hex: string) => `SHA-256: ${hex}`,
  },
} as const;
