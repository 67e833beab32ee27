import type { Generated } from 'kysely';
import type { PackageKind } from '../../../shared/package-schema';

// Signed packages and the certificates trusted to verify them.

export interface PackageTable {
  id: Generated<number>;
  kind: PackageKind;
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

/** The packages tables, by name: part of `DB` (./index.ts). */
export interface PackageTables {
  package: PackageTable;
  trusted_certificate: TrustedCertificateTable;
}
