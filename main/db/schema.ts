import type { Generated } from 'kysely';
import type { OfficeKind } from '../../shared/office';

// Kysely table types. Times are UTC epoch milliseconds; booleans are 0/1; JSON is TEXT.

export interface OfficeTable {
  id: number;
  province: string;
  district: string;
  commune: string;
  kind: OfficeKind; // CHECK (kind IN ('xa','phuong','thi_tran'))
  created_at: number;
  updated_at: number;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  position: string;
  roles: string; // JSON array of Role
  password_hash: string;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  locked: number;
  failed_unlocks: Generated<number>;
}

export interface LoginThrottleTable {
  username: string;
  failures: number;
  last_failure_at: number;
  locked_until: number | null;
}

export interface SettingsTable {
  key: string;
  value: string; // JSON
}

export interface AuditLogTable {
  seq: number;
  at: number;
  user_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: number;
}

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

export interface TrustedTimeTable {
  id: number;
  latest: number;
  /** Audit rows up to this seq no longer count as evidence of time (written under a clock since reset). */
  floor_seq: Generated<number>;
}

export interface ClockResetTable {
  id: Generated<number>;
  at: number;
  from_ms: number;
  to_ms: number;
  source: 'receiver' | 'reason';
  reason: string;
  user_id: number | null;
  actor_name: string;
}

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

export interface PackageTable {
  id: Generated<number>;
  kind: 'assessment' | 'exam';
  ref_id: number;
  bag_name: string;
  path: string;
  size: number;
  sha256: string;
  tagmanifest_sha256: string;
  signer_fingerprint: string;
  payload_files: number;
  created_at: number;
  created_by: number | null;
}

export interface SyncConnectionTable {
  id: number;
  url: string;
  office_key: string;
  /** Bearer secret for the receiver: never logged, never returned by the API. */
  client_token: string;
  receiver_certificate_pem: string;
  /** SHA-256 of the receiver certificate's DER (lowercase hex): receipts must verify with exactly this. */
  receiver_fingerprint: string;
  /** The office certificate that was enrolled. */
  signer_fingerprint: string;
  enrolled_at: number;
  last_contact_at: number | null;
  last_error: string | null;
  updated_at: number;
}

export type OutboxState = 'waiting' | 'sending' | 'sent' | 'quarantined' | 'rejected' | 'failed';

export interface OutboxTable {
  id: Generated<number>;
  package_id: number | null;
  sha256: string;
  path: string;
  file_name: string;
  size: number;
  kind: 'assessment' | 'exam' | null;
  state: OutboxState;
  bytes_sent: number;
  upload_url: string | null;
  attempts: number;
  next_try_at: number;
  last_error: string | null;
  receipt_json: string | null;
  receipt_id: string | null;
  received_at: number | null;
  remote_reasons_json: string | null;
  created_at: number;
  created_by: number | null;
  updated_at: number;
}

export interface TrustedCertificateTable {
  id: Generated<number>;
  fingerprint: string;
  pem: string;
  name: string;
  source: 'office' | 'imported' | 'enrolled' | 'receiver';
  added_by: number | null;
  added_at: number;
  revoked_at: number | null;
  revoked_by: number | null;
}

export interface DB {
  trusted_certificate: TrustedCertificateTable;
  sync_connection: SyncConnectionTable;
  outbox: OutboxTable;
  package: PackageTable;
  exam_round: ExamRoundTable;
  roster_entry: RosterEntryTable;
  exam_team: ExamTeamTable;
  exam_performer: ExamPerformerTable;
  exam_step: ExamStepTable;
  exam_record: ExamRecordTable;
  exam_incident: ExamIncidentTable;
  exam_override: ExamOverrideTable;
  clock_event: ClockEventTable;
  criteria_set: CriteriaSetTable;
  criterion: CriterionTable;
  assessment: AssessmentTable;
  supplementary_window: SupplementaryWindowTable;
  clock_reset: ClockResetTable;
  assessment_item: AssessmentItemTable;
  document: DocumentTable;
  item_document: ItemDocumentTable;
  trusted_time: TrustedTimeTable;
  office: OfficeTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}
