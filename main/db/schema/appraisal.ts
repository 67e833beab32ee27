import type { Generated } from 'kysely';

// Migration 010: the appraisal council's results and the improvement plan.
export interface AppraisalTable {
  assessment_id: number;
  source: 'file' | 'receiver';
  source_name: string;
  imported_at: number;
  imported_by: number | null;
}

export interface AppraisalResultTable {
  assessment_id: number;
  criterion_code: string;
  /** null for a parent left blank and for "không chấm". */
  points: number | null;
  not_scored: Generated<number>;
  reason: string | null;
  source_row: number | null;
}

export type TaskStatus = 'todo' | 'doing' | 'done';

export interface ImprovementTaskTable {
  id: Generated<number>;
  assessment_id: number;
  criterion_code: string | null;
  points_lost: Generated<number>;
  reason: string | null;
  measure: Generated<string>;
  assignee_user_id: number | null;
  assignee_unit: string | null;
  /** Vietnam calendar date 'YYYY-MM-DD'. */
  due_date: string | null;
  status: Generated<TaskStatus>;
  status_note: string | null;
  done_at: number | null;
  created_at: number;
  created_by: number | null;
  updated_at: number;
  updated_by: number | null;
}

export interface ImprovementTargetTable {
  id: Generated<number>;
  assessment_id: number;
  text: string;
  target_value: string | null;
  measured_value: string | null;
  due_date: string | null;
  created_at: number;
  created_by: number | null;
  updated_at: number;
  updated_by: number | null;
}

/** The appraisal tables, by name: part of `DB` (./index.ts). */
export interface AppraisalTables {
  appraisal: AppraisalTable;
  appraisal_result: AppraisalResultTable;
  improvement_task: ImprovementTaskTable;
  improvement_target: ImprovementTargetTable;
}
