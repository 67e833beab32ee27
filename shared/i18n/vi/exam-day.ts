// Exam day (document 000): team forming by sub-role, the 6-month rule, late communes, the
// console at time-out, incidents, the read-only room board. Back end and screens share these.
export const viExamDay = {
  // Team forming
  chooseFor: (position: string) => `Có từ hai công chức ${position}, Ghi chú không nói ai làm bước này — chọn người thực hiện:`,
  chooseForLabel: (step: number, position: string, commune: string) => `Chọn công chức ${position} thực hiện bước ${step} — ${commune}`,
  choosePerson: 'Chọn người…',
  subRole: (label: string) => `(${label})`,
  formTeamsAllRunning: 'Các đội đang thi và mọi xã trong danh sách đã có đội: không còn xã nào để lập đội. Xã đến muộn: nhập danh sách của xã đó trước.',
  formTeamsNoRoster: 'Chưa có người nào trong Mẫu 01, 02: nhập danh sách trước khi lập đội.',
  formTeamsHint: {
    noRoster: 'Chưa lập được đội: chưa có người nào trong Mẫu 01, 02 (nhập danh sách ở thẻ Danh sách).',
    allRunning:
      'Các đội đang thi và mọi xã đã có đội. Xã đến muộn: nhập danh sách của xã đó ở thẻ Danh sách, rồi bấm lại nút này — các đội đã lập không bị ảnh hưởng.',
    partial: (n: number) => `Đang có ${n} đội thi: chỉ lập đội cho các xã chưa có đội (xã đến muộn); các đội đã lập giữ nguyên.`,
  },
  teamsFormedKept: (formed: number, kept: number) => `Đã lập ${formed} đội; giữ nguyên ${kept} đội đã lập.`,
  teamStartedPerformer: (commune: string) => `Đội ${commune} đã bắt đầu thi; không thay đổi người thực hiện được nữa.`,

  // Late commune import
  importWhileRunning: (communes: string) =>
    `Không nhập được: tệp có danh sách Mẫu 01–03 của xã đang thi (${communes}). Khi các đội đang thi chỉ nhập được danh sách của xã chưa thi (ví dụ xã đến muộn): tách xã đó ra một tệp riêng rồi nhập lại. Chưa có gì được ghi.`,
  importRunningCommune: 'Xã này đang thi: không nhập lại Mẫu 01–03 của xã này.',

  // 6-month rule
  moveTitle: 'Chuyển vị trí chưa quá 06 tháng',
  previousPosition: 'Vị trí trước khi chuyển',
  movedAt: 'Ngày nhận vị trí mới (dd/mm/yyyy)',
  badMovedAt: 'Ngày nhận vị trí mới không hợp lệ (dd/mm/yyyy).',
  saveMove: 'Lưu',
  recordMove: 'Ghi vị trí cũ…',
  noPrevious: '— chưa ghi —',
  notExamined: 'Không thuộc đối tượng kiểm tra',
  chooseBetween: (prev: string, now: string) => `Chọn vị trí dự thi: vị trí cũ (${prev}) hoặc vị trí mới (${now}).`,
  chooseOnlyBetween: (name: string, prev: string, now: string) =>
    `${name} chỉ được chọn giữa vị trí cũ (${prev}) và vị trí mới (${now}) theo quy định chuyển vị trí chưa quá 06 tháng.`,
  noPreviousPosition: (name: string) =>
    `${name} chưa có vị trí trước khi chuyển: ghi vị trí cũ và ngày nhận vị trí mới trước (chỉ công chức chuyển vị trí chưa quá 06 tháng mới được chọn).`,
  samePosition: 'Vị trí cũ trùng với vị trí hiện tại; không cần ghi.',
  moveSaved: (name: string) => `Đã ghi vị trí cũ của ${name}.`,
  teamRunningFor: (name: string) => `Đội của ${name} đã bắt đầu thi; không đổi vị trí dự thi được nữa.`,

  // Console
  timeUp: 'Hết giờ',
  timeUpEnter: (n: number) => `Hết giờ — còn ${n} người chưa có kết quả: nhập Đạt/Không đạt (không ghi thêm mã lịch hẹn).`,
  timeUpDone: 'Hết giờ — đã nhập đủ kết quả.',
  stoppedByIncident: 'Dừng do sự cố Internet',
  labels: {
    remaining: 'Còn lại',
    five: 'Còn 5 phút',
    under5: 'Còn dưới 5 phút',
    one: 'Còn 1 phút',
    under1: 'Còn dưới 1 phút',
    end: 'Hết giờ',
  },
  codesSaved: (n: number, at: string) => `Đã lưu ${n} mã lúc ${at}.`,
  codesHint: 'Dạng mã hồ sơ của Cổng DVC: G22.99-230920-0001',
  incidentConfirmTitle: 'Xác nhận ghi sự cố mất kết nối Internet',
  incidentConfirm: (step: number, commune: string, people: string) =>
    `Bước ${step} của đội ${commune} sẽ bị đánh giá KHÔNG ĐẠT cho: ${people}. Đồng hồ của bước này dừng lại. Không hoàn tác được.`,
  incidentNobody: '(chưa có người thực hiện)',
  incidentConfirmButton: 'Xác nhận: ghi sự cố, bước không đạt',
  incidentRecorded: (people: string) => `Đã ghi sự cố; không đạt: ${people}.`,
  overrideFailed: 'Bước này đã dừng do sự cố Internet; không điều chỉnh thời gian được.',
  overrideMinutesBad: 'Số phút không hợp lệ: ghi ví dụ 2,5 hoặc -1.',
  overrideLine: (minutes: string, reason: string) => `${minutes} phút: ${reason}`,
  nextStep: (n: number) => `Bước tiếp theo: bước ${n}`,
  pillMissing: 'hết giờ, còn thiếu kết quả',

  // Room board
  boardOpen: 'Mở bảng phòng thi (tab mới)',
  boardLinkHint: (until: string) => `Liên kết chỉ để xem, không cần đăng nhập, dùng được đến ${until}. Mở trên máy chiếu hoặc màn hình phòng thi.`,
  boardLinkCopy: 'Liên kết bảng phòng thi',
  boardInvalid: 'Liên kết bảng phòng thi không còn hiệu lực (chỉ dùng trong ngày kiểm tra). Giám khảo mở lại bảng từ màn hình Điều hành.',
  fullScreen: 'Toàn màn hình',
  exitFullScreen: 'Thoát toàn màn hình',
  backToConsole: 'Về màn hình điều hành',
  boardNoTeams: 'Chưa có đội thi.',
  missingOnBoard: (n: number) => `${n} người chưa có kết quả`,

  // Roster warnings
  importWarnings: 'Lưu ý khi nhập danh sách',
  nonExamPosition: (raw: string, label: string) =>
    `chức danh "${raw}" (${label}) không thuộc đối tượng kiểm tra, đánh giá của kế hoạch; người này được ghi nhận là không dự kiểm tra`,
  dcMismatch: (raw: string, commune: string, want: string) =>
    `chức danh "${raw}" không khớp loại đơn vị của ${commune}: công chức Địa chính ở đây là "${want}"`,
  /** Titles rosters meet that the plan does not examine (main/domain/exam-positions.ts NON_EXAM). */
  nonExamLabels: {
    hdnd: 'Chủ tịch, Phó Chủ tịch HĐND',
    police: 'Công an xã',
    military: 'Chỉ huy Quân sự',
    youth: 'Bí thư Đoàn Thanh niên',
    party: 'Bí thư, Phó Bí thư Đảng ủy',
    mass: 'Người đứng đầu tổ chức chính trị – xã hội',
  },
  /** The sub-roles of Ghi chú that decide who performs which step. */
  subRoles: {
    chung_thuc: 'phụ trách chứng thực',
    ho_tich: 'phụ trách hộ tịch',
    hdnd_ubnd: 'phụ trách HĐND, UBND, Văn phòng Đảng ủy',
    mot_cua: 'phụ trách một cửa',
  },
  // The results table as XLSX and PDF (main/services/exam/results-export.ts)
  results: {
    creator: 'Kiểm Chứng',
    passed: 'Đạt',
    failed: 'Không đạt',
    pending: 'Chưa xong',
    columns: ['STT', 'Họ và tên', 'Chức danh', 'Xã/phường/thị trấn', 'Mã lịch hẹn (bước 1)', 'Bước 1', 'Bước 2', 'Bước 3', 'Bước 4', 'Kết quả'],
    sheet: 'Kết quả',
    sheetTitle: (round: string) => `KẾT QUẢ KIỂM TRA, ĐÁNH GIÁ NĂNG LỰC — ${round}`,
    communeSheet: 'Theo xã',
    communeColumns: ['Xã/phường/thị trấn', 'Số người', 'Đạt', 'Không đạt', 'Chưa xong'],
    total: 'Tổng cộng',
    title: 'KẾT QUẢ KIỂM TRA, ĐÁNH GIÁ NĂNG LỰC LÀM VIỆC CỦA CÁN BỘ, CÔNG CHỨC UBND CẤP XÃ',
    /** date: dd/mm/yyyy */
    onDay: (date: string) => `ngày ${date}`,
    totals: (people: number, passed: number, failed: number, pending: number) =>
      `Tổng số: ${people} người — Đạt: ${passed}; Không đạt: ${failed}; Chưa xong: ${pending}.`,
    docTitle: (round: string) => `Kết quả kiểm tra — ${round}`,
    preparedBy: { heading: 'NGƯỜI LẬP BẢNG', hint: '(Ký, ghi rõ họ tên)' },
    committee: { heading: 'TM. ỦY BAN NHÂN DÂN', hint: '(Ký, ghi rõ họ tên, đóng dấu)' },
  },
  /** The four steps as document 000 names them (main/domain/exam-steps.ts). */
  stepNames: {
    1: 'Đặt lịch hẹn nộp hồ sơ trên Cổng DVC quốc gia',
    2: 'Xử lý hồ sơ, tạo bản sao, trình lãnh đạo',
    3: 'Ký số bản sao, chuyển phát hành',
    4: 'Đóng dấu, vào sổ và trả kết quả',
  } satisfies Record<1 | 2 | 3 | 4, string>,
  // The steps' refusals (main/domain/exam-steps.ts)
  steps: {
    order: (n: number) => `Chưa thể bắt đầu bước ${n}: bước ${n - 1} chưa kết thúc.`,
    alreadyStarted: (n: number) => `Bước ${n} đã bắt đầu rồi.`,
    notRunning: (n: number) => `Bước ${n} không đang diễn ra.`,
    tooManyCodes: (name: string, max: number) => `${name}: mỗi người đặt tối đa ${max} hồ sơ ở bước 1; mã thứ ${max + 1} không được nhận.`,
    badCode: (c: string) =>
      `Mã lịch hẹn "${c}" không đúng dạng mã hồ sơ của Cổng Dịch vụ công: <mã cơ quan>-<ngày đặt yymmdd>-<số thứ tự 4–6 chữ số>, ví dụ G22.99-230920-0001 hoặc 000.00.21.H56-230920-0001.`,
    codesAfterDeadline: (n: number) => `Bước ${n} đã hết giờ: không ghi thêm mã lịch hẹn; chỉ còn nhập kết quả.`,
    duplicateCode: (c: string, who: string) => `Mã lịch hẹn "${c}" đã được ghi cho ${who}.`,
    codesOnlyStep1: 'Chỉ bước 1 (đặt lịch hẹn) mới ghi mã lịch hẹn.',
  },
} as const;
