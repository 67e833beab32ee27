// What the app and the CLI show of a checked package (moved out of the API handler so the CLI and
// the handler share it without the CLI importing the API layer): the trust outcome (known /
// unknown / invalid, DESIGN §7), the problems, the signer, and the content only for a package that
// verified — the criteria tree flat in tree order, or an exam round's results; the inspection
// report and training results show their kind and their documents.
import { vi } from '../../../shared/i18n/vi';
import type { VerifyView, PackageCriterionView, PackageExamView, TrustView } from '../../../shared/api/package-api-schemas';
import type { AssessmentPackage, ExamPackage } from '../../../shared/package-schema';
import { groupFingerprint } from '../../../shared/fingerprint';
import type { VerifyReport } from '../package-format';
import type { OpenedPackage } from './packages';
import { labelOf } from '../../../shared/i18n/label';

/** The trust outcome of a report in words: the title line, the notes, the grouped fingerprint. */
export function trustView(report: VerifyReport): TrustView {
  // A report built by hand (no trust field) was classified against no anchors: at best unknown.
  const outcome = report.trust ?? { level: report.ok ? ('unknown' as const) : ('invalid' as const) };
  const level = report.ok ? outcome.level : 'invalid';
  const fingerprint = report.signer?.fingerprint ?? null;
  const notes: string[] = [];
  if (level === 'unknown') {
    if (outcome.sameNameAs) notes.push(vi.trust.sameName(outcome.sameNameAs.name));
    notes.push(vi.trust.phoneAdvice);
  }
  return {
    level,
    title:
      level === 'known'
        ? vi.trust.knownLine(outcome.anchor?.name ?? report.signer?.holder ?? '')
        : level === 'unknown'
          ? vi.trust.unknownLine
          : vi.trust.invalidLine(report.problems.length),
    signer: report.signer?.holder ?? null,
    fingerprint,
    fingerprintGroups: fingerprint ? groupFingerprint(fingerprint) : [],
    anchor: level === 'known' && outcome.anchor ? outcome.anchor : null,
    sameNameAs: level === 'unknown' && outcome.sameNameAs ? outcome.sameNameAs : null,
    notes,
    canTrust: level === 'unknown' && report.signerCertificatePem !== null,
  };
}

export const officeName = (o: { kind: 'xa' | 'phuong' | 'thi_tran'; commune: string; district: string; province: string }) =>
  `UBND ${vi.officeKinds[o.kind].toLowerCase()} ${o.commune}, ${o.district}, ${o.province}`;

/** The criteria as a flat list in tree order (each node followed by its children), with depths. */
export function criteriaTree(content: AssessmentPackage, inPackage: (p: string) => boolean): PackageCriterionView[] {
  const children = new Map<string | null, AssessmentPackage['criteria']>();
  for (const c of content.criteria) {
    const k = c.parentCode !== null && content.criteria.some((p) => p.code === c.parentCode) ? c.parentCode : null;
    children.set(k, [...(children.get(k) ?? []), c]);
  }
  const out: PackageCriterionView[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      if (seen.has(c.code)) continue;
      seen.add(c.code);
      out.push({
        code: c.code,
        parentCode: depth === 0 ? null : c.parentCode,
        depth,
        title: c.title,
        maxPoints: c.maxPoints,
        isLeaf: c.isLeaf,
        total: c.total,
        item: c.item && {
          points: c.item.points,
          notApplicable: c.item.notApplicable,
          naReason: c.item.naReason,
          explanation: c.item.explanation,
          status: c.item.status,
          statusLabel: labelOf(vi.ui.itemStatus, c.item.status),
          reviewComment: c.item.reviewComment,
          assignee: c.item.assignee,
          updatedBy: c.item.updatedBy,
          updatedAt: c.item.updatedAt,
          evidence: c.item.evidence.map((e) => ({
            fileName: e.fileName,
            path: e.path,
            size: e.size,
            mediaType: e.mediaType,
            pdfSigned: e.pdfSigned,
            docNumber: e.docNumber,
            docDate: e.docDate,
            summary: e.summary,
            originalName: e.originalName,
            inPackage: inPackage(e.path),
          })),
        },
      });
      walk(c.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function examView(c: ExamPackage): PackageExamView {
  return {
    office: officeName(c.office),
    round: { name: c.round.name, examDate: c.round.examDate, venue: c.round.venue, district: c.round.district },
    people: c.people,
    communes: c.communes,
    totals: c.totals,
    incidents: c.teams.flatMap((t) =>
      t.steps.flatMap((st) => st.incidents.map((i) => ({ commune: t.commune, step: st.step, stepName: st.name, at: i.at, description: i.description }))),
    ),
  };
}

/** What the app shows of a checked package; the full content only for one that verified. */
export function verifyView(o: OpenedPackage, kept: { packageKey: string; fileName: string } | null = null): VerifyView {
  const { report } = o;
  const content = report.ok ? o.content : null;
  const payload = new Map(report.payload.map((p) => [p.path, p]));
  const assessment = content?.kind === 'assessment' ? content : null;
  const trust = trustView(report);
  return {
    ok: report.ok,
    message: trust.title,
    trust,
    problems: report.problems.map((p) => ({ check: p.check, file: p.file, message: p.message })),
    bagName: report.bagName,
    bagInfo: report.bagInfo,
    signer: report.signer,
    signingTime: report.signingTime,
    payloadFiles: report.payload.length,
    payloadBytes: report.payload.reduce((a, p) => a + p.size, 0),
    packageKey: report.ok ? (kept?.packageKey ?? null) : null,
    fileName: kept?.fileName ?? null,
    kind: content?.kind ?? null,
    contentError: report.ok && o.contentError ? vi.received.unreadableContent : null,
    // The self-assessment lists its evidence under each criterion; the other kinds have no tree to
    // hang them on, so their documents (the inspection report's attachments) are listed here.
    documents: report.ok
      ? report.payload
          .filter((p) => p.path !== 'data/package.json' && (!p.path.startsWith('data/evidence/') || (content !== null && content.kind !== 'assessment')))
          .map((p) => ({ path: p.path, size: p.size }))
      : [],
    content: assessment && {
      office: officeName(assessment.office),
      year: assessment.assessment.year,
      criteriaSet: assessment.criteriaSet.name,
      points: assessment.totals.points,
      applicableMax: assessment.totals.applicableMax,
      percent: assessment.totals.percent,
      band: assessment.totals.band,
      evidence: assessment.criteria.reduce((a, c) => a + (c.item?.evidence.length ?? 0), 0),
      areas: assessment.criteria
        .filter((c) => c.parentCode === null)
        .map((c) => ({ code: c.code, title: c.title, points: c.total?.points ?? 0, applicableMax: c.total?.applicableMax ?? 0 })),
      criteria: criteriaTree(assessment, (p) => payload.has(p)),
    },
    exam: content?.kind === 'exam' ? examView(content) : null,
  };
}
