// BagIt text formats (RFC 8493) and our naming rules, as pure functions.
import { describe, expect, it } from 'vitest';
import {
  MAX_ZIP_PATH,
  baggingDate,
  checkPayloadPath,
  formatBagInfo,
  formatManifest,
  isValidBagName,
  parseBagInfo,
  parseManifest,
  parseOxum,
} from '../../main/services/package-format/bag-format';

const H = 'a'.repeat(64);

describe('bag-info.txt', () => {
  it('round-trips, reads continuation lines and any line ending (RFC 8493 §2.2.2)', () => {
    const text = formatBagInfo([
      ['Source-Organization', 'UBND xã Phú Thượng'],
      ['Payload-Oxum', '12.3'],
    ]);
    expect(text).toBe('Source-Organization: UBND xã Phú Thượng\nPayload-Oxum: 12.3\n');
    expect(parseBagInfo(text)).toEqual({
      fields: [
        ['Source-Organization', 'UBND xã Phú Thượng'],
        ['Payload-Oxum', '12.3'],
      ],
      badLines: [],
    });
    const folded = parseBagInfo('External-Description: Hồ sơ tự đánh giá\r\n  Chỉ số CCHC năm 2023\r\nBagging-Date: 2023-10-05\r\n');
    expect(folded.fields).toEqual([
      ['External-Description', 'Hồ sơ tự đánh giá Chỉ số CCHC năm 2023'],
      ['Bagging-Date', '2023-10-05'],
    ]);
    expect(parseBagInfo('khong co dau hai cham\nA: b\n').badLines).toEqual([1]);
  });
});

describe('manifests', () => {
  it('are sha256sum-style lines; CR, LF and % in paths are percent-encoded', () => {
    const text = formatManifest([
      { sha256: H, path: 'data/a b.pdf' },
      { sha256: H, path: 'data/odd%\nname' },
    ]);
    expect(text).toBe(`${H}  data/a b.pdf\n${H}  data/odd%25%0Aname\n`);
    expect(parseManifest(text).entries.map((e) => e.path)).toEqual(['data/a b.pdf', 'data/odd%\nname']);
  });

  it('accepts tabs and upper-case hex; reports malformed lines by number', () => {
    const p = parseManifest(`${H.toUpperCase()}\tdata/x.pdf\nnot-a-hash  data/y.pdf\n${H}\n\n`);
    expect(p.entries).toEqual([{ sha256: H, path: 'data/x.pdf', line: 1 }]);
    expect(p.badLines).toEqual([2, 3, 4]);
  });
});

describe('names', () => {
  it('bag names are short ASCII words', () => {
    expect(isValidBagName('KC-2023-PhuThuong-CCHC')).toBe(true);
    for (const bad of ['', 'Phú-Thượng', 'a/b', '.hidden', 'x'.repeat(81), 'a b']) expect(isValidBagName(bad)).toBe(false);
  });

  it('payload paths follow the naming convention and stay Windows-safe', () => {
    const ok = (p: string) => checkPayloadPath('KC', p);
    expect(ok('evidence/2.3/2.3_so 25BC-UBND_BC CCHC quy I.2023.pdf')).toBeNull();
    expect(ok('evidence/Báo cáo.pdf')).toEqual({ kind: 'nonAscii' });
    expect(ok('a|b.pdf')).toEqual({ kind: 'badChar', char: '|' });
    expect(ok('a\\b.pdf')).toEqual({ kind: 'badChar', char: '\\' });
    expect(ok('evidence//a.pdf')).toEqual({ kind: 'badSegment' });
    expect(ok('evidence/../a.pdf')).toEqual({ kind: 'badSegment' });
    expect(ok('evidence/a.')).toEqual({ kind: 'badSegment' });
    expect(ok('nul.txt')).toEqual({ kind: 'reservedName', segment: 'nul.txt' });
    expect(ok('COM1')).toEqual({ kind: 'reservedName', segment: 'COM1' });
    const room = MAX_ZIP_PATH - 'KC/data/'.length;
    expect(ok('x'.repeat(room))).toBeNull();
    expect(ok('x'.repeat(room + 1))).toEqual({ kind: 'tooLong', length: MAX_ZIP_PATH + 1 });
  });
});

describe('Bagging-Date and Payload-Oxum', () => {
  it('Bagging-Date is the Vietnam calendar day', () => {
    expect(baggingDate(Date.UTC(2023, 9, 4, 16, 59))).toBe('2023-10-04');
    expect(baggingDate(Date.UTC(2023, 9, 4, 17, 0))).toBe('2023-10-05'); // 00:00 in Hà Nội
  });

  it('Payload-Oxum is <octets>.<files>', () => {
    expect(parseOxum('1048576.12')).toEqual({ bytes: 1048576, count: 12 });
    expect(parseOxum('12')).toBeNull();
    expect(parseOxum('-1.2')).toBeNull();
  });
});
