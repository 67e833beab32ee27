// Export of the "Bảng tổng hợp kết quả tự đánh giá, chấm điểm" to XLSX and PDF.
export type { SummaryModel, SummaryRow } from './model';
export { writeSummaryXlsx } from './xlsx';
export { writeSummaryPdf } from './pdf';
export { resourcesDir, setResourcesDir } from '../resources';
