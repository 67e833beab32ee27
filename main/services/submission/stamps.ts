// What every signed package carries about the office's own records, so the province sees it:
// the audit chain's head (an anchor outside this PC's database), each reset of the trusted time,
// and the province's instruction behind each supplementary window.
import type { Services } from '../context';
import { vi } from '../../../shared/i18n/vi';
import { clockResetBagInfo } from '../clock-reset';
import { supplementaryWindows } from '../assessment/common';

const oneLine = (t: string) => t.replace(/[\r\n]+/g, ' ');

export function auditHead(s: Services): { seq: number; hash: string } | null {
  const row = s.db.first(s.db.q.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1));
  return row ?? null;
}

export function packageStamps(s: Services, assessmentId: number | null): Record<string, string> {
  const out: Record<string, string> = {};
  const head = auditHead(s);
  if (head) out['Kiemchung-Audit-Head'] = `${head.seq} ${head.hash}`;
  Object.assign(out, clockResetBagInfo(s));
  if (assessmentId !== null) {
    supplementaryWindows(s, assessmentId).forEach((w, i) => {
      out[`Kiemchung-Supplementary-${i + 1}`] = oneLine(
        vi.clock.bagInfoSupplementary(w.criterionCodes.join(', '), w.opensAt, w.closesAt, w.instructionRef ?? vi.app.none),
      );
    });
  }
  return out;
}
