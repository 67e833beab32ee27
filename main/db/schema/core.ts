import type { Generated } from 'kysely';
import type { OfficeKind } from '../../../shared/office';

// Kysely table types. Times are UTC epoch milliseconds; booleans are 0/1; JSON is TEXT.
// The office, its users and sessions, the audit log, settings, migrations and trusted time.

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
  /** Set for a session opened over the office network (migration 011). */
  remote_addr: string | null;
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
  /** The PC a change came from over the office network; NULL on the serving PC (migration 011). */
  remote_addr: string | null;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: number;
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

/** The core tables, by name: part of `DB` (./index.ts). */
export interface CoreTables {
  office: OfficeTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
  trusted_time: TrustedTimeTable;
  clock_reset: ClockResetTable;
}
