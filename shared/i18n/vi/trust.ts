// Who signed a package (DESIGN §7 "Trust"): the three outcomes, the words for checking a
// fingerprint by phone, the trusted-certificates list. Used by the CLI, the app's views and the UI.

const q = (s: string) => `“${s}”`;

export const viTrust = {
  /** The outcome line, the same words everywhere (CLI, app, receiver). */
  level: {
    known: 'Hợp lệ, người ký đã biết',
    unknown: 'Nội dung nguyên vẹn nhưng người ký chưa được xác nhận',
    invalid: 'Không hợp lệ',
  },
  knownLine: (name: string) => `Gói hồ sơ hợp lệ, người ký đã biết: ${name}.`,
  unknownLine:
    'Gói hồ sơ có nội dung nguyên vẹn nhưng người ký chưa được xác nhận: chứng thư số của người ký chưa có trong danh sách chứng thư tin cậy của máy này.',
  invalidLine: (n: number) => `Gói hồ sơ KHÔNG hợp lệ: ${n} lý do.`,
  /** A known name on an unknown key. */
  sameName: (name: string) =>
    `Cảnh báo: chứng thư này mang tên ${name} nhưng khác chứng thư đã đăng ký. Có thể gói đã bị sửa rồi ký lại bằng chứng thư giả mạo; đừng tin cậy gói này trước khi gọi điện xác minh.`,
  phoneAdvice:
    'Hãy gọi điện thoại cho đơn vị gửi (theo số điện thoại đã biết, không dùng số ghi trong gói) và đọc từng nhóm ký tự của dấu vân tay dưới đây; chỉ tin cậy chứng thư khi mọi nhóm đều trùng khớp.',
  fingerprintLabel: 'Dấu vân tay SHA-256 của chứng thư',
  signerLabel: 'Người ký',
  issuedBy: 'cấp bởi',
  anchorLabel: 'Khớp với chứng thư tin cậy',
  source: {
    office: 'chứng thư của đơn vị này',
    imported: 'chứng thư được tin cậy trên máy này',
    enrolled: 'chứng thư đã đăng ký với hệ thống tiếp nhận của tỉnh',
    receiver: 'chứng thư của hệ thống tiếp nhận của tỉnh',
    cli: 'chứng thư chỉ định khi chạy lệnh',
  } as Record<string, string>,
  /** Icons beside the words (never colour alone). */
  icon: { known: '✓', unknown: '⚠', invalid: '✗' },

  // ---- "Tin cậy chứng thư này" and the list ----
  trustButton: 'Tin cậy chứng thư này',
  trustConfirm: (name: string, groups: string) =>
    `Chỉ tin cậy khi đã gọi điện cho đơn vị gửi và đối chiếu đủ dấu vân tay:\n${groups}\n\nTin cậy chứng thư mang tên ${q(name)}? Từ nay các gói ký bằng chứng thư này sẽ được coi là của người ký đã biết.`,
  trusted: (name: string) => `Đã thêm chứng thư ${q(name)} vào danh sách chứng thư tin cậy.`,
  listTitle: 'Chứng thư tin cậy',
  listIntro: 'Gói hồ sơ chỉ được coi là “hợp lệ, người ký đã biết” khi ký bằng một trong các chứng thư dưới đây hoặc chứng thư hiện tại của đơn vị.',
  listEmpty: 'Chưa có chứng thư tin cậy nào ngoài chứng thư của đơn vị.',
  currentOffice: 'Chứng thư hiện tại của đơn vị',
  columns: { name: 'Tên trên chứng thư', source: 'Nguồn', fingerprint: 'Dấu vân tay', addedAt: 'Thêm lúc', actions: '' },
  remove: 'Bỏ tin cậy',
  removeConfirm: (name: string) => `Bỏ tin cậy chứng thư ${q(name)}? Các gói ký bằng chứng thư này sẽ hiện là “người ký chưa được xác nhận”.`,
  removed: (name: string) => `Đã bỏ tin cậy chứng thư ${q(name)}.`,
  importFile: 'Thêm chứng thư từ tệp (.pem, .cer, .crt)…',

  // ---- errors ----
  notFound: 'Không tìm thấy chứng thư này trong danh sách chứng thư tin cậy.',
  cannotRemoveCurrent: 'Không bỏ tin cậy được chứng thư hiện tại của đơn vị; hãy thay khóa ký nếu chứng thư bị lộ.',
  fingerprintMismatch: 'Dấu vân tay không khớp với chứng thư của gói: gói đã thay đổi từ lúc được xem. Hãy mở lại gói rồi đối chiếu lại.',
  packageNotIntact: 'Chỉ tin cậy được chứng thư của gói có nội dung nguyên vẹn.',
  notCertificate: 'Tệp không phải chứng thư số X.509 (PEM hoặc DER).',
  importRefused: (reason: string) =>
    `Không dùng được chứng thư số này để ký gói hồ sơ: ${reason} Hãy xuất lại tệp .p12/.pfx kèm chứng thư của tổ chức cấp, hoặc thêm chứng thư của tổ chức cấp vào “Chứng thư tin cậy”.`,
  /** CLI. */
  cli: {
    trustFileUnreadable: (file: string, detail: string) => `Không đọc được chứng thư ${q(file)}: ${detail}`,
    noCertificateInFile: (file: string) => `Tệp ${q(file)} không chứa chứng thư số (PEM hoặc DER).`,
    fingerprintAnchor: 'chứng thư có dấu vân tay chỉ định (--fingerprint)',
    badFingerprint: 'Dấu vân tay --fingerprint phải là 64 chữ số thập lục phân (SHA-256), có thể có dấu hai chấm hoặc khoảng trắng.',
  },
} as const;
