// The five roster forms of the exam plan (doc 000, section III.3): their titles and columns, shared
// by the reader (to know what a form needs) and both writers (so XLSX and PDF show the same table).
//
// The plan reproduces the columns of Mẫu 02 only. The other forms use Mẫu 02's columns plus what
// each form exists for:
//   01 (Chủ tịch, Phó Chủ tịch): exactly Mẫu 02's columns (exam-plan.json: "presumably the same").
//   03 (not taking part): + "Lý do không tham gia" before Ghi chú — the plan says "nêu rõ lý do".
//   04 (district focal points): district officers, so "Chức vụ" instead of "Chức danh" and
//       "Cơ quan" (their phòng) instead of the commune, + "Lĩnh vực phụ trách" (CNTT/tư pháp/nội vụ).
//   05 (every commune officer): + "Ngày bổ nhiệm vào chức danh hiện tại" (for the 6-month rule)
//       and "Tham gia kiểm tra" (Có/Không), so it can be checked against Mẫu 01–03.
import { foldWords } from '../../domain/roster';

export const FORM_CODES = ['01', '02', '03', '04', '05'] as const;
export type FormCode = (typeof FORM_CODES)[number];

export type ColumnKey =
  'stt' | 'fullName' | 'birth' | 'position' | 'commune' | 'phone' | 'note' | 'reason' | 'agency' | 'focalArea' | 'appointedAt' | 'takesPart';

export interface FormColumn {
  key: ColumnKey;
  label: string;
  /** Width in Excel character units; the PDF scales the same proportions to the page. */
  width: number;
  /** Two sub-columns under a merged heading: only "Năm sinh" over "Nam" | "Nữ". */
  sub?: readonly [string, string];
}

export interface FormSpec {
  code: FormCode;
  /** "Mẫu số 02", written at the top right; the reader finds the form by it. */
  label: string;
  /** The annex title under "DANH SÁCH" (doc 000, typos corrected: "công chúc" → "công chức"). */
  title: string;
  columns: readonly FormColumn[];
}

const STT: FormColumn = { key: 'stt', label: 'STT', width: 6 };
const NAME: FormColumn = { key: 'fullName', label: 'Họ và tên', width: 26 };
const BIRTH: FormColumn = { key: 'birth', label: 'Năm sinh', width: 12, sub: ['Nam', 'Nữ'] };
const POSITION: FormColumn = { key: 'position', label: 'Chức danh', width: 30 };
const COMMUNE: FormColumn = { key: 'commune', label: 'Xã, phường, thị trấn', width: 22 };
const PHONE: FormColumn = { key: 'phone', label: 'Số điện thoại', width: 14 };
const NOTE: FormColumn = { key: 'note', label: 'Ghi chú', width: 24 };

export const FORM_SPECS: Record<FormCode, FormSpec> = {
  '01': {
    code: '01',
    label: 'Mẫu số 01',
    title: 'Chủ tịch, các Phó Chủ tịch UBND cấp xã tham gia kiểm tra, đánh giá',
    columns: [STT, NAME, BIRTH, POSITION, COMMUNE, PHONE, NOTE],
  },
  '02': {
    code: '02',
    label: 'Mẫu số 02',
    title: 'Công chức UBND cấp xã tham gia kiểm tra, đánh giá',
    columns: [STT, NAME, BIRTH, POSITION, COMMUNE, PHONE, NOTE],
  },
  '03': {
    code: '03',
    label: 'Mẫu số 03',
    title: 'Cán bộ, công chức UBND cấp xã không tham gia kiểm tra, đánh giá',
    columns: [STT, NAME, BIRTH, POSITION, COMMUNE, PHONE, { key: 'reason', label: 'Lý do không tham gia', width: 30 }, { ...NOTE, width: 18 }],
  },
  '04': {
    code: '04',
    label: 'Mẫu số 04',
    title: 'Cử công chức làm đầu mối tại UBND cấp huyện',
    columns: [
      STT,
      NAME,
      BIRTH,
      { key: 'position', label: 'Chức vụ', width: 20 },
      { key: 'agency', label: 'Cơ quan', width: 28 },
      { key: 'focalArea', label: 'Lĩnh vực phụ trách', width: 20 },
      PHONE,
      { ...NOTE, width: 18 },
    ],
  },
  '05': {
    code: '05',
    label: 'Mẫu số 05',
    title: 'Tất cả cán bộ, công chức làm việc tại UBND cấp xã',
    columns: [
      STT,
      NAME,
      BIRTH,
      POSITION,
      COMMUNE,
      PHONE,
      { key: 'appointedAt', label: 'Ngày bổ nhiệm vào chức danh hiện tại', width: 16 },
      { key: 'takesPart', label: 'Tham gia kiểm tra (Có/Không)', width: 12 },
      { ...NOTE, width: 16 },
    ],
  },
};

/** Columns a sheet of the form must have to be read at all (birth is checked separately). */
export const REQUIRED_COLUMNS: Record<FormCode, readonly ColumnKey[]> = {
  '01': ['fullName', 'position', 'commune'],
  '02': ['fullName', 'position', 'commune'],
  '03': ['fullName', 'position', 'commune'],
  '04': ['fullName', 'focalArea'],
  '05': ['fullName', 'position', 'commune'],
};

/** Labels used in "missing column" messages. */
export const COLUMN_LABELS: Record<ColumnKey, string> = {
  stt: 'STT',
  fullName: 'Họ và tên',
  birth: 'Năm sinh',
  position: 'Chức danh',
  commune: 'Xã, phường, thị trấn',
  phone: 'Số điện thoại',
  note: 'Ghi chú',
  reason: 'Lý do',
  agency: 'Cơ quan',
  focalArea: 'Lĩnh vực phụ trách',
  appointedAt: 'Ngày bổ nhiệm vào chức danh hiện tại',
  takesPart: 'Tham gia kiểm tra',
};

/** "Mẫu 02" as messages name a form. */
export const formName = (f: FormCode): string => `Mẫu ${f}`;

// ---------------------------------------------------------------------------------------------
// Recognising a header cell. Tests run on foldWords() text ("xa phuong thi tran"); order matters
// where prefixes overlap ("ngay bo nhiem" before "ngay sinh"-like birth headings).

export type HeaderKey = ColumnKey | 'birthMale' | 'birthFemale' | 'gender' | 'district';

const HEADER_TESTS: [HeaderKey, RegExp][] = [
  ['stt', /^(stt|so tt|tt|so thu tu)$/],
  ['fullName', /^(ho (va )?ten|ho va chu lot ten|ten can bo|ten cong chuc)\b/],
  ['appointedAt', /^(ngay|thoi gian|thoi diem|ngay thang nam) (bo nhiem|giu|nhan|chuyen|bat dau giu)\b/],
  ['birth', /^(nam sinh|ngay sinh|ngay thang nam sinh|sinh ngay|ngay thang sinh)\b/],
  ['gender', /^gioi tinh\b/],
  ['position', /^(chuc danh|chuc vu|vi tri)\b/],
  ['district', /^(huyen|quan|thi xa|thanh pho|don vi cap huyen)\b/],
  ['commune', /^(xa|phuong|thi tran|ten xa|don vi|noi cong tac|xa phuong)\b/],
  ['phone', /^((so )?(dien thoai|dt|dtdd)|sdt)\b/],
  ['note', /^ghi chu\b/],
  ['reason', /^ly do\b/],
  ['agency', /^co quan\b/],
  ['focalArea', /^(linh vuc|phu trach|nhiem vu)\b/],
  ['takesPart', /^(co )?tham gia\b/],
];

/**
 * Which column a header cell names, or null. "Nam" and "Năm" fold alike, so the sex sub-columns
 * are told apart on the lowercased text with its diacritics.
 */
export function headerKey(text: string): HeaderKey | null {
  const lower = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (lower === 'nam') return 'birthMale';
  if (lower === 'nữ' || lower === 'nu') return 'birthFemale';
  const f = foldWords(text);
  // "Năm sinh (Nam)" / "Năm sinh - Nữ" in a one-row header.
  if (/^(nam sinh|ngay sinh)\b/.test(f)) {
    if (/ nam$/.test(lower)) return 'birthMale';
    if (/ (nữ|nu)$/.test(lower)) return 'birthFemale';
  }
  for (const [key, re] of HEADER_TESTS) if (re.test(f)) return key;
  return null;
}

/** A "Giới tính" cell, lowercased: Nam or Nữ (also typed without its mark); null for anything else. */
export function genderFromText(lower: string): 'nam' | 'nu' | null {
  return lower === 'nam' ? 'nam' : lower === 'nữ' || lower === 'nu' ? 'nu' : null;
}

/**
 * The form a title or sheet name announces: "Mẫu 02", "MẪU SỐ 02", "Mẫu số 2", "M02".
 * Null when the text names none.
 */
export function formFromLabel(text: string): FormCode | null {
  const m = /\b(?:mau|m)\s*(?:so\s*)?0?([1-5])\b/.exec(foldWords(text));
  return m ? (`0${m[1]}` as FormCode) : null;
}

/** The form a "DANH SÁCH …" title describes, by the words of the annex titles. */
export function formFromTitle(text: string): FormCode | null {
  const f = foldWords(text);
  if (/\bkhong tham gia\b/.test(f)) return '03';
  if (/\bdau moi\b/.test(f)) return '04';
  if (/\btat ca\b/.test(f)) return '05';
  if (/\bchu tich\b/.test(f) && /\b(tham gia|danh sach)\b/.test(f)) return '01';
  if (/\btham gia\b/.test(f)) return '02';
  return null;
}

/** "UBND HUYỆN MỸ XUYÊN"; "UBND THỊ XÃ NGÃ NĂM", not "UBND HUYỆN THỊ XÃ …", when the name says its kind. */
export function districtLine(district: string, province: string): string {
  const up = (s: string) => s.normalize('NFC').trim().toLocaleUpperCase('vi-VN');
  const d = up(district);
  // Since the 2025 reorganisation some communes report straight to the province: no district.
  if (!d) return `UBND TỈNH ${up(province).replace(/^TỈNH\s+/, '')}`;
  return /^(HUYỆN|THỊ XÃ|THÀNH PHỐ|QUẬN)\s/.test(d) ? `UBND ${d}` : `UBND HUYỆN ${d}`;
}
