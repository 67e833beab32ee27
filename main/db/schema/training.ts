import type { Generated } from 'kysely';

// Training register (document 004): migration 012.

export interface TrainingCourseTable {
  id: Generated<number>;
  name: string;
  organiser: string | null;
  starts_on: string | null;
  ends_on: string | null;
  created_at: number;
  created_by: number | null;
}

export interface TrainingAttendeeTable {
  course_id: number;
  user_id: number;
  certificate_sha256: string | null;
}

export interface TrainingPersonTable {
  user_id: number;
  advises_cchc: Generated<number>;
  one_stop: Generated<number>;
}

export type AnswerLetter = 'A' | 'B' | 'C' | 'D';

export interface TrainingQuestionTable {
  id: Generated<number>;
  course_id: number;
  position: number;
  text: string;
  option_a: string;
  option_b: string;
  option_c: string;
  option_d: string;
  correct: AnswerLetter;
  points: number;
  source_row: number | null;
}

export interface TrainingTestTable {
  id: Generated<number>;
  course_id: number;
  name: string;
  question_count: number;
  time_limit_minutes: number;
  passing_percent: number;
  created_at: number;
  created_by: number | null;
}

export interface TrainingAttemptTable {
  id: Generated<number>;
  test_id: number;
  user_id: number;
  attempt_no: number;
  /** JSON array of question ids, in the order shown. */
  question_ids: string;
  started_at: number;
  deadline_at: number;
  submitted_at: number | null;
  late: Generated<number>;
  score: number | null;
  max_score: number;
  passed: number | null;
}

export interface TrainingAnswerTable {
  attempt_id: number;
  question_id: number;
  answer: AnswerLetter;
  answered_at: number;
}

/** The training tables, by name: part of `DB` (./index.ts). */
export interface TrainingTables {
  training_course: TrainingCourseTable;
  training_attendee: TrainingAttendeeTable;
  training_person: TrainingPersonTable;
  training_question: TrainingQuestionTable;
  training_test: TrainingTestTable;
  training_attempt: TrainingAttemptTable;
  training_answer: TrainingAnswerTable;
}
