// Packages received for review ("Gói đã mở"): a package that verified is kept, content-addressed,
// as <dataDir>/received/<sha256>.zip (moved from the upload, not copied) with a small sidecar
// <sha256>.json describing it, so the reviewer can browse it and open its files read-only without
// uploading it again. A package that fails verification is never kept; one that fails when
// reopened (the file on disk changed) is discarded. Files are only ever read from a package
// through its verified manifest: the path must be a payload entry of that manifest, and the bytes
// are hashed again against it while they are extracted.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Services } from '../context';
import type { JobHandle } from '../jobs';
import { extractPackageFile, type VerifyReport } from '../package-format';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { FileRef } from '../../../shared/api/assessment-schemas';
import type { ReceivedPackageView } from '../../../shared/api/package-api-schemas';
import { verifyAndOpen, type OpenedPackage } from './packages';
import { verifyTrustOptions } from './trust-store';
import { createLogger } from '../log';
import { renameDurably, writeFileAtomic } from '../durable';

const log = createLogger('received');

const KEY_RE = /^[0-9a-f]{64}$/;
/** Extracted files are served for 30 min (files.ts); older extractions are swept. */
const EXTRACT_KEEP_MS = 60 * 60_000;
/** Verified reports kept in memory per Services (a few hundred bytes per payload file). */
const MAX_CACHED = 20;

const reports = new WeakMap<Services, Map<string, VerifyReport>>();
function cache(s: Services) {
  let m = reports.get(s);
  if (!m) reports.set(s, (m = new Map<string, VerifyReport>()));
  return m;
}
function remember(s: Services, key: string, report: VerifyReport) {
  const m = cache(s);
  m.delete(key);
  m.set(key, report);
  while (m.size > MAX_CACHED) m.delete(m.keys().next().value!);
}

export const receivedDir = (s: Services) => path.join(s.dataDir, 'received');
const zipPath = (s: Services, key: string) => path.join(receivedDir(s), `${key}.zip`);
const metaPath = (s: Services, key: string) => path.join(receivedDir(s), `${key}.json`);

function requireKey(key: string): string {
  if (!KEY_RE.test(key)) throw new ApiError('NOT_FOUND', vi.received.notFound);
  return key;
}

function titleOf(o: OpenedPackage): string {
  const c = o.content;
  if (!c) return vi.received.untitled;
  const office = `UBND ${vi.officeKinds[c.office.kind].toLowerCase()} ${c.office.commune}`;
  switch (c.kind) {
    case 'assessment':
      return vi.received.assessmentTitle(office, c.assessment.year);
    case 'exam':
      return `${office} — ${vi.received.examTitle(c.round.name)}`;
    case 'inspection':
      return vi.packageKinds.inspectionTitle(office, c.inspection.year, c.inspection.planNumber);
    case 'training':
      return vi.packageKinds.trainingTitle(office, c.course.name);
  }
}

async function writeMeta(s: Services, meta: ReceivedPackageView): Promise<void> {
  await writeFileAtomic(metaPath(s, meta.packageKey), JSON.stringify(meta));
}

/** keepReceived, but a failure to keep (disk full …) only loses the browsing, not the verification result. */
export async function tryKeepReceived(
  s: Services,
  upload: { path: string; sha256: string; name: string; size: number },
  opened: OpenedPackage,
): Promise<string | null> {
  try {
    return await keepReceived(s, upload, opened);
  } catch (e) {
    log.warn('could not keep a verified package', { error: e instanceof Error ? e.message : String(e) });
    return null;
  }
}

/**
 * Keeps an uploaded package that verified: moved (renamed; copied only across file systems) to
 * received/<sha256>.zip. `sha256` is the whole file's hash, computed while the upload streamed in.
 * Returns the package key.
 */
export async function keepReceived(s: Services, upload: { path: string; sha256: string; name: string; size: number }, opened: OpenedPackage): Promise<string> {
  if (!opened.report.ok) throw new Error('only a verified package is kept');
  const key = requireKey(upload.sha256);
  await mkdir(receivedDir(s), { recursive: true });
  const dest = zipPath(s, key);
  // Always the file just verified, even if one of this name is kept already (it may have changed on disk).
  try {
    await renameDurably(upload.path, dest);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    const part = `${dest}.${randomBytes(4).toString('hex')}.part`;
    await copyFile(upload.path, part);
    await renameDurably(part, dest);
    await unlink(upload.path).catch(() => undefined);
  }
  await writeMeta(s, {
    packageKey: key,
    fileName: upload.name,
    size: upload.size,
    openedAt: s.clock.now(),
    bagName: opened.report.bagName,
    kind: opened.content?.kind ?? null,
    title: titleOf(opened),
    signer: opened.report.signer?.holder ?? null,
    // An intact package from an unknown signer is kept, but listed as unknown, never as valid.
    trust: opened.report.trust?.level ?? 'unknown',
    signerFingerprint: opened.report.signer?.fingerprint ?? null,
  });
  remember(s, key, opened.report);
  return key;
}

async function readMeta(s: Services, key: string): Promise<ReceivedPackageView | null> {
  try {
    return JSON.parse(await readFile(metaPath(s, key), 'utf8')) as ReceivedPackageView;
  } catch {
    return null;
  }
}

/** The kept packages, newest first (a sidecar without its zip, or the reverse, is not listed). */
export async function listReceived(s: Services): Promise<ReceivedPackageView[]> {
  const names = await readdir(receivedDir(s)).catch(() => [] as string[]);
  const zips = new Set(names.filter((n) => /^[0-9a-f]{64}\.zip$/.test(n)).map((n) => n.slice(0, 64)));
  const out: ReceivedPackageView[] = [];
  for (const key of zips) {
    const m = await readMeta(s, key);
    if (m && m.packageKey === key) out.push(m);
  }
  return out.sort((a, b) => b.openedAt - a.openedAt);
}

/**
 * After the trust list changed: each kept package's listed level follows the anchors (an intact
 * package only moves between known and unknown; the next reopen verifies it fully again).
 */
export async function refreshKeptTrust(s: Services): Promise<void> {
  const anchors = new Set((await verifyTrustOptions(s)).trustAnchors.map((a) => a.fingerprint));
  for (const m of await listReceived(s)) {
    if (!m.signerFingerprint || m.trust === 'invalid') continue;
    const level = anchors.has(m.signerFingerprint) ? 'known' : 'unknown';
    if (level !== m.trust) await writeMeta(s, { ...m, trust: level });
    const cached = cache(s).get(m.packageKey);
    if (cached?.trust && cached.trust.level !== level) cache(s).delete(m.packageKey);
  }
}

export async function forgetReceived(s: Services, key: string): Promise<void> {
  requireKey(key);
  cache(s).delete(key);
  await rm(zipPath(s, key), { force: true });
  await rm(metaPath(s, key), { force: true });
}

async function requireZip(s: Services, key: string): Promise<string> {
  const file = zipPath(s, requireKey(key));
  if (!(await stat(file).catch(() => null))?.isFile()) throw new ApiError('NOT_FOUND', vi.received.notFound);
  return file;
}

/**
 * Verifies a kept package again from scratch. One that no longer verifies is discarded (file and
 * sidecar) and its report returned, so the reviewer sees why.
 */
export async function reopenReceived(s: Services, key: string, job?: JobHandle): Promise<OpenedPackage & { discarded: boolean }> {
  const file = await requireZip(s, key);
  cache(s).delete(key);
  const opened = await verifyAndOpen(file, job, await verifyTrustOptions(s));
  if (!opened.report.ok) {
    await forgetReceived(s, key);
    return { ...opened, discarded: true };
  }
  remember(s, key, opened.report);
  const meta = await readMeta(s, key);
  if (meta)
    await writeMeta(s, {
      ...meta,
      openedAt: s.clock.now(),
      kind: opened.content?.kind ?? null,
      title: titleOf(opened),
      signer: opened.report.signer?.holder ?? null,
      trust: opened.report.trust?.level ?? 'unknown',
      signerFingerprint: opened.report.signer?.fingerprint ?? null,
    });
  return { ...opened, discarded: false };
}

/** The verified report of a kept package: from memory, or verified again (e.g. after a restart). */
async function verifiedReport(s: Services, key: string, job?: JobHandle): Promise<VerifyReport> {
  const hit = cache(s).get(key);
  if (hit) return hit;
  const opened = await reopenReceived(s, key, job);
  if (opened.discarded)
    throw new ApiError(
      'CONFLICT',
      vi.received.failedOnReopen(opened.report.problems.length),
      opened.report.problems.map((p) => ({ path: p.file ?? p.check, message: p.message })),
    );
  return opened.report;
}

const INLINE: Record<string, string> = { '.pdf': 'application/pdf', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };
const OTHER: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** A path as the manifest writes it: `data/…`, forward slashes, no empty, `.` or `..` segments. */
function isCleanPayloadPath(p: string): boolean {
  if (!p.startsWith('data/') || p.includes('\\') || p.includes('\0')) return false;
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

async function sweepExtracted(dir: string, now: number): Promise<void> {
  for (const n of await readdir(dir).catch(() => [] as string[])) {
    const st = await stat(path.join(dir, n)).catch(() => null);
    if (st && now - st.mtimeMs > EXTRACT_KEEP_MS) await rm(path.join(dir, n), { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Opens one payload file of a kept package: it must be listed in the verified manifest; it is
 * streamed out of the zip to a temp file while hashed against that manifest (a mismatch is
 * refused and nothing is served), then registered for viewing — PDF/JPEG/PNG inline.
 */
export async function openReceivedFile(s: Services, key: string, innerPath: string, job?: JobHandle): Promise<FileRef> {
  const file = await requireZip(s, key);
  if (!isCleanPayloadPath(innerPath)) throw new ApiError('VALIDATION', vi.received.badPath(innerPath.slice(0, 200)));
  const report = await verifiedReport(s, key, job);
  if (!report.payload.some((p) => p.path === innerPath)) throw new ApiError('VALIDATION', vi.received.notInManifest(innerPath.slice(0, 200)));
  const base = path.join(s.dataDir, 'tmp', 'received');
  await mkdir(base, { recursive: true });
  await sweepExtracted(base, Date.now());
  const dir = path.join(base, randomBytes(9).toString('hex'));
  await mkdir(dir);
  const fileName = innerPath.slice(innerPath.lastIndexOf('/') + 1);
  const dest = path.join(dir, 'file');
  try {
    await extractPackageFile(file, innerPath, dest, { report });
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  const ext = path.extname(fileName).toLowerCase();
  const inline = INLINE[ext];
  const mediaType = inline ?? OTHER[ext] ?? 'application/octet-stream';
  const fileId = s.files.register({ path: dest, fileName, mediaType, disposition: inline ? 'inline' : 'attachment' });
  return { fileId, fileName, mediaType };
}
