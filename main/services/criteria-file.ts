// Reads a criteria set file — our JSON format (criteria-json.ts) or a province's XLSX table
// (criteria-xlsx.ts) — into checked rows. No database: the caller decides what to do with
// check.errors (refuse) and check.warnings (show). Only files that can't be read as a criteria set
// at all throw (ApiError 'VALIDATION').
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import { checkCriteria, type CriteriaCheck } from '../domain/criteria-tree';
import { viCriteriaFile } from '../../shared/i18n/vi/criteria-file';
import { DEFAULT_MAX_CRITERIA_BYTES } from '../../shared/criteria-format';
import { sniffFile } from './file-sniff';
import { parseCriteriaJson } from './criteria-json';
import { parseCriteriaXlsx } from './criteria-xlsx';

export interface CriteriaSetMeta {
  name: string;
  decision: string | null;
  province: string | null;
  year: number | null;
}

export interface CriteriaFileResult {
  meta: CriteriaSetMeta;
  check: CriteriaCheck;
  format: 'json' | 'xlsx';
}

export { CRITERIA_FORMAT, CRITERIA_FORMAT_VERSION, DEFAULT_MAX_CRITERIA_BYTES, MAX_CRITERIA_ROWS, HEADER_SCAN_ROWS } from '../../shared/criteria-format';
export { criteriaJsonSchema, type CriteriaJson } from './criteria-json';
export { proposeName } from './criteria-xlsx';
export const criteriaFileMessages = viCriteriaFile;

/**
 * Reads and checks a criteria set file. Throws ApiError('VALIDATION') when the file can't be read
 * as a criteria set; problems in the criteria themselves are returned in check.errors/warnings.
 */
export async function readCriteriaFile(filePath: string, opts: { maxBytes?: number; displayName?: string } = {}): Promise<CriteriaFileResult> {
  // The name the user knows the file by: an upload is stored under a random id, never to be shown.
  const file = opts.displayName ?? path.basename(filePath);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_CRITERIA_BYTES;
  let size: number;
  try {
    const st = await stat(filePath);
    if (!st.isFile()) throw new ApiError('VALIDATION', criteriaFileMessages.notAFile(file));
    size = st.size;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('VALIDATION', criteriaFileMessages.notFound(file));
  }
  if (size === 0) throw new ApiError('VALIDATION', criteriaFileMessages.empty(file));
  // Refused before anything is parsed: a huge file is the wrong file, and parsing it costs memory.
  if (size > maxBytes) throw new ApiError('VALIDATION', criteriaFileMessages.tooBig(file, size, maxBytes));

  // Decided by content, not by extension: people rename files. Any zip is tried as a workbook,
  // so a Word file gets the workbook's "can't be read" message.
  const kind = await sniffFile(filePath, size);
  if (kind === 'xls') throw new ApiError('VALIDATION', criteriaFileMessages.oldXls(file));
  if (kind === 'unknown') throw new ApiError('VALIDATION', criteriaFileMessages.unknownType(file));

  if (kind === 'json') {
    const { meta, rows } = parseCriteriaJson(file, await readFile(filePath));
    return { meta, check: checkCriteria(rows), format: 'json' };
  }
  const { meta, rows, statedTotal } = await parseCriteriaXlsx(file, filePath);
  const check = checkCriteria(rows);
  if (statedTotal && check.nodes.length > 0 && statedTotal.value !== check.totalMax) {
    check.warnings.push({
      severity: 'warning',
      code: null,
      source: statedTotal.source,
      message: criteriaFileMessages.totalRowMismatch(statedTotal.value, check.totalMax),
    });
  }
  return { meta, check, format: 'xlsx' };
}
