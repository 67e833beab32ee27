// A package that is not a zip, or was cut off while copying, is told so in Vietnamese — never in
// the zip library's English ("end of central directory record signature not found") (issue 12).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyPackage } from '../../main/services/package-format/bag-verify';
import { writeZip } from '../helpers/package';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-zip-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EXPECTED = 'Tệp gói không phải tệp ZIP hoặc tệp bị cắt dở (chưa tải hoặc chép xong). Hãy lấy lại tệp gói từ nơi gửi rồi kiểm tra lại.';

describe('a file that is not a whole zip', () => {
  it('a text file renamed .zip', async () => {
    const f = path.join(dir, 'not.zip');
    writeFileSync(f, 'đây là văn bản, không phải zip\n'.repeat(20));
    const r = await verifyPackage(f);
    expect(r.ok).toBe(false);
    const messages = r.problems.map((p) => p.message);
    expect(messages).toContain(EXPECTED);
    expect(messages.join(' ')).not.toMatch(/central directory|signature|invalid|end of/i);
  });

  it('a real package cut off half-way (a pulled stick, an interrupted download)', async () => {
    const whole = path.join(dir, 'whole.zip');
    await writeZip(whole, [
      { name: 'bag/bagit.txt', data: Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'), method: 0 },
      { name: 'bag/data/a.pdf', data: Buffer.alloc(4096, 7), method: 0 },
    ]);
    const bytes = readFileSync(whole);
    const cut = path.join(dir, 'cut.zip');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const r = await verifyPackage(cut);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.message)).toContain(EXPECTED);
    expect(r.problems.map((p) => p.message).join(' ')).not.toMatch(/central directory|signature not found/i);
  });
});
