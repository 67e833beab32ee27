// The province's naming convention for evidence files (doc 001, CV 1580/SNV-CCHC):
//   "Mã tiêu chí/TCTP_số, ký hiệu văn bản_tên trích yếu văn bản"
// e.g. "Báo cáo số 25/BC-UBND về công tác CCHC quý I/2023" for tiêu chí 2.3 is named
//   2.3_so 25BC-UBND_BC CCHC quy I.2023
// What the two examples show (and this module applies): no diacritics; '/' removed from the
// document symbol and turned into '.' in the summary; the leading document type abbreviated.
// All three parts are required ('2.3_abc' and '2.3_so 25BC-UBND' are refused); the second example,
// '2.3_so 25BC-UBND_ Phu luc 1 so van ban QPPL…', passes as written, trailing '…' included.
// Names must also survive a Windows file system, where the council's reviewers open them.
// Pure.
import { stripDiacritics } from './vietnamese';
import { viEvidenceNaming } from '../../shared/i18n/vi/evidence-naming';

/** Longest base name (without extension) proposed or accepted; keeps full paths under Windows' 260. */
export const MAX_NAME_LENGTH = 120;

/**
 * ASCII for file names: diacritics stripped (NFC or NFD input), đ/Đ → d/D, typographic dashes
 * and ellipsis spelled in ASCII; anything other than letters, digits, space and . - ( ) becomes a
 * space; spaces collapsed and trimmed.
 */
export function toAscii(s: string): string {
  return stripDiacritics(s.normalize('NFC'))
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[^A-Za-z0-9 .\-()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Leading document types and their usual abbreviations in a file name (as "Báo cáo" → "BC").
const DOC_TYPES: readonly (readonly [RegExp, string])[] = [
  [/^bao cao(?![A-Za-z0-9])/i, 'BC'],
  [/^ke hoach(?![A-Za-z0-9])/i, 'KH'],
  [/^quyet dinh(?![A-Za-z0-9])/i, 'QD'],
  [/^thong bao(?![A-Za-z0-9])/i, 'TB'],
  [/^cong van(?![A-Za-z0-9])/i, 'CV'],
  [/^to trinh(?![A-Za-z0-9])/i, 'TTr'],
  [/^nghi quyet(?![A-Za-z0-9])/i, 'NQ'],
];
// Filler right after the document type that adds nothing to a name: "về công tác", "về việc", "V/v", "về".
const FILLER = /^(ve cong tac|ve viec|v\.v|ve)(?: |$)/i;

/** '25/BC-UBND' or 'Số 25/BC-UBND' → '25BC-UBND'; '' when nothing is left. */
function compactDocNumber(docNumber: string): string {
  const s = stripDiacritics(docNumber.normalize('NFC')).replace(/^\s*so\b\.?\s*:?\s*/i, '');
  return toAscii(s.replace(/[/\\]/g, '')).replace(/ /g, '');
}

/**
 * The convention's summary part: ASCII, '/' → '.', the leading document type abbreviated, a
 * repeated "số <number>" and filler such as "về công tác" dropped:
 * 'Báo cáo về công tác CCHC quý I/2023' → 'BC CCHC quy I.2023'.
 */
function conventionSummary(summary: string, compactNumber: string): string {
  let s = toAscii(summary.normalize('NFC').replace(/\//g, '.'));
  let abbr = '';
  for (const [re, short] of DOC_TYPES) {
    if (re.test(s)) {
      abbr = short;
      s = s.replace(re, '').trim();
      break;
    }
  }
  // A pasted full title repeats the number already in the name: "Báo cáo số 25/BC-UBND về …".
  const num = /^so (\S+)(?: |$)/i.exec(s);
  if (num && compactNumber && num[1]!.replace(/\./g, '').toUpperCase() === compactNumber.toUpperCase()) s = s.slice(num[0].length);
  s = s.replace(FILLER, '').trim();
  return [abbr, s].filter(Boolean).join(' ');
}

const trimEnd = (s: string) => s.replace(/[ .]+$/, '');

/** Cuts `s` to at most `max` characters at a word boundary (hard cut when there is none). */
function cutAtWord(s: string, max: number): string {
  if (s.length <= max) return s;
  const space = s.lastIndexOf(' ', max);
  return trimEnd(space > 0 ? s.slice(0, space) : s.slice(0, max));
}

/**
 * The convention name for an evidence file: '<code>_so <number>_<summary>', or '<code>_<summary>'
 * without a document number. The base name is at most MAX_NAME_LENGTH characters (the summary is
 * cut at a word); `extension` ('pdf' or '.pdf') is appended after the limit is applied.
 */
export function proposeEvidenceName(i: { criterionCode: string; docNumber: string | null; summary: string; extension?: string }): string {
  const code = i.criterionCode.trim();
  const number = i.docNumber ? compactDocNumber(i.docNumber) : '';
  const summary = conventionSummary(i.summary ?? '', number);
  const prefix = number ? `${code}_so ${number}` : code;
  let base: string;
  if (!summary) base = number ? prefix : `${code}_`;
  else {
    const room = MAX_NAME_LENGTH - prefix.length - 1;
    base = room > 0 ? `${prefix}_${cutAtWord(summary, room)}` : prefix.slice(0, MAX_NAME_LENGTH);
  }
  base = base.length > MAX_NAME_LENGTH ? base.slice(0, MAX_NAME_LENGTH) : base;
  if (base !== `${code}_`) base = trimEnd(base);
  const ext = i.extension?.trim().replace(/^\.+/, '').toLowerCase();
  return ext ? `${base}.${ext}` : base;
}

export interface NameProblem {
  message: string;
}

// Extensions of accepted evidence; anything else after a dot is part of the name ('quy I.2023').
const EVIDENCE_EXT = /\.(pdf|jpe?g|png)$/i;
const WINDOWS_ILLEGAL = /[<>:"/\\|?*]/;
const CONTROL = /[\u0000-\u001f\u007f]/;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

const codePoint = (ch: string) => 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

export const messages = viEvidenceNaming;

// After '<code>_': 'so <number and symbol>' (at least one digit), '_', then a summary with at least
// one letter or digit. Doc 001's examples: 'so 25BC-UBND_BC CCHC quy I.2023', 'so 25BC-UBND_ Phu luc 1…'.
const NUMBER_PART = /^so\s+([^_]*\d[^_]*?)\s*(?:_(.*))?$/is;

function structureProblem(rest: string, code: string): string | null {
  if (!rest.trim()) return messages.nothingAfterCode(code);
  // Judged without diacritics, so "số" is reported once, by the no-diacritics rule.
  const m = NUMBER_PART.exec(stripDiacritics(rest));
  if (!m) return messages.missingNumber(code);
  if (!/[\p{L}\p{N}]/u.test(m[2] ?? '')) return messages.missingSummary(code, m[1]!.trim());
  return null;
}

/**
 * Problems with an evidence file's name under the convention, each with a Vietnamese message;
 * empty when the name is fine. A trailing .pdf/.jpg/.jpeg/.png is ignored.
 */
export function validateEvidenceName(name: string, criterionCode: string): NameProblem[] {
  const problems: NameProblem[] = [];
  const add = (message: string) => problems.push({ message });
  const base = name.normalize('NFC').replace(EVIDENCE_EXT, '');
  const code = criterionCode.trim();
  if (!base.trim()) return [{ message: messages.empty }];

  if (!base.startsWith(`${code}_`)) add(messages.mustStartWithCode(code));
  else {
    const problem = structureProblem(base.slice(code.length + 1), code);
    if (problem) add(problem);
  }

  // Document 001 writes its second example cut off with '…'; a trailing ellipsis is accepted as written.
  const chars = [...base.replace(/\u2026+$/, '')];
  const nonAscii = chars.findIndex((c) => c.codePointAt(0)! > 0x7f);
  if (nonAscii >= 0) add(messages.nonAscii(chars[nonAscii]!, nonAscii + 1));
  const illegal = WINDOWS_ILLEGAL.exec(base);
  if (illegal) add(messages.illegalChar(illegal[0]));
  const control = CONTROL.exec(base);
  if (control) add(messages.controlChar(codePoint(control[0])));
  if (/[ .]$/.test(base)) add(messages.trailing);
  if (chars.length > MAX_NAME_LENGTH) add(messages.tooLong(chars.length, MAX_NAME_LENGTH));
  // Windows reserves these names whatever the extension ("NUL.pdf" too).
  const stem = base.split('.')[0]!.replace(/ +$/, '');
  if (RESERVED.test(stem)) add(messages.reserved(stem));
  return problems;
}

/**
 * Key under which two names are the same file on Windows (case-insensitive, trailing dots and
 * spaces ignored), for duplicate detection within a criterion. A trailing evidence extension is
 * dropped so stored base names and full file names compare alike.
 */
export function sameNameKey(name: string): string {
  return trimEnd(name.normalize('NFC').trim().replace(EVIDENCE_EXT, '')).toLowerCase();
}

/**
 * Whether an evidence document was issued by the commune's own UBND ("…/KH-UBND", "QĐ-UBND"):
 * judged from its "Số, ký hiệu" when entered, else from the "so <number>" part of its file name.
 * Doc 001 requires evidence files to carry a digital signature and accepts a scan only when the
 * signature is faulty; the commune signs its own documents, so an unsigned PDF of one is an error.
 */
export function issuedByCommune(docNumber: string | null, fileName: string): boolean {
  const fromName = NUMBER_PART.exec(stripDiacritics(fileName.normalize('NFC')).replace(/^[^_]*_/, ''))?.[1] ?? '';
  const symbol = stripDiacritics((docNumber ?? '').normalize('NFC')) || fromName;
  return /(?:^|[-/\s\d])UBND(?![A-Za-z])/i.test(symbol);
}
