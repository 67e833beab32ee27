// The code that runs inside a finalize check worker (check-pool.ts): hashes an uploaded package
// and, when the hash is the one declared, verifies it exactly as `package verify` does. On this
// thread's own event loop its many small reads are not queued behind every upload in flight on
// the server's loop (under load that waiting, not the CPU, was most of a finalize's time).
// Built as its own entry (dist/receiver/check-worker.js); from source it runs through tsx.
import { parentPort } from 'node:worker_threads';
import { hashFile } from '../services/package-format/hash';
import { verifyPackage, type VerifyReport } from '../services/package-format/bag-verify';
import type { TrustAnchor } from '../services/package-format/trust';

export interface CheckJob {
  id: number;
  file: string;
  /** The sha256 the upload declared: verification runs only when the bytes hash to it (null: always). */
  sha256: string | null;
  /** The receiver's own hash of the file, made as it was written (hashing-store.ts): not read again. */
  hashed?: { sha256: string; size: number };
  now: number;
  keepPayload: string[];
  /** Certificates that make the signer known in report.trust (the office's enrolled ones, for the operator's view). */
  trustAnchors?: TrustAnchor[];
}

export type CheckResult =
  | { id: 0; ready: true }
  | { id: number; ok: true; sha256: string; size: number; report: VerifyReport | null }
  | { id: number; ok: false; message: string; code: string | null };

export async function runCheck(job: Omit<CheckJob, 'id'>): Promise<{ sha256: string; size: number; report: VerifyReport | null }> {
  const h = job.hashed ?? (await hashFile(job.file));
  if (job.sha256 !== null && h.sha256 !== job.sha256) return { sha256: h.sha256, size: h.size, report: null };
  const report = await verifyPackage(job.file, { now: job.now, keepPayload: job.keepPayload, ...(job.trustAnchors ? { trustAnchors: job.trustAnchors } : {}) });
  return { sha256: h.sha256, size: h.size, report };
}

const port = parentPort;
if (port) {
  port.postMessage({ id: 0, ready: true } satisfies CheckResult); // loaded: the pool stops treating a failure as a broken install
  port.on('message', (job: CheckJob) => {
    runCheck(job).then(
      (r) => port.postMessage({ id: job.id, ok: true, ...r } satisfies CheckResult),
      (e: unknown) => {
        const err = e as { message?: unknown; code?: unknown };
        port.postMessage({
          id: job.id,
          ok: false,
          message: String(err?.message ?? e),
          code: typeof err?.code === 'string' ? err.code : null,
        } satisfies CheckResult);
      },
    );
  });
}
