import type { Generated } from 'kysely';

// Kysely table types. Times are UTC epoch milliseconds; booleans are 0/1; JSON is TEXT.

export interface OfficeTable {
  id: number;
  province: string;
  district: string;
  commune: string;
  kind: string;
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

export interface DB {
  office: OfficeTable;
  users: UsersTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}
