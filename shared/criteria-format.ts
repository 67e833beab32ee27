// The criteria-set file format and its limits (read by main/services/criteria-file.ts, named in its messages).
export const CRITERIA_FORMAT = 'kiemchung-criteria';
export const CRITERIA_FORMAT_VERSION = 1;
export const DEFAULT_MAX_CRITERIA_BYTES = 20 * 1024 * 1024;
/** A province set has ~100–200 rows; far more means the wrong file or sheet. */
export const MAX_CRITERIA_ROWS = 5000;
/** How far down the first rows the XLSX header may sit (below title rows). */
export const HEADER_SCAN_ROWS = 20;
