// What the roster reader returns, what it accepts, and its limits.
import type { ExamPositionId, ExclusionCode, FocalArea } from '../../../domain/roster';
import type { FormCode } from '../forms';
import { MAX_CELL_BYTES } from '../../xlsx/cells';

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
  message: string; // Vietnamese: with a row, starts with its place ("Mẫu 02, dòng 14: " or "Mẫu 02, ô C14: ")
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
  /** The name the user knows the file by (an upload is stored under a random name): used in every message. */
  displayName?: string;
}

/** A province-wide Mẫu 05 of 100 000 rows is ≈ 5 MB; 100 MB is certainly not a roster. */
export const DEFAULT_MAX_ROSTER_BYTES = 100 * 1024 * 1024;
/** More rows than three provinces' officers: a wrong file, or a ZIP bomb. */
export const MAX_ROSTER_ROWS = 500_000;
/** How far down the header row may sit (below title rows). */
export const HEADER_SCAN_ROWS = 20;
/** Beyond this the list is cut with a count: a systematic mistake would otherwise list 100 000 lines. */
export const MAX_LISTED_ISSUES = 2000;
export const ROWS_PER_PROGRESS = 1000;
/** Bound on each per-import cache: distinct communes and titles number in the thousands at most. */
export const CACHE_LIMIT = 50_000;

/**
 * Bounds on what an XLSX may unpack to. 100 000 rows of Mẫu 05 inflate to ≈ 40 MB of sheet XML,
 * so a part may hold 500 000 rows; anything beyond these is not a roster but a ZIP bomb.
 */
export const XLSX_LIMITS = {
  /** Entries in the ZIP (a workbook of 100 sheets has ≈ 250). */
  maxEntries: 10_000,
  /** One sheet, decompressed (read as a stream, never held). */
  maxPartBytes: 256 * 1024 * 1024,
  /** The shared strings, decompressed: exceljs keeps them all in memory while the sheets are read. */
  maxSharedStringsBytes: 64 * 1024 * 1024,
  /** The workbook and its relationships (a few KB in practice). */
  maxMetaPartBytes: 16 * 1024 * 1024,
  /** Everything read from one file, decompressed. */
  maxTotalBytes: 512 * 1024 * 1024,
  /** One cell or one shared string (UTF-8). Excel itself stops a cell at 32 767 characters. */
  maxCellBytes: MAX_CELL_BYTES,
  /** One <si> or <c> element as XML (markup and escapes included): 32 KiB of text, escaped, fits. */
  maxElementXmlBytes: 256 * 1024,
  /** One <row> element as XML. */
  maxRowXmlBytes: 8 * 1024 * 1024,
  /** Distinct strings in the shared-strings table. */
  maxSharedStrings: 2_000_000,
} as const;

/** Text columns: a person's name, a commune's, a title, a note — sane lengths, in characters. */
export const MAX_TEXT_CHARS = {
  fullName: 100,
  commune: 150,
  district: 150,
  position: 200,
  agency: 200,
  focalArea: 200,
  reason: 1000,
  note: 1000,
} as const;
export type TextColumn = keyof typeof MAX_TEXT_CHARS;
