// The audit page in words a commune officer reads: "Tiêu chí 1.2 — năm 2026", "Bước 1 — đội xã
// Phú Thượng", a person's name — never `exam_step #10`, `item #2026:1.2` or `teamId 3`. The log
// rows themselves stay as written (they are hash-chained); only the view is translated, by
// looking the ids up now. A row whose subject has since been deleted keeps a plain label.
import type { Services } from './context';
import { vi } from '../../shared/i18n/vi';

const w = vi.daily.audit;

type Lookup = (id: string) => string | null;

function one<T>(s: Services, sql: string, ...params: (string | number)[]): T | undefined {
  return s.db.sqlite.prepare(sql).get(...params) as T | undefined;
}

const teamWords = (s: Services, id: string | number) => {
  const t = one<{ commune: string }>(s, 'SELECT commune FROM exam_team WHERE id = ?', id);
  return t ? w.team(t.commune) : null;
};
const userWords = (s: Services, id: string | number) => one<{ full_name: string }>(s, 'SELECT full_name FROM users WHERE id = ?', id)?.full_name ?? null;
const personWords = (s: Services, id: string | number) =>
  one<{ full_name: string }>(s, 'SELECT full_name FROM roster_entry WHERE id = ?', id)?.full_name ?? null;

function subjects(s: Services): Record<string, Lookup> {
  return {
    item: (id) => {
      const m = /^(\d{4}):(.+)$/.exec(id);
      return m ? w.item(m[2]!, Number(m[1])) : null;
    },
    assessment: (id) => {
      const a = one<{ year: number }>(s, 'SELECT year FROM assessment WHERE id = ?', id);
      return a ? w.assessment(a.year) : null;
    },
    criteria_set: (id) => one<{ name: string }>(s, 'SELECT name FROM criteria_set WHERE id = ?', id)?.name ?? null,
    user: (id) => userWords(s, id),
    exam_round: (id) => one<{ name: string }>(s, 'SELECT name FROM exam_round WHERE id = ?', id)?.name ?? null,
    exam_team: (id) => teamWords(s, id),
    exam_step: (id) => {
      const st = one<{ step: number; team_id: number }>(s, 'SELECT step, team_id FROM exam_step WHERE id = ?', id);
      return st ? w.step(st.step, teamWords(s, st.team_id)) : null;
    },
    exam_record: (id) => {
      const r = one<{ step: number; full_name: string }>(
        s,
        'SELECT st.step AS step, e.full_name AS full_name FROM exam_record r JOIN exam_step st ON st.id = r.step_id JOIN roster_entry e ON e.id = r.entry_id WHERE r.id = ?',
        id,
      );
      return r ? w.record(r.full_name, r.step) : null;
    },
    roster_entry: (id) => personWords(s, id),
    evidence: (id) => one<{ file_name: string }>(s, 'SELECT file_name FROM item_document WHERE id = ?', id)?.file_name ?? null,
    // The appraisal and its plan are logged by year ("2021"), a task by year and criterion
    // ("2021:1.8", or the task's own number when it has no criterion), a target by year and number.
    appraisal: (id) => (/^\d{4}$/.test(id) ? w.appraisal(Number(id)) : null),
    plan: (id) => (/^\d{4}$/.test(id) ? w.plan(Number(id)) : null),
    plan_task: (id) => {
      const m = /^(\d{4}):(.+)$/.exec(id);
      if (!m) return null;
      const year = Number(m[1]);
      const coded = one<{ id: number }>(
        s,
        'SELECT t.id AS id FROM improvement_task t JOIN assessment a ON a.id = t.assessment_id WHERE a.year = ? AND t.criterion_code = ?',
        year,
        m[2]!,
      );
      return coded ? w.item(m[2]!, year) : w.plan(year);
    },
    plan_target: (id) => {
      const m = /^(\d{4})(?::(\d+))?$/.exec(id);
      if (!m) return null;
      const t = m[2] ? one<{ text: string }>(s, 'SELECT text FROM improvement_target WHERE id = ?', Number(m[2])) : undefined;
      return t ? w.planTarget(t.text, Number(m[1])) : w.plan(Number(m[1]));
    },
    package: (id) => one<{ bag_name: string }>(s, 'SELECT bag_name FROM package WHERE id = ?', id)?.bag_name ?? null,
  };
}

/** Values that are ids of something with a name: the key in before/after → how to name it. */
function references(s: Services): Record<string, (id: number) => string | null> {
  return {
    teamId: (id) => teamWords(s, id),
    assigneeId: (id) => userWords(s, id),
    assigneeUserId: (id) => userWords(s, id),
    userId: (id) => userWords(s, id),
    approvedBy: (id) => userWords(s, id),
    sentBy: (id) => userWords(s, id),
    entryId: (id) => personWords(s, id),
    personId: (id) => personWords(s, id),
    roundId: (id) => one<{ name: string }>(s, 'SELECT name FROM exam_round WHERE id = ?', id)?.name ?? null,
    setId: (id) => one<{ name: string }>(s, 'SELECT name FROM criteria_set WHERE id = ?', id)?.name ?? null,
  };
}

/** Words for one row: what it is about, and names for the ids among its values (key "teamId:3"). */
export function auditWords(s: Services, entity: string, entityId: string | null, before: unknown, after: unknown) {
  const subject = entityId === null ? null : (subjects(s)[entity]?.(entityId) ?? null);
  const refs: Record<string, string> = {};
  const lookups = references(s);
  for (const side of [before, after]) {
    if (!side || typeof side !== 'object') continue;
    for (const [k, v] of Object.entries(side as Record<string, unknown>)) {
      const look = lookups[k];
      if (!look || typeof v !== 'number') continue;
      const name = look(v);
      if (name) refs[`${k}:${v}`] = name;
    }
  }
  return { subject, refs };
}
