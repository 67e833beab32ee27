// Hostile and careless roster files: every person read is stored or refused with a reason (a form
// on several sheets, a name that looks like a column number); what a file may unpack to is bounded
// (a 450 MiB shared string, a part lying about its size, too many entries) and its CRCs checked;
// junk in text columns (formulas, date serials, TRUE, #REF!, 100 000 characters, U+202E) is
// refused naming the cell. Each refusal is checked for its Vietnamese message and for nothing stored.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE } from '../../main/db/connection';
import { readRosterFile, type RosterImport } from '../../main/services/roster';
import { XmlBounds, type XlsxRefusal } from '../../main/services/roster/read/xml-guard';
import { importRosterFile, rosterIssues } from '../../main/services/exam/roster-io';
import { SYSTEM_ACTOR } from '../../main/services/context';
import { ApiError } from '../../shared/errors';
import { runCli } from '../helpers/cli';
import { cleanup, openTestApp, setUpOffice, tempDir, type TestApp } from '../helpers/services';
import { ONE_PERSON_SHEET, TITLE_02, packageParts, repeated, row02, writePackage, writeRawXlsx, type Cell } from '../helpers/roster';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-roster-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const NOW = new Date('2023-06-01T03:00:00Z');
const read = (file: string) => readRosterFile(file, { now: NOW });
const messages = (issues: { message: string }[]) => issues.map((i) => i.message);
const MiB = 1024 * 1024;

async function refusal(file: string): Promise<ApiError> {
  let result: RosterImport | undefined;
  try {
    result = await read(file);
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error(`expected a refusal, got ${JSON.stringify(result.errors)}`);
}

// A round in a fresh data folder, for "nothing was stored".
let appDir: string | undefined;
let app: TestApp | undefined;
let roundId = 0;
async function openRound(): Promise<TestApp> {
  appDir = tempDir();
  app = openTestApp(appDir);
  const token = await setUpOffice(app);
  roundId = (await app.call('exam.createRound', { name: 'Đợt 1 năm 2023', examDate: null, venue: null, district: null }, token)).id;
  return app;
}
afterEach(() => {
  app?.close();
  app = undefined;
  cleanup(appDir);
});
const stored = () =>
  app!.s.db.sqlite.prepare('SELECT form, full_name AS name FROM roster_entry WHERE round_id = ? ORDER BY id').all(roundId) as { form: string; name: string }[];
const audits = () =>
  (app!.s.db.sqlite.prepare("SELECT after_json FROM audit_log WHERE action = 'exam.roster' ORDER BY seq").all() as { after_json: string }[]).map(
    (a) => JSON.parse(a.after_json) as { imported: Record<string, number> },
  );
async function importRefused(file: string): Promise<ApiError> {
  const e = await importRosterFile(app!.s, SYSTEM_ACTOR, file, path.basename(file), roundId).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ApiError);
  expect((e as ApiError).code).toBe('VALIDATION');
  expect(stored()).toEqual([]);
  expect(audits()).toEqual([]);
  return e as ApiError;
}

/** Runs readRosterFile on `file` in a child process; its RSS before the read and its peak. */
function readInChild(file: string): { message: string | null; before: number; peak: number } {
  const script = `
    const { readRosterFile } = await import(${JSON.stringify(path.resolve('main/services/roster/index.ts'))});
    const before = process.memoryUsage().rss;
    let message = null;
    try { await readRosterFile(process.argv[1]); } catch (e) { message = e.message; }
    console.log(JSON.stringify({ message, before, peak: process.resourceUsage().maxRSS * 1024 }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, file], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { message: string | null; before: number; peak: number };
}

const SST = (texts: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${texts.length}" uniqueCount="${texts.length}">${texts.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;
const SST_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>';
const SST_CLOSE = '</t></si></sst>';

describe('no person silently lost', () => {
  it('a form on two sheets (one per commune): every person is stored, and the count shown and audited is the count stored', async () => {
    const file = at('two-communes.xlsx');
    const phu = [
      row02('Nguyễn Văn An', 'nam', 1980, 'Văn phòng - Thống kê', 'Phường Phú Thượng'),
      row02('Trần Thị Bình', 'nu', 1985, 'Tư pháp - Hộ tịch', 'Phường Phú Thượng'),
    ];
    const nhat = [
      row02('Lê Văn Cường', 'nam', 1979, 'Tài chính - Kế toán', 'Phường Nhật Tân'),
      row02('Phạm Thị Dung', 'nu', 1990, 'Văn hóa - Xã hội', 'Phường Nhật Tân'),
      row02('Võ Văn Em', 'nam', 1988, 'Văn phòng - Thống kê', 'Phường Nhật Tân'),
    ];
    await writeRawXlsx(file, [
      { name: 'Phú Thượng', titleRows: TITLE_02, rows: phu },
      { name: 'Nhật Tân', titleRows: TITLE_02, rows: nhat },
    ]);
    const r = await read(file);
    expect(r.errors).toEqual([]);
    expect(r.forms.map((f) => [f.form, f.sheet, f.rows.length])).toEqual([
      ['02', 'Phú Thượng', 2],
      ['02', 'Nhật Tân', 3],
    ]);
    const names = r.forms.flatMap((f) => f.rows.map((x) => x.fullName));

    await openRound();
    const res = await importRosterFile(app!.s, SYSTEM_ACTOR, file, 'two-communes.xlsx', roundId);
    expect(res.imported).toEqual({ '02': 5 });
    expect(stored().map((x) => x.name)).toEqual(names);
    expect(audits().map((a) => a.imported)).toEqual([{ '02': 5 }]);

    // Importing it again replaces the form: still the same five, not ten, not the last sheet's three.
    const again = await importRosterFile(app!.s, SYSTEM_ACTOR, file, 'two-communes.xlsx', roundId);
    expect(again.imported).toEqual({ '02': 5 });
    expect(stored().map((x) => x.name)).toEqual(names);
    expect(audits().map((a) => a.imported)).toEqual([{ '02': 5 }, { '02': 5 }]);

    // The CLI shows the count stored.
    const data = path.join(appDir!, 'cli-data');
    const cli = runCli(['roster', 'import', file, '--round', 'Đợt 1 năm 2023', '--data-dir', data]);
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toContain('Mẫu 02: 5 người');
    const db = new Database(path.join(data, DB_FILE), { readonly: true });
    expect((db.prepare('SELECT full_name AS name FROM roster_entry ORDER BY id').all() as { name: string }[]).map((x) => x.name)).toEqual(names);
    db.close();
  });

  it('the column-number row is skipped only when the whole row is numbers; a first row whose name looks like one is refused', async () => {
    const file = at('numbering.xlsx');
    const [first] = await writeRawXlsx(file, [
      {
        name: 'Mẫu 02',
        titleRows: TITLE_02,
        rows: [
          ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'],
          row02('2', 'nam', 1980, 'Văn phòng - Thống kê', 'Xã Đại Tâm', null, null, 1),
          row02('(1)', 'nu', 1985, 'Tư pháp - Hộ tịch', 'Xã Đại Tâm', null, null, 2),
          row02(3 as unknown as string, 'nam', 1979, 'Tài chính - Kế toán', 'Xã Đại Tâm', null, null, 3),
          row02('Trần Thị Bình', 'nu', 1986, 'Văn hóa - Xã hội', 'Xã Đại Tâm', null, null, 4),
        ],
      },
    ]);
    const r = await read(file);
    expect(messages(r.errors)).toEqual([
      `Mẫu 02, ô B${first + 1}: cột Họ và tên ghi "2", không có chữ cái nào.`,
      `Mẫu 02, ô B${first + 2}: cột Họ và tên ghi "(1)", không có chữ cái nào.`,
      `Mẫu 02, ô B${first + 3}: cột Họ và tên ghi số 3, không phải chữ (ngày tháng trong cột chữ cũng bị Excel lưu thành số như vậy); hãy ghi lại bằng chữ.`,
    ]);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [first + 1, 'B'],
      [first + 2, 'B'],
      [first + 3, 'B'],
    ]);
    // Every row that is a person is there (for the preview), the numbering row is not.
    expect(r.forms[0]!.rows.map((x) => x.sourceRow)).toEqual([first + 1, first + 2, first + 3, first + 4]);

    await openRound();
    await importRefused(file);
  });
});

describe('bounded decompression', () => {
  const big = at('bomb-450.xlsx');
  beforeAll(async () => {
    // 450 MiB of one shared string, deflated as it is generated: the file stays under 1 MB.
    await writePackage(
      big,
      packageParts(ONE_PERSON_SHEET, () => repeated(SST_OPEN, 450 * MiB, SST_CLOSE)),
    );
  });

  it('a small file with a 450 MiB shared string is refused by the size it declares, naming the limit, without inflating it', async () => {
    expect(statSync(big).size).toBeLessThan(1024 * 1024);
    const expected =
      'Tệp "bomb-450.xlsx": phần "xl/sharedStrings.xml" giải nén ra 450 MiB, quá giới hạn 64 MiB của phần này (tệp nhỏ mà giải nén ra rất lớn là dấu hiệu "bom nén"). Chưa có gì được ghi.';
    const child = readInChild(big);
    expect(child.message).toBe(expected);
    expect(child.peak - child.before).toBeLessThan(100 * MiB);

    await openRound();
    expect((await importRefused(big)).message).toBe(expected);
  });

  it('one huge string inside parts under their limits is refused as it streams: 32 KiB a string, memory stays small', async () => {
    // 60 MiB in one shared string (the shared strings may hold 64 MiB).
    const sst = at('bomb-60.xlsx');
    await writePackage(
      sst,
      packageParts(ONE_PERSON_SHEET, () => repeated(SST_OPEN, 60 * MiB, SST_CLOSE)),
    );
    const inSst = readInChild(sst);
    expect(inSst.message).toBe(
      'Tệp "bomb-60.xlsx": phần "xl/sharedStrings.xml" có một ô hoặc một chuỗi dài hơn giới hạn 32 KiB một ô; đây không phải danh sách bình thường. Chưa có gì được ghi.',
    );
    expect(inSst.peak - inSst.before).toBeLessThan(100 * MiB);

    // 200 MiB in one inline string of a sheet (a sheet may hold 256 MiB).
    const sheet = at('bomb-sheet.xlsx');
    const [head, tail] = ONE_PERSON_SHEET.split('<row r="2">');
    const cellOpen = `${head}<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>`;
    const cellClose = `</t></is></c></row>${tail!.slice(tail!.indexOf('</sheetData>'))}`;
    await writePackage(
      sheet,
      packageParts(() => repeated(cellOpen, 200 * MiB, cellClose), SST(['Nguyễn Văn An'])),
    );
    const inSheet = readInChild(sheet);
    expect(inSheet.message).toBe(
      'Tệp "bomb-sheet.xlsx": phần "xl/worksheets/sheet1.xml" có một ô hoặc một chuỗi dài hơn giới hạn 32 KiB một ô; đây không phải danh sách bình thường. Chưa có gì được ghi.',
    );
    expect(inSheet.peak - inSheet.before).toBeLessThan(100 * MiB);
  });

  it('a part that inflates to more than it declares is refused as damaged, after reading no more than it declared', async () => {
    // The 450 MiB part made to declare 100 KiB in the central directory (what yauzl and the checks trust).
    const bytes = readFileSync(big);
    const name = Buffer.from('xl/sharedStrings.xml');
    let cd = -1;
    for (let i = bytes.indexOf('PK\x01\x02', 0, 'latin1'); i >= 0; i = bytes.indexOf('PK\x01\x02', i + 4, 'latin1')) {
      if (bytes.subarray(i + 46, i + 46 + name.length).equals(name)) cd = i;
    }
    expect(cd).toBeGreaterThan(0);
    bytes.writeUInt32LE(100 * 1024, cd + 24);
    const file = at('lying.xlsx');
    writeFileSync(file, bytes);
    const child = readInChild(file);
    expect(child.message).toBe(
      'Tệp "lying.xlsx" không đọc được như bảng tính Excel (.xlsx): tệp bị hỏng hoặc chưa lưu xong. Hãy mở bằng Excel và lưu lại dạng .xlsx.',
    );
    expect(child.peak - child.before).toBeLessThan(100 * MiB);
  });

  it('an altered sharedStrings.xml is refused by its CRC-32, not imported as another name', async () => {
    const good = at('crc-good.xlsx');
    await writePackage(good, packageParts(ONE_PERSON_SHEET, SST(['Nguyễn Văn An']), { compressStrings: false }));
    expect((await read(good)).forms[0]!.rows.map((x) => x.fullName)).toEqual(['Nguyễn Văn An']);

    // Same length, one letter changed in place: "Văn An" becomes "Văn Am"; the CRC stays the old one.
    const bytes = readFileSync(good);
    const at1 = bytes.indexOf(Buffer.from('Văn An<'));
    expect(at1).toBeGreaterThan(0);
    bytes.write('m', at1 + Buffer.byteLength('Văn A'), 'latin1');
    const altered = at('altered.xlsx');
    writeFileSync(altered, bytes);
    const expected =
      'Tệp "altered.xlsx" bị hỏng hoặc đã bị sửa: nội dung phần "xl/sharedStrings.xml" không khớp mã kiểm tra CRC-32 ghi trong tệp nén. Hãy lấy lại tệp gốc từ nơi gửi. Chưa có gì được ghi.';
    expect((await refusal(altered)).message).toBe(expected);
    await openRound();
    expect((await importRefused(altered)).message).toBe(expected);
  });

  it('a ZIP of more than 10 000 entries is refused, naming the limit', async () => {
    const file = at('many.xlsx');
    const extra = Array.from({ length: 10_000 }, (_, i) => ({ name: `xl/media/p${i}.txt`, data: 'x', compress: false }));
    await writePackage(file, [...packageParts(ONE_PERSON_SHEET, SST(['Nguyễn Văn An'])), ...extra]);
    expect((await refusal(file)).message).toBe(
      `Tệp "many.xlsx" chứa ${(10_006).toLocaleString('vi-VN')} phần nén, quá giới hạn ${(10_000).toLocaleString('vi-VN')} phần của một bảng tính; đây không phải danh sách bình thường. Chưa có gì được ghi.`,
    );
  });

  it('markup hidden in a comment cannot reset the bound, and a DOCTYPE is refused', async () => {
    // 300 KiB of text in one string, cut by comments holding a fake "<si>": still one string.
    const cut = `${'B'.repeat(100 * 1024)}<!--<si><t>-->`;
    const file = at('comments.xlsx');
    await writePackage(file, packageParts(ONE_PERSON_SHEET, SST_OPEN + cut.repeat(3) + SST_CLOSE));
    expect((await refusal(file)).message).toBe(
      'Tệp "comments.xlsx": phần "xl/sharedStrings.xml" có một ô hoặc một chuỗi dài hơn giới hạn 32 KiB một ô; đây không phải danh sách bình thường. Chưa có gì được ghi.',
    );
    const dtd = at('doctype.xlsx');
    await writePackage(
      dtd,
      packageParts(ONE_PERSON_SHEET, `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaa">]>${SST_OPEN.slice(SST_OPEN.indexOf('<sst'))}&a;${SST_CLOSE}`),
    );
    expect((await refusal(dtd)).message).toBe(
      'Tệp "doctype.xlsx": phần "xl/sharedStrings.xml" có khai báo DOCTYPE, bảng tính Excel không bao giờ có; không đọc tệp này.',
    );
  });
});

describe('the XML bounds scanner', () => {
  // The same verdict whatever the chunking: a comment's or a tag's end may fall between chunks.
  const verdict = (xml: string, chunk: number) => {
    const b = new XmlBounds('xl/sharedStrings.xml', 'sharedStrings');
    const buf = Buffer.from(xml);
    try {
      for (let i = 0; i < buf.length; i += chunk) b.scan(buf.subarray(i, i + chunk));
      return 'ok';
    } catch (e) {
      return (e as XlsxRefusal).kind;
    }
  };
  const big = 'B'.repeat(200 * 1024);
  it.each([
    ['strings and markup within bounds', `${SST_OPEN}${big}</t></si><si><t>${big}${SST_CLOSE}`, 'ok'],
    ['a prefixed <x:si> resets like <si>', `${SST_OPEN}${big}</t></x:si><x:si><x:t>${big}${SST_CLOSE}`, 'ok'],
    ['one string over the bound', `${SST_OPEN}${big}${big}${SST_CLOSE}`, 'element'],
    ['a fake <si> inside a comment', `${SST_OPEN}${big}<!-- <si> -->${big}${SST_CLOSE}`, 'element'],
    ['a comment "<!-->" that does not end', `${SST_OPEN}${big}<!--> <si> -->${big}${SST_CLOSE}`, 'element'],
    ['a fake <si> inside CDATA', `${SST_OPEN}${big}<![CDATA[ <si> ]]>${big}${SST_CLOSE}`, 'element'],
    ['a closing tag does not reset', `${SST_OPEN}${big}</t>${big}${SST_CLOSE}`, 'element'],
    ['a DOCTYPE', `<?xml version="1.0"?><!DOCTYPE sst>${SST_OPEN.slice(SST_OPEN.indexOf('<sst'))}x${SST_CLOSE}`, 'doctype'],
  ])('%s', (_, xml, expected) => {
    for (const chunk of [1, 2, 3, 7, 64 * 1024, xml.length]) expect(verdict(xml, chunk)).toBe(expected);
  });
});

describe('junk in a person’s row is refused, naming the cell', () => {
  it('formulas, date serials, signed and huge numbers, TRUE, #REF!, 100 000 characters, hidden and bidi-override characters', async () => {
    const file = at('junk.xlsx');
    const formula = (f: string, result?: string): Cell => (result === undefined ? { formula: f } : { formula: f, result });
    const ok = (name: Cell, over: Partial<Record<'stt' | 'birth' | 'commune' | 'phone' | 'note', Cell>> = {}): Cell[] =>
      row02(
        name as string,
        'nam',
        over.birth ?? 1980,
        'Văn phòng - Thống kê',
        (over.commune ?? 'Phường Phú Thượng') as string,
        over.phone ?? null,
        (over.note ?? null) as string,
        over.stt ?? null,
      );
    const [f] = await writeRawXlsx(file, [
      {
        name: 'Phú Thượng',
        titleRows: TITLE_02,
        rows: [
          ok(formula('"Nguyễn Văn "&"An"', 'Nguyễn Văn An')),
          ok('Trần Văn Bình', { commune: formula('TEXT(2,"0")', '2') }),
          ok(31170),
          ok('Lê Văn Cường', { stt: -1985, birth: -1985 }),
          ok(1e308, { stt: 1e308 }),
          ok(true),
          ok({ error: '#REF!' }),
          ok('Nguyễn Văn ' + 'A'.repeat(100_000)),
          ok('Nguyễn Văn ' + 'a'.repeat(120)),
          ok('Nguyễn Văn \u202EnA'),
          ok('Đỗ Văn Giàu', { commune: 'Phường Phú\u009BThượng' }),
          ok('Hồ Văn Hải', { phone: formula('A1') }),
          ok('Ngô Văn Khoa', { phone: formula('"0912"&"345678"', '0912345678') }),
          ok('Bùi Văn Lâm', { note: 31170 }),
          // Sub-numbering in STT is no junk: left out (the exports renumber), not refused.
          ok('Võ Thị Mai', { stt: '1.2', phone: '0912 345 678', note: 'Phụ trách một cửa' }),
        ],
      },
    ]);
    const r = await read(file);
    const place = (cell: string) => `Mẫu 02 (trang tính "Phú Thượng"), ô ${cell}`;
    expect(messages(r.errors)).toEqual([
      `${place(`B${f}`)}: cột Họ và tên là công thức (="Nguyễn Văn "&"An"), không phải giá trị ghi tay; hãy sao chép rồi dán dạng giá trị (Paste Special → Values).`,
      `${place(`F${f + 1}`)}: cột Xã, phường, thị trấn là công thức (=TEXT(2,"0")), không phải giá trị ghi tay; hãy sao chép rồi dán dạng giá trị (Paste Special → Values).`,
      `${place(`B${f + 2}`)}: cột Họ và tên ghi số 31170, không phải chữ (ngày tháng trong cột chữ cũng bị Excel lưu thành số như vậy); hãy ghi lại bằng chữ.`,
      `${place(`A${f + 3}`)}: cột STT ghi "-1985", không phải số thứ tự (số nguyên từ 1 đến 999 999).`,
      `Mẫu 02 (trang tính "Phú Thượng"), dòng ${f + 3}: năm sinh -1985 không hợp lý: phải từ 1940 đến 2007.`,
      `${place(`A${f + 4}`)}: cột STT ghi "1e+308", không phải số thứ tự (số nguyên từ 1 đến 999 999).`,
      `${place(`B${f + 4}`)}: cột Họ và tên ghi số 1e+308, không phải chữ (ngày tháng trong cột chữ cũng bị Excel lưu thành số như vậy); hãy ghi lại bằng chữ.`,
      `${place(`B${f + 5}`)}: cột Họ và tên ghi giá trị đúng/sai (TRUE), không phải chữ.`,
      `${place(`B${f + 6}`)}: cột Họ và tên có giá trị lỗi #REF!.`,
      `${place(`B${f + 7}`)}: cột Họ và tên dài 97,7 KiB, quá giới hạn 32 KiB một ô.`,
      `${place(`B${f + 8}`)}: cột Họ và tên dài 131 ký tự, quá giới hạn 100 ký tự.`,
      `${place(`B${f + 9}`)}: cột Họ và tên chứa ký tự ẩn U+202E (ký tự đảo chiều văn bản); hãy gõ lại ô này.`,
      `${place(`F${f + 10}`)}: cột Xã, phường, thị trấn chứa ký tự ẩn U+009B (ký tự điều khiển hoặc định dạng); hãy gõ lại ô này.`,
      `${place(`G${f + 11}`)}: cột Số điện thoại là công thức (=A1), không phải giá trị ghi tay; hãy sao chép rồi dán dạng giá trị (Paste Special → Values).`,
      `${place(`G${f + 12}`)}: cột Số điện thoại là công thức (="0912"&"345678"), không phải giá trị ghi tay; hãy sao chép rồi dán dạng giá trị (Paste Special → Values).`,
      `${place(`H${f + 13}`)}: cột Ghi chú ghi số 31170, không phải chữ (ngày tháng trong cột chữ cũng bị Excel lưu thành số như vậy); hãy ghi lại bằng chữ.`,
    ]);
    // Nothing of the junk reaches a row: refused cells are read as empty.
    const rows = r.forms[0]!.rows;
    expect(rows).toHaveLength(15);
    expect(rows.slice(0, 10).map((x) => x.fullName)).toEqual(['', 'Trần Văn Bình', '', 'Lê Văn Cường', '', '', '', '', '', '']);
    expect(rows.map((x) => x.stt).filter((x) => x !== null)).toEqual([]);
    expect(rows[1]!.commune).toBeNull();
    expect([rows[11]!.phone, rows[12]!.phone, rows[13]!.note]).toEqual([null, null, null]);
    expect(rows[14]).toMatchObject({ stt: null, fullName: 'Võ Thị Mai', phone: '0912345678', note: 'Phụ trách một cửa', commune: 'Phường Phú Thượng' });

    await openRound();
    const e = await importRefused(file);
    expect(e.message).toBe(`Không nhập danh sách từ "junk.xlsx": có ${r.errors.length} lỗi. Chưa có gì được ghi; sửa tệp rồi nhập lại.`);
    // The place is the path, said once; the two problems of row f + 3 come as one issue.
    for (const i of e.issues!) {
      expect(i.path).toMatch(/^Mẫu 02 \(trang tính "Phú Thượng"\), (ô [A-H]|dòng )\d+$/);
      expect(i.message).not.toContain('Mẫu 02');
      expect(i.message).not.toContain(i.path);
    }
    expect(e.issues!.find((i) => i.path === place(`B${f + 5}`))?.message).toBe('Cột Họ và tên ghi giá trị đúng/sai (TRUE), không phải chữ.');

    // Through the CLI: one line per place, the place said once, nothing written.
    const data = path.join(appDir!, 'cli-data');
    const cli = runCli(['roster', 'import', file, '--round', 'Đợt 1', '--data-dir', data]);
    expect(cli.code).not.toBe(0);
    const lines = cli.stderr.split('\n').filter((l) => l.includes('trang tính "Phú Thượng"'));
    expect(lines).toHaveLength(e.issues!.length);
    for (const l of lines) expect(l.split('Phú Thượng').length).toBe(2);
    const db = new Database(path.join(data, DB_FILE), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM roster_entry').get()).toEqual({ n: 0 });
    db.close();
  });

  it('a section or district heading that would become the rows’ commune or district is checked like their text', async () => {
    const file = at('headings.xlsx');
    const [f] = await writeRawXlsx(file, [
      {
        name: 'Mẫu 02',
        titleRows: ['UBND HUYỆN MỸ\u202EXUYÊN', 'Mẫu số 02'],
        rows: [['I. Xã Đại\u202ETâm'], row02('Trần Thị Lan', 'nu', 1990, 'Văn phòng - Thống kê', null)],
      },
    ]);
    const r = await read(file);
    expect(messages(r.errors)).toEqual([
      'Mẫu 02, ô A1: dòng tiêu đề (tên xã hoặc huyện của các dòng bên dưới) chứa ký tự ẩn U+202E (ký tự đảo chiều văn bản); hãy gõ lại ô này.',
      `Mẫu 02, ô A${f}: dòng tiêu đề (tên xã hoặc huyện của các dòng bên dưới) chứa ký tự ẩn U+202E (ký tự đảo chiều văn bản); hãy gõ lại ô này.`,
      `Mẫu 02, dòng ${f + 1}: thiếu tên xã, phường, thị trấn.`,
    ]);
    expect(r.forms[0]!.rows[0]).toMatchObject({ fullName: 'Trần Thị Lan', commune: null });
    expect(r.forms[0]!.rows[0]!.district ?? null).toBeNull();
  });

  it('problems of one row are one issue, its place said once', () => {
    const issues = rosterIssues([
      { sheet: 'Mẫu 02', row: 11, message: 'Mẫu 02, dòng 11: Chủ tịch ghi ở Mẫu 01, không ghi ở Mẫu 02.' },
      { sheet: 'Mẫu 02', row: 11, message: 'Mẫu 02, dòng 11: "Trần Văn A" (sinh 1980, Xã B) trùng với dòng 9.' },
      { sheet: 'Mẫu 03', row: null, message: 'Mẫu 03: trang tính trống, chưa có dòng tiêu đề và dữ liệu.' },
      { sheet: '', row: null, message: 'Tệp "x.xlsx" không có dữ liệu: các trang tính đều trống.' },
    ]);
    expect(issues).toEqual([
      { path: 'Mẫu 02, dòng 11', message: 'Chủ tịch ghi ở Mẫu 01, không ghi ở Mẫu 02. "Trần Văn A" (sinh 1980, Xã B) trùng với dòng 9.' },
      { path: 'Mẫu 03', message: 'Trang tính trống, chưa có dòng tiêu đề và dữ liệu.' },
      { path: '', message: 'Tệp "x.xlsx" không có dữ liệu: các trang tính đều trống.' },
    ]);
  });
});

describe('messages name the file as the user knows it', () => {
  it('an upload through the app is named by its own name, never by the random name it is stored under', async () => {
    const a = await openRound();
    const token = (await a.call('auth.login', { username: 'chutich', password: 'mat-khau-manh' })).token;
    const userId = (await a.call('auth.session', { touch: false }, token))!.user.id;
    const { Readable } = await import('node:stream');
    const up = await a.s.uploads.receive(Readable.from([Buffer.from('Đây không phải tệp Excel')]), 'Danh sach Mau 02.xlsx', userId);
    const e = await a.fail('exam.importRoster', { uploadId: up.id, roundId }, token);
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('"Danh sach Mau 02.xlsx"');
    expect(e.message).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(stored()).toEqual([]);
  });
});
