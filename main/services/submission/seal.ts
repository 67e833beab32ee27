// The one way a signed package is made, whatever its kind (issue 13: one home for the rule): open
// the office's key, give the kind a private work folder for its payload (package.json, the PDF it
// signs with PAdES, its XLSX, its documents), then write the BagIt zip under <data>/packages/ with
// the bag-info lines every package carries, and record it — package row and audit entry in one
// transaction — so it appears under Gói hồ sơ for USB export and the outbox. A failed or
// cancelled build leaves nothing that looks like a package. Each kind only says what goes in:
// build.ts (assessment), build-exam.ts, services/inspection/package.ts, services/training/package.ts.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Services, Actor } from '../context';
import type { JobHandle } from '../jobs';
import { requireOffice } from '../office';
import { trustedNow } from '../trusted-time';
import { buildBag, signPdf, certificateInfo, type PayloadItem, type SigningIdentity, type CertificateInfo } from '../package-format';
import { openIdentity } from './identity';
import { packageOutPath, recordPackage, sourceOrganization, type BuiltPackage } from './record';
import { packageStamps } from './stamps';
import { PACKAGE_SCHEMA_VERSION, type PackageKind } from '../../../shared/package-schema';
import type { Office } from '../../../shared/api/schemas';

/** What a kind gets to fill its payload: the work folder, the signing time, the key and its certificate. */
export interface PackageWork {
  dir: string;
  /** The trusted time the package is signed at. */
  now: number;
  identity: SigningIdentity;
  cert: CertificateInfo;
  office: Office;
  /** Who signs, as package.json's `signedBy` says it. */
  signer: { holder: string; fingerprint: string };
  /** The payload entry for a file written into the work folder under `name` (its name in data/). */
  file(name: string): PayloadItem;
  /** Writes data/package.json (already validated by the kind's schema). */
  writeJson(doc: unknown): Promise<PayloadItem>;
  /** Signs the PDF written at `unsigned` in the work folder (PAdES, the office key) as `name`. */
  signPdf(unsigned: string, name: string, reason: string): Promise<PayloadItem>;
}

/** What a kind puts in its package. */
export interface PackageContents {
  kind: PackageKind;
  /** The record it was built from: assessment, exam round, inspection or course id. */
  refId: number;
  bagName: string;
  year: number;
  /** This kind's own bag-info lines; the common ones come first and the stamps (audit head, clock resets) last. */
  bagInfo?: Record<string, string>;
  payload: PayloadItem[];
  /** The assessment whose supplementary windows are stamped into bag-info (assessment packages only). */
  stampAssessment?: number;
  /** What the audit entry says beside the kind, the file, its SHA-256 and the number of files. */
  audit: Record<string, unknown>;
}

export type SealedPackage = BuiltPackage & { path: string };

export async function buildSignedPackage(
  s: Services,
  actor: Actor,
  passphrase: string | undefined,
  fill: (w: PackageWork) => Promise<PackageContents>,
  opts: { now?: number; job?: JobHandle } = {},
): Promise<SealedPackage> {
  const identity = await openIdentity(s, passphrase);
  const now = opts.now ?? trustedNow(s);
  const cert = certificateInfo(identity.certificatePem, now);
  const office = requireOffice(s);
  const dir = path.join(s.dataDir, 'tmp', `pkg-${randomUUID()}`);
  await mkdir(dir, { recursive: true });
  try {
    const file = (name: string): PayloadItem => ({ path: name, source: { file: path.join(dir, name) } });
    const work: PackageWork = {
      dir,
      now,
      identity,
      cert,
      office,
      signer: { holder: cert.holder, fingerprint: cert.fingerprint },
      file,
      writeJson: async (doc) => {
        await writeFile(path.join(dir, 'package.json'), JSON.stringify(doc, null, 2) + '\n');
        return file('package.json');
      },
      signPdf: async (unsigned, name, reason) => {
        const signed = await signPdf(await readFile(path.join(dir, unsigned)), identity, {
          reason,
          location: `${office.commune}, ${office.province}`,
          name: cert.holder,
        });
        await writeFile(path.join(dir, name), signed);
        return file(name);
      },
    };
    const c = await fill(work);
    opts.job?.checkCancelled();
    const out = await packageOutPath(s, c.bagName, now);
    const built = await buildBag(
      {
        bagName: c.bagName,
        bagInfo: {
          'Source-Organization': sourceOrganization(s),
          'External-Identifier': `${c.bagName}-${now}`,
          'Kiemchung-Kind': c.kind,
          'Kiemchung-Schema-Version': String(PACKAGE_SCHEMA_VERSION),
          'Kiemchung-Year': String(c.year),
          ...c.bagInfo,
          ...packageStamps(s, c.stampAssessment ?? null),
        },
        payload: c.payload,
        identity,
        signingTime: now,
      },
      out,
      opts.job,
    );
    const recorded = recordPackage(s, actor, { kind: c.kind, refId: c.refId, bagName: c.bagName, out, built, now, audit: c.audit });
    return { ...recorded, path: out };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
