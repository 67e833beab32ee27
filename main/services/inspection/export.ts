// Exports of the inspection report: the PDF for the screen, the CLI and the package.
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Services } from '../context';
import { requireOffice } from '../office';
import { trustedNow } from '../trusted-time';
import { inspectionDetail } from './report';
import { writeInspectionPdf } from './pdf';
import type { FileRef } from '../../../shared/api/assessment-schemas';
import { vi } from '../../../shared/i18n/vi';
import { CHAIR_TITLE } from '../../domain/exam-positions';

/** The chairperson signs for the UBND: the active leader whose position says so, if any. */
function signerName(s: Services): string | null {
  const leaders = s.db.all(s.db.q.selectFrom('users').select(['full_name', 'position', 'roles']).where('active', '=', 1).orderBy('id'));
  const chair = leaders.find((u) => CHAIR_TITLE.test(u.position.normalize('NFC')) && (JSON.parse(u.roles) as string[]).includes('leader'));
  return chair?.full_name ?? null;
}

export async function writeInspectionPdfTo(s: Services, id: number, outPath: string): Promise<void> {
  const o = requireOffice(s);
  await writeInspectionPdf(
    {
      office: { province: o.province, district: o.district, commune: o.commune, kind: o.kind },
      detail: inspectionDetail(s, id),
      generatedAt: trustedNow(s),
      signerName: signerName(s),
    },
    outPath,
  );
}

export async function exportInspection(s: Services, id: number): Promise<FileRef> {
  const detail = inspectionDetail(s, id);
  const dir = path.join(s.dataDir, 'exports');
  await mkdir(dir, { recursive: true });
  const out = path.join(dir, `${Date.now()}-bao-cao-kiem-tra-${id}.pdf`);
  await writeInspectionPdfTo(s, id, out);
  const fileName = `${vi.inspection.pdf.fileTitle(detail.inspection.year)}.pdf`;
  return { fileId: s.files.register({ path: out, fileName, mediaType: 'application/pdf', disposition: 'attachment' }), fileName, mediaType: 'application/pdf' };
}
