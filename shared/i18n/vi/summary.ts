// The words of the office's documents (main/services/summary/content.ts): the national heading
// every document carries, and the summary table of the self-assessment, shared by its XLSX and PDF.
// They are printed into signed documents: change them only together with the province's template.
// The notes under the table are in viDaily.summary.
import type { OfficeKind } from '../../office';

export const viSummary = {
  heading: {
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    /** How a unit's kind is written after "UBND" (uppercased in the heading). */
    kindWords: { xa: 'xã', phuong: 'phường', thi_tran: 'thị trấn' } satisfies Record<OfficeKind, string>,
    district: 'HUYỆN',
    province: 'TỈNH',
    /** Names that already say their kind ("THỊ XÃ HƯƠNG THỦY"): no kind word is added before them. */
    namedKinds: ['HUYỆN', 'THỊ XÃ', 'THÀNH PHỐ', 'QUẬN', 'TỈNH', 'XÃ', 'PHƯỜNG', 'THỊ TRẤN'],
    /** "Phú Thượng, ngày 05 tháng 3 năm 2026" (the day and month arrive padded as Nghị định 30/2020 wants). */
    dateLine: (place: string, day: string, month: string, year: string) => `${place}, ngày ${day} tháng ${month} năm ${year}`,
  },
  table: {
    columns: ['Mã', 'Tiêu chí, tiêu chí thành phần', 'Điểm tối đa', 'Điểm tự chấm', 'Tài liệu kiểm chứng', 'Ghi chú'],
    notApplicable: 'Không phát sinh',
    title: (year: number) => `BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year}`,
    /** The file's metadata title, in sentence case for window title bars and file lists. */
    docTitle: (year: number) => `Bảng tổng hợp kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${year}`,
    subtitle: (setName: string, decision: string | undefined) => `(Theo ${setName}${decision ? `, ${decision}` : ''})`,
    ratio: (percent: string) => `Tỷ lệ: ${percent}%`,
    band: (band: string) => `Xếp loại: ${band}`,
    /** Without a named leader the block still leaves room for a hand signature on behalf of the UBND. */
    committee: 'TM. ỦY BAN NHÂN DÂN',
    signHint: '(Ký, ghi rõ họ tên, đóng dấu)',
    sheet: 'Tổng hợp',
  },
} as const;
