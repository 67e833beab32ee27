import type { Generated } from 'kysely';

// Inspection report (document 003): migration 012.
export type InspectionMethod = 'scheduled' | 'surprise' | 'report' | 'recheck';

export interface InspectionTable {
  id: Generated<number>;
  year: number;
  plan_number: string;
  /** Vietnam calendar date 'YYYY-MM-DD'. */
  plan_date: string | null;
  method: InspectionMethod;
  visit_date: string | null;
  incoming_total: number | null;
  incoming_digitised: number | null;
  created_at: number;
  created_by: number | null;
  updated_at: number;
  updated_by: number | null;
}

export interface InspectionItemTable {
  inspection_id: number;
  item_key: string;
  text: Generated<string>;
  prefilled: Generated<number>;
  updated_at: number;
  updated_by: number | null;
}

export interface InspectionDocumentTable {
  id: Generated<number>;
  inspection_id: number;
  item_key: string;
  sha256: string;
  file_name: string;
  doc_number: string | null;
  doc_date: string | null;
  summary: string | null;
  created_at: number;
  created_by: number | null;
}

export interface InspectionLateDossierTable {
  id: Generated<number>;
  inspection_id: number;
  dossier_code: string;
  apology_number: string | null;
  apology_date: string | null;
}

/** The inspection tables, by name: part of `DB` (./index.ts). */
export interface InspectionTables {
  inspection: InspectionTable;
  inspection_item: InspectionItemTable;
  inspection_document: InspectionDocumentTable;
  inspection_late_dossier: InspectionLateDossierTable;
}
