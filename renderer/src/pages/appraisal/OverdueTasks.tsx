// Home page: improvement-plan tasks past their due date (a leader sees everyone's, others their own).
import { call } from '../../api/client';
import { useLoad } from '../../components/useLoad';
import { formatIsoDate } from '../../../../shared/vn-time';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.appraisal.ui;

export function OverdueTasks() {
  const { data } = useLoad(() => call('plan.mine', {}), []);
  if (!data || data.overdue.length === 0) return null;
  return (
    <div className="alert alert--warn" role="status" data-testid="overdue-tasks">
      <strong>{t.overdueTitle(data.overdue.length)}</strong>
      <ul>
        {data.overdue.map((x) => (
          <li key={x.id}>
            <a href={`#/assessment/${x.assessmentId}/plan`}>
              {t.overdueLine(
                // A hand-added task has no criterion: its content names it.
                x.criterionCode === null ? `${t.ownTask}: ${x.measure}` : `${x.criterionCode} ${x.criterionTitle ?? ''}`.trim(),
                x.assigneeName ?? x.assigneeUnit ?? t.nobody,
                formatIsoDate(x.dueDate),
              )}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
