// The one home of magic numbers (main/domain/file-sniff.ts) and the importers' file sniffer
// (main/services/file-sniff.ts) on real files: a workbook by exceljs, zips named like Office and
// OpenDocument files, an old .xls header, JSON and a renamed text file.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { looksLikeJson, sniffKind, zipCentralNames, zipLocalNames } from '../../main/domain/file-sniff';
import { sniffFile } from '../../main/services/file-sniff';
import { DOCX_ENTRIES, writeZip } from '../helpers/criteria-xlsx';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-sniff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const sniff = (file: string) => sniffFile(file, statSync(file).size);

describe('sniffing imported files by content', () => {
  it('knows a workbook from a Word file, an OpenDocument sheet, a PowerPoint and a plain zip, whatever their names', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Danh sách').getCell('A1').value = 'Họ và tên';
    await wb.xlsx.writeFile(at('danh-sach.pdf'));
    expect(await sniff(at('danh-sach.pdf'))).toBe('xlsx');
    writeZip(at('cong-van.xlsx'), DOCX_ENTRIES);
    expect(await sniff(at('cong-van.xlsx'))).toBe('docx');
    writeZip(at('bang.xlsx'), { mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' });
    expect(await sniff(at('bang.xlsx'))).toBe('ods');
    writeZip(at('trinh-chieu.xlsx'), { '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' });
    expect(await sniff(at('trinh-chieu.xlsx'))).toBe('zip');
    writeZip(at('anh.xlsx'), { 'anh.jpg': 'x' });
    expect(await sniff(at('anh.xlsx'))).toBe('zip');
  });

  it('finds the workbook by its central directory when the first entries say nothing', async () => {
    // A large first entry pushes every xl/ name past the first 64 KB.
    writeZip(at('lon.xlsx'), { 'docProps/thumbnail.bin': 'a'.repeat(100_000), 'xl/workbook.xml': '<w/>' });
    expect(await sniff(at('lon.xlsx'))).toBe('xlsx');
  });

  it('tells an old .xls, JSON and other text apart', async () => {
    writeFileSync(at('cu.xlsx'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]));
    expect(await sniff(at('cu.xlsx'))).toBe('xls');
    writeFileSync(at('bo.xlsx'), '\ufeff\n  {"format": "kiemchung-criteria"}');
    expect(await sniff(at('bo.xlsx'))).toBe('json');
    writeFileSync(at('ghi-chu.xlsx'), 'Họ và tên;Năm sinh\n');
    expect(await sniff(at('ghi-chu.xlsx'))).toBe('unknown');
  });
});

describe('the byte rules', () => {
  it('reads zip entry names from the local headers and the central directory', () => {
    writeZip(at('ten.zip'), { 'word/document.xml': '<d/>', 'xl/workbook.xml': '<w/>' });
    const bytes = new Uint8Array(readFileSync(at('ten.zip')));
    expect(zipLocalNames(bytes)).toEqual(['word/document.xml', 'xl/workbook.xml']);
    expect(zipCentralNames(bytes)).toEqual(['word/document.xml', 'xl/workbook.xml']);
  });
  it('calls JSON only what starts like it', () => {
    expect(looksLikeJson(Buffer.from(' [1]'))).toBe(true);
    expect(looksLikeJson(Buffer.from('x{'))).toBe(false);
  });
  it('gives evidence the same answer for the same bytes', () => {
    expect(sniffKind(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffKind(Buffer.from('d0cf11e0a1b11ae1', 'hex'))).toBe('ole');
  });
});
