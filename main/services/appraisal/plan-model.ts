// The input of the plan's PDF and XLSX (Kế hoạch nâng cao Chỉ số CCHC): everything they show,
// computed here from the database so the writers never touch it and say exactly the same thing.
import type { Services } from '../context';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { requireAssessment } from '../assessment/common';
import { requireOffice } from '../office';
import { trustedNow } from '../trusted-time';
import { appraisalView } from './results';
import { planTargets, planTasks } from './plan';
import type { SummaryModel } from '../summary';
import type { TargetView, TaskStatusView } from '../../../shared/api/appraisal-schemas';

export interface PlanDeduction {
  code: string;
  title: string;
  lost: number;
  notScored: boolean;
  reason: string | null;
}

export interface PlanArea {
  code: string;
  title: string;
  max: number;
  self: number;
  appraised: number;
  deductions: PlanDeduction[];
}

export interface PlanTaskLine {
  code: string | null;
  title: string | null;
  lost: number;
  reason: string | null;
  measure: string;
  dueDate: string | null;
  status: TaskStatusView;
  statusNote: string | null;
}

export interface PlanGroup {
  /** "Lê Thị Hương — Văn phòng - Thống kê", a unit's name, or "Chưa giao". */
  who: string;
  tasks: PlanTaskLine[];
}

export interface PlanModel {
  office: SummaryModel['office'];
  year: number;
  setName: string;
  setDecision: string | null;
  generatedAt: number;
  total: { max: number; self: number; appraised: number };
  areas: PlanArea[];
  /** Every appraised year up to this one, oldest first (the year-over-year chart when there are two). */
  history: { year: number; max: number; appraised: number; areas: { code: string; appraised: number }[] }[];
  groups: PlanGroup[];
  targets: TargetView[];
  signer: { fullName: string; position: string } | null;
}

export const UNASSIGNED = vi.appraisal.docs.unassigned;

export function planModel(s: Services, assessmentId: number): PlanModel {
  const a = requireAssessment(s, assessmentId);
  const view = appraisalView(s, a.id);
  if (!view.comparison) throw new ApiError('CONFLICT', vi.appraisal.noAppraisal(a.year));
  const c = view.comparison;
  const set = s.db.first(s.db.q.selectFrom('criteria_set').select(['name', 'decision']).where('id', '=', a.set_id))!;
  const areaOf = (code: string) => code.split('.')[0]!;
  const areas: PlanArea[] = c.areas.map((ar) => ({
    ...ar,
    deductions: c.rows
      .filter((r) => r.isLeaf && areaOf(r.code) === ar.code && (r.lost > 0 || r.notScored) && !r.notApplicable)
      .map((r) => ({ code: r.code, title: r.title, lost: r.lost, notScored: r.notScored, reason: r.reason })),
  }));
  // Tasks by person or unit, in the order of their first criterion; the unassigned last.
  const users = new Map(s.db.all(s.db.q.selectFrom('users').select(['id', 'full_name', 'position'])).map((u) => [u.id, u]));
  const groups = new Map<string, PlanGroup>();
  for (const t of planTasks(s, a.id)) {
    const u = t.assigneeUserId === null ? undefined : users.get(t.assigneeUserId);
    const who = u ? `${u.full_name} — ${u.position}` : (t.assigneeUnit ?? UNASSIGNED);
    const g = groups.get(who) ?? { who, tasks: [] };
    g.tasks.push({
      code: t.criterionCode,
      title: t.criterionTitle,
      lost: t.pointsLost,
      reason: t.reason,
      measure: t.measure,
      dueDate: t.dueDate,
      status: t.status,
      statusNote: t.statusNote,
    });
    groups.set(who, g);
  }
  const ordered = [...groups.values()].sort((x, y) => Number(x.who === UNASSIGNED) - Number(y.who === UNASSIGNED));
  const leaders = s.db.all(s.db.q.selectFrom('users').select(['full_name', 'position', 'roles']).where('active', '=', 1));
  const leader =
    leaders.find((u) => u.position === vi.appraisal.docs.chairPosition) ?? leaders.find((u) => (JSON.parse(u.roles) as string[]).includes('leader'));
  const office = requireOffice(s);
  return {
    office: { province: office.province, district: office.district, commune: office.commune, kind: office.kind },
    year: a.year,
    setName: set.name,
    setDecision: set.decision,
    generatedAt: trustedNow(s),
    total: { max: c.total.max, self: c.total.self, appraised: c.total.appraised },
    areas,
    history: c.history.map((h) => ({ year: h.year, max: h.max, appraised: h.appraised, areas: h.areas })),
    groups: ordered,
    targets: planTargets(s, a.id),
    signer: leader ? { fullName: leader.full_name, position: leader.position } : null,
  };
}
