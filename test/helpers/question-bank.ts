// Question-bank workbooks as a proctor would type them: title rows, then the header Câu hỏi | A |
// B | C | D | Đáp án | Điểm, then one question per row (cells as given: numbers stay numbers).
import ExcelJS from 'exceljs';

export type BankRow = (string | number | null)[];

export const goodRows = (n: number): BankRow[] =>
  Array.from({ length: n }, (_, i) => [
    `Câu hỏi số ${i + 1}: thủ tục nào thuộc thẩm quyền cấp xã?`,
    `Phương án A${i + 1}`,
    `Phương án B${i + 1}`,
    `Phương án C${i + 1}`,
    `Phương án D${i + 1}`,
    'ABCD'[i % 4]!,
    1,
  ]);

export async function writeBank(file: string, rows: BankRow[], opts: { titleRows?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ngân hàng câu hỏi');
  if (opts.titleRows !== false) {
    ws.addRow(['NGÂN HÀNG CÂU HỎI KIỂM TRA CUỐI KHÓA']);
    ws.addRow(['Lớp bồi dưỡng nghiệp vụ CCHC năm 2023']);
    ws.addRow([]);
  }
  ws.addRow(['Câu hỏi', 'A', 'B', 'C', 'D', 'Đáp án', 'Điểm']);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}
