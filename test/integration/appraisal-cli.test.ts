// The appraisal commands of the built CLI on the demo (last year sent, appraised and planned):
// the council's form exported, a wrong file refused with exit 2 and every problem by row, the
// form filled and imported, the plan exported as PDF (read back by pdftotext) and XLSX; db check
// still agrees with the audit log afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli';
import { cleanup, tempDir } from '../helpers/services';

let dir: string;
afterEach(() => cleanup(dir));

describe('kiemchung appraisal / plan', () => {
  it('template → bad file (exit 2, by row) → filled form imported → plan exported', async () => {
    dir = tempDir();
    const data = path.join(dir, 'data');
    expect(runCli(['demo', '--data-dir', data]).code).toBe(0);
    const year = new Date().getUTCFullYear() - 1;
    // The demo's last year already has results and a plan; its PDF names the late task's people.
    const pdf = path.join(dir, 'ke-hoach.pdf');
    const exp = runCli(['plan', 'export', '--year', String(year), '--format', 'pdf', '--out', pdf, '--data-dir', data]);
    expect(exp.stderr).toBe('');
    expect(exp.code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(`Nâng cao Chỉ số cải cách hành chính năm ${year + 1}`);
    expect(text).toContain('Đỗ Văn Thắng — Văn hóa - Xã hội');
    expect(text).toContain('Văn phòng HĐND và UBND xã');
    expect(runCli(['plan', 'export', '--year', String(year), '--format', 'xlsx', '--out', path.join(dir, 'ke-hoach.xlsx'), '--data-dir', data]).code).toBe(0);
    expect(existsSync(path.join(dir, 'ke-hoach.xlsx'))).toBe(true);

    const form = path.join(dir, 'mau.xlsx');
    expect(runCli(['appraisal', 'template', '--year', String(year), '--out', form, '--data-dir', data]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(form);
    const ws = wb.worksheets[0]!;
    const rowOf = new Map<string, number>();
    ws.eachRow((row, r) => {
      if (r > 7) rowOf.set(row.getCell(1).text, r);
    });
    // Fill every scored criterion with its maximum, then spoil three rows.
    for (const [code, r] of rowOf) {
      const next = [...rowOf.keys()].some((c) => c.startsWith(code + '.'));
      const max = ws.getRow(r).getCell(3).value;
      if (!next && typeof max === 'number') ws.getRow(r).getCell(5).value = max;
    }
    ws.getRow(rowOf.get('1.1')!).getCell(5).value = 'hai';
    ws.getRow(rowOf.get('1.2')!).getCell(5).value = 1.1;
    ws.getRow(rowOf.get('2')!).getCell(5).value = 1;
    const bad = path.join(dir, 'sai.xlsx');
    await wb.xlsx.writeFile(bad);
    const refused = runCli(['appraisal', 'import', bad, '--year', String(year), '--data-dir', data]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`dòng ${rowOf.get('1.1')} · 1.1: Điểm thẩm định của 1.1 là "hai", không phải là số`);
    expect(refused.stderr).toContain(`dòng ${rowOf.get('1.2')} · 1.2: Điểm thẩm định của 1.2 là 1,1, không phải bội số của 0,25.`);
    expect(refused.stderr).toMatch(new RegExp(`dòng ${rowOf.get('2')} · 2: Điểm thẩm định của 2 là 1 nhưng tổng các tiêu chí con`));

    ws.getRow(rowOf.get('1.1')!).getCell(5).value = 2;
    ws.getRow(rowOf.get('1.2')!).getCell(5).value = 1;
    ws.getRow(rowOf.get('2')!).getCell(5).value = null;
    const good = path.join(dir, 'dung.xlsx');
    await wb.xlsx.writeFile(good);
    const ok = runCli(['appraisal', 'import', good, '--year', String(year), '--data-dir', data]);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/Đã nhập kết quả thẩm định năm \d{4}: \d+ tiêu chí; 0 tiêu chí bị trừ điểm/);
    expect(runCli(['db', 'check', '--data-dir', data]).code).toBe(0);
  });
});
