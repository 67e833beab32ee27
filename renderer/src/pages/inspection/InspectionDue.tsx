// The home page's line for each inspection report still due: the due date and the days left.
import { call } from '../../api/client';
import { useLoad } from '../../components/useLoad';
import { vi } from '../../../../shared/i18n/vi';
import { mayCall } from '../../../../shared/api/permissions';
import type { Role } from '../../../../shared/office';

const t = vi.inspection;

export function InspectionDue({ roles }: { roles: readonly Role[] }) {
  const { data } = useLoad(() => call('inspection.upcoming', {}), []);
  if (!data?.length) return null;
  const canOpen = mayCall(roles, 'inspection.get');
  return (
    <ul className="inspection-due" aria-label={t.dueDate}>
      {data.map((i) => (
        <li key={i.id} className={`alert ${i.daysLeft !== null && i.daysLeft <= 2 ? 'alert--error' : 'alert--ok'}`} data-testid="inspection-due">
          {t.homeDue(i.planNumber, i.dueDate!, t.daysLeft(i.daysLeft ?? 0))} {canOpen && <a href={`#/inspection/${i.id}`}>{t.open}</a>}
        </li>
      ))}
    </ul>
  );
}
