// The text formats of a BagIt 1.0 bag (RFC 8493) and the naming rules of our packages, shared by
// the writer and the verifier so both read the format the same way.
import { vnIsoDate } from '../../../shared/vn-time';

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export const TAG = {
  bagit: 'bagit.txt',
  bagInfo: 'bag-info.txt',
  manifest: 'manifest-sha256.txt',
  tagmanifest: 'tagmanifest-sha256.txt',
  signature: 'tagmanifest-sha256.txt.p7s',
} as const;

/** The bag-info fields every package carries; Bagging-Date and Payload-Oxum are computed. */
export const REQUIRED_INFO = ['Source-Organization', 'External-Identifier', 'Kiemchung-Kind', 'Kiemchung-Schema-Version'] as const;
export const COMPUTED_INFO = ['Bagging-Date', 'Payload-Oxum'] as const;

/**
 * Whole path inside the zip (`<bag>/data/…`) is at most 200 characters: Windows' MAX_PATH is 260,
 * and the folder a user extracts into ("C:\Users\<name>\Downloads\<zip name>\") easily takes 60.
 */
export const MAX_ZIP_PATH = 200;
export const MAX_BAG_NAME = 80;

const BAG_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const isValidBagName = (name: string) => name.length <= MAX_BAG_NAME && BAG_NAME_RE.test(name) && !name.endsWith('.');

// Windows refuses these in names (and `%` would need escaping in manifests, so it is refused too).
const FORBIDDEN_CHARS = /[<>:"\\|?*%]/;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export type PathProblem =
  | { kind: 'nonAscii' }
  | { kind: 'badChar'; char: string }
  | { kind: 'badSegment' }
  | { kind: 'reservedName'; segment: string }
  | { kind: 'tooLong'; length: number };

/** Checks a payload path given relative to data/ (e.g. `evidence/2.3/2.3_so 25BC-UBND_BC.pdf`). */
export function checkPayloadPath(bagName: string, rel: string): PathProblem | null {
  if (!/^[\x20-\x7e]*$/.test(rel)) return { kind: 'nonAscii' };
  const bad = FORBIDDEN_CHARS.exec(rel);
  if (bad) return { kind: 'badChar', char: bad[0] };
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.' || seg === '..' || seg.startsWith(' ') || seg.endsWith(' ') || seg.endsWith('.')) return { kind: 'badSegment' };
    if (RESERVED.test(seg)) return { kind: 'reservedName', segment: seg };
  }
  const length = zipPath(bagName, `data/${rel}`).length;
  if (length > MAX_ZIP_PATH) return { kind: 'tooLong', length };
  return null;
}

export const zipPath = (bagName: string, inner: string) => `${bagName}/${inner}`;

// ---- bag-info.txt ----

const LABEL_RE = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
export const isValidLabel = (label: string) => LABEL_RE.test(label);
export const isValidValue = (value: string) => !/[\r\n]/.test(value);

export function formatBagInfo(fields: [string, string][]): string {
  return fields.map(([k, v]) => `${k}: ${v}\n`).join('');
}

export interface ParsedBagInfo {
  fields: [string, string][];
  /** 1-based line numbers that are not `Label: value` nor a continuation. */
  badLines: number[];
}

/** RFC 8493 §2.2.2: `Label: value`, continuation lines start with whitespace; CR, LF or CRLF. */
export function parseBagInfo(text: string): ParsedBagInfo {
  const fields: [string, string][] = [];
  const badLines: number[] = [];
  const lines = splitLines(text);
  lines.forEach((line, i) => {
    if (line === '' && i === lines.length - 1) return;
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last[1] += ' ' + line.trim();
      return;
    }
    const m = /^([^:\s][^:]*?):[ \t](.*)$/.exec(line) ?? /^([^:\s][^:]*?):$/.exec(line);
    if (!m) {
      badLines.push(i + 1);
      return;
    }
    fields.push([m[1]!, m[2] ?? '']);
  });
  return { fields, badLines };
}

const splitLines = (text: string) => text.split(/\r\n|\r|\n/);

// ---- Payload-Oxum ----

export const formatOxum = (bytes: number, count: number) => `${bytes}.${count}`;
export function parseOxum(v: string): { bytes: number; count: number } | null {
  const m = /^(\d{1,16})\.(\d{1,9})$/.exec(v.trim());
  return m ? { bytes: Number(m[1]), count: Number(m[2]) } : null;
}

/** YYYY-MM-DD in Vietnam time (UTC+7, no daylight saving): the date the office sees. */
export const baggingDate = vnIsoDate;

// ---- manifests ----

/** RFC 8493 §2.1.3: only CR, LF and % are percent-encoded in manifest paths. */
const encodePath = (p: string) => p.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const decodePath = (p: string) => p.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');

/** Two spaces between hash and path, as `sha256sum` writes, so `sha256sum -c` reads it too. */
export function formatManifest(lines: { sha256: string; path: string }[]): string {
  return lines.map((l) => `${l.sha256}  ${encodePath(l.path)}\n`).join('');
}

export interface ParsedManifest {
  entries: { sha256: string; path: string; line: number }[];
  badLines: number[];
}

export function parseManifest(text: string): ParsedManifest {
  const entries: ParsedManifest['entries'] = [];
  const badLines: number[] = [];
  const lines = splitLines(text);
  lines.forEach((line, i) => {
    if (line === '' && i === lines.length - 1) return;
    const m = /^([0-9a-fA-F]{64})[ \t]+(\S.*)$/.exec(line);
    if (!m) badLines.push(i + 1);
    else entries.push({ sha256: m[1]!.toLowerCase(), path: decodePath(m[2]!), line: i + 1 });
  });
  return { entries, badLines };
}
