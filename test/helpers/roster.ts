// Roster fixtures built at test time (no binary fixtures in git): realistic rosters for Mẫu 01–05
// from a seeded generator, and hand-shaped XLSX files — title rows, merged two-row headers,
// deliberate mistakes — written with exceljs's in-memory Workbook (they are small).
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { seededRandom } from '../../main/domain/seeded-random';
import { personKey, type ExamPositionId, type ExclusionCode, type FocalArea } from '../../main/domain/roster';
import type { FormCode, RosterRow } from '../../main/services/roster';

/** Deterministic, good enough to pick names. */
export const rng = (seed: number): (() => number) => seededRandom(seed);

// Sóc Trăng: Kinh, Khmer and Hoa names side by side.
const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Hoàng',
  'Phan',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Thạch',
  'Lâm',
  'Sơn',
  'Kim',
  'Danh',
  'Triệu',
  'Quách',
];
const MIDDLE_M = ['Văn', 'Minh', 'Quốc', 'Hoàng', 'Thanh', 'Hữu', 'Công', 'Đức', 'Tấn', 'Chí'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thanh', 'Kim', 'Mỹ', 'Thu', 'Bích', 'Hồng', 'Diễm', 'Thúy'];
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hùng',
  'Khải',
  'Lộc',
  'Nghĩa',
  'Phúc',
  'Quang',
  'Sang',
  'Tài',
  'Thắng',
  'Toàn',
  'Trí',
  'Vũ',
  'Sóc',
  'Sa Ri',
  'Chanh Đa',
  'Hoà',
];
const GIVEN_F = [
  'Anh',
  'Diệp',
  'Hằng',
  'Hoa',
  'Lan',
  'Linh',
  'Mai',
  'Nga',
  'Ngân',
  'Oanh',
  'Phượng',
  'Quyên',
  'Thảo',
  'Trang',
  'Tuyết',
  'Uyên',
  'Vy',
  'Yến',
  'Sa Phia',
  'Thuý',
];
export const COMMUNES = [
  'Thị trấn Mỹ Xuyên',
  'Xã Đại Tâm',
  'Xã Tham Đôn',
  'Xã Thạnh Phú',
  'Xã Ngọc Đông',
  'Xã Thạnh Quới',
  'Xã Hòa Tú 1',
  'Xã Hòa Tú 2',
  'Xã Gia Hòa 1',
  'Xã Gia Hòa 2',
  'Xã Ngọc Tố',
  'Phường 1',
  'Phường 2',
  'Phường 10',
];
const MOBILE_PREFIXES = ['091', '094', '088', '083', '084', '097', '098', '086', '032', '033', '035', '070', '077', '079', '090', '093', '056', '058'];

/** Officers of one commune in the exam positions (Mẫu 02). */
const OFFICERS: ExamPositionId[] = ['VP_TK', 'VP_TK', 'TC_KT', 'VH_XH', 'VH_XH', 'TP_HT', 'TP_HT', 'DC'];
const TITLES: Record<Exclude<ExamPositionId, 'CT_PCT' | 'DC'>, string> = {
  VP_TK: 'Văn phòng - Thống kê',
  TC_KT: 'Tài chính - Kế toán',
  VH_XH: 'Văn hóa - Xã hội',
  TP_HT: 'Tư pháp - Hộ tịch',
};
const NOTES: Partial<Record<ExamPositionId, string[]>> = {
  VP_TK: ['Phụ trách một cửa', 'Phụ trách HĐND và UBND'],
  TP_HT: ['Phụ trách chứng thực', 'Phụ trách hộ tịch'],
};
const NON_EXAM = ['Chỉ huy trưởng Quân sự', 'Chủ tịch Hội đồng nhân dân', 'Bí thư Đảng ủy'];
const REASONS: [ExclusionCode, string][] = [
  ['tap_su', 'Đang trong thời gian tập sự'],
  ['thai_san', 'Nghỉ thai sản từ tháng 5/2023'],
  ['khac', 'Đang đi học lớp Trung cấp lý luận chính trị (UBND huyện đề nghị)'],
];
const FOCAL: [FocalArea, string, string][] = [
  ['cntt', 'Phòng Văn hóa và Thông tin', 'Chuyên viên'],
  ['tu_phap', 'Phòng Tư pháp', 'Phó Trưởng phòng'],
  ['noi_vu', 'Phòng Nội vụ', 'Chuyên viên'],
];

const isPhuong = (commune: string) => /^(Phường|Thị trấn)/.test(commune);
const dcTitle = (commune: string) => (isPhuong(commune) ? 'Địa chính - Xây dựng - Đô thị và Môi trường' : 'Địa chính - Nông nghiệp - Xây dựng và Môi trường');

export interface GenOptions {
  seed?: number;
  district?: string;
  /** Rows in Mẫu 05 beyond COMMUNES get numbered commune names ("Xã Đại Tâm 37") to stay unique. */
  communes?: string[];
}

/**
 * A roster for `form` of `n` rows: unique people (by personKey), gender written the way the
 * form records it, birth as a year or a full date, phones in the canonical 0xxxxxxxxx.
 */
export function makeRoster(form: FormCode, n: number, opts: GenOptions = {}): RosterRow[] {
  const rand = rng(opts.seed ?? 2023);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const communes = opts.communes ?? COMMUNES;
  const district = opts.district ?? 'Mỹ Xuyên';
  const seen = new Set<string>();
  const rows: RosterRow[] = [];
  const perCommune = form === '01' ? 3 : form === '05' ? 12 : OFFICERS.length;
  for (let i = 0; rows.length < n; i++) {
    const block = Math.floor(i / perCommune);
    const base = communes[block % communes.length]!;
    const round = Math.floor(block / communes.length);
    const commune = round === 0 ? base : `${base} ${round + 1}`;
    const female = rand() < 0.45;
    const fullName = `${pick(SURNAMES)} ${pick(female ? MIDDLE_F : MIDDLE_M)} ${pick(female ? GIVEN_F : GIVEN_M)}`;
    const birthYear = 1965 + Math.floor(rand() * 38);
    const full = rand() < 0.4;
    const birthDate = full
      ? `${birthYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`
      : null;
    const key = personKey(fullName, birthYear, form === '04' ? 'x' : commune);
    if (seen.has(key)) continue;
    seen.add(key);
    const phone = rand() < 0.9 ? `${pick(MOBILE_PREFIXES)}${String(Math.floor(rand() * 1e7)).padStart(7, '0')}` : null;
    const row: RosterRow = {
      stt: rows.length + 1,
      fullName,
      gender: female ? 'nu' : 'nam',
      birthYear,
      birthDate,
      positionId: null,
      positionTitle: '',
      positionRaw: '',
      commune,
      district,
      phone,
      note: null,
      sourceRow: 0,
    };
    const slot = i % perCommune;
    const setPosition = (id: ExamPositionId, title: string) => {
      row.positionId = id;
      row.positionTitle = title;
      row.positionRaw = title;
      const notes = NOTES[id];
      row.note = notes ? notes[slot % notes.length]! : null;
    };
    const officer = (k: number) => {
      const id = OFFICERS[k % OFFICERS.length]!;
      setPosition(id, id === 'DC' ? dcTitle(commune) : TITLES[id as keyof typeof TITLES]);
    };
    switch (form) {
      case '01':
        setPosition('CT_PCT', slot === 0 ? 'Chủ tịch' : 'Phó Chủ tịch');
        break;
      case '02':
        officer(slot);
        break;
      case '03': {
        officer(slot);
        const [kind, text] = REASONS[rows.length % REASONS.length]!;
        row.reason = text;
        row.exclusion = { kind, text };
        // Maternity leave is a woman's in these lists.
        if (kind === 'thai_san' && row.gender === 'nam') continue;
        break;
      }
      case '04': {
        const [area, agency, title] = FOCAL[rows.length % FOCAL.length]!;
        row.commune = null;
        row.positionTitle = row.positionRaw = title;
        row.agency = `${agency} huyện ${district}`;
        row.focalArea = area;
        row.phone ??= '0912000' + String(rows.length).padStart(3, '0');
        break;
      }
      case '05': {
        if (slot === 0) setPosition('CT_PCT', 'Chủ tịch');
        else if (slot <= 2) setPosition('CT_PCT', 'Phó Chủ tịch');
        else if (slot <= 10) officer(slot - 3);
        else {
          row.positionTitle = row.positionRaw = NON_EXAM[block % NON_EXAM.length]!;
          row.note = null;
        }
        row.takesPart = row.positionId !== null && rand() < 0.93;
        if (rand() < 0.3) row.appointedAt = `${2015 + Math.floor(rand() * 8)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-01`;
        break;
      }
    }
    rows.push(row);
  }
  return rows;
}

/** The fields that survive export → import (stt is renumbered, sourceRow is the sheet's). */
export function comparable(r: RosterRow) {
  return {
    fullName: r.fullName,
    gender: r.gender,
    birthYear: r.birthYear,
    birthDate: r.birthDate,
    positionId: r.positionId,
    positionTitle: r.positionTitle,
    commune: r.commune,
    phone: r.phone,
    note: r.note,
    reason: r.reason ?? null,
    exclusion: r.exclusion?.kind ?? null,
    agency: r.agency ?? null,
    focalArea: r.focalArea ?? null,
    appointedAt: r.appointedAt ?? null,
    takesPart: r.takesPart ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Hand-shaped files

export type Cell = string | number | Date | null | ExcelJS.CellValue;

/** Mẫu 02's two header rows: "Năm sinh" over Nam | Nữ, the rest spanning both rows. */
export const HEADER_02: [Cell[], Cell[]] = [
  ['STT', 'Họ và tên', 'Năm sinh', null, 'Chức danh', 'Xã, phường, thị trấn', 'Số điện thoại', 'Ghi chú'],
  [null, null, 'Nam', 'Nữ', null, null, null, null],
];

export interface RawSheet {
  name: string;
  /** Lines above the header, each merged across the table (as province templates do). */
  titleRows?: string[];
  /** Blank rows between the titles and the header. */
  gap?: number;
  /** One or two header rows; two rows merge "Năm sinh" over Nam | Nữ and the other headings vertically. */
  header?: Cell[][] | null;
  rows?: Cell[][];
  /** Rows after the table (signature block …), written as given. */
  after?: Cell[][];
}

/**
 * Writes a workbook of hand-shaped sheets. Returns, per sheet, the Excel row number of the first
 * data row, so tests can name `dòng N`.
 */
export async function writeRawXlsx<const T extends readonly RawSheet[]>(file: string, sheets: T): Promise<{ -readonly [K in keyof T]: number }> {
  const wb = new ExcelJS.Workbook();
  const firsts: number[] = [];
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    const header = s.header === undefined ? HEADER_02 : s.header;
    const width = Math.max(header?.[0]?.length ?? 0, ...(s.rows ?? []).map((r) => r.length), 1);
    let r = 1;
    for (const t of s.titleRows ?? []) {
      ws.getCell(r, 1).value = t;
      if (width > 1) ws.mergeCells(r, 1, r, width);
      r++;
    }
    r += s.gap ?? 0;
    if (header) {
      header.forEach((cells, i) => cells.forEach((v, c) => v !== null && (ws.getCell(r + i, c + 1).value = v as ExcelJS.CellValue)));
      if (header.length === 2) {
        const [top, sub] = header as [Cell[], Cell[]];
        top.forEach((v, c) => {
          if (v === null) return;
          if (sub[c] !== null && sub[c] !== undefined)
            ws.mergeCells(r, c + 1, r, c + 2); // "Năm sinh" over two sub-columns
          else ws.mergeCells(r, c + 1, r + 1, c + 1);
        });
      }
      r += header.length;
    }
    firsts.push(r);
    for (const row of [...(s.rows ?? []), ...(s.after ?? [])]) {
      row.forEach((v, c) => v !== null && (ws.getCell(r, c + 1).value = v as ExcelJS.CellValue));
      r++;
    }
  }
  await wb.xlsx.writeFile(file);
  return firsts as { -readonly [K in keyof T]: number };
}

/** A row of the Mẫu 02 header above: birth under Nam or Nữ by `gender`. */
export function row02(
  name: string | null,
  gender: 'nam' | 'nu' | 'both',
  birth: Cell,
  position: string | null,
  commune: string | null,
  phone: Cell = null,
  note: string | null = null,
  stt: Cell = null,
): Cell[] {
  const male = gender === 'nam' || gender === 'both' ? birth : null;
  const female = gender === 'nu' || gender === 'both' ? birth : null;
  return [stt, name, male, female, position, commune, phone, note];
}

export const TITLE_02 = ['UBND HUYỆN MỸ XUYÊN', 'Mẫu số 02', 'DANH SÁCH', 'Công chức UBND cấp xã tham gia kiểm tra, đánh giá Năm 2023'];

// ---------------------------------------------------------------------------------------------
// Hand-built XLSX packages (yazl): for files no spreadsheet program writes — a shared string of
// hundreds of MiB (generated as it is compressed, never held), doctored parts, many entries.

const CT =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface PackagePart {
  name: string;
  /** The content, or a stream of it (compressed as it is read: never held whole). */
  data: string | (() => NodeJS.ReadableStream);
  /** Deflate (default) or store: a stored part can be doctored in place. */
  compress?: boolean;
}

/** A stream of `prefix`, `size` bytes of `fill`, then `suffix`, made a chunk at a time. */
export function repeated(prefix: string, size: number, suffix: string, fill = 'A'): NodeJS.ReadableStream {
  const chunk = Buffer.alloc(1024 * 1024, fill);
  return Readable.from(
    (function* () {
      yield Buffer.from(prefix);
      for (let left = size; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
      yield Buffer.from(suffix);
    })(),
    { objectMode: false },
  );
}

/** Writes a ZIP of `parts` with yazl, streaming. */
export async function writePackage(file: string, parts: PackagePart[]): Promise<void> {
  const zip = new yazl.ZipFile();
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('close', () => resolve());
    out.on('error', reject);
    zip.outputStream.pipe(out);
  });
  for (const p of parts) {
    const compress = p.compress ?? true;
    if (typeof p.data === 'string') zip.addBuffer(Buffer.from(p.data), p.name, { compress });
    else zip.addReadStream(p.data(), p.name, { compress });
  }
  zip.end();
  await done;
}

/** A sheet's XML: each row's cells as shared-string indices ({ s: n }), inline text or numbers. */
export function sheetXml(rows: (string | number | { s: number } | null)[][]): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = rows
    .map((cells, i) => {
      const r = i + 1;
      const cs = cells
        .map((v, c) => {
          const ref = `${String.fromCharCode(65 + c)}${r}`;
          if (v === null) return '';
          if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
          if (typeof v === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
          return `<c r="${ref}" t="s"><v>${v.s}</v></c>`;
        })
        .join('');
      return `<row r="${r}">${cs}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${body}</sheetData></worksheet>`;
}

/** The parts of a one-sheet workbook ("Mẫu 02") around `sheet` and `sharedStrings`. */
export function packageParts(sheet: PackagePart['data'], sharedStrings: PackagePart['data'], opts: { compressStrings?: boolean } = {}): PackagePart[] {
  return [
    { name: '[Content_Types].xml', data: CT },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Mẫu 02" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
    { name: 'xl/sharedStrings.xml', data: sharedStrings, compress: opts.compressStrings ?? true },
  ];
}

/** A Mẫu 02 header (one row) and one person whose name is shared string 0. */
export const ONE_PERSON_SHEET = sheetXml([
  ['STT', 'Họ và tên', 'Năm sinh (Nam)', 'Năm sinh (Nữ)', 'Chức danh', 'Xã, phường, thị trấn'],
  [1, { s: 0 }, 1985, null, 'Văn phòng - Thống kê', 'Xã Đại Tâm'],
]);
