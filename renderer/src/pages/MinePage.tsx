import { call } from '../api/client';
import { ErrorBox } from '../components/form';
import { useLoad } from '../components/useLoad';
import { formatDateTime, formatPoints } from '../../../shared/format';
import { vi } from '../../../shared/i18n/vi';
import { MyPlanTasks } from './appraisal/MyPlanTasks';

const t = vi.ui;

/** "Việc của tôi": an officer's assigned criteria with their progress. */
export function MinePage() {
  const { data, error } = useLoad(() => call('assessment.mine', {}), []);
  if (error) return <ErrorBox message={error} />;
  if (!data) return <p>{vi.app.loading}</p>;
  return (
    <section aria-labelledby="mine-title">
      <h1 id="mine-title">{t.mineTitle}</h1>
      {data.length === 0 && <p>{t.mineEmpty}</p>}
      <MyPlanTasks />
      {data.map(({ assessment: a, items }) => {
        const done = items.filter((i) => i.status === 'done' || i.status === 'approved').length;
        return (
          <div key={a.id} className="panel">
            <h2>
              <a href={`#/assessment/${a.id}`}>{t.assessmentOfYear(a.year)}</a>
            </h2>
            <p className="muted">
              {t.window}: {formatDateTime(a.opensAt)} → {formatDateTime(a.closesAt)} · <strong>{t.mineProgress(done, items.length)}</strong>
            </p>
            <div className="bar">
              <span className="bar--approved" style={{ width: `${items.length ? (done / items.length) * 100 : 0}%` }} />
            </div>
            <table className="table">
              <tbody>
                {items.map((i) => (
                  <tr key={i.id} className={`status-${i.status}`}>
                    <td className="nowrap">{i.criterionCode}</td>
                    <td>
                      <a href={`#/assessment/${a.id}/item/${i.id}`}>{i.title}</a>
                      {i.status === 'returned' && i.reviewComment && <div className="small returned-note">{i.reviewComment}</div>}
                    </td>
                    <td className="num">
                      {i.notApplicable ? 'KPS' : i.points === null ? '—' : formatPoints(i.points)} / {i.maxPoints === null ? '?' : formatPoints(i.maxPoints)}
                    </td>
                    <td>
                      <span className={`badge badge--${i.status}`}>{t.itemStatus[i.status]}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
