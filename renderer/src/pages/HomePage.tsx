import { useApp } from '../store';
import { vi } from '../../../shared/i18n/vi';
import { ClockNotice } from '../components/ClockNotice';
import { OverdueTasks } from './appraisal/OverdueTasks';
import { NextSteps } from '../components/NextSteps';
import { InspectionDue } from './inspection/InspectionDue';

export function HomePage() {
  const { session, info } = useApp();
  if (!session) return null;
  const o = info?.office;
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">
        {vi.home.welcome}, {session.user.fullName}
      </h1>
      <ClockNotice />
      <OverdueTasks />
      <NextSteps />
      <InspectionDue roles={session.user.roles} />
      <dl className="facts">
        <dt>{vi.home.office}</dt>
        <dd>{o ? `UBND ${vi.officeKinds[o.kind].toLowerCase()} ${o.commune}, ${o.district}, ${o.province}` : vi.app.none}</dd>
        <dt>{vi.user.position}</dt>
        <dd>{session.user.position}</dd>
        <dt>{vi.home.yourRoles}</dt>
        <dd>{session.user.roles.map((r) => vi.roles[r]).join(', ')}</dd>
      </dl>
      <p className="muted">{vi.app.offlineNote}</p>
    </section>
  );
}
