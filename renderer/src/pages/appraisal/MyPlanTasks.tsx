// "Việc của tôi": the improvement-plan tasks given to the current user, late ones marked.
import { call } from '../../api/client';
import { useLoad } from '../../components/useLoad';
import { formatIsoDate } from '../../../../shared/vn-time';
import { formatPoints } from '../../../../shared/format';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.appraisal.ui;

export function MyPlanTasks() {
  const { data } = useLoad(() => call('plan.mine', {}), []);
  if (!data || data.tasks.length === 0) return null;
  return (
    <div className="panel" data-testid="my-plan-tasks">
      <h2>{t.mineTitle}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t.criterion}</th>
            <th>{t.measure}</th>
            <th>{t.due}</th>
            <th>{t.status}</th>
          </tr>
        </thead>
        <tbody>
          {data.tasks.map((x) => (
            <tr key={x.id} className={x.overdue ? 'task-overdue' : undefined} data-code={x.criterionCode ?? ''}>
              <td>
                <a href={`#/assessment/${x.assessmentId}/plan`}>{x.criterionCode === null ? t.ownTask : `${x.criterionCode} ${x.criterionTitle ?? ''}`}</a>
                <div className="small muted">
                  {t.year(x.year)}
                  {x.criterionCode !== null && ` · ${t.lostPoints(formatPoints(x.pointsLost))}`}
                  {x.reason ? ` · ${x.reason}` : ''}
                </div>
              </td>
              <td>{x.measure}</td>
              <td className="nowrap">
                {formatIsoDate(x.dueDate)} {x.overdue && <span className="badge badge--overdue">{t.overdue}</span>}
              </td>
              <td>{vi.appraisal.taskStatus[x.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
