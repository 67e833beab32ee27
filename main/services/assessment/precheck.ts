// "Kiểm tra trước khi gửi": everything the appraisal council would deduct for, per criterion,
// grouped by area (lĩnh vực) and criterion with errors first. Errors block sending and packaging;
// warnings are shown but do not block. Document 001's evidence rules applied here: file names in
// three parts (evidence-naming.ts); an explanation that says where the proof is (explanation.ts);
// a digital signature on every PDF — an error for documents issued by the commune's UBND (it signs
// them itself), a warning for others (a scan is accepted when the original's signature is faulty).
import type { Services } from '../context';
import type { AssessmentRow } from './common';
import { itemViews } from './views';
import { criteriaNodes } from './criteria-sets';
import { validateEvidenceName, sameNameKey, issuedByCommune } from '../../domain/evidence-naming';
import { explanationProblem } from '../../domain/explanation';
import { unaddressedDeductions } from '../appraisal/previous';
import { compareCodes } from '../../domain/criteria-tree';
import { ApiError, type Issue } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { PRECHECK_PATH, SIGNING_KEY_PATH, type PrecheckEntry, type PrecheckReport } from '../../../shared/api/assessment-schemas';

type Severity = PrecheckEntry['severity'];

/** Every problem, criterion by criterion in code order; within a criterion errors come first. */
export function runPrecheck(s: Services, a: AssessmentRow): PrecheckEntry[] {
  const p = vi.precheck;
  const q = vi.precheckList;
  const titles = new Map(criteriaNodes(s, a.set_id).map((n) => [n.code, n.title]));
  const out: PrecheckEntry[] = [];
  const items = itemViews(s, a.id).sort((x, y) => compareCodes(x.criterionCode, y.criterionCode));
  const lastYear = unaddressedDeductions(s, a);
  for (const it of items) {
    const mine: PrecheckEntry[] = [];
    const add = (severity: Severity, kind: PrecheckEntry['kind'], message: string) =>
      mine.push({ severity, kind, criterionCode: it.criterionCode, itemId: it.id, message });
    if (it.assigneeId === null) add('error', 'unassigned', p.unassigned);
    if (it.notApplicable) {
      if (!it.naReason?.trim()) add('error', 'na_without_reason', p.naWithoutReason);
    } else {
      if (it.points === null) add('error', 'missing_points', p.missingPoints);
      if (it.evidence.length === 0) add(it.points ? 'error' : 'warning', 'missing_evidence', p.missingEvidence);
    }
    const explanation = explanationProblem(it.explanation, { code: it.criterionCode, title: titles.get(it.criterionCode) ?? '' });
    if (explanation === 'missing') add('error', 'missing_explanation', p.missingExplanation);
    else if (explanation) add('error', 'weak_explanation', q.weakExplanation);
    if (it.status === 'todo') add('error', 'not_done', p.notDone);
    if (it.status === 'returned') add('error', 'not_done', q.returned(it.reviewComment ?? ''));
    if (it.status === 'done') add('error', 'not_approved', p.notApproved);
    const seen = new Set<string>();
    for (const e of it.evidence) {
      for (const problem of validateEvidenceName(e.fileName, it.criterionCode)) add('error', 'invalid_name', q.invalidName(e.fileName, problem.message));
      const key = sameNameKey(e.fileName);
      if (seen.has(key)) add('error', 'duplicate_name', p.duplicateName(e.fileName));
      seen.add(key);
      if (e.mediaType === 'application/pdf' && e.pdfSigned === false) {
        if (issuedByCommune(e.docNumber, e.fileName)) add('error', 'unsigned_pdf', q.unsignedMustSign(e.fileName));
        else add('warning', 'unsigned_pdf', q.unsignedOther(e.fileName));
      }
    }
    const deducted = lastYear.get(it.criterionCode);
    if (deducted && !it.notApplicable) add('warning', 'last_year_deduction', deducted);
    out.push(...mine.filter((m) => m.severity === 'error'), ...mine.filter((m) => m.severity === 'warning'));
  }
  return out;
}

const count = (entries: PrecheckEntry[], severity: Severity) => entries.filter((e) => e.severity === severity).length;

/** The check as the screen shows it: by area, then criterion (those with errors first), with counts. */
export function precheckReport(s: Services, a: AssessmentRow): PrecheckReport {
  const entries = runPrecheck(s, a);
  const nodes = new Map(criteriaNodes(s, a.set_id).map((n) => [n.code, n]));
  const items = new Map(itemViews(s, a.id).map((i) => [i.criterionCode, i]));
  const areaOf = (code: string) => {
    let n = nodes.get(code);
    while (n?.parentCode && nodes.has(n.parentCode)) n = nodes.get(n.parentCode);
    return n ?? null;
  };
  const byCode = new Map<string, PrecheckEntry[]>();
  for (const e of entries) {
    const code = e.criterionCode ?? '';
    byCode.set(code, [...(byCode.get(code) ?? []), e]);
  }
  const areas = new Map<string, PrecheckReport['areas'][number]>();
  for (const [code, list] of byCode) {
    const area = areaOf(code);
    const areaCode = area?.code ?? '';
    const group = areas.get(areaCode) ?? { code: areaCode, title: area?.title ?? '', errors: 0, warnings: 0, criteria: [] };
    const it = items.get(code);
    const errors = count(list, 'error');
    const warnings = count(list, 'warning');
    group.criteria.push({
      code,
      title: nodes.get(code)?.title ?? '',
      itemId: it?.id ?? list[0]!.itemId ?? 0,
      assigneeId: it?.assigneeId ?? null,
      assigneeName: it?.assigneeName ?? null,
      errors,
      warnings,
      entries: list,
    });
    group.errors += errors;
    group.warnings += warnings;
    areas.set(areaCode, group);
  }
  const withErrorsFirst = <T extends { errors: number; code: string }>(x: T, y: T) =>
    Number(y.errors > 0) - Number(x.errors > 0) || compareCodes(x.code, y.code);
  const list = [...areas.values()].sort(withErrorsFirst);
  for (const g of list) g.criteria.sort(withErrorsFirst);
  const errors = count(entries, 'error');
  return {
    errors,
    warnings: entries.length - errors,
    criteriaWithErrors: new Set(entries.filter((e) => e.severity === 'error').map((e) => e.criterionCode)).size,
    areas: list,
  };
}

/**
 * The refusal of "Gửi báo cáo" / "Đóng gói và ký" while the check has errors: code CONFLICT, one
 * issue per error (path `precheck.<code>`), preceded by a `signingKey` issue when there is no key.
 */
export function blockedError(action: 'send' | 'build', blocking: PrecheckEntry[], keyMissing: boolean): ApiError {
  const q = vi.precheckList;
  const criteria = new Set(blocking.map((b) => b.criterionCode)).size;
  const summary = action === 'send' ? q.blockedSend(blocking.length, criteria) : q.blockedBuild(blocking.length, criteria);
  const issues: Issue[] = blocking.map((b) => ({ path: `${PRECHECK_PATH}${b.criterionCode ?? ''}`, message: `${b.criterionCode ?? ''} — ${b.message}` }));
  if (keyMissing) issues.unshift({ path: SIGNING_KEY_PATH, message: vi.keys.missing });
  return new ApiError('CONFLICT', keyMissing ? `${vi.keys.missing} ${summary}` : summary, issues);
}
