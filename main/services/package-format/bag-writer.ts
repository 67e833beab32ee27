// Builds a signed submission package: a BagIt 1.0 bag serialised as a STORED zip (DESIGN §6).
// Every payload file is streamed once — hashed and copied in the same pass, never read whole.
// SHA-256 runs in workers (hash-worker.ts) while this thread reads, CRCs and writes: one worker
// hashes each payload file for the manifest, a second hashes the zip itself (reading back each
// entry once it is complete, headers patched) — the package's identity for the sync protocol.
// The zip is written as `<out>.part`, flushed and renamed: a crash, a cancel or a pulled stick
// never leaves a file under the final name that is not a complete, signed package.
import { createHash } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { syncDir } from '../durable';
import { ApiError, type Issue } from '../../../shared/errors';
import type { JobHandle } from '../jobs';
import {
  BAGIT_TXT,
  COMPUTED_INFO,
  REQUIRED_INFO,
  TAG,
  baggingDate,
  checkPayloadPath,
  formatBagInfo,
  formatManifest,
  formatOxum,
  isValidBagName,
  isValidLabel,
  isValidValue,
  MAX_ZIP_PATH,
  zipPath,
  type PathProblem,
} from './bag-format';
import { signDetachedDigest } from './cms';
import { assertCertificateUsable, assertKeyMatchesCertificate, certificateInfo, type SigningIdentity } from './keys';
import { messages } from './messages';
import { SourceChangedError, StoredZipWriter } from './zip-writer';
import { HashWorker } from './hash-worker';

export interface PayloadItem {
  /** Relative to data/, ASCII, `/`-separated, e.g. `evidence/2.3/2.3_so 25BC-UBND_BC CCHC quy I.2023.pdf`. */
  path: string;
  /**
   * A file is streamed; `sha256`, when known (evidence is stored under its hash), must match what
   * is read — a file damaged on disk stops the build instead of travelling in a signed package.
   */
  source: { file: string; sha256?: string } | { bytes: Buffer };
}

export interface BagSpec {
  /** The top folder, ASCII `[A-Za-z0-9._-]`, e.g. `KC-2023-PhuThuong-CCHC`. */
  bagName: string;
  /** Source-Organization, External-Identifier, Kiemchung-Kind, Kiemchung-Schema-Version, then any extras (in order). */
  bagInfo: Record<string, string>;
  payload: PayloadItem[];
  identity: SigningIdentity;
  /** Epoch ms used for the signature, Bagging-Date and the zip timestamps; defaults to now. */
  signingTime?: number;
}

export interface BuildResult {
  path: string;
  /** Size of the zip in bytes. */
  bytes: number;
  payloadOxum: string;
  payload: { path: string; size: number; sha256: string }[];
  /** SHA-256 of the zip file itself (what the sync protocol and the USB read-back compare). */
  sha256: string;
  /** SHA-256 of the signed tag manifest: identifies the package's content. */
  tagmanifestSha256: string;
  signerFingerprint: string;
  signingTime: number;
}

export interface BuildOptions {
  /** Tests only: write Zip64 records even for a small package. */
  forceZip64?: boolean;
}

const pathMessage = (p: string, pr: PathProblem): string => {
  switch (pr.kind) {
    case 'nonAscii':
      return messages.bag.nonAscii(p);
    case 'badChar':
      return messages.bag.badChar(p, pr.char);
    case 'badSegment':
      return messages.bag.badSegment(p);
    case 'reservedName':
      return messages.bag.reservedName(p, pr.segment);
    case 'tooLong':
      return messages.bag.tooLong(p, pr.length, MAX_ZIP_PATH);
    default: {
      const never: never = pr;
      return never;
    }
  }
};

/** Every input problem at once (with the file each is about), before any byte is written. */
function validate(spec: BagSpec): void {
  const issues: Issue[] = [];
  if (!isValidBagName(spec.bagName)) issues.push({ path: 'bagName', message: messages.bag.badBagName(spec.bagName) });
  for (const f of REQUIRED_INFO) {
    if (!spec.bagInfo[f]?.trim()) issues.push({ path: `bagInfo.${f}`, message: messages.bag.missingField(f) });
  }
  for (const [k, v] of Object.entries(spec.bagInfo)) {
    if ((COMPUTED_INFO as readonly string[]).includes(k)) issues.push({ path: `bagInfo.${k}`, message: messages.bag.reservedField(k) });
    else if (!isValidLabel(k) || !isValidValue(v)) issues.push({ path: `bagInfo.${k}`, message: messages.bag.badField(k) });
  }
  if (spec.payload.length === 0) issues.push({ path: 'payload', message: messages.bag.emptyPayload });
  const seen = new Set<string>();
  spec.payload.forEach((item, i) => {
    const problem = checkPayloadPath(spec.bagName, item.path);
    if (problem) issues.push({ path: `payload.${i}`, message: pathMessage(item.path, problem) });
    // Windows and macOS folders ignore case: two names differing only in case would overwrite.
    const key = item.path.toLowerCase();
    if (seen.has(key)) issues.push({ path: `payload.${i}`, message: messages.bag.duplicate(item.path) });
    seen.add(key);
  });
  if (issues.length) throw new ApiError('VALIDATION', issues.length === 1 ? issues[0]!.message : messages.bag.invalid, issues);
}

export async function buildBag(spec: BagSpec, outPath: string, job?: JobHandle, opts: BuildOptions = {}): Promise<BuildResult> {
  validate(spec);
  const signingTime = spec.signingTime ?? Date.now();
  assertKeyMatchesCertificate(spec.identity);
  const signer = certificateInfo(spec.identity.certificatePem, signingTime);
  assertCertificateUsable(signer, signingTime);

  const sizes = await Promise.all(
    spec.payload.map(async (item) => {
      if ('bytes' in item.source) return item.source.bytes.length;
      const s = await stat(item.source.file).catch(() => null);
      if (!s?.isFile()) throw new ApiError('VALIDATION', messages.bag.sourceMissing(item.path));
      return s.size;
    }),
  );
  const total = sizes.reduce((a, b) => a + b, 0);
  let done = 0;
  let lastReport = 0;
  const report = (force = false) => {
    const t = performance.now();
    if (force || t - lastReport > 200) {
      lastReport = t;
      job?.progress(done, total);
    }
  };

  const part = `${outPath}.part`;
  // 'w' truncates whatever an interrupted build left under the same .part name.
  const zip = await StoredZipWriter.create(part, signingTime, opts.forceZip64);
  const fileHasher = new HashWorker();
  const zipHasher = new HashWorker();
  /** Hands each finished stretch of the zip to zipHasher, in order. */
  let hashedUpTo = 0;
  const hashWritten = () => {
    zipHasher.range(part, hashedUpTo, zip.bytesWritten);
    hashedUpTo = zip.bytesWritten;
  };
  let closed = false;
  try {
    const bag = (inner: string) => zipPath(spec.bagName, inner);
    report(true);
    await zip.addBuffer(bag(TAG.bagit), Buffer.from(BAGIT_TXT));
    const payload: BuildResult['payload'] = [];
    for (const [i, item] of spec.payload.entries()) {
      job?.checkCancelled();
      const inner = `data/${item.path}`;
      let sha256: string;
      if ('bytes' in item.source) {
        sha256 = createHash('sha256').update(item.source.bytes).digest('hex');
        await zip.addBuffer(bag(inner), item.source.bytes);
        done += item.source.bytes.length;
      } else {
        try {
          await zip.addFile(bag(inner), item.source.file, sizes[i]!, {
            onChunk: (chunk) => {
              job?.checkCancelled();
              done += chunk.length;
              report();
              return fileHasher.updateShared(chunk); // hashed in place, no copy
            },
          });
        } catch (e) {
          if (e instanceof SourceChangedError) throw new ApiError('CONFLICT', messages.bag.sourceChanged(item.path));
          throw e;
        }
        sha256 = await fileHasher.digest();
        if (item.source.sha256 && item.source.sha256.toLowerCase() !== sha256) throw new ApiError('CONFLICT', messages.bag.sourceCorrupt(item.path));
      }
      hashWritten();
      payload.push({ path: inner, size: sizes[i]!, sha256 });
    }

    const payloadOxum = formatOxum(total, payload.length);
    const manifest = Buffer.from(formatManifest(payload));
    const info = Buffer.from(
      formatBagInfo([
        ['Source-Organization', spec.bagInfo['Source-Organization']!],
        ['Bagging-Date', baggingDate(signingTime)],
        ['Payload-Oxum', payloadOxum],
        ...REQUIRED_INFO.filter((k) => k !== 'Source-Organization').map((k): [string, string] => [k, spec.bagInfo[k]!]),
        ...Object.entries(spec.bagInfo).filter(([k]) => !(REQUIRED_INFO as readonly string[]).includes(k)),
      ]),
    );
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const tagmanifest = Buffer.from(
      formatManifest([
        { sha256: sha(Buffer.from(BAGIT_TXT)), path: TAG.bagit },
        { sha256: sha(info), path: TAG.bagInfo },
        { sha256: sha(manifest), path: TAG.manifest },
      ]),
    );
    const tagDigest = createHash('sha256').update(tagmanifest).digest();
    const p7s = signDetachedDigest(tagDigest, spec.identity, new Date(signingTime));
    job?.checkCancelled();
    await zip.addBuffer(bag(TAG.bagInfo), info);
    await zip.addBuffer(bag(TAG.manifest), manifest);
    await zip.addBuffer(bag(TAG.tagmanifest), tagmanifest);
    await zip.addBuffer(bag(TAG.signature), p7s);
    const bytes = await zip.finish(); // fsynced
    await zip.close();
    closed = true;
    hashWritten();
    const zipSha256 = await zipHasher.digest(); // before the rename: the worker reads the .part by name
    job?.checkCancelled();
    await rename(part, outPath);
    await syncDir(path.dirname(outPath));
    report(true);
    return {
      path: outPath,
      bytes,
      payloadOxum,
      payload,
      sha256: zipSha256,
      tagmanifestSha256: tagDigest.toString('hex'),
      signerFingerprint: signer.fingerprint,
      signingTime,
    };
  } catch (e) {
    if (!closed) await zip.close().catch(() => undefined);
    await rm(part, { force: true });
    throw e;
  } finally {
    await Promise.all([fileHasher.close(), zipHasher.close()]);
  }
}
