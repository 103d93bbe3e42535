// The staff side: sign-in, then pages by role. Loaded only when a staff URL opens.
import { lazy, Suspense } from 'react';
import { Navigate, NavLink, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Loading } from '../components/ui';
import { AUDIT_ROLES, INTAKE_ROLES, REPORT_ROLES, SessionProvider, auth, useRole, useSession, useST } from './session';
import Login from './Login';
import { UnreadBell, UnreadProvider } from './unread';
import { RoleGate } from './RoleGate';

const Inbox = lazy(() => import('./Inbox'));
const ComplaintPage = lazy(() => import('./ComplaintPage'));
const Intake = lazy(() => import('./Intake'));
const Admin = lazy(() => import('./admin/Admin'));
const Reports = lazy(() => import('./Reports'));
const Notifications = lazy(() => import('./Notifications'));
const Dashboard = lazy(() => import('./Dashboard'));
const Audit = lazy(() => import('./Audit'));

function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/staff/login?next=${next}`} replace />;
  }
  return (
    <UnreadProvider>
      <StaffLayout />
    </UnreadProvider>
  );
}

function StaffLayout() {
  const { st, lookup } = useST();
  const session = useSession();
  const role = useRole();
  const navigate = useNavigate();
  return (
    <div className="wide">
      <a className="skip" href="#main">
        {lookup('app.skip')}
      </a>
      <header className="staff-header">
        <div className="wrap staff-bar">
          <nav aria-label={st('staff.nav')} className="staff-nav">
            <NavLink to="/staff" end>
              {st('staff.inbox')}
            </NavLink>
            {role && INTAKE_ROLES.includes(role) ? <NavLink to="/staff/intake">{st('staff.intake')}</NavLink> : null}
            {role && REPORT_ROLES.includes(role) ? <NavLink to="/staff/reports">{st('staff.reports')}</NavLink> : null}
            {role && REPORT_ROLES.includes(role) ? <NavLink to="/staff/dashboard">{st('staff.dashboard')}</NavLink> : null}
            {role && AUDIT_ROLES.includes(role) ? <NavLink to="/staff/audit">{st('staff.audit')}</NavLink> : null}
            {role === 'admin' ? <NavLink to="/staff/admin">{st('staff.admin')}</NavLink> : null}
          </nav>
          <div className="cta-row" style={{ margin: 0, alignItems: 'center' }}>
            <span className="who" data-testid="who">
              {st('staff.signedInAs', {
                name: session?.user.full_name ?? '',
                role: lookup(`role.${session?.user.role}`) ?? '',
              })}
            </span>
            <UnreadBell />
            <LanguageSwitch />
            <button
              type="button"
              className="link"
              onClick={async () => {
                await auth.logout();
                navigate('/staff/login');
              }}
            >
              {st('staff.logout')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="wrap" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

export default function StaffApp() {
  return (
    <SessionProvider>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="login" element={<Login />} />
          <Route element={<RequireSession />}>
            <Route index element={<Inbox />} />
            <Route path="complaints/:id" element={<ComplaintPage />} />
            <Route path="intake" element={<Intake />} />
            <Route
              path="reports"
              element={
                <RoleGate roles={REPORT_ROLES}>
                  <Reports />
                </RoleGate>
              }
            />
            <Route
              path="dashboard"
              element={
                <RoleGate roles={REPORT_ROLES}>
                  <Dashboard />
                </RoleGate>
              }
            />
            <Route
              path="audit"
              element={
                <RoleGate roles={AUDIT_ROLES}>
                  <Audit />
                </RoleGate>
              }
            />
            <Route path="notifications" element={<Notifications />} />
            <Route path="admin/*" element={<Admin />} />
          </Route>
          <Route path="*" element={<Navigate to="/staff" replace />} />
        </Routes>
      </Suspense>
    </SessionProvider>
  );
}
