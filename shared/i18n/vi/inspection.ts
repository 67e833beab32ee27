// Kiểm tra CCHC: the inspection record and the report for the city's inspection team (document
// 003, KH 110/KH-UBND), issue 15.
import { formatIsoDate } from '../../vn-time';

const pct = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

export const viInspection = {
  title: 'Kiểm tra CCHC',
  intro:
    'Đoàn kiểm tra cải cách hành chính, chính quyền điện tử của thành phố (KH 110/KH-UBND). Với kiểm tra theo kế hoạch, báo cáo và tài liệu phải gửi Phòng Nội vụ trước ngày Đoàn đến.',
  create: 'Tạo đợt kiểm tra',
  none: 'Chưa có đợt kiểm tra nào.',
  planNumber: 'Số kế hoạch',
  planNumberHint: 'Ví dụ: 110/KH-UBND',
  planDate: 'Ngày kế hoạch',
  method: 'Hình thức kiểm tra',
  methods: { scheduled: 'Theo kế hoạch', surprise: 'Đột xuất', report: 'Qua báo cáo', recheck: 'Tái kiểm tra' },
  visitDate: 'Ngày Đoàn đến kiểm tra',
  year: 'Năm',
  dueDate: 'Hạn gửi báo cáo',
  daysLeft: (n: number) => (n > 0 ? `còn ${n} ngày` : n === 0 ? 'hạn là hôm nay' : `đã quá hạn ${-n} ngày`),
  noDue: 'Không có hạn gửi trước (chỉ kiểm tra theo kế hoạch mới phải gửi báo cáo trước ngày Đoàn đến).',
  homeDue: (plan: string, due: string, left: string) => `Báo cáo phục vụ Đoàn kiểm tra CCHC (${plan}): hạn gửi Phòng Nội vụ ${formatIsoDate(due)} — ${left}.`,
  open: 'Mở báo cáo',
  save: 'Lưu',
  saved: 'Đã lưu.',
  exportPdf: 'Xuất báo cáo PDF',
  prefilled: 'Ứng dụng điền sẵn từ dữ liệu đã có — hãy xem lại và sửa nếu cần.',
  itemText: (key: string) => `Nội dung mục ${key}`,
  documents: 'Tài liệu kèm theo',
  reuse: 'Dùng lại tài liệu đã có…',
  chooseDocument: 'Chọn tài liệu trong kho tài liệu kiểm chứng',
  fileName: 'Tên tệp (theo quy ước)',
  attach: 'Đính kèm',
  remove: 'Gỡ',
  noLibrary: 'Kho tài liệu kiểm chứng chưa có tài liệu nào (đính kèm tài liệu ở Tự đánh giá CCHC trước).',
  optional: '(nếu có)',
  settingsTitle: 'Cách tính hạn gửi báo cáo',
  dueDays: 'Số ngày trước ngày Đoàn đến',
  dueKind: 'Tính theo',
  dueKinds: { calendar: 'ngày theo lịch', working: 'ngày làm việc (bỏ thứ Bảy, Chủ nhật)' },
  settings: { daysRange: 'Số ngày gửi trước phải từ 0 đến 30.' },
  // Facts the app knows (pre-filled text)
  facts: {
    documentsIssued: (year: number, n: number) => `Năm ${year}, đơn vị đã ban hành ${n} văn bản về CCHC có trong kho tài liệu kiểm chứng:`,
    documentLine: (num: string, date: string | null, summary: string | null) =>
      `- Số ${num}${date ? ` ngày ${formatIsoDate(date)}` : ''}${summary ? `: ${summary}` : ''}`,
    noDocuments: (year: number) => `Chưa có văn bản nào năm ${year} của UBND trong kho tài liệu kiểm chứng.`,
    signedPdfs: (year: number, signed: number, total: number) =>
      `Trong ${total} tệp PDF kiểm chứng năm ${year}, có ${signed} tệp có chữ ký số hợp lệ${total ? ` (${pct(Math.round((signed / total) * 10000) / 100)}%)` : ''}.`,
    examResults: (passed: number, total: number) => `Kết quả kiểm tra năng lực công chức của đơn vị: ${passed}/${total} người đạt.`,
    examLine: (name: string, round: string, ok: boolean | null) => `- ${name} (${round}): ${ok === null ? 'chưa có kết quả' : ok ? 'đạt' : 'chưa đạt'}`,
    noExam: 'Chưa có kết quả kiểm tra năng lực của công chức đơn vị trong ứng dụng.',
    planTasks: (year: number, total: number, done: number, doing: number, todo: number) =>
      `Kế hoạch khắc phục hạn chế năm ${year}: ${total} nhiệm vụ — ${done} đã hoàn thành, ${doing} đang thực hiện, ${todo} chưa thực hiện.`,
    planLine: (what: string, status: string) => `- ${what}: ${status}`,
    taskStatus: { todo: 'chưa thực hiện', doing: 'đang thực hiện', done: 'đã hoàn thành' },
    training: (year: number, courses: number, people: number) =>
      `Năm ${year}: ${courses} lớp bồi dưỡng, ${people} lượt cán bộ, công chức tham gia (sổ theo dõi bồi dưỡng).`,
  },
  // Rules checked
  lateTitle: 'Hồ sơ trễ hạn và văn bản xin lỗi',
  lateHint:
    'Mỗi dòng một hồ sơ: "mã hồ sơ; số văn bản xin lỗi; ngày" (ví dụ: HS-0123; 12/TB-UBND; 05/06/2023). Mỗi hồ sơ trễ hạn cần một văn bản xin lỗi riêng.',
  lateMissing: (code: string) => `Hồ sơ ${code}: chưa có văn bản xin lỗi.`,
  lateShared: (code: string, num: string, others: string[]) =>
    `Hồ sơ ${code}: văn bản xin lỗi ${num} dùng chung cho cả ${others.join(', ')} — KH 110 yêu cầu xin lỗi bằng văn bản với từng hồ sơ, không xin lỗi chung nhiều hồ sơ trong một văn bản.`,
  lateBadLine: (n: number) => `Dòng ${n}: cần ít nhất mã hồ sơ (ví dụ: HS-0123; 12/TB-UBND; 05/06/2023).`,
  lateBadDate: (n: number, raw: string) => `Dòng ${n}: ngày "${raw}" không hợp lệ (dd/mm/yyyy).`,
  lateDuplicate: (n: number, code: string) => `Dòng ${n}: hồ sơ ${code} đã có ở dòng trên.`,
  incomingTitle: 'Số hóa văn bản đến (ký SAO Y trước khi đưa lên eGov)',
  incomingTotal: 'Tổng số văn bản đến trong năm',
  incomingDigitised: 'Số văn bản đến đã số hóa, ký số',
  incomingPercent: (p: number) => `Tỷ lệ: ${pct(p)}%`,
  incomingWarning: (p: number) => `Mới đạt ${pct(p)}% — KH 110 yêu cầu 100% văn bản đến được số hóa (ký SAO Y) trước khi đưa lên hệ thống eGov.`,
  incomingTooMany: 'Số văn bản đã số hóa không thể lớn hơn tổng số văn bản đến.',
  // Errors
  notFound: 'Không tìm thấy đợt kiểm tra này.',
  itemNotFound: (key: string) => `Đề cương không có mục ${key}.`,
  visitPast: (d: string) => `Ngày Đoàn đến (${formatIsoDate(d)}) đã qua — kiểm tra lại ngày, hoặc đây là đợt đã diễn ra.`,
  visitAfterDue: 'Đã quá hạn gửi báo cáo cho đợt kiểm tra này.',
  planNumberRequired: 'Cần nhập số kế hoạch kiểm tra (ví dụ 110/KH-UBND).',
  visitRequired: 'Kiểm tra theo kế hoạch cần ngày Đoàn đến để tính hạn gửi báo cáo.',
  docNotFound: 'Không tìm thấy tài liệu này trong kho tài liệu kiểm chứng.',
  alreadyAttached: (key: string) => `Tài liệu này đã đính kèm vào mục ${key}.`,
  // PDF
  pdf: {
    title: 'BÁO CÁO',
    subtitle: (year: number) => `Phục vụ Đoàn kiểm tra cải cách hành chính, chính quyền điện tử năm ${year}`,
    basis: (plan: string, date: string | null) => `(Theo Kế hoạch số ${plan}${date ? ` ngày ${formatIsoDate(date)}` : ''})`,
    attached: 'Tài liệu kèm theo:',
    empty: '(Chưa có nội dung.)',
    prefilledNote: '(Số liệu do ứng dụng tổng hợp từ dữ liệu của đơn vị.)',
    recipients: 'Nơi nhận:',
    recipientLines: ['- Phòng Nội vụ thành phố;', '- Lưu: VT.'],
    signer: 'TM. ỦY BAN NHÂN DÂN',
    signerRole: 'CHỦ TỊCH',
    fileTitle: (year: number) => `Bao cao kiem tra CCHC ${year}`,
    /** The signature's reason in the signed report (main/services/inspection/package.ts). */
    signReason: (year: number) => `Báo cáo phục vụ Đoàn kiểm tra CCHC năm ${year}`,
  },
  auditActions: {
    'inspection.create': 'Tạo đợt kiểm tra CCHC',
    'inspection.update': 'Sửa đợt kiểm tra CCHC',
    'inspection.item': 'Sửa nội dung báo cáo kiểm tra',
    'inspection.link': 'Đính kèm tài liệu vào báo cáo kiểm tra',
    'inspection.unlink': 'Gỡ tài liệu khỏi báo cáo kiểm tra',
    'inspection.late': 'Cập nhật hồ sơ trễ hạn',
    'inspection.package': 'Đóng gói báo cáo kiểm tra CCHC',
  },
  auditEntities: { inspection: 'Đợt kiểm tra CCHC' },
  // The command line (main/cli/inspection-training.ts)
  cli: {
    usage: 'Dùng: kiemchung inspection list | inspection export --id N --format pdf|package --out TỆP [--data-dir D]',
    packaged: (out: string, files: number, sha256: string) => `Đã đóng gói và ký báo cáo kiểm tra: ${out} (${files} tệp, sha256 ${sha256})`,
    exported: (out: string) => `Đã xuất báo cáo phục vụ Đoàn kiểm tra: ${out}`,
  },
} as const;
