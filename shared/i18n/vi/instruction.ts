// Province instructions (văn bản chỉ đạo) signed by the receiver: issuing them (receiver CLI) and
// importing them into the app to open a supplementary window.
import { formatDateTime } from '../../format';

export const viInstruction = {
  // Receiver side
  usage: `  kiemchung receiver instruction --office "<tỉnh>/<huyện>/<xã>" --year Y --opens "dd/mm/yyyy HH:mm" --closes "dd/mm/yyyy HH:mm"
        --codes "1.2,2.3" --ref "Công văn số … ngày …" [--note "…"] --out TỆP.json --data-dir D
        Lập văn bản chỉ đạo ký số cho phép đơn vị mở đợt bổ sung (gửi cho xã qua USB/thư điện tử).`,
  badTime: (flag: string) => `${flag}: cần ngày giờ dạng dd/mm/yyyy HH:mm (ví dụ 15/12/2026 17:00).`,
  badYear: 'Cần --year <năm đánh giá>, ví dụ --year 2026.',
  badCodes: 'Cần --codes: mã các tiêu chí được bổ sung, cách nhau bằng dấu phẩy (ví dụ "1.2,2.3").',
  badRef: 'Cần --ref: số, ngày văn bản của tỉnh (ít nhất 8 ký tự, có chữ số).',
  closesBeforeOpens: 'Thời điểm đóng phải sau thời điểm mở.',
  unknownOffice: (office: string) => `Đơn vị "${office}" chưa đăng ký với máy nhận này (kiểm tra lại tên tỉnh/huyện/xã).`,
  exists: (file: string) => `Tệp ${file} đã có: hãy chọn tên khác (không ghi đè văn bản đã lập).`,
  written: (file: string, id: string, office: string) => `Đã lập văn bản chỉ đạo ${id} cho ${office}: ${file}`,
  // App side
  importTitle: 'Nhập văn bản chỉ đạo ký số của tỉnh',
  importHint:
    'Tệp .json do máy nhận hồ sơ của tỉnh lập: khi nhập, ứng dụng kiểm tra chữ ký với chứng thư máy chủ tỉnh đã ghi nhận lúc kết nối, rồi mở đợt bổ sung đúng như văn bản.',
  importButton: 'Nhập văn bản chỉ đạo…',
  notJson: (file: string) => `Tệp ${file} không phải văn bản chỉ đạo của Kiểm Chứng (không đọc được nội dung JSON).`,
  tooLarge: (file: string) => `Tệp ${file} quá lớn để là một văn bản chỉ đạo.`,
  badShape: (file: string) => `Tệp ${file} không đúng mẫu văn bản chỉ đạo (thiếu hoặc sai trường).`,
  notEnrolled:
    'Chưa kết nối với máy chủ tỉnh (Cài đặt → Kết nối với tỉnh) nên không kiểm tra được chữ ký của văn bản. Có thể mở đợt bổ sung bằng cách ghi số văn bản của tỉnh.',
  badSignature: 'Chữ ký của văn bản chỉ đạo không khớp với chứng thư máy chủ tỉnh đã ghi nhận: văn bản đã bị sửa hoặc không do tỉnh lập. Không mở đợt bổ sung.',
  otherOffice: (office: string) => `Văn bản chỉ đạo này dành cho ${office}, không phải đơn vị này.`,
  otherYear: (year: number, mine: number) => `Văn bản chỉ đạo này dành cho kỳ đánh giá năm ${year}, không phải năm ${mine}.`,
  alreadyUsed: (id: string, at: number) => `Văn bản chỉ đạo ${id} đã được nhập lúc ${formatDateTime(at)}: mỗi văn bản chỉ mở một đợt bổ sung.`,
  imported: (ref: string) => `Đã mở đợt bổ sung theo văn bản ${ref} (chữ ký của tỉnh hợp lệ).`,
  signedMark: (id: string) => `văn bản ký số của tỉnh, mã ${id}`,
} as const;
