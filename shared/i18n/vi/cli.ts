// The `kiemchung` command line (main/cli/index.ts): the help text, the main commands' output and
// errors. The appraisal, receiver, sync, inspection and training commands keep theirs in their
// feature's file.
import { viAppraisal } from './appraisal';

export const viCli = {
  help: `Kiểm Chứng — dòng lệnh

Cách dùng: kiemchung <lệnh> [tùy chọn]

  serve [--port N] [--data-dir D] [--open] [--demo]
        Chạy ứng dụng ở chế độ trình duyệt trên http://127.0.0.1 (mặc định cổng 4310).
  serve --lan [--host ADDR] [--port N] [--local-port N]
        Như trên, và cho phép máy khác trong văn phòng truy cập qua HTTPS (mặc định cổng 4343, mọi địa chỉ
        của máy; --local-port cho http://127.0.0.1). In địa chỉ và mã kiểm tra chứng thư để so trên máy khác.
        --demo: nếu thư mục dữ liệu còn trống, tạo dữ liệu mẫu trước.
  demo --data-dir D       Tạo dữ liệu mẫu (một xã, lãnh đạo và công chức) trong thư mục trống.
  criteria check FILE         Kiểm tra tệp bộ tiêu chí (JSON/XLSX), báo lỗi và cảnh báo; không ghi gì.
                              Mã thoát 0 khi chỉ có cảnh báo, khác 0 khi có lỗi.
  criteria import FILE [--data-dir D]   Nhập bộ tiêu chí (từ chối cả tệp nếu có lỗi).
  assessment export-summary --year Y --format xlsx|pdf --out FILE [--data-dir D]
                              Xuất Bảng tổng hợp kết quả tự đánh giá của năm Y.
${viAppraisal.cli.help}
  roster import FILE --round R [--data-dir D]
                              Nhập danh sách Mẫu 01–05 (Excel) vào đợt kiểm tra R (tạo đợt nếu chưa có).
  roster export --form 01..05 --round R --out FILE [--data-dir D]
                              Xuất một mẫu danh sách ra Excel (.xlsx) hoặc PDF (.pdf, theo đuôi tệp).
  package build --year Y [--kind assessment] --out FILE [--data-dir D]
                              Đóng gói và ký hồ sơ tự đánh giá năm Y (mật khẩu khóa ký lấy từ biến
                              KIEMCHUNG_KEY_PASSPHRASE, hoặc hỏi khi chạy trong cửa sổ lệnh).
  package build --kind exam --year Y [--round ID] [--allow-incomplete] --out FILE [--data-dir D]
                              Đóng gói và ký kết quả đợt kiểm tra năng lực có ngày kiểm tra trong năm Y
                              (năm có nhiều đợt thì chọn bằng --round). Từ chối khi còn bước thi đang
                              diễn ra, hoặc còn người chưa có kết quả (trừ khi có --allow-incomplete).
  package verify FILE [--trust CERT.pem]… [--fingerprint HEX] [--data-dir D]
                              Kiểm tra một gói hồ sơ và cho biết ai đã ký. Người ký đã biết: chứng thư
                              của đơn vị trong thư mục dữ liệu, các chứng thư trong tệp --trust, dấu vân
                              tay --fingerprint. Mã thoát 0: hợp lệ, người ký đã biết; 3: nội dung nguyên
                              vẹn nhưng người ký chưa được xác nhận; 2: không hợp lệ (kèm từng lý do).
  sync enroll --url URL --code MÃ [--data-dir D]
                              Đăng ký máy này với máy chủ tiếp nhận của tỉnh bằng mã một lần Sở Nội vụ cấp.
  sync send FILE [--wait S] [--data-dir D]
                              Đưa gói vào hộp thư đi và gửi cho tới khi có biên nhận hoặc hết S giây
                              (mặc định 120). Mã thoát 0 khi tỉnh đã nhận (in mã biên nhận), 3 khi gói
                              bị cách ly, 2 khi bị từ chối, 1 khi lỗi hoặc chưa có biên nhận.
  sync status [--json] [--data-dir D]   Trạng thái kết nối với tỉnh và hộp thư đi.
  sync retry [SỐ] [--wait S] [--data-dir D]
                              Đưa lại gói số SỐ (xem sync status; không có SỐ: mọi gói bị lỗi hoặc đang
                              chờ) vào hàng gửi ngay. Có --wait: gửi luôn như sync send.
  receiver start --port P --data-dir D [--host 127.0.0.1]
                              Chạy máy nhận hồ sơ của tỉnh (SQLite trong thư mục dữ liệu, hoặc PostgreSQL
                              khi đặt DATABASE_URL). Các lệnh quản trị: receiver enroll-code | list |
                              decide | export | operator-token — xem "kiemchung receiver --help".
  inspection list [--data-dir D]   Các đợt kiểm tra CCHC (số, năm, kế hoạch, hình thức, ngày Đoàn đến, hạn gửi báo cáo).
  inspection export --id N --format pdf --out FILE [--data-dir D]
                              Xuất báo cáo phục vụ Đoàn kiểm tra CCHC (đợt số N) ra PDF; --format package:
                              gói ký số (Kiemchung-Kind: inspection, mật khẩu từ KIEMCHUNG_KEY_PASSPHRASE).
  training import-questions FILE --course "…" [--data-dir D]
                              Nhập ngân hàng câu hỏi (Excel: Câu hỏi, A, B, C, D, Đáp án, Điểm) vào lớp bồi
                              dưỡng (tạo lớp nếu chưa có). Có lỗi: không lưu gì, liệt kê từng dòng, mã thoát 1.
  training export-results --course "…" --format pdf|xlsx|package --out FILE [--data-dir D]
                              Xuất kết quả kiểm tra cuối khóa của lớp (package: gói ký số, mật khẩu khóa ký
                              lấy từ biến KIEMCHUNG_KEY_PASSPHRASE).
  db migrate [--data-dir D]   Nâng cấp cơ sở dữ liệu lên lược đồ mới nhất.
  db check [--data-dir D]     Kiểm tra toàn vẹn SQLite và chuỗi nhật ký; báo dòng hỏng đầu tiên.

Thư mục dữ liệu: --data-dir, hoặc biến KIEMCHUNG_DATA_DIR, hoặc thư mục dữ liệu người dùng của hệ điều hành.
`,
  demo: {
    created: 'Đã tạo dữ liệu mẫu: UBND xã Phú Thượng (Võ Nhai, Thái Nguyên).',
    assessment: (year: number) =>
      `Có sẵn đợt tự đánh giá năm ${year} trên bộ tiêu chí mẫu, đang làm dở (có mục đã duyệt, mục bị trả lại, tài liệu kiểm chứng).`,
    appraisal: (last: number) =>
      `Năm ${last - 1} và ${last} đã gửi và có kết quả thẩm định (Tự đánh giá CCHC → năm ${last} → Kết quả thẩm định, Kế hoạch khắc phục); kế hoạch năm ${last + 1} đang làm dở, một nhiệm vụ quá hạn.`,
    exam: (roundName: string) => `Có sẵn đợt kiểm tra năng lực "${roundName}": đội xã Phú Thượng đang ở bước 1 (đăng nhập bằng tài khoản giamkhao).`,
    password: (password: string) => `Mật khẩu chung của các tài khoản mẫu: ${password}`,
    testOnly: 'Đây là dữ liệu thử; đừng dùng các tài khoản này cho dữ liệu thật.',
    needDataDir: 'Cần chỉ rõ thư mục cho dữ liệu mẫu: kiemchung demo --data-dir <thư mục>',
  },
  passphrase: {
    needTty: 'Cần mật khẩu khóa ký: đặt biến KIEMCHUNG_KEY_PASSPHRASE hoặc chạy lệnh trong cửa sổ lệnh.',
    prompt: 'Mật khẩu khóa ký: ',
    needEnv: 'Cần mật khẩu khóa ký trong biến KIEMCHUNG_KEY_PASSPHRASE.',
  },
  criteria: {
    usage: 'Dùng: kiemchung criteria check|import <tệp .json hoặc .xlsx>',
    set: (name: string, decision: string | null) => `Bộ tiêu chí: ${name}${decision ? ` (${decision})` : ''}`,
    counts: (n: number, totalMax: string) => `${n} tiêu chí; tổng điểm tối đa các lĩnh vực: ${totalMax}.`,
    error: (where: string, message: string) => `  LỖI ${where}: ${message}`,
    warning: (where: string, message: string) => `  Cảnh báo ${where}: ${message}`,
    verdict: (file: string, errors: number, warnings: number) =>
      errors ? `"${file}": ${errors} lỗi, ${warnings} cảnh báo — không thể nhập.` : `"${file}": không có lỗi, ${warnings} cảnh báo — có thể nhập.`,
    imported: (name: string, id: number, nodes: number, leaves: number) =>
      `Đã nhập bộ tiêu chí "${name}" (số ${id}): ${nodes} tiêu chí, ${leaves} tiêu chí chấm điểm.`,
  },
  assessment: {
    usage: 'Dùng: kiemchung assessment export-summary --year Y --format xlsx|pdf --out FILE',
    needFormat: 'Cần --format xlsx hoặc --format pdf',
    needOut: 'Cần --out <tệp kết quả>',
    none: (year: number) => `Chưa có đợt tự đánh giá năm ${year} trong dữ liệu này.`,
    exported: (year: number, out: string) => `Đã xuất Bảng tổng hợp năm ${year}: ${out}`,
  },
  roster: {
    needRound: 'Cần --round <tên đợt kiểm tra>',
    importUsage: 'Dùng: kiemchung roster import <tệp .xlsx> --round <tên đợt>',
    roundCreated: (name: string) => `Đã tạo đợt kiểm tra "${name}".`,
    formCount: (form: string, n: number) => `  Mẫu ${form}: ${n} người`,
    note: (w: string) => `  Lưu ý: ${w}`,
    imported: (name: string) => `Đã nhập danh sách vào đợt "${name}".`,
    needForm: 'Cần --form 01, 02, 03, 04 hoặc 05',
    needOut: 'Cần --out <tệp .xlsx hoặc .pdf>',
    noRound: (name: string) => `Không có đợt kiểm tra "${name}".`,
    exported: (form: string, name: string, out: string) => `Đã xuất Mẫu ${form} của đợt "${name}": ${out}`,
    usage: 'Dùng: kiemchung roster import|export …',
  },
  package: {
    verifyUsage: 'Dùng: kiemchung package verify <tệp .zip> [--trust CERT.pem]… [--fingerprint HEX] [--data-dir D]',
    badKind: (kind: string) => `--kind chỉ nhận assessment (hồ sơ tự đánh giá) hoặc exam (kết quả thi), không nhận "${kind}".`,
    needYear: 'Cần --year, ví dụ --year 2023',
    needYearExam: 'Cần --year là một năm, ví dụ --year 2025',
    needOut: 'Cần --out <tệp .zip>',
    built: (out: string, files: number, sha256: string) => `Đã đóng gói và ký: ${out} (${files} tệp, sha256 ${sha256})`,
    builtExam: (out: string, bag: string, files: number, sha256: string) => `Đã đóng gói và ký kết quả thi: ${out} (${bag}, ${files} tệp, sha256 ${sha256})`,
    usage: 'Dùng: kiemchung package build|verify …',
    /** What a verified package holds; points arrive formatted (73,25). */
    content: (office: string, year: number, points: string, max: string, band: string | null, evidence: number) =>
      `${office} — năm ${year}: ${points}/${max} điểm${band ? ` (${band})` : ''}, ${evidence} tài liệu kiểm chứng.`,
  },
  serve: {
    badPort: (port: string | undefined) => `Cổng không hợp lệ: ${port}`,
    portInUse: (port: number) => `Cổng ${port} đang được dùng. Hãy chọn cổng khác: kiemchung serve --port 4311`,
    running: (url: string) => `Kiểm Chứng đang chạy ở chế độ trình duyệt: ${url}`,
    dataDir: (dir: string) => `Dữ liệu: ${dir}`,
    logFile: (file: string) => `Nhật ký chạy: ${file}`,
    stopHint: 'Nhấn Ctrl+C để dừng.',
    noBrowser: 'Không tự mở được trình duyệt; hãy mở đường dẫn trên bằng tay.',
  },
  unknownDb: (sub: string) => `Lệnh "db ${sub}" không có. Dùng: db migrate | db check`,
  unknownCommand: (cmd: string) => `Lệnh "${cmd}" không có. Chạy "kiemchung --help" để xem các lệnh.`,
  error: (message: string) => `Lỗi: ${message}`,
} as const;
