import type { Generated } from 'kysely';
import type { PackageKind } from '../../../shared/package-schema';

// Sending packages to the receiver: the enrolled connection and the outbox.

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
  kind: PackageKind | null;
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

/** The sync tables, by name: part of `DB` (./index.ts). */
export interface SyncTables {
  sync_connection: SyncConnectionTable;
  outbox: OutboxTable;
}
