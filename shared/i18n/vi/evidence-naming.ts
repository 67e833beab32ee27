// Doc 001's naming rule for evidence files, as an officer reads it (domain/evidence-naming.ts).

export const viEvidenceNaming = {
  empty: 'Tên tệp không được để trống.',
  mustStartWithCode: (code: string) => `Tên tệp phải bắt đầu bằng mã tiêu chí và dấu gạch dưới "${code}_" (ví dụ ${code}_so 25BC-UBND_BC CCHC quy I.2023).`,
  nothingAfterCode: (code: string) => `Sau "${code}_" cần có số, ký hiệu và trích yếu văn bản (ví dụ ${code}_so 25BC-UBND_BC CCHC quy I.2023).`,
  missingNumber: (code: string) =>
    `Sau "${code}_" cần có "so" và số, ký hiệu văn bản, rồi dấu gạch dưới và trích yếu (ví dụ ${code}_so 25BC-UBND_BC CCHC quy I.2023).`,
  missingSummary: (code: string, number: string) =>
    `Sau "${code}_so ${number}" cần dấu gạch dưới và trích yếu văn bản (ví dụ ${code}_so ${number}_BC CCHC quy I.2023).`,
  nonAscii: (ch: string, pos: number) =>
    `Tên tệp phải viết tiếng Việt không dấu: ký tự "${ch}" ở vị trí ${pos} không được dùng (ví dụ "quý" viết là "quy", "số" viết là "so").`,
  illegalChar: (ch: string) =>
    `Tên tệp không được chứa ký tự "${ch}" (Windows không cho phép các ký tự < > : " / \\ | ? *); "/" trong số hiệu văn bản thì bỏ đi, trong trích yếu thì thay bằng dấu chấm.`,
  controlChar: (cp: string) => `Tên tệp chứa ký tự điều khiển không in được (${cp}); hãy gõ lại tên tệp.`,
  trailing: 'Tên tệp không được kết thúc bằng dấu chấm hoặc khoảng trắng.',
  tooLong: (n: number, max: number) => `Tên tệp dài ${n} ký tự, vượt giới hạn ${max} ký tự (để đường dẫn không quá dài trên Windows); hãy rút gọn trích yếu.`,
  reserved: (n: string) => `Tên tệp "${n}" trùng với tên dành riêng của Windows (CON, PRN, AUX, NUL, COM1…, LPT1…); hãy đặt tên khác.`,
} as const;
