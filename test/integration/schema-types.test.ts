// The database and its kysely types agree: a fresh database, migrated from empty, has exactly
// the tables and columns main/db/schema.ts declares. The list below is checked both ways — by the
// compiler against the types (every column of each table named, nothing else) and here against
// SQLite's own description of the migrated file.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/connection';
import type { DB } from '../../main/db/schema';
import { cleanup, tempDir } from '../helpers/services';

/** Compile-time: the names given must be every column of table T, and only those. */
const columns =
  <T extends keyof DB>() =>
  <const L extends readonly (keyof DB[T] & string)[]>(
    ...names: L & (Exclude<keyof DB[T], L[number]> extends never ? unknown : ['missing columns', Exclude<keyof DB[T], L[number]>])
  ) =>
    names as readonly string[];

const SCHEMA = {
  assessment: columns<'assessment'>()('id', 'year', 'set_id', 'opens_at', 'closes_at', 'status', 'sent_at', 'sent_by', 'created_at', 'updated_at'),
  assessment_item: columns<'assessment_item'>()(
    'id',
    'assessment_id',
    'criterion_code',
    'assignee_id',
    'points',
    'not_applicable',
    'na_reason',
    'explanation',
    'status',
    'review_comment',
    'updated_at',
    'updated_by',
  ),
  audit_log: columns<'audit_log'>()('seq', 'at', 'user_id', 'actor_name', 'action', 'entity', 'entity_id', 'before_json', 'after_json', 'prev_hash', 'hash'),
  clock_event: columns<'clock_event'>()('id', 'at', 'delta_ms', 'note'),
  clock_reset: columns<'clock_reset'>()('id', 'at', 'from_ms', 'to_ms', 'source', 'reason', 'user_id', 'actor_name'),
  criteria_set: columns<'criteria_set'>()(
    'id',
    'name',
    'decision',
    'province',
    'year',
    'source_name',
    'warnings_json',
    'total_max',
    'created_at',
    'created_by',
  ),
  criterion: columns<'criterion'>()('set_id', 'code', 'parent_code', 'level', 'title', 'max_points', 'guidance', 'evidence_hints', 'ord'),
  document: columns<'document'>()(
    'sha256',
    'size',
    'media_type',
    'original_name',
    'pdf_signed',
    'doc_number',
    'doc_date',
    'summary',
    'created_at',
    'created_by',
  ),
  exam_incident: columns<'exam_incident'>()('id', 'step_id', 'at', 'kind', 'description', 'created_by'),
  exam_override: columns<'exam_override'>()('id', 'step_id', 'at', 'delta_ms', 'reason', 'created_by'),
  exam_performer: columns<'exam_performer'>()('id', 'team_id', 'step', 'entry_id'),
  exam_record: columns<'exam_record'>()('id', 'step_id', 'entry_id', 'codes', 'finished_at', 'result', 'note'),
  exam_round: columns<'exam_round'>()('id', 'name', 'exam_date', 'venue', 'district', 'created_at'),
  exam_step: columns<'exam_step'>()('id', 'team_id', 'step', 'started_at', 'deadline_at', 'ended_at', 'failed'),
  exam_team: columns<'exam_team'>()('id', 'round_id', 'commune', 'created_at'),
  item_document: columns<'item_document'>()('id', 'item_id', 'sha256', 'file_name', 'created_at', 'created_by', 'doc_number', 'doc_date', 'summary'),
  login_throttle: columns<'login_throttle'>()('username', 'failures', 'last_failure_at', 'locked_until'),
  office: columns<'office'>()('id', 'province', 'district', 'commune', 'kind', 'created_at', 'updated_at'),
  outbox: columns<'outbox'>()(
    'id',
    'package_id',
    'sha256',
    'path',
    'file_name',
    'size',
    'kind',
    'state',
    'bytes_sent',
    'upload_url',
    'attempts',
    'next_try_at',
    'last_error',
    'receipt_json',
    'receipt_id',
    'received_at',
    'remote_reasons_json',
    'created_at',
    'created_by',
    'updated_at',
  ),
  package: columns<'package'>()(
    'id',
    'kind',
    'ref_id',
    'bag_name',
    'path',
    'size',
    'sha256',
    'tagmanifest_sha256',
    'signer_fingerprint',
    'payload_files',
    'created_at',
    'created_by',
  ),
  roster_entry: columns<'roster_entry'>()(
    'id',
    'round_id',
    'form',
    'stt',
    'full_name',
    'gender',
    'birth_year',
    'birth_date',
    'position_id',
    'position_title',
    'position_raw',
    'commune',
    'district',
    'phone',
    'note',
    'exclusion',
    'exclusion_note',
    'agency',
    'focal_area',
    'appointed_at',
    'takes_part',
    'chosen_position_id',
    'source_row',
    'person_key',
  ),
  schema_migrations: columns<'schema_migrations'>()('version', 'name', 'applied_at'),
  sessions: columns<'sessions'>()('token_hash', 'user_id', 'created_at', 'last_seen_at', 'locked', 'failed_unlocks'),
  settings: columns<'settings'>()('key', 'value'),
  supplementary_window: columns<'supplementary_window'>()(
    'id',
    'assessment_id',
    'opens_at',
    'closes_at',
    'criterion_codes',
    'note',
    'created_at',
    'instruction_ref',
  ),
  sync_connection: columns<'sync_connection'>()(
    'id',
    'url',
    'office_key',
    'client_token',
    'receiver_certificate_pem',
    'receiver_fingerprint',
    'signer_fingerprint',
    'enrolled_at',
    'last_contact_at',
    'last_error',
    'updated_at',
  ),
  trusted_certificate: columns<'trusted_certificate'>()('id', 'fingerprint', 'pem', 'name', 'source', 'added_by', 'added_at', 'revoked_at', 'revoked_by'),
  trusted_time: columns<'trusted_time'>()('id', 'latest', 'floor_seq'),
  users: columns<'users'>()('id', 'username', 'full_name', 'position', 'roles', 'password_hash', 'active', 'created_at', 'updated_at'),
} satisfies Record<keyof DB, readonly string[]>;

let dir: string | undefined;
afterEach(() => cleanup(dir));

describe('schema.ts and the migrations', () => {
  it('a database migrated from empty has exactly the declared tables and columns', () => {
    dir = tempDir();
    const { db } = openDatabase(dir, 1);
    try {
      const tables = (
        db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
      ).map((r) => r.name);
      expect(tables).toEqual(Object.keys(SCHEMA).sort());
      for (const [table, cols] of Object.entries(SCHEMA)) {
        const actual = (db.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
        expect([...actual].sort(), table).toEqual([...cols].sort());
      }
    } finally {
      db.close();
    }
  });
});
