// The parts every kind of package shares once its payload is ready: the bag's name, where the zip
// goes, the Source-Organization line, and recording the built zip (package row + audit) in one
// transaction. seal.ts puts them together for each kind.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Services, Actor } from '../context';
import type { BuildResult } from '../package-format';
import { appendAudit } from '../audit';
import { requireOffice } from '../office';
import { toAscii } from '../../domain/evidence-naming';
import { vi } from '../../../shared/i18n/vi';
import type { PackageKind } from '../../../shared/package-schema';

/** A package built and recorded here, as the package list shows it. */
export interface BuiltPackage {
  id: number;
  bagName: string;
  fileName: string;
  size: number;
  sha256: string;
  payloadFiles: number;
  signerFingerprint: string;
  createdAt: number;
}

/** ASCII and short: `KC-<year>-<commune without diacritics>-<what>`, e.g. `KC-2023-PhuThuong-CCHC`, `KC-2025-PhuThuong-THI-3`. */
export function bagNameOf(commune: string, year: number, what: string): string {
  const c = toAscii(commune).replace(/[^A-Za-z0-9]+/g, '');
  return `KC-${year}-${c || 'UBND'}-${what}`;
}

/** `<data>/packages/<bag>-<UTC yyyymmddThhmmss>.zip`: a rebuild never overwrites an earlier package. */
export async function packageOutPath(s: Services, bagName: string, now: number): Promise<string> {
  const dir = path.join(s.dataDir, 'packages');
  await mkdir(dir, { recursive: true });
  return path.join(dir, `${bagName}-${new Date(now).toISOString().replace(/[-:]/g, '').slice(0, 15)}.zip`);
}

export function sourceOrganization(s: Services): string {
  const office = requireOffice(s);
  return `UBND ${vi.officeKinds[office.kind].toLowerCase()} ${office.commune}, ${office.district}, ${office.province}`;
}

/**
 * Records a built zip. The zip's own SHA-256 is the one buildBag computed while writing it (no
 * second read of a file that may be large).
 */
export function recordPackage(
  s: Services,
  actor: Actor,
  input: { kind: PackageKind; refId: number; bagName: string; out: string; built: BuildResult; now: number; audit: Record<string, unknown> },
): BuiltPackage {
  const { built, out, now } = input;
  const sha256 = built.sha256;
  const id = s.db.tx((w) => {
    const { lastInsertRowid } = s.db.run(
      s.db.q.insertInto('package').values({
        kind: input.kind,
        ref_id: input.refId,
        bag_name: input.bagName,
        path: out,
        size: built.bytes,
        sha256,
        tagmanifest_sha256: built.tagmanifestSha256,
        signer_fingerprint: built.signerFingerprint,
        payload_files: built.payload.length,
        created_at: now,
        created_by: actor.id,
      }),
    );
    appendAudit(w, s, actor, {
      action: 'package.build',
      entity: 'package',
      entityId: lastInsertRowid,
      after: { kind: input.kind, ...input.audit, file: path.basename(out), sha256, files: built.payload.length },
    });
    return lastInsertRowid;
  });
  return {
    id,
    bagName: input.bagName,
    fileName: path.basename(out),
    size: built.bytes,
    sha256,
    payloadFiles: built.payload.length,
    signerFingerprint: built.signerFingerprint,
    createdAt: now,
  };
}
