// Exam positions of the provincial competency exam (doc 000): the six groups examined, tolerant
// matching of the titles district offices type, titles that are not examined but that rosters
// meet (Chủ tịch HĐND, Công an xã…), and the sub-roles written in Ghi chú that decide who
// performs which step. Pure: no I/O.
import type { Position } from '../../shared/office';
import { stripDiacritics } from './vietnamese';
import { viExamDay } from '../../shared/i18n/vi/exam-day';

const NON_EXAM_LABEL = viExamDay.nonExamLabels;

export { EXAM_POSITION_IDS, type ExamPositionId } from '../../shared/exam-codes';
import { EXAM_POSITION_IDS, type ExamPositionId } from '../../shared/exam-codes';

/** A position naming the UBND's chairperson, as offices type it ("Chủ tịch", "Chủ tịch UBND xã"). */
export const CHAIR_TITLE = /^chủ tịch/i;

/** Which Địa chính title applies: the plan names one for xã, another for phường/thị trấn. */
export type DcVariant = 'xa' | 'phuong_thi_tran';
export type CommuneKind = 'xa' | 'phuong' | 'thi_tran';

export const isExamPositionId = (s: string | null | undefined): s is ExamPositionId =>
  (EXAM_POSITION_IDS as readonly (string | null | undefined)[]).includes(s);

export interface ExamPosition {
  id: ExamPositionId;
  title: Position;
  variant?: DcVariant;
}

/**
 * Canonical titles, as shared/office.ts spells them (`satisfies` keeps the two lists aligned).
 * Chủ tịch and Phó Chủ tịch are distinct titles on the forms but one exam group (they sign, step 3).
 */
export const EXAM_POSITIONS = [
  { id: 'CT_PCT', title: 'Chủ tịch' },
  { id: 'CT_PCT', title: 'Phó Chủ tịch' },
  { id: 'VP_TK', title: 'Văn phòng - Thống kê' },
  { id: 'TC_KT', title: 'Tài chính - Kế toán' },
  { id: 'VH_XH', title: 'Văn hóa - Xã hội' },
  { id: 'TP_HT', title: 'Tư pháp - Hộ tịch' },
  { id: 'DC', title: 'Địa chính - Nông nghiệp - Xây dựng và Môi trường', variant: 'xa' },
  { id: 'DC', title: 'Địa chính - Xây dựng - Đô thị và Môi trường', variant: 'phuong_thi_tran' },
] as const satisfies readonly ExamPosition[];
export type ExamTitle = (typeof EXAM_POSITIONS)[number]['title'];

/** The groups as the plan's "Đối tượng đánh giá" names them. */
export const EXAM_GROUPS: Record<ExamPositionId, string> = {
  CT_PCT: 'Chủ tịch, các Phó Chủ tịch UBND các xã, phường, thị trấn',
  VP_TK: 'Công chức Văn phòng - Thống kê',
  TC_KT: 'Công chức Tài chính - Kế toán',
  VH_XH: 'Công chức Văn hóa - Xã hội',
  TP_HT: 'Công chức Tư pháp - Hộ tịch',
  DC: 'Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường (xã) hoặc Địa chính - Xây dựng - Đô thị và Môi trường (phường, thị trấn)',
};

export interface PositionMatch {
  id: ExamPositionId;
  title: ExamTitle;
}

/** Lowercase ASCII words: "Văn phòng- Thống kê" → "van phong thong ke". Also folds the seed's "Thông kê". */
export function foldWords(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Two-letter abbreviations people use for the titles ("VP-TK", "ĐC-NN-XD-MT", "TCKT").
const ABBR: Record<string, string> = {
  vp: 'van phong',
  tk: 'thong ke',
  tc: 'tai chinh',
  kt: 'ke toan',
  vh: 'van hoa',
  xh: 'xa hoi',
  tp: 'tu phap',
  ht: 'ho tich',
  dc: 'dia chinh',
  nn: 'nong nghiep',
  xd: 'xay dung',
  dt: 'do thi',
  mt: 'moi truong',
  ct: 'chu tich',
  pct: 'pho chu tich',
  p: 'pho',
};

function expandWord(w: string): string {
  const a = ABBR[w];
  if (a) return a;
  // Glued abbreviations: "vptk", "dcnnxdmt".
  if (w.length >= 4 && w.length % 2 === 0) {
    const parts = w.match(/../g)!;
    if (parts.every((p) => ABBR[p] && p !== 'p')) return parts.map((p) => ABBR[p]).join(' ');
  }
  return w;
}

const byTitle = (title: ExamTitle): PositionMatch => ({ id: EXAM_POSITIONS.find((p) => p.title === title)!.id, title });
const DC_XA = byTitle('Địa chính - Nông nghiệp - Xây dựng và Môi trường');
const DC_PHUONG = byTitle('Địa chính - Xây dựng - Đô thị và Môi trường');

const PHRASES = new Map<string, PositionMatch>([
  ['chu tich', byTitle('Chủ tịch')],
  ['pho chu tich', byTitle('Phó Chủ tịch')],
  ['van phong thong ke', byTitle('Văn phòng - Thống kê')],
  ['van phong', byTitle('Văn phòng - Thống kê')],
  ['thong ke', byTitle('Văn phòng - Thống kê')],
  ['tai chinh ke toan', byTitle('Tài chính - Kế toán')],
  ['tai chinh', byTitle('Tài chính - Kế toán')],
  ['ke toan', byTitle('Tài chính - Kế toán')],
  ['van hoa xa hoi', byTitle('Văn hóa - Xã hội')],
  ['van hoa', byTitle('Văn hóa - Xã hội')],
  ['tu phap ho tich', byTitle('Tư pháp - Hộ tịch')],
  ['tu phap', byTitle('Tư pháp - Hộ tịch')],
  ['ho tich', byTitle('Tư pháp - Hộ tịch')],
]);
const DC_WORDS: ReadonlySet<string> = new Set(['nong nghiep', 'xay dung', 'do thi', 'moi truong']);

/**
 * The exam position a typed title names, or null (also for non-exam titles such as "Chủ tịch
 * HĐND" or "Trưởng Công an"). Tolerates case, diacritics, dashes, abbreviations, a "Công chức"
 * prefix, a "UBND xã …" or "(phụ trách …)" suffix. A bare "Địa chính" takes the commune's
 * variant (xã when unknown).
 */
export function matchPosition(raw: string, opts: { communeKind?: CommuneKind } = {}): PositionMatch | null {
  let s = foldWords(raw.replace(/\([^)]*\)/g, ' '));
  // Everything from these words on says where or what sub-task, not which title.
  s = s.replace(/(^| )(ubnd|uy ban nhan dan|doi voi|phu trach|kiem nhiem)( .*)?$/, '');
  s = s.replace(/^(cong chuc|can bo|cc)( |$)/, '');
  const words = s
    .split(' ')
    .filter((w) => w && w !== 'va')
    .map(expandWord)
    .join(' ')
    .replace(/( (cap )?(xa|phuong|thi tran|tt))+$/, '');
  const hit = PHRASES.get(words);
  if (hit) return hit;
  if (words === 'dia chinh' || words.startsWith('dia chinh ')) {
    // "dia chinh nong nghiep xay dung moi truong" → the parts after "dia chinh", two words each.
    const rest: string[] =
      words
        .slice('dia chinh'.length)
        .trim()
        .match(/\S+ \S+/g) ?? [];
    if (!rest.every((w) => DC_WORDS.has(w))) return null;
    const nn = rest.includes('nong nghiep');
    const dt = rest.includes('do thi');
    if (nn && dt) return null;
    if (nn) return DC_XA;
    if (dt) return DC_PHUONG;
    return opts.communeKind === 'phuong' || opts.communeKind === 'thi_tran' ? DC_PHUONG : DC_XA;
  }
  return null;
}

/** "Xã Hòa Tú 1" → 'xa', "Phường 5" → 'phuong', "TT. Mỹ Xuyên" → 'thi_tran'; null when the name doesn't say. */
export function communeKind(name: string): CommuneKind | null {
  // Only the first word matters: folding just that much keeps this cheap for a province of communes.
  const f = foldWords(name.trimStart().slice(0, 12));
  if (/^(xa|x)( |$)/.test(f)) return 'xa';
  if (/^(phuong|p)( |$)/.test(f)) return 'phuong';
  if (/^(thi tran|tt)( |$)/.test(f)) return 'thi_tran';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Titles rosters meet that the plan does not examine

/**
 * Commune titles that are real but outside the plan's six groups (the plan examines UBND's
 * Chủ tịch/Phó Chủ tịch and five công chức titles). A roster listing one is not wrong: the person
 * is reported as not examined instead of the row being refused as an unknown title.
 */
const NON_EXAM: readonly { re: RegExp; label: string }[] = [
  { re: /^(pho )?chu tich (hdnd|hoi dong nhan dan)\b/, label: NON_EXAM_LABEL.hdnd },
  { re: /^(truong |pho truong )?cong an\b|^cong an (xa|phuong|thi tran)\b/, label: NON_EXAM_LABEL.police },
  { re: /^(chi huy (truong|pho) )?quan su\b|^chi huy (truong|pho)\b/, label: NON_EXAM_LABEL.military },
  { re: /^bi thu doan\b/, label: NON_EXAM_LABEL.youth },
  { re: /^(pho )?bi thu\b/, label: NON_EXAM_LABEL.party },
  { re: /^(pho )?chu tich (ubmttq|mat tran|uy ban mat tran|hoi|mttq)\b/, label: NON_EXAM_LABEL.mass },
];

/** The label of a known but not-examined title ("Chủ tịch HĐND xã" → "Chủ tịch, Phó Chủ tịch HĐND"), or null. */
export function nonExamTitle(raw: string): string | null {
  const s = foldWords(raw.replace(/\([^)]*\)/g, ' ')).replace(/^(cong chuc|can bo) /, '');
  return NON_EXAM.find((n) => n.re.test(s))?.label ?? null;
}

/** The Địa chính title the plan names for a commune of this kind. */
export const dcTitleFor = (kind: CommuneKind): ExamTitle => (kind === 'xa' ? DC_XA.title : DC_PHUONG.title);

/**
 * A Địa chính title written for the other kind of commune (ĐC-NN-XD-MT in a phường, ĐC-XD-ĐT-MT in
 * a xã): the title the commune's kind calls for, or null when it matches (or cannot be told).
 */
export function dcTitleMismatch(match: PositionMatch, kind: CommuneKind | null): ExamTitle | null {
  if (match.id !== 'DC' || kind === null) return null;
  const want = dcTitleFor(kind);
  return match.title === want ? null : want;
}

// ---------------------------------------------------------------------------------------------
// Sub-roles (Ghi chú): who performs which step

/**
 * The plan splits two titles between steps by what the officer is in charge of: Tư pháp - Hộ tịch
 * "phụ trách chứng thực" books (step 1), "phụ trách hộ tịch" processes (step 2); Văn phòng - Thống
 * kê "phụ trách HĐND và UBND và Văn phòng Đảng ủy" books (step 1), "phụ trách một cửa" returns
 * (step 4). Mẫu 02 carries it in Ghi chú ("Phụ trách một cửa", "Phụ trách chứng thực").
 */
export type SubRole = 'chung_thuc' | 'ho_tich' | 'hdnd_ubnd' | 'mot_cua';

export const SUB_ROLE_LABELS: Record<SubRole, string> = viExamDay.subRoles;

/** The sub-role a note (or a title's "(phụ trách …)") names, or null. "Một cửa" wins over a mention of UBND. */
export function subRoleOf(...texts: (string | null | undefined)[]): SubRole | null {
  const f = foldWords(texts.filter(Boolean).join(' '));
  if (!f) return null;
  if (/\bmot cua\b|\btiep nhan va tra ket qua\b|\bbo phan tn ?tkq\b/.test(f)) return 'mot_cua';
  if (/\bchung thuc\b/.test(f)) return 'chung_thuc';
  if (/\b(phu trach|linh vuc|lam) ho tich\b|^ho tich$/.test(f)) return 'ho_tich';
  if (/\b(hdnd|hoi dong nhan dan|ubnd|van phong dang uy|vp dang uy)\b/.test(f)) return 'hdnd_ubnd';
  return null;
}
