// Verifies a package before anything else reads it: first the zip's structure (names, kinds,
// sizes — see zip-read.ts), then the bag: tag files, the signature over the tag manifest, the tag
// manifest over the tag files, the manifest over every payload file, Payload-Oxum. Every problem
// is reported (not just the first), each with its check, the file it is about and a Vietnamese
// message naming that file; a structurally unsafe zip stops before any content is read.
import { createHash } from 'node:crypto';
import { HashWorker, HashWorkerError } from './hash-worker';
import { BAGIT_TXT, COMPUTED_INFO, REQUIRED_INFO, TAG, formatOxum, parseBagInfo, parseManifest, parseOxum } from './bag-format';
import { verifyDetached } from './cms';
import { checkSignerCertificate } from './cert-check';
import { classifySigner } from './trust';
import { certificateInfo, normaliseFingerprint } from './keys';
import { messages } from './messages';
import { DEFAULT_LIMITS, SafeZip, ShortReadError, type SafeEntry } from './zip-read';
import type { VerifyCheck, VerifyOptions, VerifyReport } from './bag-verify-types';

export type { VerifyCheck, VerifyOptions, VerifyProblem, VerifyReport } from './bag-verify-types';

/** Below this size a payload file is hashed on this thread (see readPayload). */
const WORKER_MIN_BYTES = 8 * 1024 * 1024;
/** Largest payload file kept in memory for `keepPayload` (as readPackageFile's default ceiling). */
const KEEP_MAX_BYTES = 64 * 1024 * 1024;

/** Tag files are read into memory, so each has a ceiling (a manifest of 100 000 lines is ≈ 25 MB). */
const TAG_LIMITS: Record<string, number> = {
  [TAG.bagit]: 4096,
  [TAG.bagInfo]: 1024 * 1024,
  [TAG.manifest]: 64 * 1024 * 1024,
  [TAG.tagmanifest]: 1024 * 1024,
  [TAG.signature]: 1024 * 1024,
};

const utf8 = new TextDecoder('utf-8', { fatal: true });
const decode = (b: Buffer): string | null => {
  try {
    return utf8.decode(b);
  } catch {
    return null;
  }
};

const isSafeInner = (p: string) => !p.startsWith('/') && !p.includes('\\') && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');

export async function verifyPackage(zipPath: string, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const report: VerifyReport = {
    ok: false,
    problems: [],
    bagName: null,
    bagInfo: {},
    signer: null,
    signerCertificatePem: null,
    signingTime: null,
    payload: [],
    trust: { level: 'invalid' },
    issuerPath: [],
    ...(opts.keepPayload ? { kept: new Map<string, Buffer>() } : {}),
  };
  const problems = report.problems;
  const add = (check: VerifyCheck, file: string | null, message: string) => problems.push({ check, file, message });
  const zip = await SafeZip.open(zipPath, { ...DEFAULT_LIMITS, ...opts.limits });
  let hasher: HashWorker | null = null;
  try {
    for (const p of zip.problems) add(p.check, p.file, p.message);
    if (problems.length) return report;

    // ---- layout: exactly one top folder holding everything ----
    const tops = new Set<string>();
    for (const e of zip.entries) {
      const slash = e.name.indexOf('/');
      if (slash < 0) add('layout', e.name, messages.verify.looseEntry(e.name));
      else tops.add(e.name.slice(0, slash));
    }
    if (tops.size !== 1) add('layout', null, messages.verify.topFolder([...tops]));
    if (problems.length) return report;
    const bagName = [...tops][0]!;
    report.bagName = bagName;
    const files = new Map<string, SafeEntry>();
    for (const e of zip.entries) if (!e.isDir) files.set(e.name.slice(bagName.length + 1), e);
    const dataFiles = [...files.keys()].filter((p) => p.startsWith('data/'));

    let done = 0;
    const total = [...files.values()].reduce((a, e) => a + e.size, 0);
    let lastReport = 0;
    const progress = (n: number) => {
      opts.job?.checkCancelled();
      done += n;
      const t = performance.now();
      if (t - lastReport > 200) {
        lastReport = t;
        opts.job?.progress(done, total);
      }
    };
    opts.job?.progress(0, total);

    /** Reads one entry, counting a CRC failure as a problem; returns the SHA-256 and, when asked, the bytes. */
    const read = async (inner: string, keep: boolean, checkCrc = true): Promise<{ sha256: string; data: Buffer | null }> => {
      const entry = files.get(inner)!;
      const h = createHash('sha256');
      const parts: Buffer[] = [];
      try {
        const { crcOk } = await zip.readEntry(
          entry,
          (chunk) => {
            h.update(chunk);
            if (keep) parts.push(Buffer.from(chunk));
            progress(chunk.length);
          },
          checkCrc,
        );
        if (!crcOk) add('crc', inner, messages.verify.crc(inner));
      } catch (e) {
        if (e instanceof ShortReadError) add('entry-size', inner, messages.verify.shortRead(inner));
        else throw e;
      }
      return { sha256: h.digest('hex'), data: keep ? Buffer.concat(parts) : null };
    };

    /**
     * A payload file's SHA-256, hashed by a worker reading the zip itself while this thread checks
     * the CRC-32 of the same bytes: the two costs overlap on two cores. Null after a short read.
     */
    const readPayload = async (inner: string, checkCrc: boolean): Promise<string | null> => {
      const entry = files.get(inner)!;
      // A small file is hashed here, beside its CRC: starting a worker thread costs more than it
      // saves (a receiver finalizing many small packages at once spent most of its time on that).
      // A file the caller wants kept is read here too (its bytes are needed on this thread anyway).
      const keep = opts.keepPayload?.includes(inner) === true && entry.size <= KEEP_MAX_BYTES;
      if (keep || entry.size < WORKER_MIN_BYTES) {
        const before = problems.length;
        const r = await read(inner, keep, checkCrc);
        if (problems.slice(before).some((p) => p.check === 'entry-size')) return null;
        if (keep) report.kept?.set(inner, r.data!);
        return r.sha256;
      }
      hasher ??= new HashWorker();
      hasher.onProgress = (n) => {
        done += n;
        const t = performance.now();
        if (t - lastReport > 200) {
          lastReport = t;
          opts.job?.progress(done, total);
        }
      };
      const hashing = hasher.hashRange(zipPath, entry.dataStart, entry.dataStart + entry.size);
      hashing.catch(() => undefined); // awaited below; a CRC failure first must not leave it unhandled
      try {
        if (checkCrc) {
          const { crcOk } = await zip.readEntry(entry, () => opts.job?.checkCancelled(), true);
          if (!crcOk) add('crc', inner, messages.verify.crc(inner));
        }
        const sha256 = await hashing;
        opts.job?.checkCancelled();
        return sha256;
      } catch (e) {
        if (e instanceof HashWorkerError) {
          await hasher.close();
          hasher = null; // a failed worker is done; the next file gets a new one
        }
        if (e instanceof ShortReadError || (e instanceof HashWorkerError && e.code === 'ESHORT')) {
          if (!problems.some((x) => x.check === 'entry-size' && x.file === inner)) add('entry-size', inner, messages.verify.shortRead(inner));
          return null;
        }
        throw e;
      }
    };

    // ---- the tag files ----
    const tag = new Map<string, { sha256: string; data: Buffer }>();
    for (const name of Object.values(TAG)) {
      const entry = files.get(name);
      if (!entry) {
        add('layout', name, messages.verify.missingTagFile(name));
        continue;
      }
      if (entry.size > TAG_LIMITS[name]!) {
        add('layout', name, messages.verify.tagFileTooLarge(name));
        continue;
      }
      const r = await read(name, true);
      tag.set(name, { sha256: r.sha256, data: r.data! });
    }

    // ---- the signature over the tag manifest ----
    const tm = tag.get(TAG.tagmanifest);
    const p7s = tag.get(TAG.signature);
    if (tm && p7s) {
      const v = await verifyDetached({ sha256: Buffer.from(tm.sha256, 'hex') }, p7s.data);
      report.signerCertificatePem = v.signerCertificatePem;
      report.signingTime = v.signingTime;
      if (v.signerCertificatePem) report.signer = certificateInfo(v.signerCertificatePem, opts.now ?? Date.now());
      // A digest mismatch means the signed file changed, so name that file; otherwise the signature itself is bad.
      if (v.reason === 'digestMismatch') add('signature', TAG.tagmanifest, messages.verify.signedFileChanged(TAG.tagmanifest, TAG.signature));
      else if (!v.ok) add('signature', TAG.signature, messages.verify.signature(TAG.signature, v.message ?? ''));
      const s = report.signer;
      if (s && opts.expectedSignerFingerprint && normaliseFingerprint(opts.expectedSignerFingerprint) !== s.fingerprint) {
        add('signer', TAG.signature, messages.verify.signer(normaliseFingerprint(opts.expectedSignerFingerprint), s.fingerprint));
      }
      // The certificate itself (its own signature, validity at signing time, key usage), when the
      // signature is sound or only the signed content changed: a broken CMS is reason enough alone.
      if (s && v.signerCertificatePem && (v.ok || v.reason === 'digestMismatch')) {
        const c = checkSignerCertificate(v.signerCertificatePem, {
          chainPem: v.chainPem,
          extraCaPem: [...(opts.extraCaPem ?? []), ...(opts.trustAnchors ?? []).flatMap((a) => (a.certificatePem ? [a.certificatePem] : []))],
          signingTime: v.signingTime,
          now: opts.now ?? Date.now(),
        });
        for (const p of c.problems) add(p.check, TAG.signature, p.message);
        report.issuerPath = c.path;
      }
    }

    // ---- the tag manifest over the tag files ----
    const listedTags = new Set<string>();
    if (tm) {
      const text = decode(tm.data);
      if (text === null) add('tagmanifest-format', TAG.tagmanifest, messages.verify.notUtf8(TAG.tagmanifest));
      const parsed = parseManifest(text ?? '');
      for (const line of parsed.badLines) add('tagmanifest-format', TAG.tagmanifest, messages.verify.manifestLine(TAG.tagmanifest, line));
      for (const e of parsed.entries) {
        if (!isSafeInner(e.path) || e.path.startsWith('data/') || e.path === TAG.tagmanifest || e.path === TAG.signature) {
          add('tagmanifest-format', TAG.tagmanifest, messages.verify.manifestPath(TAG.tagmanifest, e.line, e.path));
          continue;
        }
        if (listedTags.has(e.path)) {
          add('tagmanifest-format', TAG.tagmanifest, messages.verify.manifestDuplicate(TAG.tagmanifest, e.path));
          continue;
        }
        listedTags.add(e.path);
        if (!files.has(e.path)) {
          add('tag-missing', e.path, messages.verify.tagMissing(e.path));
          continue;
        }
        const actual = tag.get(e.path)?.sha256 ?? (await read(e.path, false)).sha256;
        if (actual !== e.sha256) add('tag-hash', e.path, messages.verify.tagHash(e.path, e.sha256, actual));
      }
      for (const name of [TAG.bagit, TAG.bagInfo, TAG.manifest]) {
        if (files.has(name) && !listedTags.has(name)) add('tag-unlisted', name, messages.verify.tagUnlisted(name));
      }
    }
    for (const name of files.keys()) {
      if (!name.startsWith('data/') && name !== TAG.tagmanifest && name !== TAG.signature && !listedTags.has(name)) {
        add('layout', name, messages.verify.unexpectedFile(name));
      }
    }

    // ---- bagit.txt and bag-info.txt ----
    const bagit = tag.get(TAG.bagit);
    if (bagit) {
      const fields = parseBagInfo(decode(bagit.data) ?? '').fields;
      const want = parseBagInfo(BAGIT_TXT).fields;
      if (fields.length !== want.length || want.some(([k, v], i) => fields[i]?.[0] !== k || fields[i]?.[1] !== v)) {
        add('bagit', TAG.bagit, messages.verify.bagitTxt(TAG.bagit));
      }
    }
    let declaredOxum: { bytes: number; count: number } | null = null;
    let oxumText: string | null = null;
    const info = tag.get(TAG.bagInfo);
    if (info) {
      const text = decode(info.data);
      if (text === null) add('bag-info', TAG.bagInfo, messages.verify.notUtf8(TAG.bagInfo));
      const parsed = parseBagInfo(text ?? '');
      for (const line of parsed.badLines) add('bag-info', TAG.bagInfo, messages.verify.bagInfoLine(TAG.bagInfo, line));
      const counts = new Map<string, number>();
      for (const [k, v] of parsed.fields) {
        counts.set(k, (counts.get(k) ?? 0) + 1);
        if (!(k in report.bagInfo)) report.bagInfo[k] = v;
      }
      for (const f of [...REQUIRED_INFO, ...COMPUTED_INFO]) {
        if (!counts.has(f)) add('bag-info', TAG.bagInfo, messages.verify.bagInfoMissing(TAG.bagInfo, f));
        else if (counts.get(f)! > 1) add('bag-info', TAG.bagInfo, messages.verify.bagInfoRepeated(TAG.bagInfo, f));
      }
      oxumText = report.bagInfo['Payload-Oxum'] ?? null;
      if (oxumText !== null) {
        declaredOxum = parseOxum(oxumText);
        if (!declaredOxum) add('bag-info', TAG.bagInfo, messages.verify.oxumFormat(TAG.bagInfo, oxumText));
      }
    }

    // ---- the manifest over the payload ----
    const man = tag.get(TAG.manifest);
    if (man) {
      const text = decode(man.data);
      if (text === null) add('manifest-format', TAG.manifest, messages.verify.notUtf8(TAG.manifest));
      const parsed = parseManifest(text ?? '');
      for (const line of parsed.badLines) add('manifest-format', TAG.manifest, messages.verify.manifestLine(TAG.manifest, line));
      const listed = new Map<string, string>();
      for (const e of parsed.entries) {
        if (!isSafeInner(e.path) || !e.path.startsWith('data/')) {
          add('manifest-format', TAG.manifest, messages.verify.manifestPath(TAG.manifest, e.line, e.path));
        } else if (listed.has(e.path)) {
          add('manifest-format', TAG.manifest, messages.verify.manifestDuplicate(TAG.manifest, e.path));
        } else listed.set(e.path, e.sha256);
      }
      for (const [p, expected] of listed) {
        const entry = files.get(p);
        if (!entry) {
          add('payload-missing', p, messages.verify.payloadMissing(p));
          continue;
        }
        if (opts.payloadHashes === false) {
          report.payload.push({ path: p, size: entry.size, sha256: expected });
          continue;
        }
        const sha256 = await readPayload(p, opts.checkCrc ?? true);
        if (sha256 === null) continue; // short read, already a problem
        if (sha256 !== expected) add('payload-hash', p, messages.verify.payloadHash(p, expected, sha256));
        report.payload.push({ path: p, size: entry.size, sha256 });
      }
      for (const p of dataFiles) if (!listed.has(p)) add('payload-unlisted', p, messages.verify.payloadUnlisted(p));
    }

    // ---- Payload-Oxum: the octets and files actually under data/ ----
    if (declaredOxum) {
      const bytes = dataFiles.reduce((a, p) => a + files.get(p)!.size, 0);
      if (declaredOxum.bytes !== bytes || declaredOxum.count !== dataFiles.length) {
        add('oxum', TAG.bagInfo, messages.verify.oxum(oxumText!, formatOxum(bytes, dataFiles.length)));
      }
    }
    opts.job?.progress(total, total);
    report.ok = problems.length === 0;
    report.trust = classifySigner(
      { ok: report.ok, fingerprint: report.signer?.fingerprint ?? null, holder: report.signer?.holder ?? null, issuerPath: report.issuerPath ?? [] },
      opts.trustAnchors ?? [],
    );
    return report;
  } finally {
    await (hasher as HashWorker | null)?.close(); // assigned inside readPayload
    await zip.close();
  }
}
