// The receiver's schema: ONE list of forward-only migrations, written with kysely's schema
// builder in types both dialects share (text, integer, bigint), so SQLite and PostgreSQL get the
// same tables. Never edit a shipped migration; add the next one.
import { sql, type Kysely } from 'kysely';
import { type Migration } from 'kysely/migration';
import { GENESIS_HASH } from '../../domain/audit-chain';

const m001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('office')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('tag', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('enroll_code')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('office_key', 'text', (c) => c.notNull().references('office.key'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .addColumn('used_fingerprint', 'text')
      .execute();
    await db.schema
      .createTable('office_cert')
      .addColumn('office_key', 'text', (c) => c.notNull().references('office.key'))
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('certificate_pem', 'text', (c) => c.notNull())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('enrolled_at', 'bigint', (c) => c.notNull())
      .addColumn('superseded_at', 'bigint')
      .addPrimaryKeyConstraint('office_cert_pk', ['office_key', 'fingerprint'])
      .execute();
    await db.schema
      .createTable('client_token')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('office_key', 'text', (c) => c.notNull().references('office.key'))
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('upload')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('office_key', 'text', (c) => c.notNull().references('office.key'))
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('upload_office_sha').on('upload').columns(['office_key', 'sha256']).execute();
    await db.schema
      .createTable('package')
      .addColumn('sha256', 'text', (c) => c.primaryKey())
      .addColumn('office_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reasons_json', 'text', (c) => c.notNull())
      .addColumn('receipt_json', 'text')
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addColumn('signer_fingerprint', 'text')
      .addColumn('signer_holder', 'text')
      .addColumn('signing_time', 'bigint')
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('kind', 'text')
      .addColumn('year', 'integer')
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('sender_office', 'text', (c) => c.notNull())
      .addColumn('stored', 'integer', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'bigint')
      .addColumn('decision_reason', 'text')
      .execute();
    await db.schema.createIndex('package_office').on('package').columns(['office_key', 'received_at']).execute();
    await db.schema.createIndex('package_status').on('package').column('status').execute();
    await db.schema
      .createTable('operator')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('audit')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text')
      .addColumn('data_json', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    // One row: the chain's head. Every audited transaction updates it first, which serialises
    // appends across processes and instances in both dialects (a row lock in PostgreSQL, the
    // write lock in SQLite).
    await db.schema
      .createTable('audit_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into audit_head (id, seq, hash) values (1, 0, ${GENESIS_HASH})`.execute(db);
  },
};

export const receiverMigrations: Record<string, Migration> = {
  '001_receiver': m001,
};
