// The inspection report as a signed package of the same kind as the self-assessment's (DESIGN §6):
// a BagIt zip with `Kiemchung-Kind: inspection`, data/package.json (the report as data,
// shared/package-schema.ts inspectionPackage), data/report.pdf (PAdES-signed) and
// data/evidence/<item number>/<convention name> for each document attached, signed with the
// office's key. Built and recorded like every package (submission/seal.ts), so it is listed under
// Gói hồ sơ and goes out by USB or the outbox like the others.
import path from 'node:path';
import type { Services, Actor } from '../context';
import { blobPath } from '../blob-store';
import { extensionFor } from '../assessment/evidence';
import type { PayloadItem } from '../package-format';
import { bagNameOf } from '../submission/record';
import { buildSignedPackage, type SealedPackage } from '../submission/seal';
import { toAscii } from '../../domain/evidence-naming';
import { inspectionPackage, PACKAGE_SCHEMA_VERSION } from '../../../shared/package-schema';
import { vi } from '../../../shared/i18n/vi';
import { inspectionDetail } from './report';
import { writeInspectionPdfTo } from './export';

export const inspectionBagName = (commune: string, year: number, id: number) => bagNameOf(commune, year, `KT-${id}`);

export async function buildInspectionPackage(s: Services, actor: Actor, id: number, passphrase: string | undefined): Promise<SealedPackage> {
  const detail = inspectionDetail(s, id);
  const ins = detail.inspection;
  return buildSignedPackage(s, actor, passphrase, async (w) => {
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
    const json = await w.writeJson(
      inspectionPackage.parse({
        format: 'kiemchung-package',
        schemaVersion: PACKAGE_SCHEMA_VERSION,
        kind: 'inspection',
        generatedAt: new Date(w.now).toISOString(),
        app: { name: vi.app.name, version: s.version },
        office: { province: w.office.province, district: w.office.district, commune: w.office.commune, kind: w.office.kind },
        inspection: { year: ins.year, planNumber: ins.planNumber, planDate: ins.planDate, method: ins.method, visitDate: ins.visitDate, dueDate: ins.dueDate },
        items,
        lateDossiers: detail.late,
        lateProblems: detail.lateProblems,
        incoming: { total: detail.incomingTotal, digitised: detail.incomingDigitised, percent: detail.incomingPercent },
        signedBy: w.signer,
      }),
    );
    await writeInspectionPdfTo(s, id, path.join(w.dir, 'unsigned.pdf'));
    const pdf = await w.signPdf('unsigned.pdf', 'report.pdf', vi.inspection.pdf.signReason(ins.year));
    return {
      kind: 'inspection',
      refId: ins.id,
      bagName: inspectionBagName(w.office.commune, ins.year, ins.id),
      year: ins.year,
      bagInfo: {
        'Kiemchung-Inspection-Plan': toAscii(ins.planNumber),
        ...(ins.visitDate ? { 'Kiemchung-Visit-Date': ins.visitDate } : {}),
      },
      payload: [json, pdf, ...evidence],
      audit: { year: ins.year, plan: ins.planNumber },
    };
  });
}
