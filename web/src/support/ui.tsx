import { useQuery, useQueryClient } from '@tanstack/react-query';
import { cloneElement, useEffect, useId, useState, useSyncExternalStore, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import { api } from '../api/http';
import { meKey, useMe } from '../auth/auth';
import { useLang, useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages';
import { formatNumber } from '../lib/dates';
import { Time } from '../chat/Time';
import { categoryOptions, durationParts, slaBadge, type TreeOption } from './logic';
import { supportLive, type SupportLive } from './live';
import type { CannedView, CategoryView, LabelView, TeamView, TicketView, UserView } from './types';
import type { PageOf } from '../api/types';

/** The support pages' socket, held while the page is shown. */
export function useLive(): SupportLive {
  const qc = useQueryClient();
  const me = useMe();
  const [live] = useState(() => supportLive(qc, () => qc.setQueryData(meKey, null)));
  useEffect(() => live.acquire(), [live]);
  useEffect(() => {
    live.meId = me.data?.id ?? null;
    live.staff = me.data?.role === 'ADMIN';
  }, [live, me.data?.id, me.data?.role]);
  return live;
}

export function ConnectionNote({ live }: { live: SupportLive }) {
  const t = useT();
  const state = useSyncExternalStore(live.subscribeConnection, live.connection);
  if (state === 'open' || state === 'stopped') return null;
  return (
    <span className="conn" role="status">
      {t(state === 'connecting' ? 'conn.connecting' : 'conn.waiting')}
    </span>
  );
}

/** Re-renders every `ms` (SLA badges tick). */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(h);
  }, [ms]);
  return now;
}

export function Duration({ ms }: { ms: number }) {
  const t = useT();
  const { days, hours, minutes } = durationParts(ms);
  if (days > 0) return <>{t('duration.dh', { days, hours })}</>;
  if (hours > 0) return <>{t('duration.hm', { hours, minutes })}</>;
  return <>{t('duration.m', { minutes })}</>;
}

/** SLA state of a ticket, ticking: due in, at risk, breached, paused, met. Staff only. */
export function SlaBadgeView({ ticket, now }: { ticket: TicketView; now: number }) {
  const t = useT();
  const { lang } = useLang();
  const b = slaBadge(ticket, now);
  if (!b) return null;
  const target = t(`sla.target.${b.target}` as MessageId);
  return (
    <span className={`sla sla-${b.kind}`}>
      {b.kind === 'breached' && b.remainingMs < 0 && <>{t('sla.breachedAgo', { target })} <Duration ms={b.remainingMs} /></>}
      {b.kind === 'breached' && b.remainingMs >= 0 && t('sla.breached')}
      {b.kind === 'at-risk' && <>{t('sla.atRisk', { target })} <Duration ms={b.remainingMs} /></>}
      {b.kind === 'due' && <>{t('sla.dueIn', { target })} <Duration ms={b.remainingMs} /></>}
      {b.kind === 'paused' && t('sla.paused')}
      {b.kind === 'met' && t('sla.met')}
      <span className="visually-hidden">
        {' '}
        (<Time iso={b.dueAt} lang={lang} mode="datetime" />)
      </span>
    </span>
  );
}

export function statusKey(status: string, staff?: boolean): MessageId {
  return (staff && status === 'WAITING_CUSTOMER' ? 'status.WAITING_CUSTOMER.staff' : `status.${status}`) as MessageId;
}

export function StatusPill({ status, staff }: { status: string; staff?: boolean }) {
  const t = useT();
  return <span className={`status status-${status.toLowerCase()}`}>{t(statusKey(status, staff))}</span>;
}

export function PriorityPill({ priority }: { priority: string }) {
  const t = useT();
  return <span className={`prio prio-${priority.toLowerCase()}`}>{t(`priority.${priority}` as MessageId)}</span>;
}

export function Num({ n }: { n: number }) {
  const { lang } = useLang();
  return <>{formatNumber(n, lang)}</>;
}

/** A labelled form control with its error (client-side or the server's field error) announced with it. */
export function Field({ label, error, hint, children, className }: {
  label: string; error?: string; hint?: ReactNode; className?: string;
  children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  const described = [error ? errId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {hint && <span id={hintId} className="muted small">{hint}</span>}
      {error && <span id={errId} className="field-error">{error}</span>}
    </div>
  );
}

export function ErrorLine({ error, retry }: { error: Error | null; retry?: () => void }) {
  const t = useT();
  if (!error) return null;
  return (
    <p role="alert" className="form-error">
      {t('error.generic', { message: error.message })}{' '}
      {retry && (
        <button type="button" className="btn small" onClick={retry}>
          {t('error.retry')}
        </button>
      )}
    </p>
  );
}

// ---- reference data

const all = <T,>(r: PageOf<T> | T[]) => (Array.isArray(r) ? r : r.data);

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: ['ws', 'users'],
    queryFn: () => api<PageOf<UserView>>('/api/workspace/users?limit=100&page=1').then(all),
    staleTime: 60_000,
    enabled,
  });
}

export function useStaff() {
  const u = useUsers();
  return { ...u, data: u.data?.filter((x) => x.role === 'ADMIN' && x.active) };
}

export function useCustomers() {
  const u = useUsers();
  return { ...u, data: u.data?.filter((x) => x.role === 'USER' && x.active) };
}

export function useTeams(enabled = true) {
  return useQuery({
    queryKey: ['ws', 'teams'],
    queryFn: () => api<PageOf<TeamView>>('/api/workspace/teams?limit=100&page=1').then(all),
    staleTime: 60_000,
    enabled,
  });
}

export function useCategoryTree(base: '/api/support-chat' | '/api/support-info', enabled = true): TreeOption[] | undefined {
  const q = useQuery({
    queryKey: [base, 'categories'],
    queryFn: () => api<CategoryView[] | PageOf<CategoryView>>(`${base}/categories`).then(all),
    staleTime: 60_000,
    enabled,
  });
  return q.data ? categoryOptions(q.data) : undefined;
}

export function useLabels(base: '/api/support-chat' | '/api/support-info', enabled = true) {
  return useQuery({
    queryKey: [base, 'labels'],
    queryFn: () => api<LabelView[] | PageOf<LabelView>>(`${base}/labels`).then(all),
    staleTime: 60_000,
    enabled,
  });
}

export function useCanned(enabled = true) {
  return useQuery({
    queryKey: ['/api/support-chat', 'canned'],
    queryFn: () => api<CannedView[]>('/api/support-chat/canned-responses'),
    staleTime: 60_000,
    enabled,
  });
}

export function TreeSelectOptions({ options }: { options: TreeOption[] | undefined }) {
  return (
    <>
      {(options ?? []).map((o) => (
        <option key={o.id} value={o.id}>
          {'\u00a0\u00a0'.repeat(o.depth)}
          {o.name}
        </option>
      ))}
    </>
  );
}

export function LabelChip({ label }: { label: LabelView }) {
  return (
    <span className="label-chip">
      <span className="label-dot" style={{ backgroundColor: label.color }} aria-hidden="true" />
      <bdi>{label.name}</bdi>
    </span>
  );
}

/**
 * A compact labelled control: the label points at the control by id (a label wrapped around a select would add the
 * selected option's text to the control's accessible name).
 */
export function Labeled({ label, children, className }: { label: ReactNode; children: ReactElement<{ id?: string }>; className?: string }) {
  const id = useId();
  return (
    <div className={`field compact ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}

/** Arrow keys, Home and End move between the tabs of a tablist (mirrored in right-to-left) and select the tab. */
export function onTabKeys(e: KeyboardEvent<HTMLElement>) {
  const tabs = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]'));
  const i = tabs.indexOf(document.activeElement as HTMLElement);
  if (i < 0) return;
  const rtl = getComputedStyle(e.currentTarget).direction === 'rtl';
  const next = { ArrowRight: rtl ? i - 1 : i + 1, ArrowLeft: rtl ? i + 1 : i - 1, Home: 0, End: tabs.length - 1 }[e.key];
  if (next === undefined) return;
  e.preventDefault();
  const tab = tabs[(next + tabs.length) % tabs.length];
  tab.focus();
  tab.click();
}

/**
 * A settings form's controls, disabled until its saved values have loaded: typing before they arrive would be
 * overwritten by them, and a save would then send the old values (a fieldset with `display: contents`, so the layout
 * is the form's own).
 */
export function LoadedFields({ loaded, children }: { loaded: boolean; children: ReactNode }) {
  return <fieldset className="plain" disabled={!loaded} aria-busy={!loaded}>{children}</fieldset>;
}
