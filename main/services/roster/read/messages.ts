// The roster reader's messages: the catalogue's texts (shared/i18n/vi/roster.ts) with the reader's
// own limits and form names bound in, so callers pass only what varies.
import { viRoster } from '../../../../shared/i18n/vi/roster';
import { EXAM_POSITIONS } from '../../../domain/roster';
import { COLUMN_LABELS, formName, type FormCode, type HeaderKey } from '../forms';
import { HEADER_SCAN_ROWS, MAX_LISTED_ISSUES, MAX_ROSTER_ROWS, XLSX_LIMITS } from './types';

const t = viRoster.read;
const EXAM_TITLES = [...new Set(EXAM_POSITIONS.map((p) => p.title))].join(', ');

export const messages = {
  ...t,
  tooManyRows: (f: string) => t.tooManyRows(f, MAX_ROSTER_ROWS),
  noForms: (f: string) => t.noForms(f, HEADER_SCAN_ROWS),
  noHeader: (where: string) => t.noHeader(where, HEADER_SCAN_ROWS),
  formGuessed: (where: string, form: FormCode) => t.formGuessed(where, formName(form)),
  moreIssues: (n: number, kind: 'error' | 'warning') => t.moreIssues(n, kind, MAX_LISTED_ISSUES),
  unknownPosition: (raw: string) => t.unknownPosition(raw, EXAM_TITLES),
  tooManyEntries: (f: string, n: number) => t.tooManyEntries(f, n, XLSX_LIMITS.maxEntries),
  totalTooBig: (f: string) => t.totalTooBig(f, XLSX_LIMITS.maxTotalBytes),
  elementTooBig: (f: string, part: string) => t.elementTooBig(f, part, XLSX_LIMITS.maxCellBytes),
  rowTooBig: (f: string, part: string) => t.rowTooBig(f, part, XLSX_LIMITS.maxRowXmlBytes),
  tooManyStrings: (f: string) => t.tooManyStrings(f, XLSX_LIMITS.maxSharedStrings),
  cellOversize: (col: string, bytes: number) => t.cellOversize(col, bytes, XLSX_LIMITS.maxCellBytes),
  storedMismatch: (form: FormCode, read: number, stored: number) => t.storedMismatch(formName(form), read, stored),
};

const SPLIT = viRoster.labels.columns;

/** How messages name a column: the split birth columns and the columns a form may lack by their own words. */
export const columnLabel = (k: HeaderKey): string =>
  k === 'birthMale' || k === 'birthFemale' || k === 'gender' || k === 'district' ? SPLIT[k] : COLUMN_LABELS[k];

/** "Nguyễn Văn A (sinh 1987, Xã B)" — how messages name a person. */
export const who = viRoster.who;
