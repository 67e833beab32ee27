// Dates and times as the documents write them: dd/mm/yyyy and 24-hour HH:mm, in Vietnam time.

export const viDateTime = {
  /** Index 0 is Sunday, as Date.getUTCDay() counts. */
  weekdays: ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'],
  datePlaceholder: 'dd/mm/yyyy',
  dateTimePlaceholder: 'dd/mm/yyyy HH:mm',
  dateHint: 'Ngày/tháng/năm, ví dụ 14/09/2023.',
  dateTimeHint: 'Ngày/tháng/năm giờ:phút (24 giờ), ví dụ 14/09/2023 08:00.',
  understood: (text: string) => `Đã hiểu: ${text}`,
  notUnderstoodDate: 'Chưa hiểu ngày này — nhập theo dạng dd/mm/yyyy, ví dụ 14/09/2023.',
  notUnderstoodDateTime: 'Chưa hiểu ngày giờ này — nhập theo dạng dd/mm/yyyy HH:mm (24 giờ), ví dụ 14/09/2023 08:00.',
  invalidDate: 'Ngày chưa hợp lệ — nhập theo dạng dd/mm/yyyy.',
  pageTitle: (page: string, app: string) => `${page} — ${app}`,
  // The console's step dots, read out by screen readers ("Bước 2: đang làm, bước đang xem").
  stepsLabel: 'Các bước thi',
  stepDot: (n: number, phase: 'pending' | 'running' | 'ended', failed: boolean, current: boolean) =>
    `Bước ${n}: ${{ pending: 'chưa bắt đầu', running: 'đang làm', ended: 'đã kết thúc' }[phase]}${failed ? ', không đạt' : ''}${current ? ', bước đang xem' : ''}`,
} as const;
