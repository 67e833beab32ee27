import { useEffect } from 'react';
import { call, sessionToken, setAuthErrorHandler, ClientError } from './api/client';
import { useApp } from './store';
import { useHashRoute } from './useHashRoute';
import { useActivity } from './useActivity';
import { usePageFocus } from './usePageFocus';
import { SetupPage } from './pages/SetupPage';
import { LoginPage, LockPage } from './pages/LoginPage';
import { HomePage } from './pages/HomePage';
import { UsersPage } from './pages/UsersPage';
import { AuditPage } from './pages/AuditPage';
import { SettingsPage } from './pages/SettingsPage';
import { CriteriaListPage, CriteriaSetPage } from './pages/CriteriaPage';
import { AssessmentsPage } from './pages/AssessmentsPage';
import { AssessmentPage } from './pages/AssessmentPage';
import { MinePage } from './pages/MinePage';
import { ExamsPage } from './pages/exam/ExamsPage';
import { RoundPage } from './pages/exam/RoundPage';
import { RoomBoard, RoomBoardForRound } from './pages/exam/RoomBoard';
import { PackagesPage } from './pages/PackagesPage';
import { InspectionsPage } from './pages/inspection/InspectionsPage';
import { InspectionPage } from './pages/inspection/InspectionPage';
import { TrainingPage } from './pages/training/TrainingPage';
import { CoursePage } from './pages/training/CoursePage';
import { AttemptPage } from './pages/training/AttemptPage';
import { ErrorBox } from './components/form';
import { ConnectionBanner } from './components/ConnectionBanner';
import { vi } from '../../shared/i18n/vi';
import { mayCall } from '../../shared/api/permissions';

/** Start-up: is the office set up, is there a live session? Decides the first screen. */
async function boot() {
  const { set } = useApp.getState();
  try {
    const info = await call('system.info', {});
    if (!info.setUp) return set({ info, phase: 'setup' });
    const session = sessionToken.get() ? await call('auth.session', { touch: true }).catch(() => null) : null;
    if (!session) sessionToken.set(null);
    set({ info, session, phase: !session ? 'login' : session.locked ? 'locked' : 'app' });
  } catch (e) {
    set({ phase: 'error', fatal: e instanceof ClientError ? e.message : vi.errors.network });
  }
}

setAuthErrorHandler((e) => {
  const { set, session } = useApp.getState();
  if (e.code === 'LOCKED') set({ phase: 'locked' });
  else {
    sessionToken.set(null);
    set({ phase: 'login', session: null, flash: session ? e.message || vi.errors.unauthenticated : null });
  }
});

function Shell() {
  const { session, info } = useApp();
  const route = useHashRoute();
  useActivity(true);
  usePageFocus(route);
  if (!session) return null;
  // What each screen offers follows the one permission table (shared/api/permissions.ts).
  const roles = session.user.roles;
  const canManage = mayCall(roles, 'settings.update');
  const isLeader = mayCall(roles, 'assessment.create');
  const isOfficer = mayCall(roles, 'item.update');
  const isProctor = mayCall(roles, 'exam.rounds');
  const boardMatch = /^\/exams\/(\d+)\/board$/.exec(route);
  // The room board takes the whole screen: no sidebar, no top bar (it moves to its read-only link).
  if (boardMatch && isProctor) return <RoomBoardForRound roundId={Number(boardMatch[1])} />;
  const nav = [
    { path: '/', label: vi.nav.home, show: true },
    { path: '/mine', label: vi.nav.mine, show: isOfficer },
    { path: '/assessment', label: vi.nav.assessment, show: isOfficer },
    { path: '/criteria', label: vi.nav.criteria, show: true },
    { path: '/exams', label: vi.nav.exams, show: isProctor },
    { path: '/inspection', label: vi.inspection.title, show: isOfficer },
    { path: '/training', label: vi.training.title, show: true },
    { path: '/packages', label: vi.nav.packages, show: true },
    { path: '/users', label: vi.nav.users, show: canManage },
    { path: '/audit', label: vi.nav.audit, show: true },
    { path: '/settings', label: vi.nav.settings, show: true },
  ];
  const logout = async () => {
    await call('auth.logout', {}).catch(() => undefined);
    sessionToken.set(null);
    // The next person to log in starts at the home page, not where this one left off.
    window.location.hash = '#/';
    useApp.getState().set({ session: null, phase: 'login' });
  };
  let page: React.ReactNode;
  const assessmentMatch = /^\/assessment\/(\d+)(?:\/(.*))?$/.exec(route);
  const setMatch = /^\/criteria\/(\d+)$/.exec(route);
  const roundMatch = /^\/exams\/(\d+)(?:\/(.*))?$/.exec(route);
  const inspectionMatch = /^\/inspection\/(\d+)$/.exec(route);
  const courseMatch = /^\/training\/course\/(\d+)$/.exec(route);
  const attemptMatch = /^\/training\/attempt\/(\d+)$/.exec(route);
  const runsTraining = mayCall(roles, 'training.createCourse');
  if (assessmentMatch)
    page = isOfficer ? (
      <AssessmentPage id={Number(assessmentMatch[1])} sub={assessmentMatch[2] ?? ''} isLeader={isLeader} />
    ) : (
      <ErrorBox message={vi.errors.forbidden} />
    );
  else if (setMatch) page = <CriteriaSetPage setId={Number(setMatch[1])} />;
  else if (inspectionMatch)
    page = isOfficer ? <InspectionPage id={Number(inspectionMatch[1])} isLeader={isLeader} /> : <ErrorBox message={vi.errors.forbidden} />;
  else if (courseMatch) page = runsTraining ? <CoursePage courseId={Number(courseMatch[1])} /> : <ErrorBox message={vi.errors.forbidden} />;
  else if (attemptMatch) page = <AttemptPage attemptId={Number(attemptMatch[1])} />;
  else if (roundMatch) page = isProctor ? <RoundPage roundId={Number(roundMatch[1])} sub={roundMatch[2] ?? ''} /> : <ErrorBox message={vi.errors.forbidden} />;
  else
    switch (route) {
      case '/mine':
        page = <MinePage />;
        break;
      case '/assessment':
        page = isOfficer ? <AssessmentsPage isLeader={isLeader} /> : <ErrorBox message={vi.errors.forbidden} />;
        break;
      case '/packages':
        page = <PackagesPage canManage={canManage} />;
        break;
      case '/exams':
        page = isProctor ? <ExamsPage /> : <ErrorBox message={vi.errors.forbidden} />;
        break;
      case '/inspection':
        page = isOfficer ? <InspectionsPage isLeader={isLeader} canManage={canManage} /> : <ErrorBox message={vi.errors.forbidden} />;
        break;
      case '/training':
        page = <TrainingPage canRun={runsTraining} canManage={canManage} />;
        break;
      case '/criteria':
        page = <CriteriaListPage canImport={isLeader} />;
        break;
      case '/users':
        page = canManage ? <UsersPage /> : <ErrorBox message={vi.errors.forbidden} />;
        break;
      case '/audit':
        page = <AuditPage />;
        break;
      case '/settings':
        page = <SettingsPage canManage={canManage} />;
        break;
      default:
        page = <HomePage />;
    }
  const o = info?.office;
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">{vi.app.name}</div>
        {o && (
          <div className="office">
            UBND {vi.officeKinds[o.kind].toLowerCase()} {o.commune}
          </div>
        )}
        <nav aria-label={vi.nav.label}>
          {nav
            .filter((n) => n.show)
            .map((n) => (
              <a key={n.path} href={`#${n.path}`} aria-current={route === n.path || (n.path !== '/' && route.startsWith(n.path + '/')) ? 'page' : undefined}>
                {n.label}
              </a>
            ))}
        </nav>
      </aside>
      <div className="main">
        <header className="topbar">
          <span className="who">
            {session.user.fullName} · {session.user.position}
          </span>
          <button onClick={logout}>{vi.login.logout}</button>
        </header>
        <ConnectionBanner />
        <main className="content">{page}</main>
      </div>
    </div>
  );
}

export function App() {
  const { phase, fatal } = useApp();
  const route = useHashRoute();
  useEffect(() => {
    void boot();
  }, []);
  useEffect(() => {
    document.body.dataset.phase = phase;
    if (phase !== 'app') document.title = vi.app.name;
  }, [phase]);
  // A read-only room-board link works without a login (its token is the key): a second window or
  // the room's screen shows the board whatever the session of this tab.
  const boardToken = /^\/board\/([A-Za-z0-9_-]{16,100})$/.exec(route)?.[1];
  if (boardToken) return <RoomBoard token={boardToken} />;
  switch (phase) {
    case 'loading':
      return <main className="centered">{vi.app.loading}</main>;
    case 'error':
      return (
        <main className="centered">
          <div className="card">
            <ErrorBox message={fatal} />
            <button onClick={() => void boot()}>{vi.app.retry}</button>
          </div>
        </main>
      );
    case 'setup':
      return <SetupPage onDone={() => void boot()} />;
    case 'login':
      return <LoginPage />;
    case 'locked':
      return <LockPage />;
    case 'app':
      return <Shell />;
  }
}
