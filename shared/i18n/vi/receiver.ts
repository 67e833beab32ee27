// Vietnamese messages of the province's receiver (main/receiver, `kiemchung receiver …`): HTTP
// error answers, CLI output and the operator page. Kept here, not scattered through the code, so
// the wording stays consistent and reviewable.
import { formatBytes } from '../../format';
import { viInstruction } from './instruction';

export const receiverStatusLabels = {
  accepted: 'đã nhận',
  quarantined: 'cách ly',
  rejected: 'bị từ chối',
} as const;

/** A message is a string or a function building one; sections nest. */
type Message = string | ((...args: never[]) => string);
interface Catalogue {
  readonly [key: string]: Message | Catalogue;
}

export const viReceiver = {
  name: 'Máy nhận hồ sơ của tỉnh (Kiểm Chứng)',
  /** The subject of the receiver's own self-signed certificate (main/receiver/identity.ts). */
  identity: {
    commonName: 'Máy nhận hồ sơ Kiểm Chứng',
    organization: 'Sở Nội vụ',
    locality: 'Máy nhận hồ sơ',
    province: 'Việt Nam',
  },
  statusLabels: receiverStatusLabels,
  officeStatus: { none: 'chưa gửi', ...receiverStatusLabels },
  http: {
    notFound: 'Không có địa chỉ này trên máy nhận hồ sơ.',
    methodNotAllowed: 'Phương thức này không dùng được ở địa chỉ này.',
    badJson: 'Nội dung gửi lên không phải JSON hợp lệ.',
    bodyTooLarge: 'Nội dung gửi lên quá lớn.',
    badRequest: (detail: string) => `Yêu cầu không hợp lệ: ${detail}`,
    noToken: 'Thiếu mã truy cập (Authorization: Bearer …). Hãy kết nối lại ứng dụng với tỉnh.',
    badToken: 'Mã truy cập không đúng hoặc đã bị thu hồi. Hãy kết nối lại ứng dụng với tỉnh bằng mã đăng ký mới.',
    badOperatorToken: 'Mã cán bộ vận hành không đúng.',
    diskFull: 'Máy nhận hồ sơ đã hết dung lượng đĩa; hồ sơ chưa được nhận. Hãy gửi lại sau; cán bộ tỉnh cần giải phóng dung lượng.',
    internal: 'Máy nhận hồ sơ gặp lỗi nội bộ; hồ sơ chưa được nhận. Hãy thử lại sau.',
    badSha256: 'Mã SHA-256 trong đường dẫn không hợp lệ (cần 64 ký tự hex viết thường).',
  },
  enroll: {
    codeInvalid: 'Mã đăng ký không đúng. Hãy kiểm tra lại mã do Sở Nội vụ cấp.',
    codeUsed: 'Mã đăng ký này đã được dùng. Mỗi mã chỉ dùng được một lần; hãy xin tỉnh cấp mã mới.',
    codeExpired: (at: string) => `Mã đăng ký đã hết hạn lúc ${at}. Hãy xin tỉnh cấp mã mới.`,
    certUnreadable: 'Không đọc được chứng thư số gửi kèm.',
    certExpired: (at: string) => `Chứng thư số gửi kèm đã hết hạn (${at}); không thể đăng ký.`,
    certNotYetValid: (at: string) => `Chứng thư số gửi kèm chưa có hiệu lực (từ ${at}); hãy kiểm tra đồng hồ máy tính.`,
    badOffice: 'Tên đơn vị phải có dạng "<tỉnh>/<huyện>/<xã>", ví dụ "Thừa Thiên Huế/Phú Vang/Phú Thượng".',
    badDays: 'Số ngày hiệu lực của mã (--days) phải là số dương, tối đa 365.',
  },
  upload: {
    metadataMissing: 'Phiên tải lên cần siêu dữ liệu "sha256" (64 ký tự hex) và "filename".',
    badSha256: 'Siêu dữ liệu "sha256" phải là mã SHA-256 gồm 64 ký tự hex viết thường.',
    badFilename: 'Siêu dữ liệu "filename" không hợp lệ (1–255 ký tự, không có dấu / hoặc \\).',
    lengthRequired: 'Cần khai báo kích thước tệp (Upload-Length) khi bắt đầu tải lên.',
    tooLarge: (max: number) => `Tệp vượt quá dung lượng tối đa máy nhận chấp nhận (${formatBytes(max)}).`,
    tooMany: (limit: number) => `Đơn vị đang có ${limit} phiên tải lên cùng lúc, tối đa cho phép. Hãy chờ các phiên đang chạy xong rồi thử lại.`,
    tooManyOpen: (limit: number) =>
      `Đơn vị đã có ${limit} phiên tải lên chưa hoàn tất trên máy nhận. Hãy gửi tiếp các phiên đó (hoặc chờ chúng hết hạn) trước khi bắt đầu phiên mới.`,
    notFound: 'Không tìm thấy phiên tải lên này (có thể đã hết hạn hoặc đã bị xóa). Hãy gửi lại từ đầu.',
    offsetMismatch: 'Vị trí tiếp tục tải lên không khớp với máy nhận; hãy hỏi lại vị trí (HEAD) rồi gửi tiếp.',
    locked: 'Phiên tải lên này đang được ghi bởi một kết nối khác; hãy thử lại sau giây lát.',
    failed: (detail: string) => `Tải lên không thành công: ${detail}`,
  },
  finalize: {
    noUpload: 'Máy nhận chưa có tệp nào đã tải lên đầy đủ cho gói này. Hãy tải lên (tus) trước rồi mới hoàn tất.',
    incomplete: (got: number, size: number) => `Gói chưa tải lên xong (${got}/${size} byte). Hãy gửi tiếp phần còn lại rồi hoàn tất.`,
    hashMismatch: (declared: string, actual: string) =>
      `Tệp nhận được không khớp với mã SHA-256 đã khai (${declared.slice(0, 12)}…): mã thực tế là ${actual.slice(0, 12)}…. Tệp hỏng đã bị xóa; hãy gửi lại gói.`,
    packageJsonBad: (detail: string) => `Tệp data/package.json không đúng định dạng gói Kiểm Chứng: ${detail}`,
    badOfficeInPackage: 'Tên đơn vị trong data/package.json không hợp lệ (cần tỉnh, huyện, xã).',
    unknownSigner: (fingerprint: string, office: string) =>
      `Nội dung nguyên vẹn nhưng người ký chưa được xác nhận: chứng thư ký (dấu vân tay ${fingerprint}) chưa được đăng ký cho ${office}. Gói được cách ly chờ cán bộ tỉnh xem xét; hãy gọi điện cho tỉnh đọc dấu vân tay để đối chiếu.`,
    knownNameOtherKey: (holder: string) => `Chứng thư này mang tên ${holder} nhưng khác chứng thư đã đăng ký.`,
    signedAfterSuperseded: (at: string) => `Chứng thư ký đã được thay bằng chứng thư mới lúc ${at}; gói ký sau thời điểm đó không được tự động chấp nhận.`,
    noEnrollment: (office: string) => `${office} chưa đăng ký chứng thư với tỉnh.`,
    noSigner: 'Gói không có chứng thư người ký.',
  },
  packages: {
    notFound: 'Máy nhận không có gói này.',
    notYours: 'Gói này không thuộc đơn vị của bạn.',
    notQuarantined: (status: string) => `Chỉ quyết định được gói đang cách ly; gói này ${status}.`,
    reasonRequired: 'Cần ghi lý do cho quyết định (--reason "…").',
    operatorAccepted: (reason: string) => `Cán bộ tỉnh đã chấp nhận gói: ${reason}`,
    operatorRejected: (reason: string) => `Cán bộ tỉnh đã từ chối gói: ${reason}`,
  },
  cli: {
    usage: `Máy nhận hồ sơ của tỉnh — cách dùng:
  kiemchung receiver start --port P --data-dir D [--host 127.0.0.1] [--max-size BYTE] [--max-concurrent N]
        Chạy máy nhận (tus /v1/uploads/ và API /v1). Cơ sở dữ liệu: SQLite trong thư mục dữ liệu,
        hoặc PostgreSQL khi đặt biến DATABASE_URL.
  kiemchung receiver enroll-code --office "<tỉnh>/<huyện>/<xã>" --data-dir D [--days 7]
        Cấp một mã đăng ký dùng một lần cho đơn vị (hết hạn sau --days ngày).
  kiemchung receiver list [--status accepted|quarantined|rejected] [--json] --data-dir D
        Liệt kê các gói đã nhận.
  kiemchung receiver decide --sha256 H --accept|--reject --reason "…" --data-dir D
        Quyết định một gói đang cách ly (ghi nhật ký).
  kiemchung receiver export --out DIR --data-dir D
        Xuất các gói đã nhận, mỗi đơn vị một thư mục, cho hội đồng thẩm định.
  kiemchung receiver appraisal import TỆP.xlsx --office "<tỉnh>/<huyện>/<xã>" --year Y --data-dir D
        Nhập kết quả thẩm định của Hội đồng cho một đơn vị; máy nhận ký và gửi cho xã ở lần kết nối tới.
  kiemchung receiver operator-token --data-dir D [--name "Tên cán bộ"]
        Tạo mã đăng nhập cho cán bộ vận hành (trang quản lý và GET /v1/packages).
${viInstruction.usage}`,
    unknownCommand: (c: string) => `Lệnh "receiver ${c}" không có.`,
    needDataDir: 'Cần --data-dir <thư mục dữ liệu của máy nhận>.',
    badPort: (p: string) => `Cổng không hợp lệ: ${p}`,
    portInUse: (p: number) => `Cổng ${p} đang được dùng. Hãy chọn cổng khác.`,
    running: (url: string) => `Receiver đang chạy tại ${url}`,
    dataDir: (d: string, db: string) => `Dữ liệu: ${d} — cơ sở dữ liệu: ${db}`,
    stopHint: 'Nhấn Ctrl+C để dừng.',
    stopped: 'Đã dừng máy nhận hồ sơ.',
    codeIssued: (office: string, until: string) => `Mã đăng ký cho ${office} (dùng một lần, hết hạn lúc ${until}):`,
    badStatus: 'Trạng thái chỉ nhận accepted, quarantined hoặc rejected.',
    needSha: 'Cần --sha256 <mã SHA-256 của gói>.',
    needDecision: 'Cần đúng một trong hai: --accept hoặc --reject.',
    decided: (sha: string, status: string) => `Đã quyết định gói ${sha.slice(0, 12)}…: ${status}.`,
    needOut: 'Cần --out <thư mục xuất>.',
    exported: (n: number, offices: number, dir: string) => `Đã xuất ${n} gói đã nhận của ${offices} đơn vị vào ${dir}`,
    operatorToken: (name: string) => `Mã đăng nhập cho cán bộ vận hành "${name}" (chỉ hiện một lần, hãy giữ kín):`,
    listEmpty: 'Chưa có gói nào.',
    listHeader: 'Trạng thái   Nhận lúc           Đơn vị — SHA-256',
    badNumber: (flag: string) => `Giá trị ${flag} không hợp lệ.`,
    error: (message: string) => `Lỗi: ${message}`,
    dbUnavailable: (where: string, detail: string) => `Không mở được cơ sở dữ liệu của máy nhận (${where}): ${detail}`,
    appraisalUsage: 'Dùng: kiemchung receiver appraisal import TỆP.xlsx --office "Tỉnh/Huyện/Xã" --year Y',
    appraisalIssued: (year: number, office: string, rows: number, id: string) =>
      `Đã ký và lưu kết quả thẩm định năm ${year} của ${office} (${rows} dòng, mã ${id}); ứng dụng của xã sẽ nhận ở lần kết nối tới.`,
  },
  // The council's results imported for an office (main/receiver/appraisals.ts)
  appraisal: {
    needYear: 'Cần --year, ví dụ --year 2025.',
    unknownOffice: (office: string) => `Chưa có đơn vị "${office}" trên máy nhận (cấp mã đăng ký cho đơn vị trước).`,
  },
  page: {
    title: 'Máy nhận hồ sơ — Sở Nội vụ',
    loginTitle: 'Đăng nhập cán bộ vận hành',
    tokenLabel: 'Mã đăng nhập (tạo bằng: kiemchung receiver operator-token)',
    login: 'Đăng nhập',
    logout: 'Đăng xuất',
    loginFailed: 'Mã đăng nhập không đúng.',
    /** `{year}` is filled in by the page's script. */
    officesTitle: 'Các đơn vị — tình trạng năm {year}',
    colOffice: 'Đơn vị',
    /** The year's self-assessment report (Bảng tổng hợp): what "chưa gửi / đã nhận" is about. */
    colStatus: 'Báo cáo tự đánh giá',
    colOthers: 'Hồ sơ khác đã nhận',
    colReceived: 'Nhận lúc',
    colSigner: 'Người ký',
    colEnrolled: 'Kết nối với tỉnh',
    notEnrolled: 'chưa kết nối',
    download: 'Tải gói',
    colAction: 'Quyết định',
    quarantineTitle: 'Gói đang cách ly',
    noQuarantine: 'Không có gói nào đang cách ly.',
    noOffices: 'Chưa có đơn vị nào (cấp mã đăng ký bằng: kiemchung receiver enroll-code).',
    reasonPlaceholder: 'Lý do (bắt buộc)',
    accept: 'Chấp nhận',
    reject: 'Từ chối',
    loading: 'Đang tải…',
    error: 'Không tải được dữ liệu từ máy nhận.',
  },
} as const satisfies Catalogue;

export type ViReceiver = typeof viReceiver;
