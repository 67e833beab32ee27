// `kiemchung package verify FILE [--trust CERT.pem]… [--fingerprint HEX] [--data-dir D]`: checks a
// package and says who signed it. Known signers: the office's certificates in the data folder
// (current and earlier keys, certificates trusted or enrolled there), every certificate in the
// --trust files, the --fingerprint given. Exit 0 only for a known signer, 3 for an intact package
// from an unknown signer, 2 for an invalid one.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DB_FILE } from '../db/connection';
import { resolveDataDir } from '../db/data-dir';
import { vi } from '../../shared/i18n/vi';
import { viCli } from '../../shared/i18n/vi/cli';
import { formatPoints } from '../../shared/format';
import type { TrustAnchor } from '../services/package-format';
import type { TrustOptions } from '../services/submission/packages';

export interface VerifyCliFlags {
  trust?: string[];
  fingerprint?: string;
  'data-dir'?: string;
}

export const EXIT = { known: 0, invalid: 2, unknown: 3 } as const;

/** Every certificate in a file: PEM (one or more) or a single DER certificate. */
async function certificatesIn(file: string): Promise<string[]> {
  const { toCertificatePem } = await import('../services/submission/trust-store');
  let bytes: Buffer;
  try {
    bytes = await readFile(path.resolve(file));
  } catch (e) {
    throw new Error(vi.trust.cli.trustFileUnreadable(file, (e as Error).message));
  }
  const text = bytes.toString('latin1');
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  try {
    return blocks ? blocks.map((b) => toCertificatePem(b)) : [toCertificatePem(bytes)];
  } catch {
    throw new Error(vi.trust.cli.noCertificateInFile(file));
  }
}

/** The data folder's anchors, without creating anything: a folder with no database or key gives none. */
async function dataDirAnchors(flag: string | undefined): Promise<TrustAnchor[]> {
  const dir = resolveDataDir(flag);
  if (existsSync(path.join(dir, DB_FILE))) {
    const { bootServices } = await import('../services/bootstrap');
    const { trustAnchors } = await import('../services/submission/trust-store');
    const s = bootServices({ dataDir: dir });
    try {
      return await trustAnchors(s);
    } finally {
      s.db.close();
    }
  }
  const { KeyStore, anchorFromPem } = await import('../services/package-format');
  const info = await new KeyStore(dir).info().catch(() => null);
  return info ? [anchorFromPem(info.certificatePem, 'office')] : [];
}

export async function trustOptionsFromFlags(flags: VerifyCliFlags): Promise<TrustOptions> {
  const { anchorFromPem, normaliseFingerprint } = await import('../services/package-format');
  const anchors = await dataDirAnchors(flags['data-dir']);
  for (const file of flags.trust ?? []) for (const pem of await certificatesIn(file)) anchors.push(anchorFromPem(pem, 'cli'));
  const opts: TrustOptions = { trustAnchors: anchors };
  if (flags.fingerprint !== undefined) {
    const fp = normaliseFingerprint(flags.fingerprint);
    if (fp.length !== 64 || /[^0-9a-fA-F:\s]/.test(flags.fingerprint)) throw new Error(vi.trust.cli.badFingerprint);
    // The signer must be exactly this certificate: another one is a verification failure, this one is known.
    opts.expectedSignerFingerprint = fp;
    anchors.push({ fingerprint: fp, name: vi.trust.cli.fingerprintAnchor, source: 'cli' });
  }
  return opts;
}

export async function verifyCli(file: string, flags: VerifyCliFlags): Promise<number> {
  const { verifyAndOpen } = await import('../services/submission/packages');
  const { verifyView } = await import('../services/submission/package-view');
  const trust = await trustOptionsFromFlags(flags);
  const v = verifyView(await verifyAndOpen(path.resolve(file), undefined, trust));
  const t = v.trust;
  console.log(`${vi.trust.icon[t.level]} ${t.title}`);
  for (const p of v.problems) console.log(`  ✗ ${p.file ? p.file + ': ' : ''}${p.message}`);
  if (v.signer)
    console.log(`${vi.trust.signerLabel}: ${v.signer.holder} — ${vi.trust.issuedBy} ${v.signer.issuer} — ${vi.trust.fingerprintLabel} ${v.signer.fingerprint}`);
  if (t.fingerprintGroups.length) console.log(`${vi.trust.fingerprintLabel}: ${t.fingerprintGroups.join(' ')}`);
  if (t.anchor) console.log(`${vi.trust.anchorLabel}: ${t.anchor.name} (${vi.trust.source[t.anchor.source] ?? t.anchor.source})`);
  for (const n of t.notes) console.log(`${vi.trust.icon.unknown} ${n}`);
  if (v.kind) console.log(vi.packageKinds.kindLine(vi.packageKinds.labels[v.kind]));
  if (v.content)
    console.log(
      viCli.package.content(
        v.content.office,
        v.content.year,
        formatPoints(v.content.points),
        formatPoints(v.content.applicableMax),
        v.content.band,
        v.content.evidence,
      ),
    );
  return EXIT[t.level];
}
