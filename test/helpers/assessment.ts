// Builds a small, hand-checkable assessment for service tests.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { TestApp } from './services';

/** A 2-area set (total 10) whose totals are easy to compute by hand. */
export const SMALL_SET = {
  format: 'kiemchung-criteria',
  version: 1,
  name: 'Bộ tiêu chí thử',
  decision: 'QĐ 1/QĐ-UBND ngày 01/01/2023',
  province: 'Thừa Thiên Huế',
  year: 2023,
  criteria: [
    { code: '1', title: 'Công tác chỉ đạo, điều hành CCHC', maxPoints: 4 },
    { code: '1.1', title: 'Kế hoạch CCHC', maxPoints: 2 },
    { code: '1.2', title: 'Báo cáo CCHC', maxPoints: 2 },
    { code: '2', title: 'Cải cách thủ tục hành chính', maxPoints: 6 },
    { code: '2.1', title: 'Công khai TTHC', maxPoints: 1.5 },
    { code: '2.2', title: 'Một cửa, một cửa liên thông', maxPoints: 4.5 },
    { code: '2.2.1', title: 'Quy chế hoạt động bộ phận một cửa', maxPoints: 1.5 },
    { code: '2.2.2', title: 'Số hóa hồ sơ, kết quả giải quyết TTHC', maxPoints: 3 },
  ],
};

// 17:00 05/10/2023 and 08:00 14/09/2023 in Vietnam (document 001's window).
export const OPENS = Date.UTC(2023, 8, 14, 1, 0);
export const CLOSES = Date.UTC(2023, 9, 5, 10, 0);

export async function importSmallSet(app: TestApp, leader: string): Promise<number> {
  const file = path.join(app.dir, 'small-set.json');
  writeFileSync(file, JSON.stringify(SMALL_SET));
  const userId = (await app.call('auth.session', { touch: false }, leader))!.user.id;
  const up = await app.s.uploads.receive(Readable.from([Buffer.from(JSON.stringify(SMALL_SET))]), 'small-set.json', userId);
  return (await app.call('criteria.import', { uploadId: up.id }, leader)).id;
}

export async function uploadBytes(app: TestApp, token: string, name: string, bytes: Buffer): Promise<string> {
  const userId = (await app.call('auth.session', { touch: false }, token))!.user.id;
  return (await app.s.uploads.receive(Readable.from([bytes]), name, userId)).id;
}

/** A minimal .docx: a zip whose entries are what Word writes first. */
export function fakeDocx(): Buffer {
  const entry = (name: string) => {
    const n = Buffer.from(name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(n.length, 26);
    return Buffer.concat([h, n]);
  };
  return Buffer.concat([entry('[Content_Types].xml'), Buffer.from('<Types/>'), entry('word/document.xml'), Buffer.from('<w:document/>'), Buffer.alloc(200)]);
}
