import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { useLocation, useNavigate } from 'react-router-dom';
import { catalogs, type MessageId } from './messages';
import type { Lang } from '../lib/dates';

const STORAGE_KEY = 'goftgu.lang';

function isLang(v: unknown): v is Lang {
  return v === 'fa' || v === 'en';
}

function fromUrl(search: string): Lang | null {
  const v = new URLSearchParams(search).get('lang');
  return isLang(v) ? v : null;
}

function stored(): Lang | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

function persist(lang: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

export function initialLang(): Lang {
  const u = fromUrl(location.search);
  if (u) {
    persist(u);
    return u;
  }
  return stored() ?? 'fa';
}

interface LangState {
  lang: Lang;
  setLang: (l: Lang) => void;
}

const LangContext = createContext<LangState>({ lang: 'fa', setLang: () => {} });

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    persist(l);
    setLangState(l);
  }, []);
  useEffect(() => {
    const root = document.documentElement;
    root.lang = lang;
    root.dir = lang === 'fa' ? 'rtl' : 'ltr';
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return (
    <LangContext.Provider value={value}>
      <IntlProvider locale={lang === 'fa' ? 'fa-IR' : 'en'} messages={catalogs[lang]} defaultLocale="en">
        {children}
      </IntlProvider>
    </LangContext.Provider>
  );
}

export function useLang(): LangState {
  return useContext(LangContext);
}

/** `?lang=en|fa` on any route (inside the router, so it also applies on client-side navigation). */
export function LangFromUrl() {
  const { search, pathname, hash } = useLocation();
  const navigate = useNavigate();
  const { setLang } = useLang();
  useEffect(() => {
    const u = fromUrl(search);
    if (!u) return;
    setLang(u);
    // applied once: left in the address, it would undo a later choice in the language control
    const rest = new URLSearchParams(search);
    rest.delete('lang');
    const query = rest.toString();
    navigate({ pathname, search: query ? `?${query}` : '', hash }, { replace: true });
  }, [search, pathname, hash, setLang, navigate]);
  return null;
}

/** t('id', values): a typed shorthand over react-intl's formatMessage. */
export function useT() {
  const intl = useIntl();
  return useCallback(
    (id: MessageId, values?: Record<string, string | number | Date | null | undefined>) =>
      intl.formatMessage({ id }, values as Record<string, string | number>),
    [intl],
  );
}

export function LanguageSelect() {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <label className="lang-select">
      <span>{t('lang.label')}</span>
      <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        <option value="fa" lang="fa">
          {t('lang.fa')}
        </option>
        <option value="en" lang="en">
          {t('lang.en')}
        </option>
      </select>
    </label>
  );
}

/** The tab's title for a page, in the current language. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
