// What the receiver decides about a package whose bytes it holds: verified exactly as
// `package verify` does (verifyPackage), then its data/package.json read for the office it
// claims, then the signer matched against the certificates enrolled for that office.
//   invalid (any verification problem, unreadable package.json)      → rejected, with each reason
//   valid, signed by a certificate enrolled for that office           → accepted
//   valid, any other signer (unknown key, another office's, or a key
//   replaced before the package was signed)                           → quarantined for the operator
// The same for every kind the app sends (self-assessment, exam results, the inspection report,
// training results): package.json must be one of them, and its kind and year are kept.
import { formatDateTime } from '../../shared/format';
import { viReceiver as t } from '../../shared/i18n/vi/receiver';
import { viPackageKinds } from '../../shared/i18n/vi/package-kinds';
import { packageYear, submissionPackage } from '../../shared/package-schema';
import { officeKey as officeKeySchema, officeKeyOf, type ReceiverStatus } from '../../shared/sync/protocol';
import { readPackageFile } from '../services/package-format/bag-read';
import { type VerifyReport } from '../services/package-format/bag-verify';
import { type ReceiverContext } from './context';

export interface Reason {
  check: string;
  file: string | null;
  message: string;
}

export interface Verdict {
  status: ReceiverStatus;
  reasons: Reason[];
  /** The office the package claims (null when it could not be read). */
  office: string | null;
  signerFingerprint: string | null;
  signerHolder: string | null;
  signingTime: number | null;
  kind: string | null;
  year: number | null;
}

export const PACKAGE_JSON = 'data/package.json';
const PACKAGE_JSON_MAX = 32 * 1024 * 1024;

/** `report` is verifyPackage's on `zipPath` (finalize gets it from the check pool), with PACKAGE_JSON in keepPayload. */
export async function judgePackage(ctx: ReceiverContext, zipPath: string, report: VerifyReport): Promise<Verdict> {
  const v: Verdict = {
    status: 'rejected',
    reasons: report.problems.map((p) => ({ check: p.check, file: p.file, message: p.message })),
    office: null,
    signerFingerprint: report.signer?.fingerprint ?? null,
    signerHolder: report.signer?.holder ?? null,
    signingTime: report.signingTime,
    kind: null,
    year: null,
  };
  if (!report.ok) return v;

  let pkg;
  try {
    const kept = report.kept?.get(PACKAGE_JSON);
    const bytes = kept && kept.length <= PACKAGE_JSON_MAX ? kept : await readPackageFile(zipPath, PACKAGE_JSON, { report, maxBytes: PACKAGE_JSON_MAX });
    const parsed = submissionPackage.safeParse(JSON.parse(bytes.toString('utf8')));
    if (!parsed.success) {
      const detail = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || viPackageKinds.jsonRoot}: ${i.message}`)
        .join('; ');
      v.reasons.push({ check: 'package-json', file: PACKAGE_JSON, message: t.finalize.packageJsonBad(detail) });
      return v;
    }
    pkg = parsed.data;
  } catch (e) {
    v.reasons.push({ check: 'package-json', file: PACKAGE_JSON, message: t.finalize.packageJsonBad(e instanceof Error ? e.message : String(e)) });
    return v;
  }
  v.kind = pkg.kind;
  v.year = packageYear(pkg);
  const office = officeKeyOf(pkg.office);
  if (!officeKeySchema.safeParse(office).success) {
    v.reasons.push({ check: 'package-json', file: PACKAGE_JSON, message: t.finalize.badOfficeInPackage });
    return v;
  }
  v.office = office;
  const signer = report.signer;
  if (!signer) {
    v.reasons.push({ check: 'signer', file: null, message: t.finalize.noSigner });
    return v;
  }

  const certs = await ctx.db.selectFrom('office_cert').selectAll().where('office_key', '=', office).execute();
  const match = certs.find((c) => c.fingerprint === signer.fingerprint);
  const signedAt = report.signingTime;
  const supersededAt = match?.superseded_at == null ? null : Number(match.superseded_at);
  // CMS signingTime has whole seconds: "signed before the replacement" must hold for the whole second.
  if (match && (supersededAt === null || (signedAt !== null && signedAt + 1000 <= supersededAt))) {
    v.status = 'accepted';
    return v;
  }
  v.status = 'quarantined';
  v.reasons.push({ check: 'signer-unknown', file: null, message: t.finalize.unknownSigner(signer.fingerprint, office) });
  if (match && supersededAt !== null)
    v.reasons.push({ check: 'signer-superseded', file: null, message: t.finalize.signedAfterSuperseded(formatDateTime(supersededAt)) });
  else if (certs.length === 0) v.reasons.push({ check: 'signer-unknown', file: null, message: t.finalize.noEnrollment(office) });
  else if (certs.some((c) => c.holder === signer.holder))
    v.reasons.push({ check: 'signer-name', file: null, message: t.finalize.knownNameOtherKey(signer.holder) });
  return v;
}
