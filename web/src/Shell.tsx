import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { useLogout, useMe } from './auth/auth';
import { LanguageSelect, useT } from './i18n/locale';

/** The signed-in frame: top bar (app, navigation, language, user, log out) and the page. */
export function Shell({ children, status }: { children: ReactNode; status?: ReactNode }) {
  const t = useT();
  const me = useMe();
  const logout = useLogout();
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
