import { useMe } from '@huanjie/client';
import { NavBar } from 'antd-mobile';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { roleLabel, useAppTitle, useLanguage, useLogoutFlow, useSession, useT } from '@huanjie/ui';
import { LanguageToggle } from './language-toggle.js';
import { PageLoading } from './page-state.js';

/** NavBar with the app title and logout, a line with the signed-in user; pages render below. */
export function MobileLayout() {
  const t = useT();
  const { language } = useLanguage();
  const { app } = useSession();
  const title = useAppTitle(app);
  const { me } = useMe();
  const { logout, fetching } = useLogoutFlow();
  const navigate = useNavigate();
  const location = useLocation();
  const isHome = location.pathname === '/';

  const back = () => {
    // a deep link has no history inside the app: go home instead of leaving it
    if (location.key === 'default') void navigate('/');
    else void navigate(-1);
  };

  return (
    <div className="hj-m-page">
      <NavBar
        className="hj-m-navbar"
        backIcon={!isHome}
        onBack={isHome ? undefined : back}
        right={
          <button
            type="button"
            className="hj-m-link"
            disabled={fetching}
            onClick={() => void logout()}
            data-testid="logout"
          >
            {t('layout.logout')}
          </button>
        }
      >
        {title}
      </NavBar>
      <div className="hj-m-userbar">
        {me && (
          <>
            <span data-testid="current-user">{me.displayName}</span>
            <span>{language === 'zh' ? me.roleLabel : roleLabel(me.role, language)}</span>
          </>
        )}
        <span className="hj-m-spacer" />
        <Link to="/password" className="hj-m-link" data-testid="change-password">
          {t('layout.changePassword')}
        </Link>
        <LanguageToggle />
      </div>
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </div>
  );
}
