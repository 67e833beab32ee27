// The kinds of signed package in words, wherever a package is listed or opened: Gói hồ sơ, the
// outbox, the package viewer, `package verify`, the province's operator page — and the texts the
// package builders and the receiver's verdict write (main/services/submission/build*.ts,
// main/receiver/verdict.ts), issues 13 and 15.
import type { PackageKind } from '../../package-schema';
import { labelOf } from '../label';

const labels = {
  assessment: 'Tự đánh giá CCHC',
  exam: 'Kết quả thi',
  inspection: 'Báo cáo phục vụ Đoàn kiểm tra',
  training: 'Kết quả kiểm tra cuối khóa',
} as const satisfies Record<PackageKind, string>;

export const viPackageKinds = {
  labels,
  /** The column or fact naming the kind (Gói hồ sơ viewer, the receiver's operator page). */
  title: 'Loại hồ sơ',
  /** A kind read from a package or the receiver's database: an unknown word is shown as it is, never dropped. */
  label: (kind: string | null | undefined): string => (kind ? labelOf(labels, kind) : '—'),
  /** What the audit log's "Đóng gói hồ sơ" and outbox rows carry (renderer/src/components/AuditChange.tsx). */
  auditFields: {
    file: 'Tệp gói',
    files: 'Số tệp trong gói',
    plan: 'Kế hoạch kiểm tra',
    course: 'Lớp bồi dưỡng',
    attempts: 'Số bài làm',
    roundId: 'Mã đợt thi',
  } as Record<string, string>,
  /** `package verify`'s line for what the package holds. */
  kindLine: (label: string) => `Loại gói: ${label}`,
  /** The signature's reason in the signed Bảng tổng hợp (main/services/submission/build.ts). */
  summarySignReason: (year: number) => `Bảng tổng hợp kết quả tự đánh giá Chỉ số CCHC năm ${year}`,
  /** The root of package.json when a schema problem has no path (main/receiver/verdict.ts). */
  jsonRoot: '(gốc)',
  /** Titles of kept packages (Gói đã mở). */
  inspectionTitle: (office: string, year: number, plan: string) => `${office} — báo cáo phục vụ Đoàn kiểm tra năm ${year} (KH ${plan})`,
  trainingTitle: (office: string, course: string) => `${office} — kết quả kiểm tra cuối khóa "${course}"`,
  /** The inspection page and the course page: where the signed package goes next. */
  ui: {
    build: 'Đóng gói và ký',
    note: 'Gói hồ sơ ký số, cùng định dạng với gói hồ sơ tự đánh giá. Gói đã ký được ghi vào "Gói hồ sơ": tải về, ghi ra thẻ nhớ, hoặc gửi lên máy nhận của tỉnh qua hộp thư đi.',
    sendHint: 'Gói đã ký nằm trong "Gói hồ sơ" (tải về, ghi ra thẻ nhớ); "Gửi lên tỉnh" đưa gói vào hộp thư đi để gửi lên máy nhận của tỉnh.',
    usbOnly: 'Máy này chưa kết nối với máy nhận của tỉnh: gói đã ký phải chép ra thẻ nhớ (Gói hồ sơ → Ghi ra thẻ nhớ) để nộp.',
    built: (file: string) => `Đã đóng gói và ký: ${file}`,
    signAndSend: 'Ký và gửi lên tỉnh',
    queued: (file: string) => `Đã đóng gói, ký và đưa vào hộp thư đi: ${file}`,
    listTitle: 'Các gói đã ký',
    toPackages: 'Mở trang "Gói hồ sơ" để tải về hoặc ghi ra thẻ nhớ',
  },
} as const;
