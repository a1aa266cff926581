// The staff app (secretariat and managers): login gate, header with navigation and language, page routing.
// Pages are separate modules; the report page (with chart.js) is its own lazily loaded chunk.
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ApiError, UNAUTHENTICATED_EVENT, authApi, type SignedIn } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useT } from '../i18n/common';
import { useAdminT } from '../i18n/admin';
import { Link, match, navigate } from '../router';
import { LoginPage } from './LoginPage';
import { PosterPage } from './PosterPage';
import { WavePostersPage } from './WavePostersPage';
import { SettingsPage } from './settings/SettingsPage';
import { AuditPage } from './audit/AuditPage';
import { useAuditT } from '../i18n/audit';
import { useLinksT } from '../i18n/waveLinks';
import { ProjectListPage } from './ProjectListPage';
import { ProjectPage } from './project/ProjectPage';
import { UnitsPage } from './units/UnitsPage';
import { BenefitsMapPage } from './workspace/BenefitsMap';
import { BenefitStatusPage } from './benefitStatus/BenefitStatusPage';
import { useWorkspaceT } from '../i18n/workspace';
import { ProjectEditScope, SessionContext, type Session } from './session';
import { ChangePasswordPage } from './users/ChangePasswordPage';
import { UsersPage } from './users/UsersPage';
import { useUsersT } from '../i18n/users';
import { useAccountsT } from '../i18n/accounts';
import { AccountLinkPage } from './users/AccountLinkPage';
import { accountApi } from './users/api';
import { WorkshopsPage } from './workshops/WorkshopsPage';
import { ProjectorPage } from './workshops/ProjectorPage';
import { ActionsOverviewPage } from './actions/ActionsOverviewPage';
import { ProjectActionsPage } from './actions/ProjectActionsPage';
import { useActionsT } from '../i18n/actions';

const ReportPage = lazy(() => import('../dashboard/ReportPage'));
const PrintReport = lazy(() => import('../dashboard/PrintReport'));
const SurveyEditorPage = lazy(() => import('./survey/SurveyEditorPage'));

type Auth = { state: 'checking' } | { state: 'anonymous' } | ({ state: 'in' } & SignedIn) | { state: 'error'; error: unknown };

export default function StaffApp({ path }: { path: string }) {
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });
  const t = useT();

  const check = useCallback(() => {
    setAuth({ state: 'checking' });
    authApi
      .me()
      .then((signedIn) => setAuth({ state: 'in', ...signedIn }))
      .catch((error) => setAuth(error instanceof ApiError && error.status === 401 ? { state: 'anonymous' } : { state: 'error', error }));
  }, []);
  useEffect(check, [check]);
  useEffect(() => {
    const expired = () => setAuth({ state: 'anonymous' });
    window.addEventListener(UNAUTHENTICATED_EVENT, expired);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, expired);
  }, []);

  const session = useMemo<Session | null>(
    () =>
      auth.state === 'in'
        ? {
            user: auth.user,
            thresholds: auth.thresholds,
            isAdmin: auth.user.role === 'admin',
            logout: async () => {
              try {
                await authApi.logout();
              } finally {
                setAuth({ state: 'anonymous' });
                navigate('/login');
              }
            },
            logoutAll: async () => {
              try {
                await accountApi.logoutAll();
              } finally {
                setAuth({ state: 'anonymous' });
                navigate('/login');
              }
            },
          }
        : null,
    [auth],
  );

  // The public pages behind an invitation or reset link work whether or not someone is logged in here.
  const link = match('/invite/:token', path) ?? match('/reset/:token', path);
  if (link) {
    return (
      <Shell>
        <AccountLinkPage
          key={path}
          purpose={path.startsWith('/invite/') ? 'invite' : 'reset'}
          token={link.token}
          onLoggedIn={(signedIn) => {
            setAuth({ state: 'in', ...signedIn });
            navigate('/projects', { replace: true });
          }}
        />
      </Shell>
    );
  }
  if (auth.state === 'checking') {
    return (
      <Shell>
        <p role="status" className="page-loading">
          {t('loading')}
        </p>
      </Shell>
    );
  }
  if (auth.state === 'error') {
    return (
      <Shell>
        <ErrorMessage error={auth.error} />
        <button type="button" onClick={check}>
          {t('retry')}
        </button>
      </Shell>
    );
  }
  if (auth.state === 'anonymous' || !session) {
    return (
      <Shell>
        <LoginPage
          onLoggedIn={(signedIn) => {
            setAuth({ state: 'in', ...signedIn });
            if (path === '/login' || path === '/') navigate('/projects', { replace: true });
          }}
        />
      </Shell>
    );
  }
  // A temporary password must be replaced before anything else (the server refuses the rest meanwhile).
  if (session.user.mustChangePassword) {
    return (
      <SessionContext.Provider value={session}>
        <Shell session={session} path={path} restricted>
          <ChangePasswordPage forced onChanged={check} />
        </Shell>
      </SessionContext.Provider>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Shell session={session} path={path}>
        <Routes path={path} />
      </Shell>
    </SessionContext.Provider>
  );
}

function Routes({ path }: { path: string }) {
  const t = useT();
  useEffect(() => {
    if (path === '/' || path === '/login') navigate('/projects', { replace: true });
  }, [path]);
  if (path === '/' || path === '/login' || path === '/projects') return <ProjectListPage />;
  if (path === '/units') return <UnitsPage />;
  if (path === '/users') return <UsersPage />;
  if (path === '/settings') return <SettingsPage />;
  if (path === '/audit') return <AuditPage />;
  if (path === '/actions') return <ActionsOverviewPage />;
  if (path === '/password') return <ChangePasswordPage />;
  const inProject = /^\/projects\/(\d+)(\/|$)/.exec(path);
  if (inProject) return <ProjectEditScope projectId={Number(inProject[1])}>{projectPage(path, t)}</ProjectEditScope>;
  return <NotFound />;
}

function projectPage(path: string, t: ReturnType<typeof useT>) {
  let m = match('/projects/:id', path);
  if (m && /^\d+$/.test(m.id)) return <ProjectPage key={m.id} projectId={Number(m.id)} />;
  m = match('/projects/:id/gevinstdiagram', path);
  if (m && /^\d+$/.test(m.id)) return <BenefitsMapPage key={m.id} projectId={Number(m.id)} />;
  m = match('/projects/:id/workshops', path);
  if (m && /^\d+$/.test(m.id)) return <WorkshopsPage key={m.id} projectId={Number(m.id)} />;
  m = match('/projects/:id/workshops/:workshopId', path);
  if (m && /^\d+$/.test(m.id) && /^\d+$/.test(m.workshopId)) return <ProjectorPage key={m.workshopId} projectId={Number(m.id)} workshopId={Number(m.workshopId)} />;
  m = match('/projects/:id/actions', path);
  if (m && /^\d+$/.test(m.id)) return <ProjectActionsPage key={m.id} projectId={Number(m.id)} />;
  m = match('/projects/:id/gevinststatus', path);
  if (m && /^\d+$/.test(m.id)) return <BenefitStatusPage key={m.id} projectId={Number(m.id)} />;
  m = match('/projects/:id/report', path);
  if (m && /^\d+$/.test(m.id))
    return <Loading label={t('loading')}>{<ReportPage key={m.id} projectId={Number(m.id)} />}</Loading>;
  m = match('/projects/:id/report/print', path);
  if (m && /^\d+$/.test(m.id))
    return <Loading label={t('loading')}>{<PrintReport key={m.id} projectId={Number(m.id)} />}</Loading>;
  m = match('/projects/:id/survey', path);
  if (m && /^\d+$/.test(m.id))
    return <Loading label={t('loading')}>{<SurveyEditorPage key={m.id} projectId={Number(m.id)} />}</Loading>;
  m = match('/projects/:id/waves/:waveId/poster/:linkId', path);
  if (m && [m.id, m.waveId, m.linkId].every((x) => /^\d+$/.test(x)))
    return <PosterPage projectId={Number(m.id)} waveId={Number(m.waveId)} linkId={Number(m.linkId)} />;
  m = match('/projects/:id/waves/:waveId/posters', path);
  if (m && [m.id, m.waveId].every((x) => /^\d+$/.test(x))) return <WavePostersPage projectId={Number(m.id)} waveId={Number(m.waveId)} />;
  return <NotFound />;
}

function NotFound() {
  const t = useT();
  useEffect(() => {
    document.title = `${t('pageNotFound')} – Gevinstspor`;
  }, [t]);
  return (
    <>
      <h1>{t('pageNotFound')}</h1>
      <p>{t('pageNotFoundText')}</p>
      <p>
        <Link to="/projects">{t('goHome')}</Link>
      </p>
    </>
  );
}

/** `restricted`: only the user box's logout buttons, for the forced password change. */
function Shell({ children, session, path, restricted = false }: { children: ReactNode; session?: Session; path?: string; restricted?: boolean }) {
  const t = useT();
  const tac = useAccountsT();
  const ta = useAdminT();
  const tw = useWorkspaceT();
  const tu = useUsersT();
  const tl = useLinksT();
  const tau = useAuditT();
  const tact = useActionsT();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  // A new page closes the phone menu; Escape closes it and returns to its button.
  useEffect(() => setMenuOpen(false), [path]);
  const onHeaderKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  };

  // After an in-app navigation, move focus to the new page's h1 (once it has loaded) so screen readers
  // announce the page; fall back to <main>.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let tries = 0;
    const id = window.setInterval(() => {
      const h1 = mainRef.current?.querySelector('h1');
      if (h1 || ++tries > 40) {
        window.clearInterval(id);
        // A page that already put focus somewhere in it (e.g. an item opened from the benefits map) keeps it.
        const active = document.activeElement;
        if (active && active !== mainRef.current && mainRef.current?.contains(active)) return;
        if (h1) {
          if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
          h1.focus();
        } else mainRef.current?.focus();
      }
    }, 50);
    return () => window.clearInterval(id);
  }, [path]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className={`app-header${session ? ' has-menu' : ''}${menuOpen ? ' menu-open' : ''}`} onKeyDown={onHeaderKey}>
        <Link to="/projects" className="brand">
          Gevinstspor
        </Link>
        {session && !restricted && (
          // On a phone the menu and the user box fold behind this button, so the page starts near the top.
          <button type="button" ref={menuButton} className="secondary small menu-toggle" aria-expanded={menuOpen} aria-controls="app-nav app-user" onClick={() => setMenuOpen((o) => !o)}>
            {ta('menu')}
          </button>
        )}
        {session && !restricted && (
          <nav id="app-nav" aria-label={ta('mainNav')}>
            <ul>
              <li>
                <Link to="/projects" aria-current={path === '/projects' ? 'page' : undefined}>
                  {ta('navProjects')}
                </Link>
              </li>
              <li>
                <Link to="/actions" aria-current={path === '/actions' ? 'page' : undefined}>
                  {tact('navActions')}
                </Link>
              </li>
              <li>
                <Link to="/units" aria-current={path === '/units' ? 'page' : undefined}>
                  {tw('navUnits')}
                </Link>
              </li>
              {session.isAdmin && (
                <li>
                  <Link to="/users" aria-current={path === '/users' ? 'page' : undefined}>
                    {tu('navUsers')}
                  </Link>
                </li>
              )}
              {session.isAdmin && (
                <li>
                  <Link to="/settings" aria-current={path === '/settings' ? 'page' : undefined}>
                    {tl('navSettings')}
                  </Link>
                </li>
              )}
              {session.isAdmin && (
                <li>
                  <Link to="/audit" aria-current={path === '/audit' ? 'page' : undefined}>
                    {tau('navAudit')}
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        )}
        <div id="app-user" className="user-box">
          <LanguageSwitch />
          {session && (
            <>
              <span className="muted">
                {ta('loggedInAs', { name: session.user.name })} ({session.isAdmin ? ta('roleAdmin') : session.user.role === 'editor' ? tac('roleEditor') : ta('roleManager')})
              </span>
              {!restricted && (
                <Link to="/password" className="button secondary small" aria-current={path === '/password' ? 'page' : undefined}>
                  {tu('navChangePassword')}
                </Link>
              )}
              <button type="button" className="secondary small" onClick={() => void session.logout()}>
                {ta('logout')}
              </button>
              <button type="button" className="secondary small" onClick={() => window.confirm(tac('logoutAllConfirm')) && void session.logoutAll()}>
                {tac('logoutAll')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={mainRef} className="app-main">
        {children}
      </main>
      <footer className="app-footer no-print">{ta('footer')}</footer>
    </>
  );
}

/** A lazily loaded page with an announced loading message while its chunk arrives. */
function Loading({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p role="status" className="page-loading">
          {label}
        </p>
      }
    >
      {children}
    </Suspense>
  );
}
