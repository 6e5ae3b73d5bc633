import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/http';
import type { Me } from '../api/types';
import { LanguageSelect, useDocumentTitle, useT } from '../i18n/locale';
import { homeFor, meKey, safeNext, useMe } from './auth';

export default function LoginPage() {
  const t = useT();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const me = useMe();
  const [workspace, setWorkspace] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(`${t('login.submit')} · ${t('app.name')}`);

  if (me.data) {
    return <Navigate to={safeNext(params.get('next')) ?? homeFor(me.data.role)} replace />;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ user: Me }>('/api/auth/login', {
        method: 'POST',
        body: { workspace: workspace.trim(), email: email.trim(), password },
        noRefresh: true,
      });
      qc.setQueryData(meKey, r.user);
      void qc.invalidateQueries({ queryKey: meKey });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('login.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <div className="login-top">
          <h1>{t('login.title')}</h1>
          <LanguageSelect />
        </div>
        <form onSubmit={submit} noValidate={false}>
          <label className="field">
            <span>{t('login.workspace')}</span>
            <input name="workspace" autoComplete="organization" required value={workspace}
              onChange={(e) => setWorkspace(e.target.value)} dir="ltr" />
          </label>
          <label className="field">
            <span>{t('login.email')}</span>
            <input name="email" type="email" autoComplete="username" required value={email}
              onChange={(e) => setEmail(e.target.value)} dir="ltr" />
          </label>
          <label className="field">
            <span>{t('login.password')}</span>
            <input name="password" type="password" autoComplete="current-password" required value={password}
              onChange={(e) => setPassword(e.target.value)} dir="ltr" />
          </label>
          {error && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
          <button type="submit" className="btn primary" disabled={busy} aria-busy={busy}>
            {t('login.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
