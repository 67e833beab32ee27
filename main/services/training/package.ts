// A course's end-of-course test results as a signed package (DESIGN §6, `Kiemchung-Kind:
// training`): package.json (the course, its tests and every attempt), results.xlsx and the
// PAdES-signed results.pdf. Like the inspection package it is handed over by file until the
// package list, the outbox and the receiver know the kind (services/inspection/package.ts).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { requireOffice } from '../office';
import { trustedNow } from '../trusted-time';
import { buildBag, signPdf, certificateInfo, type PayloadItem } from '../package';
import { openIdentity } from '../submission/identity';
import { packageOutPath, sourceOrganization } from '../submission/record';
import { packageStamps } from '../submission/stamps';
import { toAscii } from '../../domain/evidence-naming';
import { PACKAGE_SCHEMA_VERSION } from '../../../shared/package-schema';
import { vi } from '../../../shared/i18n/vi';
import { courseSummary, requireCourse } from './register';
import { courseResults, writeResults } from './results';

export async function buildTrainingPackage(
  s: Services,
  actor: Actor,
  courseId: number,
  passphrase: string | undefined,
): Promise<{ path: string; sha256: string; files: number }> {
  const c = requireCourse(s, courseId);
  const now = trustedNow(s);
  const identity = await openIdentity(s, passphrase);
  const cert = certificateInfo(identity.certificatePem, now);
  const office = requireOffice(s);
  const year = Number((c.ends_on ?? c.starts_on ?? new Date(now).toISOString()).slice(0, 4));
  const work = path.join(s.dataDir, 'tmp', `pkg-${randomUUID()}`);
  await mkdir(work, { recursive: true });
  try {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    const doc = {
      format: 'kiemchung-package',
      schemaVersion: PACKAGE_SCHEMA_VERSION,
      kind: 'training',
      generatedAt: iso(now),
      app: { name: vi.app.name, version: s.version },
      office: { province: office.province, district: office.district, commune: office.commune, kind: office.kind },
      course: { ...courseSummary(s, courseId) },
      results: courseResults(s, courseId).map((r) => ({ ...r, submittedAt: iso(r.submittedAt) })),
      signedBy: { holder: cert.holder, fingerprint: cert.fingerprint },
    };
    await writeFile(path.join(work, 'package.json'), JSON.stringify(doc, null, 2) + '\n');
    await writeResults(s, courseId, 'xlsx', path.join(work, 'results.xlsx'));
    await writeResults(s, courseId, 'pdf', path.join(work, 'unsigned.pdf'));
    const signed = await signPdf(await readFile(path.join(work, 'unsigned.pdf')), identity, {
      reason: vi.training.pdf.signReason(c.name),
      location: `${office.commune}, ${office.province}`,
      name: cert.holder,
    });
    await writeFile(path.join(work, 'results.pdf'), signed);
    const bagName = `KC-${year}-${toAscii(office.commune).replace(/[^A-Za-z0-9]+/g, '') || 'UBND'}-BD-${c.id}`;
    const out = await packageOutPath(s, bagName, now);
    const file = (name: string): PayloadItem => ({ path: name, source: { file: path.join(work, name) } });
    const built = await buildBag(
      {
        bagName,
        bagInfo: {
          'Source-Organization': sourceOrganization(s),
          'External-Identifier': `${bagName}-${now}`,
          'Kiemchung-Kind': 'training',
          'Kiemchung-Schema-Version': String(PACKAGE_SCHEMA_VERSION),
          'Kiemchung-Year': String(year),
          'Kiemchung-Attempts': String(doc.results.length),
          ...packageStamps(s, null),
        },
        payload: [file('package.json'), file('results.pdf'), file('results.xlsx')],
        identity,
        signingTime: now,
      },
      out,
    );
    s.db.tx((w) =>
      appendAudit(w, s, actor, {
        action: 'training.package',
        entity: 'training_course',
        entityId: c.id,
        after: { file: path.basename(out), sha256: built.sha256, files: built.payload.length },
      }),
    );
    return { path: out, sha256: built.sha256, files: built.payload.length };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
