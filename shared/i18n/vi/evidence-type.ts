// What a file given as evidence turns out to be (domain/evidence-type.ts), and the guidance's rule
// it breaks, in words an officer can act on.

/** What each refused kind is, in words (domain/evidence-type.ts keeps the extensions). */
export const viEvidenceKinds = {
  docx: 'tài liệu Word (.docx)',
  xlsx: 'bảng tính Excel (.xlsx)',
  pptx: 'bản trình chiếu PowerPoint (.pptx)',
  ole: 'tài liệu Word/Excel định dạng cũ (.doc, .xls)',
  zip: 'tệp nén (.zip)',
  rar: 'tệp nén (.rar)',
  '7z': 'tệp nén (.7z)',
  gif: 'ảnh GIF',
  webp: 'ảnh WebP',
  tiff: 'ảnh TIFF',
  heic: 'ảnh HEIC (ảnh chụp từ iPhone)',
  exe: 'tệp chương trình',
  html: 'trang web (HTML)',
  svg: 'ảnh vector SVG',
  text: 'tệp văn bản thuần',
} as const;

/** What a name's extension claims, for "… thực chất là X, không phải <claim>". */
export const viEvidenceClaims: Readonly<Record<string, string>> = { pdf: 'PDF', jpg: 'ảnh JPEG', jpeg: 'ảnh JPEG', png: 'ảnh PNG' };

const RULE_WORD_EXCEL = 'Theo hướng dẫn, tài liệu Word hoặc Excel không có giá trị tính điểm; hãy xuất ra PDF (có chữ ký số) rồi đính kèm.';
const RULE_ONLY_PDF_IMAGE = 'Theo hướng dẫn, chỉ sử dụng tệp PDF hoặc tệp ảnh (JPEG, PNG)';

export const viEvidenceType = {
  /** "Tệp "X.pdf" thực chất là …, không phải PDF." or "Tệp "X.docx" là …." */
  isA: (fileName: string, what: string, claimed: string | null) =>
    claimed ? `Tệp "${fileName}" thực chất là ${what}, không phải ${claimed}.` : `Tệp "${fileName}" là ${what}.`,
  wordExcel: RULE_WORD_EXCEL,
  powerpoint: `${RULE_ONLY_PDF_IMAGE}; hãy xuất bản trình chiếu ra PDF (có chữ ký số) rồi đính kèm.`,
  archive: 'Không được dùng tệp nén (rar, zip…) làm tài liệu kiểm chứng; hãy giải nén và đính kèm từng tệp PDF hoặc ảnh.',
  otherImage: `${RULE_ONLY_PDF_IMAGE}; hãy chuyển ảnh sang JPEG hoặc PNG (hoặc xuất ra PDF) rồi đính kèm.`,
  text: `${RULE_ONLY_PDF_IMAGE}; hãy đính kèm bản PDF (có chữ ký số) của văn bản.`,
  program: `${RULE_ONLY_PDF_IMAGE}; không được dùng tệp chương trình làm tài liệu kiểm chứng.`,
  unknown: (fileName: string) =>
    `Không nhận ra định dạng của tệp "${fileName}" (tệp có thể bị hỏng). ${RULE_ONLY_PDF_IMAGE}; hãy đính kèm bản PDF (có chữ ký số) hoặc ảnh JPEG, PNG.`,
} as const;

/** Why a file that starts like a PDF/JPEG/PNG is not one (domain/evidence-structure.ts), completing "Tệp "x" không phải <loại> hợp lệ: …". */
export const viEvidenceStructure = {
  pdfHeader: 'tệp PDF phải bắt đầu bằng "%PDF-" ngay ở đầu tệp',
  pdfNoTrailer: 'không tìm thấy bảng tham chiếu (xref) và phần kết thúc (trailer, %%EOF) ở cuối tệp — tệp có thể bị cắt cụt hoặc không phải PDF',
  pdfNoXref: 'vị trí bảng tham chiếu (startxref) không trỏ tới bảng xref hay luồng xref nào — tệp bị hỏng',
  pdfUnreadable: 'không đọc được cấu trúc tài liệu',
  pdfNoPages: 'tài liệu không có trang nào',
  pdfTooComplex: 'cấu trúc tài liệu lớn bất thường, không kiểm tra được (hãy xuất lại bản PDF, hoặc tách thành nhiều tệp)',
  jpegStart: 'thiếu dấu bắt đầu ảnh JPEG',
  jpegBroken: 'phần đầu ảnh JPEG bị hỏng hoặc có nội dung lạ',
  jpegNoSize: 'không tìm thấy kích thước ảnh (khung SOF) — tệp bị cắt cụt hoặc không phải ảnh',
  pngSignature: 'sai chữ ký đầu tệp PNG',
  pngFirstChunk: 'khối đầu tiên không phải IHDR (thông tin ảnh)',
  pngChunk: 'có khối dữ liệu không hợp lệ',
  pngCrc: (type: string) => `khối ${type} sai mã kiểm tra CRC (tệp bị hỏng hoặc bị sửa)`,
  pngHeader: 'thông tin ảnh (IHDR) không hợp lệ',
  pngNoData: 'không có dữ liệu ảnh (IDAT)',
  pngTruncated: 'tệp bị cắt cụt: thiếu phần kết thúc ảnh (IEND)',
  pngTrailing: 'có dữ liệu lạ sau phần kết thúc ảnh (IEND)',
  size: (w: number, h: number) => `kích thước ${w}×${h} điểm ảnh không hợp lệ`,
  parserDisagrees: 'bộ đọc ảnh không xác nhận được kích thước',
} as const;
