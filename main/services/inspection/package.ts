// The inspection report as a signed package of the same kind as the self-assessment's (DESIGN §6):
// a BagIt zip with `Kiemchung-Kind: inspection`, data/package.json (the report as data),
// data/report.pdf (PAdES-signed) and data/evidence/<item number>/<convention name> for each
// document attached, signed with the office's key. Written to <data>/packages/ like the others.
//
// Not yet recorded in the `package` table (its CHECK allows 'assessment' and 'exam' only, and so do
// the outbox, the package view and the receiver's verdict): until those know the kind, the zip is
// handed over by file (USB) — see the README.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { blobPath } from '../blob-store';
import { requireOffice } from '../office';
import { trustedNow } from '../trusted-time';
import { extensionFor } from '../assessment/evidence';
import { buildBag, signPdf, certificateInfo, type PayloadItem } from '../package';
import { openIdentity } from '../submission/identity';
import { packageOutPath, sourceOrganization } from '../submission/record';
import { packageStamps } from '../submission/stamps';
import { toAscii } from '../../domain/evidence-naming';
import { PACKAGE_SCHEMA_VERSION } from '../../../shared/package-schema';
import { vi } from '../../../shared/i18n/vi';
import { inspectionDetail } from './report';
import { writeInspectionPdfTo } from './export';

export const inspectionBagName = (commune: string, year: number, id: number) =>
  `KC-${year}-${toAscii(commune).replace(/[^A-Za-z0-9]+/g, '') || 'UBND'}-KT-${id}`;

export interface InspectionPackage {
  path: string;
  sha256: string;
  files: number;
}

export async function buildInspectionPackage(s: Services, actor: Actor, id: number, passphrase: string | undefined): Promise<InspectionPackage> {
  const detail = inspectionDetail(s, id);
  const now = trustedNow(s);
  const identity = await openIdentity(s, passphrase);
  const cert = certificateInfo(identity.certificatePem, now);
  const office = requireOffice(s);
  const ins = detail.inspection;
  const work = path.join(s.dataDir, 'tmp', `pkg-${randomUUID()}`);
  await mkdir(work, { recursive: true });
  try {
    const evidence: PayloadItem[] = [];
    const items = detail.lines.flatMap((l) =>
      l.kind === 'item'
        ? [
            {
              key: l.key,
              prompt: l.prompt,
              text: l.text,
              prefilled: l.prefilled,
              documents: l.documents.map((d) => {
                const p = `evidence/${l.key}/${d.fileName}${extensionFor(d.mediaType)}`;
                evidence.push({ path: p, source: { file: blobPath(s.dataDir, d.sha256), sha256: d.sha256 } });
                return { path: p, sha256: d.sha256, docNumber: d.docNumber, docDate: d.docDate, summary: d.summary };
              }),
            },
          ]
        : [],
    );
    const doc = {
      format: 'kiemchung-package',
      schemaVersion: PACKAGE_SCHEMA_VERSION,
      kind: 'inspection',
      generatedAt: new Date(now).toISOString(),
      app: { name: vi.app.name, version: s.version },
      office: { province: office.province, district: office.district, commune: office.commune, kind: office.kind },
      inspection: { year: ins.year, planNumber: ins.planNumber, planDate: ins.planDate, method: ins.method, visitDate: ins.visitDate, dueDate: ins.dueDate },
      items,
      lateDossiers: detail.late,
      lateProblems: detail.lateProblems,
      incoming: { total: detail.incomingTotal, digitised: detail.incomingDigitised, percent: detail.incomingPercent },
      signedBy: { holder: cert.holder, fingerprint: cert.fingerprint },
    };
    await writeFile(path.join(work, 'package.json'), JSON.stringify(doc, null, 2) + '\n');
    await writeInspectionPdfTo(s, id, path.join(work, 'unsigned.pdf'));
    const signed = await signPdf(await readFile(path.join(work, 'unsigned.pdf')), identity, {
      reason: vi.inspection.pdf.signReason(ins.year),
      location: `${office.commune}, ${office.province}`,
      name: cert.holder,
    });
    await writeFile(path.join(work, 'report.pdf'), signed);
    const bagName = inspectionBagName(office.commune, ins.year, ins.id);
    const out = await packageOutPath(s, bagName, now);
    const file = (name: string): PayloadItem => ({ path: name, source: { file: path.join(work, name) } });
    const built = await buildBag(
      {
        bagName,
        bagInfo: {
          'Source-Organization': sourceOrganization(s),
          'External-Identifier': `${bagName}-${now}`,
          'Kiemchung-Kind': 'inspection',
          'Kiemchung-Schema-Version': String(PACKAGE_SCHEMA_VERSION),
          'Kiemchung-Year': String(ins.year),
          'Kiemchung-Inspection-Plan': toAscii(ins.planNumber),
          ...(ins.visitDate ? { 'Kiemchung-Visit-Date': ins.visitDate } : {}),
          ...packageStamps(s, null),
        },
        payload: [file('package.json'), file('report.pdf'), ...evidence],
        identity,
        signingTime: now,
      },
      out,
    );
    s.db.tx((w) =>
      appendAudit(w, s, actor, {
        action: 'inspection.package',
        entity: 'inspection',
        entityId: ins.id,
        after: { file: path.basename(out), sha256: built.sha256, files: built.payload.length },
      }),
    );
    return { path: out, sha256: built.sha256, files: built.payload.length };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
