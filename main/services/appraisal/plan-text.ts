// The words of the improvement plan, shared by its PDF and XLSX so both say the same thing.
// Points with a decimal comma, dates dd/mm/yyyy; NFC throughout (the PDF draws what it gets).
// The wording itself is in the catalogue (viAppraisal.docs); this file formats what it is given.
import { formatPoints } from '../../../shared/format';
import { formatIsoDate } from '../../../shared/vn-time';
import { viAppraisal } from '../../../shared/i18n/vi/appraisal';
import type { TargetView } from '../../../shared/api/appraisal-schemas';
import type { PlanArea, PlanDeduction, PlanModel, PlanTaskLine } from './plan-model';

const w = viAppraisal.docs;
const p = formatPoints;
const stop = (s: string) => s.trim().replace(/[\s.;:]+$/u, '');
const date = (d: string | null) => (d ? formatIsoDate(d) : null);
const LETTERS = 'abcdefghiklmnopqrstuvxy';

export function planText(m: PlanModel) {
  const unit = w.unit(w.kind[m.office.kind], m.office.commune);
  const next = m.year + 1;
  const pct = m.total.max > 0 ? `${p(Math.round((m.total.appraised * 10000) / m.total.max) / 100)}%` : null;
  return {
    title: w.title,
    subtitle: w.subtitle(next),
    docTitle: w.docTitle(next),
    intro: w.intro(m.year, unit, p(m.total.appraised), p(m.total.max), p(m.total.self)),
    section1: w.section1(m.year),
    overall: w.overall(p(m.total.appraised), p(m.total.max), pct, p(m.total.self), p(m.total.appraised - m.total.self)),
    areaLine: (a: PlanArea) => w.areaLine(a.code, a.title, p(a.appraised), p(a.max), p(a.self)),
    years: m.history.length < 2 ? null : w.years(m.history.map((h) => ({ year: h.year, appraised: p(h.appraised), max: p(h.max) }))),
    noDeduction: w.noDeduction,
    deduction: (d: PlanDeduction) => w.deduction(d.code, stop(d.title), d.notScored ? null : p(d.lost), d.reason ? stop(d.reason) : null),
    section2: w.section2,
    targetsHeading: w.targetsHeading,
    noTargets: w.noTargets,
    target: (t: TargetView) => w.target(stop(t.text), t.targetValue || null, date(t.dueDate), t.measuredValue || null),
    tasksHeading: w.tasksHeading,
    noTasks: w.noTasks,
    groupLine: (i: number, who: string) => `${LETTERS[i % LETTERS.length]}) ${who}`,
    task: (t: PlanTaskLine) =>
      w.task(
        t.code ? { code: t.code, title: stop(t.title ?? ''), lost: t.lost > 0 ? p(t.lost) : null } : null,
        t.measure ? stop(t.measure) : null,
        date(t.dueDate),
        viAppraisal.taskStatus[t.status],
        t.statusNote ? stop(t.statusNote) : null,
      ),
    section3: w.section3,
    organisation: w.organisation(unit, next),
  };
}
export type PlanText = ReturnType<typeof planText>;
