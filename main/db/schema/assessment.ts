import type { Generated } from 'kysely';

// Criteria sets, assessments, their items and evidence documents.

export interface CriteriaSetTable {
  id: Generated<number>;
  name: string;
  decision: string | null;
  province: string | null;
  year: number | null;
  source_name: string | null;
  warnings_json: string;
  total_max: number;
  created_at: number;
  created_by: number | null;
}

export interface CriterionTable {
  set_id: number;
  code: string;
  parent_code: string | null;
  level: number;
  title: string;
  max_points: number | null;
  guidance: string | null;
  evidence_hints: string | null;
  ord: number;
}

export interface AssessmentTable {
  id: Generated<number>;
  year: number;
  set_id: number;
  opens_at: number;
  closes_at: number;
  status: Generated<'open' | 'sent'>;
  sent_at: number | null;
  sent_by: number | null;
  created_at: number;
  updated_at: number;
}

export interface SupplementaryWindowTable {
  id: Generated<number>;
  assessment_id: number;
  opens_at: number;
  closes_at: number;
  criterion_codes: string; // JSON array
  note: string | null;
  created_at: number;
  /** The province's instruction that opened it (number and date of the document). */
  instruction_ref: string | null;
}

export type ItemStatus = 'todo' | 'done' | 'returned' | 'approved';

export interface AssessmentItemTable {
  id: Generated<number>;
  assessment_id: number;
  criterion_code: string;
  assignee_id: number | null;
  points: number | null;
  not_applicable: Generated<number>;
  na_reason: string | null;
  explanation: Generated<string>;
  status: Generated<ItemStatus>;
  review_comment: string | null;
  updated_at: number;
  updated_by: number | null;
  /** Counts saves: a save based on an older version is a conflict (migration 011). */
  version: Generated<number>;
}

export interface DocumentTable {
  sha256: string;
  size: number;
  media_type: string;
  original_name: string;
  pdf_signed: number | null;
  doc_number: string | null;
  doc_date: string | null;
  summary: string | null;
  created_at: number;
  created_by: number | null;
}

export interface ItemDocumentTable {
  id: Generated<number>;
  item_id: number;
  sha256: string;
  file_name: string;
  created_at: number;
  created_by: number | null;
  /** Number, date and summary as described for this criterion (migration 009). */
  doc_number: string | null;
  doc_date: string | null;
  summary: string | null;
}

/** The assessment tables, by name: part of `DB` (./index.ts). */
export interface AssessmentTables {
  criteria_set: CriteriaSetTable;
  criterion: CriterionTable;
  assessment: AssessmentTable;
  supplementary_window: SupplementaryWindowTable;
  assessment_item: AssessmentItemTable;
  document: DocumentTable;
  item_document: ItemDocumentTable;
}
