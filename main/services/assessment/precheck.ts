// "Kiểm tra trước khi gửi": everything the appraisal council would deduct for, per criterion, in
// one list. Errors block sending; warnings (e.g. a scanned PDF without a digital signature, which
// doc 001 accepts as a fallback) are shown but do not block.
import type { Services } from '../context';
import type { AssessmentRow } from './common';
import { itemViews } from './views';
import { criteriaNodes } from './criteria-sets';
import { validateEvidenceName, sameNameKey } from '../../domain/evidence-naming';
import { compareCodes } from '../../domain/criteria-tree';
import { vi } from '../../../shared/i18n/vi';
import type { PrecheckEntry } from '../../../shared/api/assessment-schemas';

export function runPrecheck(s: Services, a: AssessmentRow): PrecheckEntry[] {
  const p = vi.precheck;
  const titles = new Map(criteriaNodes(s, a.set_id).map((n) => [n.code, n.title]));
  const out: PrecheckEntry[] = [];
  const items = itemViews(s, a.id).sort((x, y) => compareCodes(x.criterionCode, y.criterionCode));
  for (const it of items) {
    const add = (severity: PrecheckEntry['severity'], kind: PrecheckEntry['kind'], message: string) =>
      out.push({
        severity,
        kind,
        criterionCode: it.criterionCode,
        itemId: it.id,
        message: `${it.criterionCode} ${titles.get(it.criterionCode) ?? ''} — ${message}`,
      });
    if (it.assigneeId === null) add('error', 'unassigned', p.unassigned);
    if (it.notApplicable) {
      if (!it.naReason?.trim()) add('error', 'na_without_reason', p.naWithoutReason);
    } else {
      if (it.points === null) add('error', 'missing_points', p.missingPoints);
      if (it.evidence.length === 0) add(it.points ? 'error' : 'warning', 'missing_evidence', p.missingEvidence);
    }
    if (!it.explanation.trim()) add('error', 'missing_explanation', p.missingExplanation);
    if (it.status === 'todo') add('error', 'not_done', p.notDone);
    if (it.status === 'returned') add('error', 'not_done', p.returned(it.reviewComment ?? ''));
    if (it.status === 'done') add('error', 'not_approved', p.notApproved);
    const seen = new Set<string>();
    for (const e of it.evidence) {
      for (const problem of validateEvidenceName(e.fileName, it.criterionCode)) add('error', 'invalid_name', p.invalidName(e.fileName, problem.message));
      const key = sameNameKey(e.fileName);
      if (seen.has(key)) add('error', 'duplicate_name', p.duplicateName(e.fileName));
      seen.add(key);
      if (e.mediaType === 'application/pdf' && e.pdfSigned === false) add('warning', 'unsigned_pdf', p.unsignedPdf(e.fileName));
    }
  }
  return out;
}
