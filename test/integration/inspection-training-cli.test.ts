// The CLI of issue 15 as a real process on a data folder: the inspection report to PDF (read back
// with pdftotext), and question banks imported into a course created on the way; a bad bank exits
// non-zero with every problem by row and leaves no course behind.
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { cleanup, openTestApp, setUpOffice, tempDir } from '../helpers/services';
import { runCli } from '../helpers/cli';
import { goodRows, writeBank } from '../helpers/question-bank';

let dir: string;
afterEach(() => cleanup(dir));

const PASS = 'khoa-ky-rat-manh';

async function office(withInspection: boolean, withKey = false) {
  const app = openTestApp(tempDir());
  dir = app.dir;
  const leader = await setUpOffice(app);
  if (withKey) {
    await app.call('keys.create', { passphrase: PASS }, leader);
    await app.call('training.createCourse', { name: 'Lớp Một cửa 2023', organiser: null, startsOn: '2023-09-18', endsOn: null }, leader);
  }
  if (withInspection)
    await app.call(
      'inspection.create',
      { year: 2023, planNumber: '110/KH-UBND', planDate: '2023-05-26', method: 'scheduled', visitDate: '2023-09-28' },
      leader,
    );
  app.close();
}

describe('kiemchung inspection / training', () => {
  it('exports the inspection report as PDF', async () => {
    await office(true);
    const out = path.join(dir, 'bao-cao.pdf');
    const r = runCli(['inspection', 'export', '--id', '1', '--format', 'pdf', '--out', out, '--data-dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('KẾT QUẢ THỰC HIỆN');
    expect(runCli(['inspection', 'list', '--data-dir', dir]).stdout).toContain('110/KH-UBND\tTheo kế hoạch\t28/09/2023\tHạn gửi báo cáo 23/09/2023');
  });

  it('imports a question bank into a new course, and refuses a bad one with every row', async () => {
    await office(false);
    const bad = goodRows(5);
    bad[0]![5] = 'F';
    bad[2]![6] = 'năm';
    const badFile = path.join(dir, 'sai.xlsx');
    await writeBank(badFile, bad);
    const r1 = runCli(['training', 'import-questions', badFile, '--course', 'Lớp Một cửa 2023', '--data-dir', dir]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain('Lỗi: Chưa nhập tệp "sai.xlsx": có 2 lỗi, chưa lưu câu hỏi nào.');
    expect(r1.stderr).toContain('  Dòng 5: đáp án "F" không phải A, B, C hoặc D.');
    expect(r1.stderr).toContain('  Dòng 7: điểm "năm" không phải là số (cột "Điểm", ví dụ 1 hoặc 0,5).');
    expect(r1.stdout).not.toContain('Đã tạo lớp');

    const good = path.join(dir, 'dung.xlsx');
    await writeBank(good, goodRows(10));
    const r2 = runCli(['training', 'import-questions', good, '--course', 'Lớp Một cửa 2023', '--data-dir', dir]);
    expect(r2.stderr).toBe('');
    expect(r2.stdout).toBe('Đã tạo lớp bồi dưỡng "Lớp Một cửa 2023".\nĐã nhập 10 câu hỏi vào lớp "Lớp Một cửa 2023".\n');
    expect(r2.code).toBe(0);
    // The same bank again: every question is already there.
    const r3 = runCli(['training', 'import-questions', good, '--course', 'Lớp Một cửa 2023', '--data-dir', dir]);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toContain('  Dòng 5: câu hỏi này đã có trong ngân hàng câu hỏi của lớp.');
  });

  it('builds signed packages of kind inspection and training that `package verify` accepts as the office’s own', async () => {
    await office(true, true);
    const env = { KIEMCHUNG_KEY_PASSPHRASE: PASS };
    for (const [args, file] of [
      [['inspection', 'export', '--id', '1', '--format', 'package'], 'kiem-tra.zip'],
      [['training', 'export-results', '--course', 'Lớp Một cửa 2023', '--format', 'package'], 'boi-duong.zip'],
    ] as const) {
      const out = path.join(dir, file);
      const r = runCli([...args, '--out', out, '--data-dir', dir], env);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const v = runCli(['package', 'verify', out, '--data-dir', dir]);
      expect(v.code).toBe(0);
      const info = execFileSync('unzip', ['-p', out, '*/bag-info.txt'], { encoding: 'utf8' });
      expect(info).toContain(`Kiemchung-Kind: ${args[0]}`);
    }
  });
});
