// Demo: last year's assessment, sent and appraised, with document 002's numbers (KH 23/KH-UBND,
// Phú Thượng: self-scores, the council's 0,5 for 1.8, deduction reasons, remedies, assignees)
// and its improvement plan partly completed — so a newcomer sees the whole cycle. The people
// named in document 002 (đ/c Ly, Cường, Hiến …) are mapped to the demo's accounts by their work.
// The numbers are a copy of ../shared/data/criteria-phu-thuong-2021.json kept in resources/, so
// the installed app has them. The year before that is appraised too, so the comparison shows its
// year-over-year chart: document 002 has only one year, so that one is made up from it (see
// earlierYear) and its plan is closed.
import type { Services, Actor } from './context';
import type { AssessmentRow } from './assessment/common';
import { appendAudit } from './audit';
import { actorFor } from './demo-assessment';
import { createAssessment } from './assessment/assessments';
import { criteriaNodes } from './assessment/criteria-sets';
import { checkAppraisalRows, type AppraisalRowIn } from '../domain/appraisal-check';
import { storeAppraisal } from './appraisal/results';
import { planTasks, updateTask } from './appraisal/plan';
import { vnIsoDate } from '../../shared/vn-time';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resourcesDir } from './resources';

/** resources/criteria/phu-thuong-2021-appraisal.json: document 002's numbers and words, per code. */
interface DocNode {
  code: string;
  selfPoints: number | null;
  councilPoints: number | null;
  deductionReason: string | null;
  remediation: string | null;
  assignees: string[];
}
export const DEMO_APPRAISAL_FILE = 'criteria/phu-thuong-2021-appraisal.json';
let DOC: DocNode[] = [];
const DAY = 86_400_000;
/** Document 002's people by the work it gives them → the demo's accounts. */
const PEOPLE: Record<string, string> = {
  Ly: 'vanhoa',
  Cường: 'phochutich',
  Hiến: 'tuphap',
  Điệp: 'taichinh',
  Diệp: 'taichinh',
  Thủy: 'diachinh',
  Thùy: 'diachinh',
  'Chủ tịch UBND xã': 'chutich',
};
const UNIT = 'Văn phòng HĐND và UBND xã';

/** Document 002 is about 2021 (and its plan about 2022); the demo moves its years with the demo's own. */
const DOC_YEAR = 2021;
const shiftYears = (text: string, year: number) => text.replace(/\b(2021|2022)\b/g, (y) => String(Number(y) - DOC_YEAR + year));

/**
 * The document's words for a criterion of the sample set in `year`: its own, else those under it
 * (1.3 → 1.3.a), with the document's years moved to `year`.
 */
function docWords(code: string, codes: Set<string>, key: 'deductionReason' | 'remediation', year: number): string | null {
  const own = DOC.find((n) => n.code === code)?.[key];
  if (own) return shiftYears(own, year);
  const below = DOC.filter((n) => n.code.startsWith(code + '.') && !codes.has(n.code) && n[key]).map((n) => n[key]!);
  return below.length ? shiftYears(below.join(' '), year) : null;
}

interface YearRow {
  code: string;
  self: number | null;
  council: number | null;
  reason: string | null;
}

/** Last year's assessment: self-scores approved and sent, written as the year's history, each item audited. */
function sentAssessment(s: Services, leader: Actor, setId: number, year: number, selfOf: (code: string) => number | null): AssessmentRow {
  const nodes = criteriaNodes(s, setId);
  const a = createAssessment(s, leader, { year, setId, opensAt: Date.UTC(year, 8, 14, 1), closesAt: Date.UTC(year, 9, 5, 10) });
  const areaOwner: Record<string, string> = {
    '1': 'vanphong',
    '2': 'tuphap',
    '3': 'vanphong',
    '4': 'phochutich',
    '5': 'vanphong',
    '6': 'taichinh',
    '7': 'diachinh',
    '8': 'taichinh',
  };
  const now = s.clock.now();
  s.db.tx((w) => {
    for (const n of nodes.filter((x) => x.isLeaf)) {
      const self = selfOf(n.code);
      const points = n.maxPoints === null || self === null ? null : Math.min(self, n.maxPoints);
      const content = {
        points,
        notApplicable: n.maxPoints === null,
        naReason: n.maxPoints === null ? 'Bộ tiêu chí chưa có điểm tối đa' : null,
        explanation: `Kết quả thực hiện tiêu chí ${n.code} năm ${year} (tài liệu kiểm chứng trong hồ sơ đã gửi).`,
        status: 'approved' as const,
        reviewComment: null,
      };
      s.db.run(
        s.db.q
          .updateTable('assessment_item')
          .set({
            assignee_id: actorFor(s, areaOwner[n.code.split('.')[0]!] ?? 'vanphong').id,
            points,
            not_applicable: content.notApplicable ? 1 : 0,
            na_reason: content.naReason,
            explanation: content.explanation,
            status: 'approved',
            updated_at: now,
            updated_by: leader.id,
          })
          .where('assessment_id', '=', a.id)
          .where('criterion_code', '=', n.code),
      );
      appendAudit(w, s, leader, { action: 'item.update', entity: 'item', entityId: `${year}:${n.code}`, after: content });
    }
    s.db.run(
      s.db.q
        .updateTable('assessment')
        .set({ status: 'sent', sent_at: Date.UTC(year, 9, 5, 9), sent_by: leader.id, updated_at: now })
        .where('id', '=', a.id),
    );
    appendAudit(w, s, leader, { action: 'assessment.send', entity: 'assessment', entityId: a.id, after: { year, demo: true } });
  });
  return s.db.first(s.db.q.selectFrom('assessment').selectAll().where('id', '=', a.id))!;
}

/** A clock standing at `at`, for what happened back then (the results' arrival, the plan's work). */
const at = (s: Services, when: number): Services => ({ ...s, clock: { now: () => when, monotonic: () => s.clock.monotonic() } });

/** The council's results, checked like an imported file, stored as they arrived at `arrived`. */
function appraise(s: Services, leader: Actor, a: AssessmentRow, rows: YearRow[], arrived: number): void {
  const nodes = criteriaNodes(s, a.set_id);
  const leaves = nodes.filter((n) => n.isLeaf);
  const input: AppraisalRowIn[] = leaves.map((n, i) => {
    const r = rows.find((x) => x.code === n.code);
    const points = n.maxPoints === null ? null : Math.min(r?.council ?? 0, n.maxPoints);
    return { code: n.code, points, reason: r?.reason ?? null, source: `dòng ${i + 8}`, row: i + 8 };
  });
  const na = new Set(leaves.filter((n) => n.maxPoints === null).map((n) => n.code));
  const check = checkAppraisalRows(input, nodes, na);
  if (check.errors.length) throw new Error(`demo appraisal ${a.year}: ${check.errors.map((e) => e.message).join('; ')}`);
  storeAppraisal(at(s, arrived), leader, a, check.results, { kind: 'file', name: `Ket qua tham dinh CCHC ${a.year}.xlsx` });
}

/** Who document 002 gives a criterion's remedy to, as a demo account; else the office's unit. */
function assigneeOf(s: Services, code: string | null, codes: Set<string>): { assigneeUserId: number | null } | { assigneeUnit: string } {
  // Its own people, else those named under it (1.4 → 1.4.a "Giao cho đ/c Ly …").
  const named = DOC.filter((x) => x.code === code || (x.code.startsWith(`${code}.`) && !codes.has(x.code))).flatMap((x) => x.assignees)[0];
  return named && PEOPLE[named] ? { assigneeUserId: actorFor(s, PEOPLE[named]).id } : { assigneeUnit: UNIT };
}

/**
 * The year before document 002's, made up from it: what the council deducted in document 002 it
 * had deducted the year before too, and every fifth criterion it scored in full had then lost half
 * a point (the commune had claimed it in full) — the ones that year's plan put right.
 */
function earlierYear(
  nodes: { code: string; maxPoints: number | null; isLeaf: boolean }[],
  codes: Set<string>,
  year: number,
): { rows: YearRow[]; fixed: Set<string> } {
  const fixed = new Set<string>();
  let full = 0;
  const rows = nodes
    .filter((n) => n.isLeaf)
    .map((n): YearRow => {
      const d = DOC.find((x) => x.code === n.code);
      const council = d?.councilPoints ?? null;
      if (n.maxPoints !== null && council !== null && council >= n.maxPoints && n.maxPoints >= 0.5 && full++ % 5 === 2) {
        fixed.add(n.code);
        return { code: n.code, self: n.maxPoints, council: n.maxPoints - 0.5, reason: EARLIER_REASON };
      }
      return { code: n.code, self: council, council, reason: docWords(n.code, codes, 'deductionReason', year) };
    });
  return { rows, fixed };
}
const EARLIER_REASON = 'Tài liệu kiểm chứng chưa đầy đủ theo hướng dẫn (thiếu văn bản ký số, báo cáo không đúng thời hạn).';
const EARLIER_MEASURE = 'Bổ sung đầy đủ tài liệu kiểm chứng, văn bản ký số và báo cáo đúng thời hạn.';

export function createDemoAppraisal(s: Services, setId: number, year: number): void {
  DOC = (JSON.parse(readFileSync(path.join(resourcesDir(), DEMO_APPRAISAL_FILE), 'utf8')) as { criteria: DocNode[] }).criteria;
  const leader = actorFor(s, 'chutich');
  const nodes = criteriaNodes(s, setId);
  const codes = new Set(nodes.map((n) => n.code));
  const now = s.clock.now();

  // The year before: appraised about fifteen months ago; its plan was carried out and closed.
  const before = earlierYear(nodes, codes, year - 1);
  const a0 = sentAssessment(s, leader, setId, year - 1, (code) => before.rows.find((r) => r.code === code)?.self ?? null);
  const arrived0 = now - 455 * DAY;
  appraise(s, leader, a0, before.rows, arrived0);
  const closed = at(s, arrived0 + 200 * DAY);
  planTasks(s, a0.id).forEach((t, i) => {
    const ok = t.criterionCode !== null && before.fixed.has(t.criterionCode);
    updateTask(closed, leader, {
      taskId: t.id,
      measure: ok ? EARLIER_MEASURE : (docWords(t.criterionCode ?? '', codes, 'remediation', year - 1) ?? EARLIER_MEASURE),
      ...assigneeOf(s, t.criterionCode, codes),
      dueDate: vnIsoDate(arrived0 + (60 + 30 * (i % 4)) * DAY),
      status: 'done',
      statusNote: ok ? 'Đã khắc phục.' : `Đã thực hiện; Hội đồng năm ${year} vẫn trừ điểm — tiếp tục trong kế hoạch năm ${year + 1}.`,
    });
  });

  // Document 002's year: its self-scores, the council's results as they arrived three months ago.
  const a = sentAssessment(s, leader, setId, year, (code) => DOC.find((x) => x.code === code)?.selfPoints ?? null);
  appraise(
    s,
    leader,
    a,
    nodes.map((n) => ({
      code: n.code,
      self: null,
      council: DOC.find((x) => x.code === n.code)?.councilPoints ?? null,
      reason: docWords(n.code, codes, 'deductionReason', year),
    })),
    now - 90 * DAY,
  );

  // The plan, partly completed: the document's remedies and people, a few done, one late.
  const day = (offset: number) => vnIsoDate(now + offset * DAY);
  planTasks(s, a.id).forEach((t, i) => {
    const remedy = t.criterionCode ? docWords(t.criterionCode, codes, 'remediation', year) : null;
    if (!remedy) return;
    const status = i % 4 === 0 ? 'done' : i % 4 === 1 ? 'doing' : 'todo';
    updateTask(s, leader, {
      taskId: t.id,
      measure: remedy,
      ...assigneeOf(s, t.criterionCode, codes),
      dueDate: i === 1 ? day(-20) : day(30 + 15 * (i % 6)),
      status,
      statusNote: status === 'done' ? 'Đã hoàn thành, có văn bản kèm theo.' : null,
    });
  });
}
