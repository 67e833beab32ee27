import { call } from '../api/client';
import { mayCall } from '../../../shared/api/permissions';
import { useLoad } from './useLoad';
import { useApp } from '../store';
import { vi } from '../../../shared/i18n/vi';

const t = vi.daily.next;

/**
 * A new office's home page says what to do next, in the order the work needs it: people, a
 * criteria set, then the assessment. Each step links to its page; the panel goes away once all
 * three are done. Only the leader/admin sees it (they are the ones who can do the steps).
 */
export function NextSteps() {
  const session = useApp((s) => s.session);
  const roles = session?.user.roles ?? [];
  const canManage = mayCall(roles, 'users.list');
  const canCreate = mayCall(roles, 'assessment.create');
  const state = useLoad(async () => {
    const [users, sets, assessments] = await Promise.all([
      canManage ? call('users.list', { includeInactive: false }) : Promise.resolve(null),
      call('criteria.list', {}),
      canCreate ? call('assessment.list', {}) : Promise.resolve(null),
    ]);
    return { users: users?.length ?? 0, sets: sets.length, assessments: assessments?.length ?? 0 };
  }, [canManage, canCreate]);
  if (!canManage || !canCreate || !state.data) return null;
  const d = state.data;
  const steps = [
    { done: d.users > 1, href: '#/users', label: t.addPeople, hint: t.addPeopleHint },
    { done: d.sets > 0, href: '#/criteria', label: t.chooseSet, hint: t.chooseSetHint },
    { done: d.assessments > 0, href: '#/assessment', label: t.createAssessment, hint: t.createAssessmentHint },
  ];
  if (steps.every((s) => s.done)) return null;
  const next = steps.findIndex((s) => !s.done);
  return (
    <section className="panel next-steps" aria-labelledby="next-steps-title">
      <h2 id="next-steps-title">{t.title}</h2>
      <ol>
        {steps.map((s, i) => (
          <li key={s.href} className={s.done ? 'next-steps__done' : i === next ? 'next-steps__next' : undefined}>
            <a href={s.href}>{s.label}</a> <span className="small muted">— {s.done ? t.done : i === next ? t.doNow : s.hint}</span>
            {!s.done && i === next && <div className="small">{s.hint}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
