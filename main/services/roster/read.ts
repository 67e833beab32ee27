// Reads the roster forms (Mẫu 01–05) a district sends, checking every row. Streaming: a
// province-wide Mẫu 05 has 100 000 rows, so sheets are read row by row with exceljs's streaming
// reader (driven through zip.ts, which works around two exceljs bugs), never held as a Workbook.
// Writes nothing, not even a temporary file: the caller stores the rows, all or nothing, only
// when `errors` is empty (rows with errors are still returned, for a preview).
// Files that can't be read as a workbook at all throw ApiError('VALIDATION').
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { ApiError } from '../../../shared/errors';
import {
  COMBINING,
  EXAM_POSITIONS,
  FOCAL_AREAS,
  FOCAL_AREA_LABELS,
  communeKind,
  communeKey,
  excelSerialToIso,
  exclusionReason,
  foldCleanKey,
  joinPersonKey,
  matchFocalArea,
  matchPosition,
  maxBirthYear,
  normalizePhone,
  parseBirth,
  parseDay,
  parseYesNo,
  type CommuneKind,
  type ExamPositionId,
  type ExclusionCode,
  type FocalArea,
  type PositionMatch,
} from '../../domain/roster';
import { COLUMN_LABELS, REQUIRED_COLUMNS, formFromLabel, formFromTitle, formName, headerKey, type FormCode, type HeaderKey } from './forms';
import { sniffFile } from './sniff';
import { rowBatches, xlsxSheets } from './zip';

export type Gender = 'nam' | 'nu';

export interface RosterRow {
  stt: number | null; // as written when it is a number; the exports renumber 1…n
  fullName: string; // NFC, single spaces; '' when missing (the row then has an error)
  gender: Gender | null; // from the column (Nam / Nữ) the birth year is written in
  birthYear: number | null;
  birthDate: string | null; // 'YYYY-MM-DD' when a full date was written
  /**
   * An ExamPositionId (isExamPositionId narrows it); null in Mẫu 04 (district officers) and for a
   * non-exam title in Mẫu 05. Typed as string because rows restored from storage carry plain strings.
   */
  positionId: ExamPositionId | (string & {}) | null;
  /** Canonical title for exam positions, else as written. Never null from the reader; may be from storage. */
  positionTitle: string | null;
  positionRaw: string; // as written
  commune: string | null; // null only in Mẫu 04
  district?: string | null; // from a district column, else from the "UBND HUYỆN …" heading
  phone: string | null; // 0xxxxxxxxx
  note: string | null;
  reason?: string | null; // Mẫu 03: the reason as written
  exclusion?: { kind: ExclusionCode; text: string } | null; // Mẫu 03: the reason classified
  agency?: string | null; // Mẫu 04: Cơ quan
  focalArea?: FocalArea | null; // Mẫu 04: Lĩnh vực phụ trách
  appointedAt?: string | null; // Mẫu 05: 'YYYY-MM-DD'
  takesPart?: boolean | null; // Mẫu 05: Tham gia kiểm tra Có/Không
  sourceRow: number; // Excel row number
}

export interface RosterIssue {
  sheet: string;
  row: number | null;
  column?: string; // Excel column letter
  message: string; // Vietnamese, names the form/sheet and row
}

export interface RosterSheet {
  form: FormCode;
  sheet: string;
  rows: RosterRow[];
}

export interface RosterImport {
  forms: RosterSheet[];
  errors: RosterIssue[];
  warnings: RosterIssue[];
}

export interface ReadRosterOptions {
  /** Rows read so far (all sheets), every ROWS_PER_PROGRESS rows and once at the end. */
  onProgress?: (rows: number) => void;
  signal?: AbortSignal;
  maxBytes?: number;
  /** "Today", for birth-year limits and future appointment dates (tests freeze it). */
  now?: Date;
}

/** A province-wide Mẫu 05 of 100 000 rows is ≈ 5 MB; 100 MB is certainly not a roster. */
export const DEFAULT_MAX_ROSTER_BYTES = 100 * 1024 * 1024;
/** More rows than three provinces' officers: a wrong file, or a ZIP bomb. */
export const MAX_ROSTER_ROWS = 500_000;
/** How far down the header row may sit (below title rows). */
export const HEADER_SCAN_ROWS = 20;
/** Beyond this the list is cut with a count: a systematic mistake would otherwise list 100 000 lines. */
export const MAX_LISTED_ISSUES = 2000;
const ROWS_PER_PROGRESS = 1000;
/** Bound on each per-import cache: distinct communes and titles number in the thousands at most. */
const CACHE_LIMIT = 50_000;

const formatMb = (bytes: number) => `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toString().replace('.', ',')} MB`;
const EXAM_TITLES = [...new Set(EXAM_POSITIONS.map((p) => p.title))].join(', ');

// Vietnamese messages in one place. Row phrases follow "Mẫu 02, dòng 14: ".
export const messages = {
  notFound: (f: string) => `Không mở được tệp "${f}": tệp không tồn tại hoặc không có quyền đọc.`,
  notAFile: (f: string) => `"${f}" không phải là một tệp.`,
  empty: (f: string) => `Tệp "${f}" rỗng (0 byte).`,
  tooBig: (f: string, size: number, max: number) =>
    `Tệp "${f}" quá lớn (${formatMb(size)}); tệp danh sách tối đa ${formatMb(max)}. Hãy kiểm tra đã chọn đúng tệp.`,
  oldXls: (f: string) => `Tệp "${f}" là bảng tính Excel cũ (.xls). Hãy mở bằng Excel, chọn Lưu thành (Save As) dạng .xlsx rồi nhập lại.`,
  docx: (f: string) => `Tệp "${f}" là văn bản Word, không phải bảng tính. Hãy nhập danh sách theo Mẫu 01–05 dạng Excel (.xlsx).`,
  ods: (f: string) => `Tệp "${f}" là bảng tính OpenDocument (.ods). Hãy mở bằng LibreOffice hoặc Excel và lưu lại dạng .xlsx.`,
  notXlsx: (f: string) =>
    `Tệp "${f}" không phải bảng tính Excel (.xlsx) — nội dung tệp không đúng định dạng, dù tên tệp có đuôi gì. Hãy chọn tệp danh sách theo Mẫu 01–05 dạng .xlsx.`,
  badXlsx: (f: string) => `Tệp "${f}" không đọc được như bảng tính Excel (.xlsx): tệp bị hỏng hoặc chưa lưu xong. Hãy mở bằng Excel và lưu lại dạng .xlsx.`,
  cancelled: 'Đã hủy đọc tệp danh sách.',
  tooManyRows: (f: string) =>
    `Tệp "${f}" có hơn ${MAX_ROSTER_ROWS.toLocaleString('vi-VN')} dòng; đây không phải danh sách cán bộ, công chức. Hãy kiểm tra đã chọn đúng tệp.`,
  noForms: (f: string) =>
    `Không tìm thấy danh sách nào trong tệp "${f}": cần một trang tính có dòng tiêu đề cột gồm "Họ và tên", "Năm sinh" (Nam, Nữ), "Chức danh", "Xã, phường, thị trấn" trong ${HEADER_SCAN_ROWS} dòng đầu.`,
  allEmpty: (f: string) => `Tệp "${f}" không có dữ liệu: các trang tính đều trống.`,

  emptySheet: (where: string) => `${where}: trang tính trống, chưa có dòng tiêu đề và dữ liệu.`,
  emptySheetIgnored: (sheet: string) => `Trang tính "${sheet}" trống; đã bỏ qua.`,
  unknownSheetIgnored: (sheet: string) => `Trang tính "${sheet}" không có dòng tiêu đề cột của Mẫu 01–05; đã bỏ qua.`,
  noHeader: (where: string) =>
    `${where}: không tìm thấy dòng tiêu đề cột trong ${HEADER_SCAN_ROWS} dòng đầu. Cần một dòng có các cột "STT", "Họ và tên", "Năm sinh", "Chức danh", "Xã, phường, thị trấn".`,
  partialHeader: (where: string, missing: string[]) =>
    `${where}: dòng tiêu đề thiếu cột ${missing.map((m) => `"${m}"`).join(', ')}; chưa đọc được trang tính này.`,
  noGenderColumns: (where: string) =>
    `${where}: cột "Năm sinh" không chia thành hai cột "Nam", "Nữ" và không có cột "Giới tính"; không xác định được giới tính.`,
  formGuessed: (where: string, form: FormCode) => `${where}: không ghi tên mẫu ("Mẫu số 0…") nên xác định là ${formName(form)} theo chức danh trong danh sách.`,
  noRows: (where: string) => `${where}: không có dòng dữ liệu nào.`,
  moreIssues: (n: number, kind: 'lỗi' | 'cảnh báo') =>
    `… và ${n.toLocaleString('vi-VN')} ${kind} khác (chỉ liệt kê ${MAX_LISTED_ISSUES.toLocaleString('vi-VN')} ${kind} đầu tiên).`,

  missingName: 'thiếu họ và tên',
  missingPosition: 'thiếu chức danh',
  unknownPosition: (raw: string) => `chức danh "${raw}" không thuộc đối tượng kiểm tra, đánh giá; ghi một trong các chức danh: ${EXAM_TITLES}`,
  officerIn01: (title: string) => `"${title}" là công chức, ghi ở Mẫu 02; Mẫu 01 chỉ gồm Chủ tịch, Phó Chủ tịch`,
  chairIn02: (title: string) => `${title} ghi ở Mẫu 01, không ghi ở Mẫu 02`,
  missingCommune: 'thiếu tên xã, phường, thị trấn',
  birthBoth: (m: string, f: string) => `năm sinh ghi ở cả cột Nam ("${m}") và cột Nữ ("${f}"); chỉ ghi vào một cột theo giới tính`,
  birthMissingSplit: 'thiếu năm sinh (ghi vào cột Nam hoặc cột Nữ theo giới tính)',
  missingReason: 'thiếu lý do không tham gia (đang tập sự, nghỉ thai sản hoặc lý do khác do UBND cấp huyện đề nghị)',
  missingFocalArea: 'thiếu lĩnh vực phụ trách (Công nghệ thông tin, Tư pháp hoặc Nội vụ)',
  unknownFocalArea: (raw: string) => `lĩnh vực phụ trách "${raw}" không rõ; ghi Công nghệ thông tin, Tư pháp hoặc Nội vụ`,
  focalNoPhone: 'chưa có số điện thoại của công chức đầu mối',
  missingTakesPart: 'chưa ghi "Có" hoặc "Không" ở cột Tham gia kiểm tra',
  badTakesPart: (raw: string) => `cột Tham gia kiểm tra ghi "${raw}"; chỉ ghi "Có" hoặc "Không"`,
  takesPartNonExam: (raw: string) => `chức danh "${raw}" không thuộc đối tượng kiểm tra, đánh giá nhưng cột Tham gia kiểm tra ghi "Có"`,
  badAppointedAt: (raw: string) => `ngày bổ nhiệm "${raw}" không phải ngày hợp lệ; ghi theo ngày/tháng/năm, ví dụ 15/03/2023`,
  futureAppointedAt: (d: string) => `ngày bổ nhiệm ${d} ở sau ngày hôm nay`,
  duplicateHere: (who: string, row: number) => `${who} trùng với dòng ${row}`,
  duplicateThere: (who: string, where: string) => `${who} đã có ở ${where}; mỗi người chỉ ghi ở một trong các Mẫu 01, 02, 03`,

  notIn05: (who: string) => `${who} không có trong Mẫu 05 (danh sách tất cả cán bộ, công chức)`,
  takesPartMissing: (who: string) => `${who} ghi "Có" tham gia kiểm tra nhưng không có trong Mẫu 01, 02`,
  excludedMissing: (who: string) => `${who} ghi "Không" tham gia kiểm tra nhưng không có trong Mẫu 03 (nêu rõ lý do)`,
  contradiction: (who: string, where: string, takesPart: boolean) => `${who} ghi "${takesPart ? 'Có' : 'Không'}" tham gia kiểm tra nhưng lại có ở ${where}`,
  twoChairs: (commune: string, rows: number[]) => `xã ${commune} có ${rows.length} Chủ tịch (các dòng ${rows.join(', ')}); mỗi xã chỉ có một Chủ tịch`,
  focalAreasMissing: (where: string, areas: string[]) => `${where}: chưa có công chức đầu mối phụ trách ${areas.join(', ')}.`,
};

/** "Nguyễn Văn A (sinh 1987, Xã B)" — how messages name a person. */
function who(name: string, year: number | null, place: string | null): string {
  const bits = [year === null ? null : `sinh ${year}`, place].filter(Boolean);
  return `"${name}"${bits.length ? ` (${bits.join(', ')})` : ''}`;
}

const colLetter = (n: number): string => {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

// ---------------------------------------------------------------------------------------------
// Cells

type Plain = string | number | boolean | null;

function plain(v: ExcelJS.CellValue | undefined): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return plain(v.richText.map((t) => t.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? null : plain(v.result);
  if ('error' in v) return v.error;
  if ('text' in v) return plain(v.text);
  return null;
}

/** A cell of a streamed row or of a row buffered while looking for the header. */
function cellOf(src: ExcelJS.Row | Buffered, c: number | undefined): Plain {
  if (c === undefined) return null;
  return 'cells' in src ? (src.cells[c] ?? null) : plain(src.findCell(c)?.value);
}

const UNTIDY = /\s\s|[^\S ]|^ | $/;

/** Text as stored: NFC (Word/macOS paste NFD), single spaces. Each step only when needed: every cell passes here. */
const clean = (v: Plain): string | null => {
  if (v === null) return null;
  let s = typeof v === 'string' ? v : String(v);
  if (COMBINING.test(s)) s = s.normalize('NFC');
  if (UNTIDY.test(s)) s = s.replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
};

const shown = (v: Plain): string => (v === null ? '' : String(v).trim());

function titleCase(s: string): string {
  if (s !== s.toLocaleUpperCase('vi-VN')) return s;
  return s.toLocaleLowerCase('vi-VN').replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toLocaleUpperCase('vi-VN'));
}

/** "UBND HUYỆN MỸ XUYÊN" → "Mỹ Xuyên"; "THỊ XÃ NGÃ NĂM" → "Thị xã Ngã Năm". */
function districtFromHeading(text: string): string | null {
  const m = /^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)?\s*(huyện|thị xã|thành phố|quận)\s+(.+)$/iu.exec(text.normalize('NFC').trim());
  if (!m) return null;
  const kind = m[1]!.toLocaleLowerCase('vi-VN');
  const name = titleCase(m[2]!.trim());
  return kind === 'huyện' ? name : `${kind[0]!.toLocaleUpperCase('vi-VN')}${kind.slice(1)} ${name}`;
}

/** "I. Xã Hòa Tú 1" / "UBND xã Gia Hòa 1" on a row of its own: the commune of the rows below. */
function sectionCommune(text: string | null): string | null {
  if (!text) return null;
  const t = text.replace(/^(?:[IVXLC]+|\d+|[a-z])\s*[.):-]\s*/i, '').replace(/^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/i, '');
  return /^(xã|phường|thị trấn|tt\.)\s+\S/iu.test(t) ? t : null;
}

/** Signature block and totals under the table ("Người lập biểu", "TM. ỦY BAN NHÂN DÂN", "…, ngày … tháng … năm …"). */
function isFooterText(text: string): boolean {
  const f = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  return /^(tm|kt|tl|q)\s*\.|^(nguoi lap|thu truong|xac nhan|noi nhan|tong cong|tong so|cong\b|\(?ky,? ghi ro|\(?ky ten)|\bngay\s*[\d.…]*\s*thang\b/.test(f);
}

const NUMBERING = /^\(?\d{1,2}\)?$/;

// ---------------------------------------------------------------------------------------------
// Header

type Cols = Partial<Record<HeaderKey, number>>;
interface Buffered {
  r: number;
  cells: Plain[]; // index = column number
}

interface HeaderFound {
  row: number;
  lastRow: number; // the sub-header row (Nam | Nữ) when there is one
  cols: Cols;
}

function keysOf(row: Buffered): Cols {
  const cols: Cols = {};
  row.cells.forEach((v, c) => {
    if (typeof v !== 'string') return;
    const k = headerKey(v);
    if (k && cols[k] === undefined) cols[k] = c;
  });
  return cols;
}

/**
 * The first row naming "Họ và tên" and at least two other known columns. Its "Năm sinh" may be
 * merged over a sub-header row holding "Nam" | "Nữ" (the merge itself is not visible while
 * streaming: the value sits in the first cell, the sub-header in the next row).
 */
function findHeader(rows: Buffered[]): HeaderFound | { partial: { row: number; missing: string[] } | null } {
  let partial: { row: number; missing: string[] } | null = null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.r > HEADER_SCAN_ROWS) break;
    const cols = keysOf(row);
    const n = Object.keys(cols).length;
    if (cols.fullName !== undefined && n >= 3) {
      let lastRow = row.r;
      const next = rows[i + 1];
      if (next && next.r <= row.r + 2 && (cols.birthMale === undefined || cols.birthFemale === undefined)) {
        const sub = keysOf(next);
        // Only headings: a data row with "Nữ" in a Giới tính column is not a sub-header.
        const onlyHeadings = next.cells.every((v) => typeof v === 'string' && headerKey(v) !== null);
        if (onlyHeadings && (sub.birthMale !== undefined || sub.birthFemale !== undefined)) {
          for (const [k, c] of Object.entries(sub) as [HeaderKey, number][]) if (cols[k] === undefined) cols[k] = c;
          lastRow = next.r;
        }
      }
      return { row: row.r, lastRow, cols };
    }
    if (!partial && n >= 2) {
      const missing = (['fullName', 'birth', 'position', 'commune'] as const)
        .filter((k) => cols[k] === undefined && !(k === 'birth' && (cols.birthMale ?? cols.birthFemale) !== undefined))
        .map((k) => COLUMN_LABELS[k]);
      if (missing.length <= 2) partial = { row: row.r, missing };
    }
  }
  return { partial };
}

function formFromColumns(cols: Cols): FormCode | null {
  if (cols.reason !== undefined) return '03';
  if (cols.focalArea !== undefined || cols.agency !== undefined) return '04';
  if (cols.appointedAt !== undefined || cols.takesPart !== undefined) return '05';
  return null;
}

// ---------------------------------------------------------------------------------------------
// The import: state shared by all sheets of one file

type Group = 'exam' | 'focal' | 'all';
const groupOf = (f: FormCode): Group => (f === '04' ? 'focal' : f === '05' ? 'all' : 'exam');

/** A row's place: sheet index and index in its rows packed in one small integer, no object per row. */
const ROW_BITS = 2 ** 21;

/** FNV-1a over UTF-16 units, continuing from `h`. */
function fnv(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** A person's hash from the parts of their personKey, folded to 31 bits so V8 keeps it a small integer. */
const personHash = (foldedName: string, year: number | null, communeHash: number): number =>
  Math.imul(Math.imul(fnv(foldedName) ^ (year ?? 0), 0x01000193) ^ communeHash, 0x01000193) >>> 1;

/**
 * First occurrence of each person. Keyed by a hash of the personKey's parts rather than by the
 * key: 100 000 key strings were a third of what a province import keeps alive, and building them
 * a tenth of its time. A hash hit is checked against both rows' full keys; a true collision goes
 * to a small map of full keys.
 */
class PersonIndex {
  private readonly byHash = new Map<number, number>();
  private readonly collided = new Map<string, number>();
  constructor(private readonly keyAt: (packed: number) => string) {}

  /** The earlier place of the person, or undefined after recording `packed` as their first. */
  firstOrAdd(h: number, key: () => string, packed: number): number | undefined {
    const at = this.byHash.get(h);
    if (at === undefined) {
      this.byHash.set(h, packed);
      return undefined;
    }
    const k = key();
    if (this.keyAt(at) === k) return at;
    const other = this.collided.get(k);
    if (other === undefined) this.collided.set(k, packed);
    return other;
  }

  find(h: number, key: () => string): number | undefined {
    const at = this.byHash.get(h);
    if (at === undefined) return undefined;
    const k = key();
    return this.keyAt(at) === k ? at : this.collided.get(k);
  }
}

/** Rendered when the sheet is done: until then a 01/02 sheet's form may still change. */
interface PendingIssue {
  row: number | null;
  col?: number;
  render: () => string;
}

class ImportContext {
  readonly errors: RosterIssue[] = [];
  readonly warnings: RosterIssue[] = [];
  readonly forms: RosterSheet[] = [];
  readonly sheets: SheetParser[] = [];
  private readonly keyAt = (packed: number): string => {
    const [sheet, i] = this.unpack(packed);
    const row = sheet.rows[i]!;
    return this.personKey(row.fullName, row.birthYear, row.commune ?? row.agency ?? null);
  };
  private readonly serials = new Map<number, string>();
  /** Birth dates repeat across a province: each serial day becomes its ISO text once, and rows share it. */
  readonly serialToIso = (serial: number): string => {
    const day = Math.floor(serial);
    let iso = this.serials.get(day);
    if (iso === undefined) {
      iso = excelSerialToIso(day, this.date1904);
      if (this.serials.size < CACHE_LIMIT) this.serials.set(day, iso);
    }
    return iso;
  };
  readonly seen: Record<Group, PersonIndex> = { exam: new PersonIndex(this.keyAt), focal: new PersonIndex(this.keyAt), all: new PersonIndex(this.keyAt) };
  private readonly positionCache = new Map<CommuneKind | null, Map<string, PositionMatch | null>>();
  // Communes, titles and notes repeat down a province list: each spelling is cleaned, folded and
  // classified once, and the rows share one string (a 100 000-row import keeps less alive).
  private readonly texts = new Map<string, string | null>();
  private readonly communeKinds = new Map<string, CommuneKind | null>();
  private readonly communeKeys = new Map<string, { key: string; hash: number }>();
  droppedErrors = 0;
  droppedWarnings = 0;
  date1904 = false;
  readonly maxYear: number;
  constructor(
    readonly file: string,
    readonly now: Date,
  ) {
    this.maxYear = maxBirthYear(now);
  }

  /** The sheet and the index in its rows of a packed place. */
  unpack(packed: number): [SheetParser, number] {
    return [this.sheets[Math.floor(packed / ROW_BITS)]!, packed % ROW_BITS];
  }

  /** The sheet and Excel row number of a packed place. */
  placeOf(packed: number): [SheetParser, number] {
    const [sheet, i] = this.unpack(packed);
    return [sheet, sheet.rows[i]!.sourceRow];
  }

  error(issue: RosterIssue): void {
    if (this.errors.length < MAX_LISTED_ISSUES) this.errors.push(issue);
    else this.droppedErrors++;
  }
  warn(issue: RosterIssue): void {
    if (this.warnings.length < MAX_LISTED_ISSUES) this.warnings.push(issue);
    else this.droppedWarnings++;
  }

  /** clean() for a column whose values repeat; unique values (names) use clean() directly. */
  text(v: Plain): string | null {
    if (typeof v !== 'string') return clean(v);
    let t = this.texts.get(v);
    if (t === undefined) {
      t = clean(v);
      if (this.texts.size < CACHE_LIMIT) this.texts.set(v, t);
    }
    return t;
  }

  private readonly yesNos = new Map<Plain, ReturnType<typeof parseYesNo>>();
  yesNo(v: Plain): ReturnType<typeof parseYesNo> {
    let y = this.yesNos.get(v);
    if (y === undefined) {
      y = parseYesNo(v);
      if (this.yesNos.size < CACHE_LIMIT) this.yesNos.set(v, y);
    }
    return y;
  }

  kindOf(commune: string): CommuneKind | null {
    let k = this.communeKinds.get(commune);
    if (k === undefined) {
      k = communeKind(commune);
      if (this.communeKinds.size < CACHE_LIMIT) this.communeKinds.set(commune, k);
    }
    return k;
  }

  private place(p: string | null): { key: string; hash: number } {
    const name = p ?? '';
    let c = this.communeKeys.get(name);
    if (c === undefined) {
      const key = communeKey(name);
      c = { key, hash: fnv(key) };
      if (this.communeKeys.size < CACHE_LIMIT) this.communeKeys.set(name, c);
    }
    return c;
  }

  /** personKey(name, year, place) for a cleaned name (NFC, single spaces), the place's part cached. */
  personKey(name: string, year: number | null, place: string | null): string {
    return joinPersonKey(foldCleanKey(name), year, this.place(place).key);
  }

  personHash(name: string, year: number | null, place: string | null): number {
    return personHash(foldCleanKey(name), year, this.place(place).hash);
  }

  /** Titles repeat thousands of times in a province list: each spelling is matched once. */
  position(raw: string, commune: string | null): PositionMatch | null {
    const kind = commune ? this.kindOf(commune) : null;
    let byRaw = this.positionCache.get(kind);
    if (!byRaw) this.positionCache.set(kind, (byRaw = new Map<string, PositionMatch | null>()));
    let m = byRaw.get(raw);
    if (m === undefined) {
      m = matchPosition(raw, kind ? { communeKind: kind } : {});
      if (byRaw.size < CACHE_LIMIT) byRaw.set(raw, m);
    }
    return m;
  }
}

/** One worksheet, fed row by row. */
class SheetParser {
  form: FormCode | null = null;
  /** 01 and 02 share their columns: without a "Mẫu 0…" label or title the rows decide, at the end. */
  provisional = false;
  header: HeaderFound | null = null;
  result: RosterSheet | null = null;
  /** Not a form, and not fatal while another sheet is one (a "Sheet2" left empty, a notes sheet). */
  ignored: 'empty' | 'unknown' | null = null;
  rows: RosterRow[] = [];
  private buffer: Buffered[] = [];
  private anyCell = false;
  private district: string | null = null;
  private section: string | null = null;
  private footerSeen = false;
  private sawData = false;
  private skip = false;
  private noteIsReason = false;
  private errors: PendingIssue[] = [];
  private warnings: PendingIssue[] = [];
  private chairs = new Map<string, { name: string; rows: number[] }>();
  private focalAreas = new Set<FocalArea>();

  constructor(
    private readonly ctx: ImportContext,
    readonly name: string,
    readonly index: number,
  ) {}

  /** "Mẫu 02, dòng 14", or "Mẫu 02 (trang tính "DS"), dòng 14" when the sheet's name doesn't say it. */
  where(row: number | null): string {
    let s: string;
    if (this.form === null || this.provisional) s = `Trang tính "${this.name}"`;
    else s = formFromLabel(this.name) === this.form ? formName(this.form) : `${formName(this.form)} (trang tính "${this.name}")`;
    return row === null ? s : `${s}, dòng ${row}`;
  }

  /**
   * A problem in one cell or row: "Mẫu 02, dòng 14: <phrase>." Rows arrive in order, so past the
   * listing limit the rest are only counted: a sheet wrong on every row holds no 100 000 closures.
   */
  private err(row: number, phrase: string | (() => string), col?: number): void {
    if (this.errors.length < MAX_LISTED_ISSUES) this.errors.push(this.pending(row, phrase, col));
    else this.ctx.droppedErrors++;
  }
  private warning(row: number, phrase: string, col?: number): void {
    if (this.warnings.length < MAX_LISTED_ISSUES) this.warnings.push(this.pending(row, phrase, col));
    else this.ctx.droppedWarnings++;
  }
  private pending(row: number, phrase: string | (() => string), col?: number): PendingIssue {
    const text = typeof phrase === 'string' ? () => phrase : phrase;
    return { row, ...(col ? { col } : {}), render: () => `${this.where(row)}: ${text()}.` };
  }
  /** A whole sentence about the sheet (its header, its columns). */
  private sheetIssue(list: 'errors' | 'warnings', row: number | null, render: () => string): void {
    this[list].push({ row, render });
  }

  push(row: ExcelJS.Row): void {
    if (this.skip) return;
    if (this.header) return this.dataRow(row.number, row);
    const cells: Plain[] = [];
    row.eachCell((cell, c) => {
      const v = plain(cell.value);
      if (v !== null) {
        cells[c] = v;
        this.anyCell = true;
      }
    });
    this.buffer.push({ r: row.number, cells });
    // Decide once past the scan window: the row after the last candidate may be the Nam | Nữ sub-header.
    if (row.number > HEADER_SCAN_ROWS + 1) this.locateHeader();
  }

  finish(): void {
    if (!this.header && !this.skip) this.locateHeader();
    if (this.header && !this.skip) this.settle();
    const render = (list: PendingIssue[], add: (i: RosterIssue) => void) => {
      // Reading order: by row, then left to right; a row-wide problem (a duplicate) after its cells.
      list.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.col ?? Infinity) - (b.col ?? Infinity));
      for (const i of list) add({ sheet: this.name, row: i.row, ...(i.col ? { column: colLetter(i.col) } : {}), message: i.render() });
    };
    render(this.errors, (i) => this.ctx.error(i));
    render(this.warnings, (i) => this.ctx.warn(i));
    this.errors = [];
    this.warnings = [];
  }

  private locateHeader(): void {
    const found = findHeader(this.buffer);
    const texts = (rows: Buffered[]) => rows.flatMap((b) => b.cells.filter((v): v is string => typeof v === 'string'));
    if (!('row' in found)) {
      this.skip = true;
      this.form = formFromLabel(texts(this.buffer.slice(0, 10)).join(' | ')) ?? formFromLabel(this.name);
      this.buffer = [];
      if (!this.anyCell) {
        if (this.form) this.sheetIssue('errors', null, () => messages.emptySheet(this.where(null)));
        else this.ignored = 'empty';
      } else if (this.form || found.partial) {
        // Looks like a form but its header can't be read: an error, not a silent skip.
        const partial = found.partial;
        if (partial) this.sheetIssue('errors', partial.row, () => messages.partialHeader(this.where(partial.row), partial.missing));
        else this.sheetIssue('errors', null, () => messages.noHeader(this.where(null)));
      } else {
        this.ignored = 'unknown';
      }
      return;
    }
    this.header = found;
    const titles = texts(this.buffer.filter((b) => b.r < found.row));
    for (const t of titles) this.district ??= districtFromHeading(t);
    const joined = titles.join(' | ');
    this.form = formFromLabel(joined) ?? formFromLabel(this.name) ?? formFromTitle(joined) ?? formFromTitle(this.name) ?? formFromColumns(found.cols);
    if (this.form === null) {
      this.form = '02';
      this.provisional = true;
    }
    const rest = this.buffer.filter((b) => b.r > found.lastRow);
    this.buffer = [];
    if (!this.checkColumns()) {
      this.skip = true;
      return;
    }
    for (const b of rest) this.dataRow(b.r, b);
  }

  /** The form's required columns; false (with an error) when the sheet can't be read. */
  private checkColumns(): boolean {
    const { cols, row } = this.header!;
    const form = this.form!;
    const missing: string[] = REQUIRED_COLUMNS[form].filter((k) => cols[k] === undefined).map((k) => COLUMN_LABELS[k]);
    if (cols.birth === undefined && cols.birthMale === undefined && cols.birthFemale === undefined) missing.push(COLUMN_LABELS.birth);
    if (form === '03' && cols.reason === undefined) {
      // The plan gives Mẫu 03 no columns; districts often put the reason under "Ghi chú".
      if (cols.note !== undefined) this.noteIsReason = true;
      else missing.push(COLUMN_LABELS.reason);
    }
    if (missing.length) {
      this.sheetIssue('errors', row, () => messages.partialHeader(this.where(row), missing));
      return false;
    }
    if (cols.birthMale === undefined && cols.birthFemale === undefined && cols.gender === undefined) {
      this.sheetIssue('warnings', row, () => messages.noGenderColumns(this.where(row)));
    }
    return true;
  }

  private dataRow(r: number, src: ExcelJS.Row | Buffered): void {
    const get = (c: number | undefined) => cellOf(src, c);
    const ctx = this.ctx;
    const { cols } = this.header!;
    const form = this.form!;
    const nameV = get(cols.fullName);
    const sttV = get(cols.stt);
    const split = cols.birthMale !== undefined || cols.birthFemale !== undefined;
    const maleV = split ? get(cols.birthMale) : null;
    const femaleV = split ? get(cols.birthFemale) : null;
    const birthV = split ? null : get(cols.birth);
    const genderV = get(cols.gender);
    const posV = get(cols.position);
    const communeV = get(cols.commune);
    const phoneV = get(cols.phone);
    const reasonV = get(cols.reason);
    const agencyV = get(cols.agency);
    const focalV = get(cols.focalArea);
    const appointedV = get(cols.appointedAt);
    const takesV = get(cols.takesPart);
    const districtV = get(cols.district);
    const noteV = get(cols.note);

    const filled =
      +(maleV !== null) +
      +(femaleV !== null) +
      +(birthV !== null) +
      +(genderV !== null) +
      +(posV !== null) +
      +(communeV !== null) +
      +(phoneV !== null) +
      +(reasonV !== null) +
      +(agencyV !== null) +
      +(focalV !== null) +
      +(appointedV !== null) +
      +(takesV !== null);
    const name = clean(nameV);

    // The column-number row under the header ("1 2 3 …" or "(1) (2) …").
    if (!this.sawData && name !== null && NUMBERING.test(name)) return;
    if (filled === 0) {
      const text = name ?? clean(sttV);
      const section = sectionCommune(text);
      if (section) {
        this.section = section;
        return;
      }
      if (text !== null && isFooterText(text)) {
        this.footerSeen = true;
        return;
      }
      // STT alone: an unfilled row of the template. A name alone under the signature: the signer.
      if (name === null || (this.footerSeen && typeof sttV !== 'number')) return;
    }
    if (name === null) {
      for (const v of [communeV, posV, noteV]) if (typeof v === 'string' && isFooterText(v)) this.footerSeen = true;
      // One stray value (a footer line across the right-hand columns) is not a person.
      if (filled < 2 && !(filled === 1 && typeof sttV === 'number')) return;
      if (this.footerSeen && typeof sttV !== 'number') return;
    }
    this.sawData = true;

    const row: RosterRow = {
      stt: typeof sttV === 'number' ? sttV : /^\d{1,6}$/.test(shown(sttV)) ? Number(shown(sttV)) : null,
      fullName: name ?? '',
      gender: null,
      birthYear: null,
      birthDate: null,
      positionId: null,
      positionTitle: '',
      positionRaw: '',
      commune: null,
      phone: null,
      note: ctx.text(noteV),
      sourceRow: r,
    };
    if (name === null) this.err(r, messages.missingName, cols.fullName);

    // Birth and gender: the column the year is written in says the sex.
    let birthRaw: Plain = birthV;
    let birthCol = cols.birth;
    if (split) {
      if (maleV !== null && femaleV !== null) {
        this.err(r, messages.birthBoth(shown(maleV), shown(femaleV)), cols.birthMale);
        birthRaw = null;
      } else if (maleV !== null) {
        row.gender = 'nam';
        birthRaw = maleV;
        birthCol = cols.birthMale;
      } else if (femaleV !== null) {
        row.gender = 'nu';
        birthRaw = femaleV;
        birthCol = cols.birthFemale;
      } else {
        this.err(r, messages.birthMissingSplit, cols.birthMale ?? cols.birthFemale);
      }
    } else if (genderV !== null) {
      const g = clean(genderV)!.toLowerCase();
      row.gender = g === 'nam' ? 'nam' : g === 'nữ' || g === 'nu' ? 'nu' : null;
    }
    if (birthRaw !== null || !split) {
      const b = parseBirth(birthRaw, { maxYear: ctx.maxYear, date1904: ctx.date1904, serialToIso: ctx.serialToIso });
      if (b.ok) {
        row.birthYear = b.year;
        row.birthDate = b.date;
      } else {
        this.err(r, b.message, birthCol);
      }
    }

    // Where: the commune (or the section heading above), the district column or heading.
    const commune = ctx.text(communeV) ?? this.section;
    const district = ctx.text(districtV) ?? this.district;
    if (district) row.district = district;

    if (form === '04') {
      row.positionRaw = ctx.text(posV) ?? '';
      row.positionTitle = row.positionRaw;
      // "Đơn vị" rather than "Cơ quan" lands under the commune's heading.
      const agency = ctx.text(agencyV) ?? ctx.text(communeV);
      if (agency) row.agency = agency;
      const focal = ctx.text(focalV);
      const area = focal === null ? null : matchFocalArea(focal);
      if (focal === null) this.err(r, messages.missingFocalArea, cols.focalArea);
      else if (area === null) this.err(r, messages.unknownFocalArea(focal), cols.focalArea);
      else {
        row.focalArea = area;
        this.focalAreas.add(area);
      }
    } else {
      row.commune = commune;
      if (commune === null) this.err(r, messages.missingCommune, cols.commune);
      const raw = ctx.text(posV);
      if (raw === null) this.err(r, messages.missingPosition, cols.position);
      else {
        row.positionRaw = raw;
        const m = ctx.position(raw, commune);
        row.positionId = m?.id ?? null;
        row.positionTitle = m?.title ?? raw;
        if (!m && form !== '05') this.err(r, messages.unknownPosition(raw), cols.position);
        if (m && !this.provisional) this.checkMembership(row);
        if (m?.title === 'Chủ tịch' && commune) {
          const k = communeKey(commune);
          const c = this.chairs.get(k) ?? { name: commune, rows: [] };
          c.rows.push(r);
          this.chairs.set(k, c);
        }
      }
    }

    if (phoneV !== null) {
      const p = normalizePhone(phoneV);
      if (p.ok) row.phone = p.phone;
      else this.err(r, p.message, cols.phone);
    } else if (form === '04') {
      this.warning(r, messages.focalNoPhone, cols.phone);
    }

    if (form === '03') {
      const reason = ctx.text(this.noteIsReason ? noteV : reasonV);
      if (this.noteIsReason) row.note = null;
      const ex = reason === null ? null : exclusionReason(reason);
      if (ex) {
        row.reason = ex.text;
        row.exclusion = ex;
      } else this.err(r, messages.missingReason, this.noteIsReason ? cols.note : cols.reason);
    }

    if (form === '05') {
      if (cols.takesPart !== undefined) {
        const t = ctx.yesNo(takesV);
        if (t === 'invalid') this.err(r, messages.badTakesPart(shown(takesV)), cols.takesPart);
        else if (t === null) {
          if (row.positionId) this.err(r, messages.missingTakesPart, cols.takesPart);
        } else {
          row.takesPart = t;
          if (t && !row.positionId && row.positionRaw) this.err(r, messages.takesPartNonExam(row.positionRaw), cols.takesPart);
        }
      }
      if (appointedV !== null) {
        const d: ReturnType<typeof parseDay> =
          typeof appointedV === 'number' && appointedV >= 61 && appointedV <= 120_000
            ? { ok: true, date: ctx.serialToIso(appointedV) }
            : parseDay(appointedV, { date1904: ctx.date1904 });
        if (!d.ok) this.err(r, messages.badAppointedAt(shown(appointedV)), cols.appointedAt);
        else {
          row.appointedAt = d.date;
          if (d.date > ctx.now.toISOString().slice(0, 10)) this.warning(r, messages.futureAppointedAt(d.date.split('-').reverse().join('/')), cols.appointedAt);
        }
      }
    }

    if (name !== null && row.birthYear !== null) this.checkDuplicate(row, row.commune ?? row.agency ?? null);
    this.rows.push(row);
  }

  /** Mẫu 01 holds only Chủ tịch/Phó Chủ tịch; Mẫu 02 only the officers. */
  private checkMembership(row: RosterRow): void {
    if (this.form === '01' && row.positionId !== 'CT_PCT') this.err(row.sourceRow, messages.officerIn01(row.positionTitle ?? row.positionRaw));
    if (this.form === '02' && row.positionId === 'CT_PCT') this.err(row.sourceRow, messages.chairIn02(row.positionTitle ?? row.positionRaw));
  }

  /** Called before `row` is pushed: its index is rows.length. */
  private checkDuplicate(row: RosterRow, place: string | null): void {
    const ctx = this.ctx;
    const h = ctx.personHash(row.fullName, row.birthYear, place);
    const first = ctx.seen[groupOf(this.form!)].firstOrAdd(
      h,
      () => ctx.personKey(row.fullName, row.birthYear, place),
      this.index * ROW_BITS + this.rows.length,
    );
    if (first === undefined) return;
    const w = who(row.fullName, row.birthYear, place);
    const [sheet, firstRow] = this.ctx.placeOf(first);
    if (sheet === this) this.err(row.sourceRow, messages.duplicateHere(w, firstRow));
    else this.err(row.sourceRow, () => messages.duplicateThere(w, sheet.where(firstRow)));
  }

  /** End of the sheet: decide 01/02 if needed, then the sheet-wide checks. */
  private settle(): void {
    const { row } = this.header!;
    if (this.provisional) {
      const withPosition = this.rows.filter((x) => x.positionId !== null);
      this.form = withPosition.length > 0 && withPosition.every((x) => x.positionId === 'CT_PCT') ? '01' : '02';
      this.provisional = false;
      this.sheetIssue('warnings', row, () => messages.formGuessed(this.where(null), this.form!));
      for (const x of withPosition) this.checkMembership(x);
    }
    if (this.rows.length === 0) this.sheetIssue('warnings', null, () => messages.noRows(this.where(null)));
    if (this.form === '01') {
      for (const c of this.chairs.values()) if (c.rows.length > 1) this.warning(c.rows[1]!, messages.twoChairs(c.name, c.rows));
    }
    if (this.form === '04' && this.rows.length > 0) {
      const missing = FOCAL_AREAS.filter((a) => !this.focalAreas.has(a)).map((a) => FOCAL_AREA_LABELS[a]);
      if (missing.length) this.sheetIssue('warnings', null, () => messages.focalAreasMissing(this.where(null), missing));
    }
    this.result = { form: this.form!, sheet: this.name, rows: this.rows };
    this.ctx.forms.push(this.result);
  }
}

// ---------------------------------------------------------------------------------------------
// Across forms: Mẫu 05 lists everyone, so it is checked against 01–03 when the file has both.

function crossCheck(ctx: ImportContext): void {
  const parsers = ctx.sheets.filter((p) => p.result);
  const has = (f: FormCode) => parsers.some((p) => p.form === f);
  if (!has('05') || !(has('01') || has('02') || has('03'))) return;
  const issue = (p: SheetParser, row: RosterRow, m: string): RosterIssue => ({
    sheet: p.name,
    row: row.sourceRow,
    message: `${p.where(row.sourceRow)}: ${m}.`,
  });

  for (const p of parsers) {
    if (p.form !== '05') continue;
    for (const row of p.rows) {
      if (!row.positionId || typeof row.takesPart !== 'boolean' || !row.fullName || row.birthYear === null) continue;
      const there = ctx.seen.exam.find(ctx.personHash(row.fullName, row.birthYear, row.commune), () => ctx.personKey(row.fullName, row.birthYear, row.commune));
      const w = who(row.fullName, row.birthYear, row.commune);
      if (there === undefined) ctx.warn(issue(p, row, row.takesPart ? messages.takesPartMissing(w) : messages.excludedMissing(w)));
      else {
        const [sheet, at] = ctx.placeOf(there);
        if (row.takesPart === (sheet.form === '03')) ctx.error(issue(p, row, messages.contradiction(w, sheet.where(at), row.takesPart)));
      }
    }
  }
  for (const p of parsers) {
    if (p.form === '04' || p.form === '05') continue;
    for (const row of p.rows) {
      if (!row.fullName || row.birthYear === null) continue;
      if (
        ctx.seen.all.find(ctx.personHash(row.fullName, row.birthYear, row.commune), () => ctx.personKey(row.fullName, row.birthYear, row.commune)) === undefined
      )
        ctx.warn(issue(p, row, messages.notIn05(who(row.fullName, row.birthYear, row.commune))));
    }
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads every roster form in an XLSX file. Throws ApiError('VALIDATION') when the file is not a
 * readable workbook (by content: a renamed file is recognised), ApiError('CANCELLED') on abort.
 */
export async function readRosterFile(filePath: string, opts: ReadRosterOptions = {}): Promise<RosterImport> {
  const file = path.basename(filePath);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_ROSTER_BYTES;
  const { signal } = opts;
  const cancelled = () => new ApiError('CANCELLED', messages.cancelled);
  if (signal?.aborted) throw cancelled();

  let size: number;
  try {
    const st = await stat(filePath);
    if (!st.isFile()) throw new ApiError('VALIDATION', messages.notAFile(file));
    size = st.size;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('VALIDATION', messages.notFound(file));
  }
  if (size === 0) throw new ApiError('VALIDATION', messages.empty(file));
  // By content first: junk is told it is junk, whatever its size.
  const kind = await sniffFile(filePath, size);
  if (kind === 'xls') throw new ApiError('VALIDATION', messages.oldXls(file));
  if (kind === 'docx') throw new ApiError('VALIDATION', messages.docx(file));
  if (kind === 'ods') throw new ApiError('VALIDATION', messages.ods(file));
  if (kind !== 'xlsx') throw new ApiError('VALIDATION', messages.notXlsx(file));
  if (size > maxBytes) throw new ApiError('VALIDATION', messages.tooBig(file, size, maxBytes));

  const ctx = new ImportContext(file, opts.now ?? new Date());
  const streams = new Set<Readable>();
  const onAbort = () => streams.forEach((s) => s.destroy());
  signal?.addEventListener('abort', onAbort, { once: true });
  let fh: FileHandle | undefined;
  let rowsRead = 0;
  let lastProgress = 0;
  // Only a failure to unzip or parse means a damaged file; a fault in the checks must surface as itself.
  let inParser = false;
  try {
    fh = await open(filePath, 'r');
    const book = await xlsxSheets(fh, filePath, size, (s) => streams.add(s));
    ctx.date1904 = book.date1904;
    for (const entry of book.sheets) {
      const ws = await entry.open();
      const sheet = new SheetParser(ctx, entry.name, ctx.sheets.length);
      ctx.sheets.push(sheet);
      for await (const batch of rowBatches(ws)) {
        if (signal?.aborted) throw cancelled();
        rowsRead += batch.length;
        if (rowsRead > MAX_ROSTER_ROWS) throw new ApiError('VALIDATION', messages.tooManyRows(file));
        inParser = true;
        for (const row of batch) sheet.push(row);
        inParser = false;
        if (rowsRead - lastProgress >= ROWS_PER_PROGRESS) {
          lastProgress = rowsRead;
          opts.onProgress?.(rowsRead);
        }
      }
      inParser = true;
      sheet.finish();
      inParser = false;
    }
  } catch (e) {
    if (signal?.aborted) throw cancelled();
    if (e instanceof ApiError || inParser) throw e;
    throw new ApiError('VALIDATION', messages.badXlsx(file));
  } finally {
    signal?.removeEventListener('abort', onAbort);
    streams.forEach((s) => s.destroy());
    await fh?.close();
  }
  if (signal?.aborted) throw cancelled();
  opts.onProgress?.(rowsRead);

  if (ctx.forms.length === 0 && ctx.errors.length === 0) {
    const allEmpty = ctx.sheets.every((p) => p.ignored === 'empty');
    ctx.error({ sheet: '', row: null, message: allEmpty ? messages.allEmpty(file) : messages.noForms(file) });
  } else {
    for (const p of ctx.sheets) {
      if (p.ignored === 'empty') ctx.warn({ sheet: p.name, row: null, message: messages.emptySheetIgnored(p.name) });
      if (p.ignored === 'unknown') ctx.warn({ sheet: p.name, row: null, message: messages.unknownSheetIgnored(p.name) });
    }
  }
  crossCheck(ctx);
  if (ctx.droppedErrors) ctx.errors.push({ sheet: '', row: null, message: messages.moreIssues(ctx.droppedErrors, 'lỗi') });
  if (ctx.droppedWarnings) ctx.warnings.push({ sheet: '', row: null, message: messages.moreIssues(ctx.droppedWarnings, 'cảnh báo') });
  return { forms: ctx.forms, errors: ctx.errors, warnings: ctx.warnings };
}
