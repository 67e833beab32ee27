// The checks every spreadsheet import makes before reading a row (the council's results, a
// question bank): the file exists, is not empty, is an .xlsx by its content (an old .xls or a
// renamed file is named as such), is not over its size limit, and opens; the book is closed
// whatever the reading does. Each import brings its own words for these refusals.
import { stat } from 'node:fs/promises';
import { ApiError } from '../../../shared/errors';
import { sniffFile } from '../file-sniff';
import { openXlsx, type XlsxBook } from '../roster/read/xlsx-zip';

export interface XlsxFileMessages {
  notFound(file: string): string;
  empty(file: string): string;
  oldXls(file: string): string;
  notXlsx(file: string): string;
  tooBig(file: string): string;
  badXlsx(file: string): string;
}

export async function readXlsxImport<T>(
  filePath: string,
  file: string,
  maxBytes: number,
  m: XlsxFileMessages,
  read: (book: XlsxBook) => Promise<T>,
): Promise<T> {
  const size = await stat(filePath).then(
    (st) => st.size,
    () => {
      throw new ApiError('VALIDATION', m.notFound(file));
    },
  );
  if (size === 0) throw new ApiError('VALIDATION', m.empty(file));
  const kind = await sniffFile(filePath, size);
  if (kind === 'xls') throw new ApiError('VALIDATION', m.oldXls(file));
  if (kind !== 'xlsx') throw new ApiError('VALIDATION', m.notXlsx(file));
  if (size > maxBytes) throw new ApiError('VALIDATION', m.tooBig(file));
  let book: XlsxBook | undefined;
  try {
    book = await openXlsx(filePath);
    return await read(book);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('VALIDATION', m.badXlsx(file));
  } finally {
    book?.close();
  }
}
