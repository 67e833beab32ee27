// The words of the summary table, shared by the XLSX and the PDF so both say exactly the same
// thing. Every string leaves here in NFC: decomposed (NFD) text, e.g. pasted from macOS, would
// otherwise draw its tone marks beside the letters in the PDF and compare unequal in Excel.
import { formatDate } from '../../../shared/format';
import type { SummaryModel, SummaryRow } from './model';

export const nfc = (s: string): string => s.normalize('NFC');
const upper = (s: string): string => nfc(s).trim().toLocaleUpperCase('vi-VN');

export const COLUMNS = ['Mã', 'Tiêu chí, tiêu chí thành phần', 'Điểm tối đa', 'Điểm tự chấm', 'Tài liệu kiểm chứng', 'Ghi chú'] as const;
export const TOTAL_LABEL = 'TỔNG CỘNG';
export const NOT_APPLICABLE = 'Không phát sinh';

const KIND_WORD: Record<SummaryModel['office']['kind'], string> = { xa: 'xã', phuong: 'phường', thi_tran: 'thị trấn' };

/** "UBND HUYỆN PHÚ VANG"; "UBND THỊ XÃ HƯƠNG THỦY", not "UBND HUYỆN THỊ XÃ …", when the name says its kind. */
function unitLine(name: string, defaultKind: string): string {
  const n = upper(name);
  return /^(HUYỆN|THỊ XÃ|THÀNH PHỐ|QUẬN|TỈNH|XÃ|PHƯỜNG|THỊ TRẤN)\s/.test(n) ? `UBND ${n}` : `UBND ${defaultKind} ${n}`;
}

/**
 * "Phú Thượng, ngày 05 tháng 3 năm 2026". Nghị định 30/2020 (Phụ lục I): a day below 10 and the
 * months 1 and 2 get a leading zero — so no one can turn "tháng 1" into "tháng 11" by hand.
 */
export function dateLine(commune: string, ms: number): string {
  const [dd, mm, yyyy] = formatDate(ms).split('/') as [string, string, string];
  const month = Number(mm) <= 2 ? mm : String(Number(mm));
  return nfc(`${commune.trim()}, ngày ${dd} tháng ${month} năm ${yyyy}`);
}

export interface SummaryText {
  parentUnit: string; // UBND HUYỆN …
  unit: string; // UBND XÃ …
  nation: string;
  motto: string;
  dateLine: string;
  title: string;
  subtitle: string;
  docTitle: string; // metadata title, in sentence case for window title bars and file lists
  ratio: string | null; // "Tỷ lệ: 73,25%"
  band: string | null; // "Xếp loại: Khá"
  signer: { heading: string; hint: string; name: string | null };
  author: string; // PDF/XLSX metadata: the commune's People's Committee
}

export function summaryText(m: SummaryModel): SummaryText {
  const { office } = m;
  const kind = KIND_WORD[office.kind];
  const decision = m.criteriaSet.decision?.trim();
  return {
    // Since the 2025 reorganisation some communes report straight to the province: no district.
    parentUnit: office.district.trim() ? unitLine(office.district, 'HUYỆN') : unitLine(office.province, 'TỈNH'),
    unit: unitLine(office.commune, upper(kind)),
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    dateLine: dateLine(office.commune, m.generatedAt),
    title: `BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${m.year}`,
    docTitle: `Bảng tổng hợp kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${m.year}`,
    subtitle: nfc(`(Theo ${m.criteriaSet.name.trim()}${decision ? `, ${decision}` : ''})`),
    ratio: m.totals.percent === null ? null : `Tỷ lệ: ${pointsText(m.totals.percent)}%`,
    band: m.totals.band === null ? null : nfc(`Xếp loại: ${m.totals.band}`),
    signer: {
      // Without a named leader the block still leaves room for a hand signature on behalf of the UBND.
      heading: m.signer ? upper(m.signer.position) : 'TM. ỦY BAN NHÂN DÂN',
      hint: '(Ký, ghi rõ họ tên, đóng dấu)',
      name: m.signer ? nfc(m.signer.fullName.trim()) : null,
    },
    author: nfc(`UBND ${kind} ${office.commune.trim()}`),
  };
}

/** Two decimals at most, so 0.1 + 0.2 never shows as 0.30000000000000004 in a cell. */
export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** One table row as values; the PDF formats the numbers, the XLSX keeps them numeric. */
export interface RowCells {
  code: string;
  title: string;
  max: number | null;
  self: number | null;
  evidence: number | null; // parents show no count: their documents belong to the leaves
  note: string;
  level: number;
  bold: boolean;
}

export function rowCells(r: SummaryRow): RowCells {
  return {
    code: nfc(r.code.trim()),
    title: nfc(r.title),
    max: r.maxPoints === null ? null : round2(r.maxPoints),
    self: r.notApplicable || r.selfPoints === null ? null : round2(r.selfPoints),
    evidence: r.isLeaf ? r.evidenceCount : null,
    note: r.notApplicable ? NOT_APPLICABLE : '',
    level: Math.max(1, r.level),
    bold: r.level <= 1,
  };
}

export function totalCells(m: SummaryModel): RowCells {
  return { code: '', title: TOTAL_LABEL, max: round2(m.totals.applicableMax), self: round2(m.totals.points), evidence: null, note: '', level: 1, bold: true };
}

// formatPoints' format (shared/format.ts) with one formatter for the whole table: toLocaleString
// builds a new Intl.NumberFormat on every call, ≈0.15 ms each — a third of a 150-row export.
const POINTS = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 2, useGrouping: false });

/** 73,25 — decimal comma, at most two decimals; '' for no value. */
export const pointsText = (n: number | null): string => (n === null ? '' : POINTS.format(round2(n)));
