// Kết quả thẩm định (the appraisal council's results), the comparison with the self-scores, and
// the improvement plan (Kế hoạch nâng cao Chỉ số CCHC) drafted from them.
import { formatPoints } from '../../format';

const pts = formatPoints;
const list = (codes: string[]) =>
  codes.length <= 6 ? codes.join(', ') : `${codes.slice(0, 3).join(', ')}, …, ${codes[codes.length - 1]} (${codes.length} tiêu chí)`;

export const viAppraisal = {
  // Reading and checking the council's file (main/services/appraisal, main/domain/appraisal-check.ts)
  file: {
    notFound: (f: string) => `Không tìm thấy tệp "${f}".`,
    empty: (f: string) => `Tệp "${f}" rỗng.`,
    notXlsx: (f: string) => `Tệp "${f}" không phải bảng tính Excel (.xlsx). Hãy dùng mẫu do ứng dụng xuất (Kết quả thẩm định → Tải mẫu cho Hội đồng).`,
    oldXls: (f: string) => `Tệp "${f}" là Excel 97–2003 (.xls). Hãy mở bằng Excel và lưu lại dạng .xlsx rồi nhập lại.`,
    tooBig: (f: string) => `Tệp "${f}" lớn quá 20 MB; bảng kết quả thẩm định chỉ vài chục kB — có lẽ chọn nhầm tệp.`,
    badXlsx: (f: string) => `Không đọc được tệp "${f}": tệp hỏng hoặc không phải bảng tính Excel.`,
    noHeader: (f: string) =>
      `Không tìm thấy dòng tiêu đề trong tệp "${f}": cần các cột "Mã" và "Điểm thẩm định" (và "Lý do trừ điểm"). Hãy dùng mẫu do ứng dụng xuất.`,
    tooManyRows: (f: string, max: number) => `Tệp "${f}" có hơn ${max} dòng; bảng kết quả thẩm định không dài như vậy — có lẽ chọn nhầm tệp.`,
    rejected: (f: string, n: number) => `Chưa nhập tệp "${f}": có ${n} lỗi, chưa lưu gì. Sửa từng dòng dưới đây rồi nhập lại.`,
    otherOffice: (stated: string, ours: string) => `Tệp này là kết quả của "${stated}", không phải của ${ours}.`,
    otherYear: (stated: number, year: number) => `Tệp này là kết quả thẩm định năm ${stated}, không phải năm ${year}.`,
    otherSet: (stated: string, ours: string) => `Tệp này theo bộ tiêu chí "${stated}", khác bộ tiêu chí của đợt đánh giá ("${ours}").`,
    setMismatch: (unknown: number, total: number) =>
      `${unknown}/${total} mã trong tệp không có trong bộ tiêu chí của đợt đánh giá: tệp theo một bộ tiêu chí khác. Hãy tải mẫu của đúng năm rồi nhập lại.`,
    emptyCode: 'Thiếu mã tiêu chí.',
    badCode: (raw: string) => `Mã "${raw}" không hợp lệ (ví dụ đúng: 1, 1.3, 3.2.12, 1.3.a).`,
    unknownCode: (code: string) => `Mã ${code} không có trong bộ tiêu chí của đợt đánh giá.`,
    duplicate: (code: string, first: string) => `Mã ${code} bị trùng (đã có ở ${first}).`,
    notNumber: (code: string, raw: string) => `Điểm thẩm định của ${code} là "${raw}", không phải là số. Ghi số (ví dụ 0,75) hoặc "không chấm".`,
    negative: (code: string) => `Điểm thẩm định của ${code} không được âm.`,
    offGrid: (code: string, p: number) => `Điểm thẩm định của ${code} là ${String(p).replace('.', ',')}, không phải bội số của 0,25.`,
    aboveMax: (code: string, p: number, max: number) => `Điểm thẩm định của ${code} là ${pts(p)}, cao hơn điểm tối đa ${pts(max)}.`,
    noMax: (code: string) => `Tiêu chí ${code} chưa có điểm tối đa trong bộ tiêu chí nên không chấm điểm được; để trống ô điểm.`,
    notScoredParent: (code: string) => `"Không chấm" chỉ ghi ở tiêu chí được chấm điểm (không có tiêu chí con); ${code} có tiêu chí con.`,
    missingPoints: (code: string) => `Thiếu điểm thẩm định của tiêu chí ${code}. Ghi số điểm, hoặc "không chấm" nếu tài liệu không được chấp nhận.`,
    missingRow: (codes: string[]) => `Tệp thiếu các tiêu chí được chấm điểm: ${list(codes)}.`,
    sumMismatch: (code: string, p: number, children: string[], sum: number) =>
      `Điểm thẩm định của ${code} là ${pts(p)} nhưng tổng các tiêu chí con (${list(children)}) là ${pts(sum)}.`,
    reasonTooLong: (code: string) => `Lý do trừ điểm của ${code} dài quá 2000 ký tự.`,
  },
  // Status words
  notScored: 'Không chấm',
  taskStatus: { todo: 'Chưa làm', doing: 'Đang làm', done: 'Xong' } as Record<'todo' | 'doing' | 'done', string>,
  // Services
  noAppraisal: (year: number) => `Chưa có kết quả thẩm định năm ${year}. Nhập tệp kết quả của Hội đồng thẩm định trước.`,
  noAssessmentYear: (year: number) => `Chưa có đợt tự đánh giá năm ${year} trong dữ liệu này.`,
  taskNotFound: 'Không tìm thấy nhiệm vụ này trong kế hoạch.',
  targetNotFound: 'Không tìm thấy chỉ tiêu này.',
  notYourTask: 'Đây không phải nhiệm vụ được giao cho bạn.',
  officerOnlyStatus: 'Công chức chỉ cập nhật được tình trạng và ghi chú của nhiệm vụ được giao; biện pháp, người thực hiện và thời hạn do lãnh đạo quyết định.',
  dueBeforeCreated: (created: string) => `Thời hạn không được trước ngày lập nhiệm vụ (${created}).`,
  badDate: 'Ngày không hợp lệ; nhập dạng dd/mm/yyyy, ví dụ 30/06/2025.',
  tooLong: (max: number) => `Tối đa ${max} ký tự.`,
  assigneeUnknown: 'Người thực hiện không có trong danh sách cán bộ, công chức của xã.',
  assigneeLeft: (name: string) => `${name} đã ngừng hoạt động (nghỉ việc hoặc chuyển công tác): hãy giao cho người khác.`,
  assigneeBoth: 'Chọn một người thực hiện hoặc ghi tên một bộ phận, không cả hai.',
  measureNeeded: 'Cần ghi biện pháp khắc phục trước khi đánh dấu "Đang làm" hoặc "Xong".',
  ownMeasureNeeded: 'Cần ghi nội dung nhiệm vụ (biện pháp), ví dụ "Tập huấn sử dụng chữ ký số cho cán bộ, công chức".',
  draftedTaskStays: (code: string) => `Nhiệm vụ của tiêu chí ${code} được lập từ kết quả thẩm định nên không xóa được; chỉ xóa được nhiệm vụ do lãnh đạo thêm.`,
  targetTextNeeded: 'Cần ghi nội dung chỉ tiêu, ví dụ "Tỷ lệ hồ sơ trực tuyến".',
  imported: (n: number, lost: number) => `Đã nhập kết quả thẩm định của ${n} tiêu chí; ${lost} tiêu chí bị trừ điểm đã được đưa vào kế hoạch khắc phục.`,
  // The screens (renderer/src/pages/appraisal)
  ui: {
    tabAppraisal: 'Kết quả thẩm định',
    tabPlan: 'Kế hoạch khắc phục',
    intro:
      'Sau khi Hội đồng thẩm định chấm điểm: tải mẫu Excel cho Hội đồng ghi "Điểm thẩm định" và "Lý do trừ điểm", rồi nhập lại tệp đã ghi. Điểm thẩm định được lưu bên cạnh điểm tự chấm, không ghi đè.',
    template: 'Tải mẫu cho Hội đồng thẩm định (Excel)',
    importFile: 'Nhập kết quả thẩm định…',
    notYet: 'Chưa có kết quả thẩm định của năm này.',
    importedFrom: (name: string, at: string, by: string | null) => `Đã nhập từ tệp "${name}" lúc ${at}${by ? ` (${by})` : ''}.`,
    fromReceiver: (at: string) => `Nhận từ máy chủ của tỉnh lúc ${at}.`,
    totals: (self: string, appraised: string, max: string, diff: string) => `Tự đánh giá ${self} · Thẩm định ${appraised} / ${max} điểm · Chênh lệch ${diff}`,
    chartAreas: 'Điểm theo lĩnh vực',
    chartAreasLabel: 'Biểu đồ cột: điểm tối đa, điểm tự đánh giá và điểm thẩm định của từng lĩnh vực',
    chartYears: 'Qua các năm',
    chartYearsLabel: 'Biểu đồ: tổng điểm thẩm định và điểm từng lĩnh vực qua các năm',
    max: 'Điểm tối đa',
    self: 'Tự đánh giá',
    appraised: 'Thẩm định',
    diff: 'Chênh lệch',
    reason: 'Lý do trừ điểm',
    total: 'Tổng',
    area: 'Lĩnh vực',
    onlyDiff: 'Chỉ hiện tiêu chí có chênh lệch hoặc bị trừ điểm',
    differences: (n: number) => `${n} tiêu chí Hội đồng chấm khác điểm tự chấm`,
    // Plan
    planIntro: (next: number) =>
      `Kế hoạch nâng cao Chỉ số CCHC năm ${next}: mỗi tiêu chí bị trừ điểm là một nhiệm vụ. Lãnh đạo ghi biện pháp, giao người (hoặc bộ phận) thực hiện và thời hạn; người được giao cập nhật tình trạng.`,
    planNotYet: 'Kế hoạch được lập tự động khi nhập kết quả thẩm định.',
    criterion: 'Tiêu chí',
    lost: 'Bị trừ',
    lostPoints: (p: string) => `Bị trừ ${p} điểm`,
    measure: 'Biện pháp khắc phục',
    assignee: 'Người thực hiện',
    unit: 'Bộ phận (ghi tên)',
    unitOption: 'Một bộ phận…',
    unitPlaceholder: 'Văn phòng HĐND và UBND xã',
    nobody: '— chưa giao —',
    due: 'Thời hạn',
    dueHint: 'dd/mm/yyyy',
    status: 'Tình trạng',
    note: 'Ghi chú',
    save: 'Lưu',
    saved: 'Đã lưu.',
    left: 'đã ngừng hoạt động — cần giao người khác',
    overdue: 'Quá hạn',
    exportPdf: 'Xuất kế hoạch (PDF)',
    exportXlsx: 'Xuất kế hoạch (Excel)',
    ownTask: 'Nhiệm vụ bổ sung',
    ownTaskHint: 'Nhiệm vụ lãnh đạo thêm, không gắn với tiêu chí bị trừ điểm.',
    addTaskTitle: 'Thêm nhiệm vụ khác',
    addTaskIntro:
      'Việc cần làm không gắn với một tiêu chí bị trừ điểm (ví dụ tập huấn, mua sắm thiết bị): ghi nội dung, người hoặc bộ phận thực hiện, thời hạn.',
    ownMeasure: 'Nội dung nhiệm vụ',
    ownMeasurePlaceholder: 'Ví dụ: Mua máy quét tài liệu cho Bộ phận một cửa',
    addTask: 'Thêm nhiệm vụ',
    addTaskJump: 'Thêm nhiệm vụ khác…',
    added: 'Đã thêm nhiệm vụ.',
    removeTask: 'Xóa nhiệm vụ',
    removeTaskConfirm: (measure: string) => `Xóa nhiệm vụ "${measure}" khỏi kế hoạch? Việc xóa được ghi vào Nhật ký.`,
    targets: 'Chỉ tiêu phấn đấu (mục III)',
    targetText: 'Chỉ tiêu',
    targetPlaceholder: 'Tỷ lệ hồ sơ trực tuyến',
    targetValue: 'Mục tiêu',
    measured: 'Đã đạt',
    addTarget: 'Thêm chỉ tiêu',
    removeTarget: 'Xóa',
    editTarget: 'Sửa',
    cancel: 'Hủy',
    noTargets: 'Chưa có chỉ tiêu.',
    // Việc của tôi, home, item editor
    mineTitle: 'Nhiệm vụ khắc phục được giao',
    mineEmpty: 'Không có nhiệm vụ khắc phục nào được giao cho bạn.',
    year: (y: number) => `Kết quả năm ${y}`,
    overdueTitle: (n: number) => `${n} nhiệm vụ khắc phục đã quá hạn`,
    overdueLine: (code: string, who: string, due: string) => `${code} — ${who}, hạn ${due}`,
    lastYear: (y: number) => `Năm ${y}, Hội đồng thẩm định:`,
    lastYearPoints: (appraised: string, max: string, self: string | null) => `chấm ${appraised}/${max} điểm${self !== null ? ` (tự chấm ${self})` : ''}`,
    lastYearNotScored: 'không chấm (tài liệu kiểm chứng không được chấp nhận)',
    lastYearReason: 'Lý do',
    lastYearMeasure: 'Biện pháp đã đề ra',
  },
  // Pre-submission check, next year (precheck kind 'last_year_deduction')
  lastYearNotAddressed: (year: number, reason: string) =>
    `Năm ${year} Hội đồng thẩm định trừ điểm tiêu chí này (lý do: ${reason.trim().replace(/[\s.]+$/u, '')}) nhưng năm nay chưa có tài liệu kiểm chứng nào khắc phục.`,
  lastYearNoReason: 'không ghi lý do',
  // The command line (main/cli/appraisal.ts; the line in `kiemchung --help` is cliHelp)
  cli: {
    usage: `Dùng:
  kiemchung appraisal template --year Y --out TỆP.xlsx [--data-dir D]   Xuất mẫu để Hội đồng thẩm định ghi điểm
  kiemchung appraisal import TỆP.xlsx --year Y [--data-dir D]           Nhập kết quả thẩm định (cột Mã, Điểm thẩm định, Lý do trừ điểm)
  kiemchung plan export --year Y --format pdf|xlsx --out TỆP [--data-dir D]   Xuất Kế hoạch nâng cao Chỉ số CCHC`,
    help: `  appraisal template --year Y --out FILE.xlsx [--data-dir D]
                              Xuất mẫu Excel để Hội đồng thẩm định ghi điểm thẩm định và lý do trừ điểm.
  appraisal import FILE --year Y [--data-dir D]
                              Nhập kết quả thẩm định (cột Mã, Điểm thẩm định, Lý do trừ điểm); có lỗi thì
                              không lưu gì, in từng lỗi theo dòng, mã thoát 2. Lập sẵn kế hoạch khắc phục.
  plan export --year Y --format pdf|xlsx --out FILE [--data-dir D]
                              Xuất Kế hoạch nâng cao Chỉ số CCHC (từ kết quả thẩm định năm Y).`,
    needYear: 'Cần --year, ví dụ --year 2024.',
    needOutXlsx: 'Cần --out <tệp .xlsx>.',
    needFile: 'Cần tệp kết quả thẩm định.',
    needFormat: 'Cần --format pdf hoặc --format xlsx.',
    needOut: 'Cần --out <tệp>.',
    templateDone: (year: number, file: string) => `Đã xuất mẫu kết quả thẩm định năm ${year}: ${file}`,
    imported: (year: number, n: number, drafted: number) =>
      `Đã nhập kết quả thẩm định năm ${year}: ${n} tiêu chí; ${drafted} tiêu chí bị trừ điểm đưa vào kế hoạch khắc phục.`,
    error: (message: string) => `Lỗi: ${message}`,
    planDone: (next: number, file: string) => `Đã xuất Kế hoạch nâng cao Chỉ số CCHC năm ${next}: ${file}`,
  },
  // Where a problem of the council's file is (the `source`/`path` of each issue)
  where: {
    row: (n: number) => `dòng ${n}`,
    wholeFile: 'cả tệp',
    missingCriteria: 'tiêu chí còn thiếu',
    office: 'Đơn vị',
    year: 'Năm',
    set: 'Bộ tiêu chí',
  },
  /** The audit row's value for a criterion the council did not score. */
  auditNotScored: 'không chấm',
  // The documents: the council's form (template.ts) and the plan's PDF and XLSX (plan-text.ts, plan-xlsx.ts)
  docs: {
    creator: 'Kiểm Chứng',
    kind: { xa: 'xã', phuong: 'phường', thi_tran: 'thị trấn' } as Record<'xa' | 'phuong' | 'thi_tran', string>,
    unit: (kind: string, commune: string) => `UBND ${kind} ${commune}`,
    unassigned: 'Chưa giao người thực hiện',
    /** The position whose holder signs the plan (matched against users.position). */
    chairPosition: 'Chủ tịch',
    templateSheet: 'Kết quả thẩm định',
    /** The form's columns; the import finds its header row by "Mã" and "Điểm thẩm định". */
    templateHeader: ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự chấm', 'Điểm thẩm định', 'Lý do trừ điểm'] as const,
    templateTitle: (year: number) => `KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year}`,
    district: (d: string) => `huyện ${d}`,
    province: (p: string) => `tỉnh ${p}`,
    templateUnit: (unit: string, where: string) => `Đơn vị: ${unit}${where ? `, ${where}` : ''}`,
    templateYear: (year: number) => `Năm: ${year}`,
    templateSet: (name: string) => `Bộ tiêu chí: ${name}`,
    templateHint:
      'Hướng dẫn: ghi "Điểm thẩm định" của từng tiêu chí được chấm (bậc 0,25; không quá điểm tối đa), hoặc "không chấm" khi tài liệu kiểm chứng không được chấp nhận; ' +
      'dòng tiêu chí có tiêu chí con có thể để trống (ứng dụng tự cộng), nếu ghi thì phải bằng tổng các tiêu chí con. Ghi "Lý do trừ điểm" ở tiêu chí bị trừ.',
    notApplicable: 'Không phát sinh',
    planSheet: 'Kế hoạch',
    areaColumns: ['Lĩnh vực', 'Mã', 'Tiêu chí', 'Điểm tối đa', 'Tự đánh giá', 'Thẩm định', 'Lý do trừ điểm', 'Điểm bị trừ'],
    targetColumns: ['STT', '', 'Chỉ tiêu', 'Mục tiêu', 'Đã đạt', 'Thời hạn'],
    taskColumns: ['Người/bộ phận thực hiện', 'Mã', 'Tiêu chí', 'Điểm bị trừ', 'Thời hạn', 'Tình trạng', 'Biện pháp khắc phục', 'Ghi chú'],
    // The plan's words; points and dates arrive formatted (decimal comma, dd/mm/yyyy).
    title: 'KẾ HOẠCH',
    subtitle: (next: number) => `Nâng cao Chỉ số cải cách hành chính năm ${next}`,
    docTitle: (next: number) => `Kế hoạch nâng cao Chỉ số cải cách hành chính năm ${next}`,
    intro: (year: number, unit: string, appraised: string, max: string, self: string) =>
      `Theo kết quả thẩm định Chỉ số cải cách hành chính năm ${year} của Hội đồng thẩm định, ${unit} đạt ${appraised}/${max} điểm ` +
      `(tự đánh giá ${self} điểm). Nhằm nâng cao điểm số Chỉ số CCHC năm ${year + 1}, ${unit} xây dựng Kế hoạch với những nội dung cụ thể như sau:`,
    section1: (year: number) => `I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year}`,
    overall: (appraised: string, max: string, pct: string | null, self: string, diff: string) =>
      `1. Kết quả chung: Hội đồng thẩm định chấm ${appraised}/${max} điểm${pct ? ` (${pct})` : ''}, ` +
      `tự đánh giá ${self} điểm; chênh lệch ${diff} điểm. Điểm số cụ thể các lĩnh vực:`,
    /** The year-over-year chart's caption, in words too (the chart may be printed in black and white). */
    years: (list: { year: number; appraised: string; max: string }[]) =>
      `Điểm thẩm định qua các năm: ${list.map((y) => `năm ${y.year} đạt ${y.appraised}/${y.max} điểm`).join('; ')}.`,
    /** The chart library drew nothing (a fault of the app, not of the data): the plan is not written without its chart. */
    chartFailed: 'Không vẽ được biểu đồ điểm cho kế hoạch. Hãy xuất lại; nếu vẫn lỗi, báo cho người quản trị phần mềm.',
    areaLine: (code: string, title: string, appraised: string, max: string, self: string) =>
      `Lĩnh vực ${code}. ${title}: đạt ${appraised}/${max} điểm (tự đánh giá ${self} điểm).`,
    noDeduction: 'Không bị trừ điểm.',
    /** lost: formatted points, or null for a criterion not scored. */
    deduction: (code: string, title: string, lost: string | null, reason: string | null) =>
      `- ${code} ${title}: ${lost === null ? 'không chấm' : `trừ ${lost} điểm`}${reason ? `. Lý do: ${reason}` : ''}.`,
    section2: 'II. NHIỆM VỤ, GIẢI PHÁP',
    targetsHeading: '1. Chỉ tiêu phấn đấu',
    noTargets: 'Chưa nhập chỉ tiêu.',
    target: (text: string, value: string | null, due: string | null, measured: string | null) =>
      `- ${text}${value ? `: ${value}` : ''}${due ? `; thời hạn ${due}` : ''}${measured ? `; đã đạt ${measured}` : ''}.`,
    tasksHeading: '2. Nhiệm vụ cụ thể',
    noTasks: 'Không có tiêu chí bị trừ điểm.',
    /** criterion: null for a task without one; lost: formatted points, or null when not scored. */
    task: (
      criterion: { code: string; title: string; lost: string | null } | null,
      measure: string | null,
      due: string | null,
      status: string,
      note: string | null,
    ) =>
      `- ${criterion ? `${criterion.code} ${criterion.title} (${criterion.lost !== null ? `bị trừ ${criterion.lost} điểm` : 'không chấm'}): ` : ''}` +
      `${measure ?? 'chưa có biện pháp'}${due ? `. Thời hạn: ${due}` : ''}. Tình trạng: ${status}${note ? ` (${note})` : ''}.`,
    section3: 'III. TỔ CHỨC THỰC HIỆN',
    organisation: (unit: string, next: number) => [
      `1. Chủ tịch ${unit}: kiểm tra, đôn đốc việc thực hiện nhiệm vụ của cán bộ, công chức; tổ chức họp đánh giá, đưa ra giải pháp đẩy nhanh tiến độ thực hiện các nhiệm vụ trong Kế hoạch.`,
      '2. Cán bộ, công chức và các bộ phận được giao nhiệm vụ: căn cứ Kế hoạch này tham mưu ban hành văn bản đúng thời hạn, cập nhật tình trạng thực hiện và tài liệu kiểm chứng để phục vụ tự đánh giá, chấm điểm Chỉ số CCHC năm ' +
        `${next}.`,
    ],
  },
};
