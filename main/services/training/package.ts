// A course's end-of-course test results as a signed package (DESIGN §6, `Kiemchung-Kind:
// training`): package.json (the course, its tests and every attempt — shared/package-schema.ts
// trainingPackage), results.xlsx and the PAdES-signed results.pdf. Built and recorded like every
// package (submission/seal.ts): listed under Gói hồ sơ, out by USB or the outbox.
import path from 'node:path';
import type { Services, Actor } from '../context';
import { bagNameOf } from '../submission/record';
import { buildSignedPackage, type SealedPackage } from '../submission/seal';
import { PACKAGE_SCHEMA_VERSION, trainingPackage } from '../../../shared/package-schema';
import { vi } from '../../../shared/i18n/vi';
import { courseSummary, requireCourse } from './register';
import { courseResults, writeResults } from './results';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function buildTrainingPackage(s: Services, actor: Actor, courseId: number, passphrase: string | undefined): Promise<SealedPackage> {
  const c = requireCourse(s, courseId);
  return buildSignedPackage(s, actor, passphrase, async (w) => {
    // The course's year: when it ended (or began); a course without dates, the year it is packed in.
    const year = Number((c.ends_on ?? c.starts_on ?? new Date(w.now).toISOString()).slice(0, 4));
    const results = courseResults(s, courseId);
    const json = await w.writeJson(
      trainingPackage.parse({
        format: 'kiemchung-package',
        schemaVersion: PACKAGE_SCHEMA_VERSION,
        kind: 'training',
        generatedAt: iso(w.now),
        app: { name: vi.app.name, version: s.version },
        office: { province: w.office.province, district: w.office.district, commune: w.office.commune, kind: w.office.kind },
        course: courseSummary(s, courseId),
        results: results.map((r) => ({ ...r, submittedAt: iso(r.submittedAt) })),
        signedBy: w.signer,
      }),
    );
    await writeResults(s, courseId, 'xlsx', path.join(w.dir, 'results.xlsx'));
    await writeResults(s, courseId, 'pdf', path.join(w.dir, 'unsigned.pdf'));
    const pdf = await w.signPdf('unsigned.pdf', 'results.pdf', vi.training.pdf.signReason(c.name));
    return {
      kind: 'training',
      refId: c.id,
      bagName: bagNameOf(w.office.commune, year, `BD-${c.id}`),
      year,
      bagInfo: { 'Kiemchung-Attempts': String(results.length) },
      payload: [json, pdf, w.file('results.xlsx')],
      audit: { year, course: c.name, attempts: results.length },
    };
  });
}
