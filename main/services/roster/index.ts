// Roster forms (Mẫu 01–05 of the exam plan): streaming import with per-row checks, and export
// to XLSX (official layout) and PDF. The rules themselves live in main/domain/roster.ts.
export { readRosterFile, messages, DEFAULT_MAX_ROSTER_BYTES, HEADER_SCAN_ROWS, MAX_LISTED_ISSUES, MAX_ROSTER_ROWS } from './read';
export type { Gender, ReadRosterOptions, RosterImport, RosterIssue, RosterRow, RosterSheet } from './read';
export { writeRosterXlsx, HEADER_ROW, FIRST_DATA_ROW } from './xlsx';
export { writeRosterPdf, renderRosterPdf } from './pdf';
export type { RosterMeta, RosterRowOut } from './layout';
export { FORM_CODES, FORM_SPECS, type FormCode, type FormSpec, type FormColumn } from './forms';
