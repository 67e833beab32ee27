// Sizes with a decimal comma, names that survive FAT32/NTFS and a web portal, and the list file
// Notepad must show in Vietnamese.
import { describe, expect, it } from 'vitest';
import { formatBytes, portableNameProblem, messages } from '../../main/services/usb/export';
import { listFileText, relPathProblem, messages as manual } from '../../main/services/usb/manual-export';

describe('formatBytes', () => {
  it('uses decimal units and a decimal comma', () => {
    expect(formatBytes(0)).toBe('0 byte');
    expect(formatBytes(999)).toBe('999 byte');
    expect(formatBytes(1500)).toBe('1,5 KB');
    expect(formatBytes(21_000_000)).toBe('21,0 MB');
    expect(formatBytes(850_249_999)).toBe('850,2 MB');
    expect(formatBytes(999_960_000)).toBe('1,0 GB');
    expect(formatBytes(2 ** 32 + 1)).toBe('4,3 GB');
    expect(formatBytes(64 * 1e9)).toBe('64,0 GB');
    expect(formatBytes(2e12)).toBe('2,0 TB');
  });
});

describe('portable names', () => {
  it('accepts short ASCII names', () => {
    for (const n of ['Goi ho so CCHC 2026.zip', 'UBND_xa-Phu_Thuong (1).zip', 'a']) expect(portableNameProblem(n)).toBeNull();
  });
  it('refuses what Windows or the portal would not take', () => {
    expect(portableNameProblem('Gói hồ sơ.zip')).toBe(messages.nameNonAscii);
    expect(portableNameProblem('a?b.zip')).toBe(messages.nameIllegalChar('?'));
    expect(portableNameProblem('a\tb')).toBe(messages.nameIllegalChar('\\x09'));
    expect(portableNameProblem('CON.txt')).toBe(messages.nameReserved);
    expect(portableNameProblem('lpt1')).toBe(messages.nameReserved);
    expect(portableNameProblem('goi.')).toBe(messages.nameEdge);
    expect(portableNameProblem(' goi')).toBe(messages.nameEdge);
    expect(portableNameProblem('..')).toBe(messages.nameDots);
    expect(portableNameProblem('')).toBe(messages.nameEmpty);
    expect(portableNameProblem('x'.repeat(121))).toBe(messages.nameTooLong(120));
  });
});

describe('relPathProblem', () => {
  it('accepts criterion folders', () => {
    expect(relPathProblem('1.1/Quyet dinh 12-QD-UBND.pdf')).toBeNull();
    expect(relPathProblem('Linh vuc 2/2.3/2.3.1/Bao cao.pdf')).toBeNull();
  });
  it('refuses absolute paths, .., non-ASCII, illegal characters, empty segments and long paths', () => {
    expect(relPathProblem('../x.pdf')).toBe(manual.dotDot);
    expect(relPathProblem('1.1/../../x.pdf')).toBe(manual.dotDot);
    expect(relPathProblem('1.1\\..\\x.pdf')).toBe(manual.dotDot);
    expect(relPathProblem('/etc/passwd')).toBe(manual.absolute);
    expect(relPathProblem('\\\\server\\share\\x')).toBe(manual.absolute);
    expect(relPathProblem('C:/x.pdf')).toBe(manual.absolute);
    expect(relPathProblem('1.1/Báo cáo.pdf')).toBe(messages.nameNonAscii);
    expect(relPathProblem('1.1/a|b.pdf')).toBe(messages.nameIllegalChar('|'));
    expect(relPathProblem('1.1\\a.pdf')).toBe(messages.nameIllegalChar('\\'));
    expect(relPathProblem('1.1//a.pdf')).toBe(manual.emptySegment);
    expect(relPathProblem('1.1/./a.pdf')).toBe(messages.nameDots);
    expect(relPathProblem('1.1/' + 'x'.repeat(197))).toBe(manual.tooLong(200));
    expect(relPathProblem('1.1/' + 'x'.repeat(196))).toBeNull();
    expect(manual.badPath('../x.pdf', manual.dotDot)).toBe('Đường dẫn “../x.pdf” không dùng được: có “..” (trỏ ra ngoài thư mục xuất).');
  });
});

describe('listFileText', () => {
  it('is UTF-8 with a BOM and CRLF line endings, in Vietnamese', () => {
    const buf = listFileText('Minh chung 2026', [{ relPath: '1.1/a.pdf', path: '/x', bytes: 1_234_567, sha256: 'ab'.repeat(32) }], Date.UTC(2026, 2, 5, 3, 0));
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8').slice(1);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text.split('\r\n').slice(0, 4)).toEqual([
      'DANH SÁCH TỆP ĐỂ TẢI LÊN CỔNG THÔNG TIN',
      'Thư mục: Minh chung 2026',
      'Thời điểm xuất: 10:00 05/03/2026',
      'Số tệp: 1 — tổng dung lượng: 1,2 MB (1.234.567 byte)',
    ]);
    expect(text).toContain('1. 1.1/a.pdf\r\n   Kích thước: 1,2 MB (1.234.567 byte)\r\n   SHA-256: ' + 'ab'.repeat(32));
  });
});
