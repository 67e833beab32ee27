import type { Generated } from 'kysely';

// Exam rounds: rosters, teams, steps, records, incidents and the clock.

export interface ExamRoundTable {
  id: Generated<number>;
  name: string;
  exam_date: string | null;
  venue: string | null;
  district: string | null;
  created_at: number;
}

export interface RosterEntryTable {
  id: Generated<number>;
  round_id: number;
  form: '01' | '02' | '03' | '04' | '05';
  stt: number | null;
  full_name: string;
  gender: string | null;
  birth_year: number | null;
  birth_date: string | null;
  position_id: string | null;
  position_title: string | null;
  position_raw: string | null;
  commune: string | null;
  district: string | null;
  phone: string | null;
  note: string | null;
  exclusion: string | null;
  exclusion_note: string | null;
  agency: string | null;
  focal_area: string | null;
  appointed_at: string | null;
  takes_part: number | null;
  chosen_position_id: string | null;
  source_row: number | null;
  person_key: string;
  previous_position_id: string | null;
}

export interface ExamBoardLinkTable {
  id: Generated<number>;
  round_id: number;
  token_sha256: string;
  valid_until: number;
  created_at: number;
  created_by: number | null;
}

export interface ExamTeamTable {
  id: Generated<number>;
  round_id: number;
  commune: string;
  created_at: number;
}

export interface ExamPerformerTable {
  id: Generated<number>;
  team_id: number;
  step: number;
  entry_id: number;
}

export interface ExamStepTable {
  id: Generated<number>;
  team_id: number;
  step: number;
  started_at: number | null;
  deadline_at: number | null;
  ended_at: number | null;
  failed: Generated<number>;
}

export interface ExamRecordTable {
  id: Generated<number>;
  step_id: number;
  entry_id: number;
  codes: Generated<string>;
  finished_at: number | null;
  result: 'dat' | 'khong_dat' | null;
  note: string | null;
}

export interface ExamIncidentTable {
  id: Generated<number>;
  step_id: number;
  at: number;
  kind: 'internet' | 'other';
  description: string;
  created_by: number | null;
}

export interface ExamOverrideTable {
  id: Generated<number>;
  step_id: number;
  at: number;
  delta_ms: number;
  reason: string;
  created_by: number | null;
}

export interface ClockEventTable {
  id: Generated<number>;
  at: number;
  delta_ms: number;
  note: string;
}

/** The exam tables, by name: part of `DB` (./index.ts). */
export interface ExamTables {
  exam_round: ExamRoundTable;
  roster_entry: RosterEntryTable;
  exam_team: ExamTeamTable;
  exam_performer: ExamPerformerTable;
  exam_step: ExamStepTable;
  exam_record: ExamRecordTable;
  exam_incident: ExamIncidentTable;
  exam_override: ExamOverrideTable;
  exam_board_link: ExamBoardLinkTable;
  clock_event: ClockEventTable;
}
