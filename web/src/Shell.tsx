import type { ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { useLogout, useMe } from './auth/auth';
import { LanguageSelect, useT } from './i18n/locale';

/** The signed-in frame: top bar (app, navigation, language, user, log out) and the page. */
export function Shell({ children, status }: { children: ReactNode; status?: ReactNode }) {
  const t = useT();
  const me = useMe();
  const logout = useLogout();
  const location = useLocation();
  const queueShown = location.pathname === '/dashboard/support-chat' && new URLSearchParams(location.search).get('view') === 'queue';
  const ticketsShown = location.pathname.startsWith('/dashboard/support-chat') && !queueShown;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skip.toContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        {me.data?.role === 'ADMIN' && (
          <nav aria-label={t('nav.main')} className="topnav">
            <NavLink to="/dashboard/internal-chat">{t('nav.internalChat')}</NavLink>
            <Link to="/dashboard/support-chat" className={ticketsShown ? 'active' : ''} aria-current={ticketsShown ? 'page' : undefined}>
              {t('nav.supportChat')}
            </Link>
            <Link to="/dashboard/support-chat?view=queue" className={queueShown ? 'active' : ''} aria-current={queueShown ? 'page' : undefined}>
              {t('nav.queue')}
            </Link>
            <NavLink to="/dashboard/support-info">{t('nav.supportInfo')}</NavLink>
            <NavLink to="/dashboard/settings">{t('nav.settings')}</NavLink>
          </nav>
        )}
        <div className="topbar-end">
          {status}
          <LanguageSelect />
          {me.data && <span className="me-name">{me.data.name}</span>}
          <button type="button" className="btn" onClick={() => void logout()}>
            {t('logout')}
          </button>
        </div>
      </header>
      {children}
    </div>
  );
}
