import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ApiError, onSessionLost } from './api/http';
import type { Role } from './api/types';
import { homeFor, meKey, useMe } from './auth/auth';
import LoginPage from './auth/LoginPage';
import { LangFromUrl, LocaleProvider, useT } from './i18n/locale';

const InternalChatPage = lazy(() => import('./chat/InternalChatPage'));
const SupportPanelPage = lazy(() => import('./panel/SupportPanelPage'));
const SupportChatPage = lazy(() => import('./support/SupportChatPage'));
const SupportInfoPage = lazy(() => import('./info/SupportInfoPage'));
const SettingsPage = lazy(() => import('./settings/SettingsPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

function SessionWatcher() {
  const qc = useQueryClient();
  useEffect(() => {
    onSessionLost(() => {
      qc.setQueryData(meKey, null);
    });
  }, [qc]);
  return null;
}

export function Loading() {
  const t = useT();
  return (
    <div className="loading" role="status">
      {t('loading')}
    </div>
  );
}

function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (!me.data) {
    const next = location.pathname + location.search + location.hash;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.data.role !== role) return <Navigate to={homeFor(me.data.role)} replace />;
  return <>{children}</>;
}

function Home() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/login" replace />;
  return <Navigate to={homeFor(me.data.role)} replace />;
}

function NotFound() {
  const t = useT();
  return (
    <main id="main" className="not-found">
      <p>{t('notFound')}</p>
      <Link to="/">{t('app.name')}</Link>
    </main>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <LocaleProvider>
          <LangFromUrl />
          <SessionWatcher />
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/" element={<Home />} />
              <Route
                path="/dashboard/internal-chat/:roomId?"
                element={
                  <RequireRole role="ADMIN">
                    <InternalChatPage />
                  </RequireRole>
                }
              />
              <Route
                path="/dashboard/support-chat/:ticketId?"
                element={
                  <RequireRole role="ADMIN">
                    <SupportChatPage />
                  </RequireRole>
                }
              />
              <Route
                path="/dashboard/support-info/:recordId?"
                element={
                  <RequireRole role="ADMIN">
                    <SupportInfoPage />
                  </RequireRole>
                }
              />
              <Route
                path="/dashboard/settings"
                element={
                  <RequireRole role="ADMIN">
                    <SettingsPage />
                  </RequireRole>
                }
              />
              <Route path="/dashboard/*" element={<RequireRole role="ADMIN"><NotFound /></RequireRole>} />
              <Route
                path="/panel/support-chat/:ticketId?"
                element={
                  <RequireRole role="USER">
                    <SupportPanelPage />
                  </RequireRole>
                }
              />
              <Route path="/panel/*" element={<RequireRole role="USER"><NotFound /></RequireRole>} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </LocaleProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
