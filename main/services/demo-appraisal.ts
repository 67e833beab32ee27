// Demo: last year's assessment, sent and appraised, with document 002's numbers (KH 23/KH-UBND,
// Phú Thượng: self-scores, the council's 0,5 for 1.8, deduction reasons, remedies, assignees)
// and its improvement plan partly completed — so a newcomer sees the whole cycle. The people
// named in document 002 (đ/c Ly, Cường, Hiến …) are mapped to the demo's accounts by their work.
// The numbers are a copy of ../shared/data/criteria-phu-thuong-2021.json kept in resources/, so
// the installed app has them.
import type { Services, Actor } from './context';
import { appendAudit } from './audit';
import { findUserByUsername } from './users';
import { createAssessment } from './assessment/assessments';
import { criteriaNodes } from './assessment/criteria-sets';
import { checkAppraisalRows, type AppraisalRowIn } from '../domain/appraisal-check';
import { storeAppraisal } from './appraisal/results';
import { planTasks, updateTask } from './appraisal/plan';
import { vnIsoDate } from '../../shared/vn-time';
import type { Role } from '../../shared/office';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resourcesDir } from './summary/resources';

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

const actorFor = (s: Services, username: string): Actor => {
  const u = findUserByUsername(s, username)!;
  return { id: u.id, name: u.full_name, roles: JSON.parse(u.roles) as Role[] };
};

/** The document's words for a criterion of the sample set: its own, else those under it (1.3 → 1.3.a). */
function docWords(code: string, codes: Set<string>, key: 'deductionReason' | 'remediation'): string | null {
  const own = DOC.find((n) => n.code === code)?.[key];
  if (own) return own;
  const below = DOC.filter((n) => n.code.startsWith(code + '.') && !codes.has(n.code) && n[key]).map((n) => n[key]!);
  return below.length ? below.join(' ') : null;
}

export function createDemoAppraisal(s: Services, setId: number, year: number): void {
  DOC = (JSON.parse(readFileSync(path.join(resourcesDir(), DEMO_APPRAISAL_FILE), 'utf8')) as { criteria: DocNode[] }).criteria;
  const leader = actorFor(s, 'chutich');
  const nodes = criteriaNodes(s, setId);
  const codes = new Set(nodes.map((n) => n.code));
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
  // Last year's self-scores, approved and sent: written as the year's history, each item audited.
  s.db.tx((w) => {
    for (const n of nodes.filter((x) => x.isLeaf)) {
      const d = DOC.find((x) => x.code === n.code);
      const points = n.maxPoints === null || d?.selfPoints == null ? null : Math.min(d.selfPoints, n.maxPoints);
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

  // The council's results, checked like an imported file, as they arrived three months ago.
  const rows: AppraisalRowIn[] = nodes
    .filter((n) => n.isLeaf)
    .map((n, i) => {
      const d = DOC.find((x) => x.code === n.code);
      const points = n.maxPoints === null ? null : Math.min(d?.councilPoints ?? 0, n.maxPoints);
      return { code: n.code, points, reason: docWords(n.code, codes, 'deductionReason'), source: `dòng ${i + 8}`, row: i + 8 };
    });
  const na = new Set(nodes.filter((n) => n.isLeaf && n.maxPoints === null).map((n) => n.code));
  const check = checkAppraisalRows(rows, nodes, na);
  if (check.errors.length) throw new Error(`demo appraisal: ${check.errors.map((e) => e.message).join('; ')}`);
  const arrived = now - 90 * DAY;
  const past: Services = { ...s, clock: { now: () => arrived, monotonic: () => s.clock.monotonic() } };
  const assessment = s.db.first(s.db.q.selectFrom('assessment').selectAll().where('id', '=', a.id))!;
  storeAppraisal(past, leader, assessment, check.results, { kind: 'file', name: `Ket qua tham dinh CCHC ${year}.xlsx` });

  // The plan, partly completed: the document's remedies and people, a few done, one late.
  const day = (offset: number) => vnIsoDate(now + offset * DAY);
  planTasks(s, a.id).forEach((t, i) => {
    const remedy = t.criterionCode ? docWords(t.criterionCode, codes, 'remediation') : null;
    if (!remedy) return;
    const named = DOC.find((x) => x.code === t.criterionCode)?.assignees[0];
    const user = named && PEOPLE[named] ? actorFor(s, PEOPLE[named]).id : null;
    const status = i % 4 === 0 ? 'done' : i % 4 === 1 ? 'doing' : 'todo';
    updateTask(s, leader, {
      taskId: t.id,
      measure: remedy,
      ...(user !== null ? { assigneeUserId: user } : { assigneeUnit: UNIT }),
      dueDate: i === 1 ? day(-20) : day(30 + 15 * (i % 6)),
      status,
      statusNote: status === 'done' ? 'Đã hoàn thành, có văn bản kèm theo.' : null,
    });
  });
}
