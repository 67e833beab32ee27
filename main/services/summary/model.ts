// The input of the summary-table export: everything the XLSX and the PDF show, already computed
// (the exporters never touch the database, so they can be tested and benchmarked on their own).

export interface SummaryRow {
  code: string;
  level: number; // 1 = area (lĩnh vực), 2 = criterion, 3+ = sub-criteria
  title: string;
  maxPoints: number | null;
  selfPoints: number | null; // parents carry the computed total of their children
  notApplicable: boolean; // "Không phát sinh" in the year: excluded from the applicable maximum
  evidenceCount: number;
  isLeaf: boolean;
}

export interface SummaryModel {
  office: { province: string; district: string; commune: string; kind: 'xa' | 'phuong' | 'thi_tran' };
  year: number;
  criteriaSet: { name: string; decision: string | null };
  generatedAt: number; // UTC ms; shown as a Vietnam-local date
  rows: SummaryRow[]; // tree order (1, 1.1, 1.1.a …)
  totals: { points: number; applicableMax: number; percent: number | null; band: string | null };
  signer: { fullName: string; position: string } | null; // e.g. Chủ tịch
}
