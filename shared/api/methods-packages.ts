// API methods: signing identity, submission packages and sync with the province (DESIGN §7). Merged into the one contract by ./contract.ts.
import { z } from 'zod';
import { method } from './define';
import { empty, ok } from './common-io';
import * as a from './assessment-schemas';
import * as p from './package-api-schemas';
import * as y from './sync-schemas';

export const packagesMethods = {
  // Signing identity and submission packages
  'keys.status': method(empty, p.identityStatus),
  'keys.create': method(z.object({ passphrase: p.passphrase.optional(), replace: z.boolean().default(false) }), p.identityStatus),
  'keys.import': method(z.object({ uploadId: z.string(), p12Password: z.string().max(200), passphrase: p.passphrase.optional() }), p.identityStatus),
  /** Long job: progress arrives as job events; cancellable with jobs.cancel. */
  'package.build': method(z.object({ assessmentId: z.number().int(), passphrase: z.string().max(200) }), p.packageView),
  /** Long job like package.build: an exam round's results. allowIncomplete signs a round where some people have no result (e.g. a team that never came); a running step is always refused. */
  'package.buildExam': method(
    z.object({ roundId: z.number().int(), passphrase: z.string().max(200), allowIncomplete: z.boolean().default(false) }),
    p.packageView,
  ),
  'package.list': method(empty, z.array(p.packageView)),
  'package.download': method(z.object({ packageId: z.number().int() }), a.fileRef),
  'package.verify': method(z.object({ uploadId: z.string() }), p.verifyView),
  'package.drives': method(z.object({ extraFolders: z.array(z.string().max(500)).max(10).default([]) }), z.array(p.driveView)),
  'package.exportToDrive': method(
    z.object({ packageId: z.number().int(), destDir: z.string().min(1).max(500) }),
    z.object({ path: z.string(), bytes: z.number(), sha256: z.string() }),
  ),
  'package.exportManual': method(
    z.object({ assessmentId: z.number().int(), destDir: z.string().min(1).max(500) }),
    z.object({ folder: z.string(), files: z.number().int(), totalBytes: z.number() }),
  ),
  /** Packages verified earlier and kept (content-addressed) for reopening ("Gói đã mở"), newest first. */
  'package.received': method(empty, z.array(p.receivedPackageView)),
  /** Verifies a kept package again (the file may have changed) and returns its view; one that fails is discarded. */
  'package.reopen': method(z.object({ packageKey: p.packageKey }), p.verifyView),
  'package.forget': method(z.object({ packageKey: p.packageKey }), ok),
  /** One payload file of a kept, verified package, extracted and re-hashed against its manifest; PDF/JPEG/PNG served inline. */
  'package.openFile': method(z.object({ packageKey: p.packageKey, path: z.string().min(1).max(1000) }), a.fileRef),
  /** Trusted certificates (DESIGN §7 "Trust"): the office's current one first, then earlier, trusted, enrolled ones. */
  'trust.list': method(empty, z.array(p.trustedCertificateView)),
  /** "Tin cậy chứng thư này": the signer of a kept package (fingerprint as shown, re-checked) or a certificate file (uploadId). Leaders. */
  'trust.add': method(
    z.union([
      z.object({ packageKey: p.packageKey, fingerprint: z.string().regex(/^[0-9a-fA-F: ]{64,95}$/, { error: 'Dấu vân tay không hợp lệ.' }) }),
      z.object({ uploadId: z.string(), name: z.string().trim().min(1).max(300).optional() }),
    ]),
    p.trustedCertificateView,
  ),
  /** Stops trusting a certificate (kept in the list's history and the audit log). Leaders. */
  'trust.remove': method(z.object({ fingerprint: z.string().regex(/^[0-9a-fA-F:]{64,95}$/, { error: 'Dấu vân tay không hợp lệ.' }) }), ok),

  // Sync with the province's receiver (DESIGN §7)
  'sync.status': method(empty, y.syncStatus),
  'sync.enroll': method(y.enrollInput, y.connectionView),
  'sync.disconnect': method(empty, ok),
  /** Puts a package built here (any kind: assessment, exam results, inspection report, training results) in the outbox; the same package twice is one row. */
  'sync.queue': method(z.object({ packageId: z.number().int() }), y.outboxView),
  /** Tries a waiting/failed/rejected row again now (a rejected one only after a new package, so mostly failed/waiting). */
  'sync.retry': method(z.object({ outboxId: z.number().int() }), y.outboxView),
} as const;
