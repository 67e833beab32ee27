// "Kiểm tra trước khi gửi": the grouped list, its filters, the summary next to a blocked "Gửi báo
// cáo" / "Đóng gói và ký", and the rules of document 001 it applies (explanation, signed PDFs).

/** A sentence ending in exactly one full stop, whatever punctuation the user's text already ends with. */
const sentence = (s: string) => `${s.trim().replace(/[\s.。…]+$/u, '')}.`;
/** User text quoted inside a sentence: trailing stops dropped so "(…đã ký số.)." cannot happen. */
const inner = (s: string) => s.trim().replace(/[\s.。]+$/u, '');

export const viPrecheck = {
  // Rules (main/)
  explanationTooShort: (min: number) =>
    `Chưa thể hoàn thành: giải trình quá ngắn (cần ít nhất ${min} ký tự) — hãy chỉ rõ minh chứng nằm ở tài liệu nào, số, ký hiệu, trang hoặc mục nào.`,
  explanationOnlyTitle:
    'Chưa thể hoàn thành: giải trình chỉ nhắc lại tên tiêu chí — hãy chỉ rõ minh chứng nằm ở tài liệu kiểm chứng nào (số, ký hiệu văn bản, trang hoặc mục).',
  weakExplanation: 'Giải trình chưa chỉ rõ minh chứng (quá ngắn hoặc chỉ nhắc lại tên tiêu chí).',
  returned: (comment: string) => (comment.trim() ? `Đã trả lại, công chức chưa sửa xong (lý do: ${inner(comment)}).` : 'Đã trả lại, công chức chưa sửa xong.'),
  invalidName: (name: string, why: string) => `Tên tệp "${name}" chưa đúng quy ước: ${sentence(why)}`,
  unsignedMustSign: (name: string) =>
    `Tệp "${name}" là văn bản do UBND ban hành nhưng PDF chưa có chữ ký số: cần đính kèm bản PDF đã ký số (bản scan chỉ dùng khi chữ ký số bị lỗi).`,
  unsignedOther: (name: string) => `Tệp "${name}" là PDF chưa có chữ ký số; chỉ chấp nhận bản scan khi văn bản gốc bị lỗi chữ ký số.`,
  // The blocked actions (issues[].path 'signingKey' comes first when there is no key yet)
  blockedSend: (errors: number, criteria: number) => `Chưa gửi được báo cáo: còn ${errors} lỗi ở ${criteria} tiêu chí trong "Kiểm tra trước khi gửi".`,
  blockedBuild: (errors: number, criteria: number) => `Chưa đóng gói được: còn ${errors} lỗi ở ${criteria} tiêu chí trong "Kiểm tra trước khi gửi".`,
  // The screen
  ui: {
    explanationHint: 'Chỉ rõ minh chứng nằm ở tài liệu kiểm chứng nào: số, ký hiệu văn bản, trang hoặc mục (ít nhất 30 ký tự).',
    intro: 'Những điểm Hội đồng thẩm định sẽ trừ hoặc trả lại, theo lĩnh vực và tiêu chí; lỗi đứng trước. Bấm vào một dòng để mở tiêu chí và sửa.',
    ok: 'Không còn vấn đề nào. Có thể gửi báo cáo.',
    listLabel: 'Kiểm tra trước khi gửi',
    totals: (errors: number, criteria: number, warnings: number) => `${errors} lỗi phải sửa ở ${criteria} tiêu chí · ${warnings} cảnh báo (không chặn gửi)`,
    filters: 'Lọc danh sách',
    errorsOnly: 'Chỉ hiện lỗi',
    mine: 'Chỉ tiêu chí được phân công cho tôi',
    nothingMatches: 'Không có dòng nào khớp bộ lọc.',
    error: 'Lỗi',
    warning: 'Cảnh báo',
    counts: (errors: number, warnings: number) => [errors ? `${errors} lỗi` : '', warnings ? `${warnings} cảnh báo` : ''].filter(Boolean).join(', '),
    noArea: 'Khác',
    unassigned: 'chưa phân công',
    // Next to a blocked button
    blocked: (errors: number, criteria: number) => `Còn ${errors} lỗi ở ${criteria} tiêu chí`,
    seeList: 'xem danh sách',
    noKeyFirst: 'Chưa có khóa ký của đơn vị: tạo khóa hoặc nhập chứng thư số ở mục "Chữ ký số của đơn vị" trước.',
    createKey: 'tạo khóa ký',
    summaryLabel: 'Lý do chưa thực hiện được',
  },
} as const;
