// A typed folder that does not exist is a typo to fix, not a stick to re-insert (issue 12).
import { describe, expect, it } from 'vitest';
import { looksLikeGoneDrive, missingDestination } from '../../main/services/usb/missing';

const on = (present: string[]) => (p: string) => present.includes(p);

describe('a missing destination folder', () => {
  it('blames the stick only when the drive itself is gone', () => {
    // Linux: /media/<user>/KINGSTON vanished, /media/<user> remains.
    expect(looksLikeGoneDrive('/media/hoa/KINGSTON', on(['/', '/media', '/media/hoa']), 'linux')).toBe(true);
    expect(looksLikeGoneDrive('/media/hoa/KINGSTON/Ho so', on(['/', '/media', '/media/hoa']), 'linux')).toBe(true);
    expect(looksLikeGoneDrive('/run/media/hoa/USB', on(['/', '/run', '/run/media', '/run/media/hoa']), 'linux')).toBe(true);
    // A typo under the home folder, or a missing subfolder on a stick that is present.
    expect(looksLikeGoneDrive('/home/hoa/Tai lieuu', on(['/', '/home', '/home/hoa']), 'linux')).toBe(false);
    expect(looksLikeGoneDrive('/media/hoa/KINGSTON/Typo', on(['/', '/media', '/media/hoa', '/media/hoa/KINGSTON']), 'linux')).toBe(false);
    // Windows: E:\ gone is a pulled stick; E:\Typo on a present E: is a typo.
    expect(looksLikeGoneDrive('E:\\Ho so', on(['C:\\']), 'win32')).toBe(true);
    expect(looksLikeGoneDrive('E:\\Ho so', on(['C:\\', 'E:\\']), 'win32')).toBe(false);
  });

  it('says "không tồn tại" for a typed folder and "rút ra" for a gone stick', () => {
    const typo = missingDestination('/home/hoa/Tai lieuu', on(['/', '/home', '/home/hoa']), 'linux');
    expect(typo.code).toBe('NOT_FOUND');
    expect(typo.message).toBe('Thư mục “/home/hoa/Tai lieuu” không tồn tại. Hãy kiểm tra lại đường dẫn đã gõ, hoặc chọn thẻ nhớ trong danh sách.');
    expect(typo.message).not.toMatch(/rút ra/);
    const gone = missingDestination('/media/hoa/KINGSTON', on(['/', '/media', '/media/hoa']), 'linux');
    expect(gone.message).toMatch(/Có thể thẻ nhớ đã bị rút ra/);
  });
});
