// Builds criteria XLSX fixtures at test time (no binary fixtures in git), and other ZIP files to
// check that a renamed .docx is refused.
import { writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';

export const DEFAULT_CRITERIA_HEADER = ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Hướng dẫn chấm điểm', 'Tài liệu kiểm chứng'];

export type XlsxCell = string | number | null | ExcelJS.CellValue;

/**
 * Writes a one-sheet workbook: optional title rows (each merged across the table's width, as
 * province documents do), then the header row, then `rows`. Returns the Excel row number of the
 * first data row, so tests can name `dòng N`.
 */
export async function writeCriteriaXlsx(
  file: string,
  rows: XlsxCell[][],
  opts: { titleRows?: string[]; header?: string[]; sheetName?: string } = {},
): Promise<number> {
  const header = opts.header ?? DEFAULT_CRITERIA_HEADER;
  const width = Math.max(header.length, ...rows.map((r) => r.length), 1);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheetName ?? 'Bộ tiêu chí');
  let r = 1;
  for (const title of opts.titleRows ?? []) {
    ws.getCell(r, 1).value = title;
    if (width > 1) ws.mergeCells(r, 1, r, width);
    r++;
  }
  header.forEach((h, i) => (ws.getCell(r, i + 1).value = h));
  r++;
  const first = r;
  for (const row of rows) {
    row.forEach((v, i) => {
      if (v !== null) ws.getCell(r, i + 1).value = v;
    });
    r++;
  }
  await wb.xlsx.writeFile(file);
  return first;
}

/** A minimal stored (uncompressed) ZIP — enough to fake a .docx without a zip library. */
export function writeZip(file: string, entries: Record<string, string>): void {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBuf = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...locals, cd, end]));
}

/** The parts of a Word document, enough for a ZIP that looks like a .docx. */
export const DOCX_ENTRIES: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  'word/document.xml':
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p></w:body></w:document>',
};
