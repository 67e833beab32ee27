// The receiver's tables as kysely sees them. Times are epoch milliseconds (bigint in PostgreSQL,
// INTEGER in SQLite); JSON is stored as text so both dialects read it the same way.
import type { ReceiverStatus } from '../../../shared/sync/protocol';

export interface OfficeTable {
  /** "<tỉnh>/<huyện>/<xã>" (officeKeyOf). */
  key: string;
  /** First 16 hex of sha256(key): prefixes the office's tus upload ids. */
  tag: string;
  created_at: number;
}

export interface EnrollCodeTable {
  /** sha256 of the normalised code; the code itself is only ever printed once. */
  code_hash: string;
  office_key: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_fingerprint: string | null;
}

export interface OfficeCertTable {
  office_key: string;
  /** sha256 of the DER certificate, lowercase hex. */
  fingerprint: string;
  certificate_pem: string;
  holder: string;
  enrolled_at: number;
  /** When a newer enrollment replaced it: packages signed before still count as from a known signer. */
  superseded_at: number | null;
}

export interface ClientTokenTable {
  token_hash: string;
  office_key: string;
  fingerprint: string;
  created_at: number;
}

export interface UploadTable {
  /** The tus upload id (`<office tag>-<random>`). */
  id: string;
  office_key: string;
  sha256: string;
  filename: string;
  size: number;
  created_at: number;
}

export interface PackageTable {
  sha256: string;
  office_key: string;
  status: ReceiverStatus;
  /** JSON array of { check, file, message }. */
  reasons_json: string;
  /** JSON SignedReceipt, or null (a package refused before its office could be trusted). */
  receipt_json: string | null;
  received_at: number;
  signer_fingerprint: string | null;
  signer_holder: string | null;
  signing_time: number | null;
  size: number;
  /** package.json kind and year, when readable. */
  kind: string | null;
  year: number | null;
  filename: string;
  /** The office whose client token finalized it (may differ from the office the package claims). */
  sender_office: string;
  /** Whether the bytes are in the package store (accepted and quarantined packages are). */
  stored: number;
  decided_by: string | null;
  decided_at: number | null;
  decision_reason: string | null;
}

export interface OperatorTable {
  token_hash: string;
  name: string;
  created_at: number;
}

export interface AuditTable {
  seq: number;
  at: number;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  data_json: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface ReceiverDB {
  office: OfficeTable;
  enroll_code: EnrollCodeTable;
  office_cert: OfficeCertTable;
  client_token: ClientTokenTable;
  upload: UploadTable;
  package: PackageTable;
  operator: OperatorTable;
  audit: AuditTable;
  audit_head: AuditHeadTable;
}
