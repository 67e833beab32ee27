// The database's own words (main/db, main/services/db-check.ts, `kiemchung db …`): schema versions,
// SQLite integrity, the audit chain and its anchors.

export const viDb = {
  newerSchema: (have: number, know: number) =>
    `Cơ sở dữ liệu được tạo bởi phiên bản Kiểm Chứng mới hơn (lược đồ số ${have}); phiên bản này chỉ biết đến lược đồ số ${know}. Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi.`,
  foreignMigrations: (detail: string) =>
    `Cơ sở dữ liệu có lịch sử nâng cấp không khớp với ứng dụng (${detail}). Không mở để tránh hỏng dữ liệu; hãy liên hệ quản trị.`,
  migrated: (from: number, to: number) => `Đã nâng cấp cơ sở dữ liệu từ lược đồ ${from} lên ${to}.`,
  upToDate: (v: number) => `Cơ sở dữ liệu đã ở lược đồ mới nhất (${v}).`,
  integrityOk: 'Kiểm tra toàn vẹn SQLite: ổn.',
  integrityBad: (detail: string) => `Kiểm tra toàn vẹn SQLite phát hiện lỗi: ${detail}`,
  chainOk: (n: number) => `Chuỗi nhật ký: ${n} dòng, toàn vẹn.`,
  chainTampered: (seq: number) => `Dòng nhật ký #${seq} đã bị sửa: mã băm không khớp với nội dung.`,
  chainUnlinked: (seq: number) => `Dòng nhật ký #${seq} không nối với dòng trước: có dòng đã bị xóa hoặc chèn vào.`,
  cannotOpen: (dir: string, detail: string) => `Không mở được dữ liệu ở "${dir}": ${detail}`,
  noDataFile: 'chưa có tệp dữ liệu',
  /** One applied migration, as foreignMigrations names it. */
  migrationStep: (version: number, name: string) => `bước ${version} "${name}"`,
  anchorOk: (n: number) => `Mốc nhật ký ngoài cơ sở dữ liệu: ${n} mốc, khớp.`,
  anchorNone: 'Chưa có mốc nhật ký ngoài cơ sở dữ liệu (tệp audit-anchor.txt).',
  anchorMissingRow: (agreedTo: number, seq: number, line: number) =>
    `Nhật ký khớp với mốc đến dòng #${agreedTo}; sau đó không còn khớp: dòng #${seq} (ghi ở dòng ${line} của audit-anchor.txt) không còn trong cơ sở dữ liệu — có dòng đã bị xóa.`,
  anchorHashDiffers: (agreedTo: number, seq: number, line: number) =>
    `Nhật ký khớp với mốc đến dòng #${agreedTo}; sau đó không còn khớp: dòng #${seq} có mã băm khác với mốc ghi ở dòng ${line} của audit-anchor.txt — nhật ký đã bị sửa hoặc tính lại.`,
  stateOk: 'Điểm, trạng thái và giải trình của các tiêu chí khớp với nhật ký.',
  itemChangedOutside: (code: string, year: number, field: string, now: string, audited: string) =>
    `Tiêu chí ${code} năm ${year}: ${field} đang là ${now} nhưng nhật ký ghi ${audited} — đã bị sửa ngoài ứng dụng, không có dòng nhật ký.`,
  itemField: {
    points: 'điểm tự chấm',
    notApplicable: '"không phát sinh"',
    naReason: 'lý do không phát sinh',
    explanation: 'giải trình',
    status: 'trạng thái',
    reviewComment: 'ý kiến của lãnh đạo',
  },
} as const;
