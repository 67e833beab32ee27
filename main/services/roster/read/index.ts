// Reads the roster forms (Mẫu 01–05) a district sends, checking every row. Streaming: a
// province-wide Mẫu 05 has 100 000 rows, so sheets are read row by row with exceljs's streaming
// reader (driven through xlsx-zip.ts, which bounds what the file may unpack to), never held as a
// Workbook. Writes nothing, not even a temporary file: the caller stores the rows, all or
// nothing, only when `errors` is empty (rows with errors are still returned, for a preview).
// Files that can't be read as a workbook at all, or that break a bound, throw ApiError('VALIDATION').
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import path from 'node:path';
import { ApiError } from '../../../../shared/errors';
import { sniffFile } from '../../file-sniff';
import { ImportContext } from './context';
import { crossCheck } from './cross-check';
import { messages } from './messages';
import { SheetParser } from './sheet';
import { DEFAULT_MAX_ROSTER_BYTES, MAX_ROSTER_ROWS, ROWS_PER_PROGRESS, type ReadRosterOptions, type RosterImport } from './types';
import { openXlsx, rowBatches, type XlsxBook } from './xlsx-zip';
import { XlsxRefusal } from './xml-guard';

export { messages } from './messages';
export { DEFAULT_MAX_ROSTER_BYTES, HEADER_SCAN_ROWS, MAX_LISTED_ISSUES, MAX_ROSTER_ROWS, MAX_TEXT_CHARS, XLSX_LIMITS } from './types';
export type { Gender, ReadRosterOptions, RosterImport, RosterIssue, RosterRow, RosterSheet } from './types';

function refusal(e: XlsxRefusal, file: string): ApiError {
  switch (e.kind) {
    case 'entries':
      return new ApiError('VALIDATION', messages.tooManyEntries(file, e.detail));
    case 'part':
      return new ApiError('VALIDATION', messages.partTooBig(file, e.part, e.detail, e.size));
    case 'total':
      return new ApiError('VALIDATION', messages.totalTooBig(file));
    case 'element':
      return new ApiError('VALIDATION', messages.elementTooBig(file, e.part));
    case 'row':
      return new ApiError('VALIDATION', messages.rowTooBig(file, e.part));
    case 'strings':
      return new ApiError('VALIDATION', messages.tooManyStrings(file));
    case 'doctype':
      return new ApiError('VALIDATION', messages.doctype(file, e.part));
    case 'crc':
      return new ApiError('VALIDATION', messages.badCrc(file, e.part));
  }
}

/**
 * Reads every roster form in an XLSX file. Throws ApiError('VALIDATION') when the file is not a
 * readable workbook (by content: a renamed file is recognised) or breaks a bound (XLSX_LIMITS),
 * ApiError('CANCELLED') on abort.
 */
export async function readRosterFile(filePath: string, opts: ReadRosterOptions = {}): Promise<RosterImport> {
  const file = opts.displayName ?? path.basename(filePath);
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
  let book: XlsxBook | undefined;
  let rowsRead = 0;
  let lastProgress = 0;
  // Only a failure to unzip or parse means a damaged file; a fault in the checks must surface as itself.
  let inParser = false;
  try {
    book = await openXlsx(filePath, (s) => streams.add(s));
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
    if (e instanceof XlsxRefusal) throw refusal(e, file);
    throw new ApiError('VALIDATION', messages.badXlsx(file));
  } finally {
    signal?.removeEventListener('abort', onAbort);
    streams.forEach((s) => s.destroy());
    book?.close();
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
  if (ctx.droppedErrors) ctx.errors.push({ sheet: '', row: null, message: messages.moreIssues(ctx.droppedErrors, 'error') });
  if (ctx.droppedWarnings) ctx.warnings.push({ sheet: '', row: null, message: messages.moreIssues(ctx.droppedWarnings, 'warning') });
  return { forms: ctx.forms, errors: ctx.errors, warnings: ctx.warnings };
}
