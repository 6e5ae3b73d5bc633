import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/http';
import type { PageOf } from '../api/types';
import { Time } from '../chat/Time';
import { DateField } from '../lib/DateTimeField';
import { useLang, useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages';
import { filtersFromSearch, filtersToApi, filtersToSearch, TICKET_SORTS, type TicketFilters } from './logic';
import { sc } from './live';
import { PRIORITIES, STATUSES, type TicketView } from './types';
import {
  ErrorLine, LabelChip, statusKey, Num, PriorityPill, SlaBadgeView, StatusPill, TreeSelectOptions, useCategoryTree, useLabels,
  useNow, useStaff, useTeams, Labeled, onTabKeys,
} from './ui';

const LIMIT = 20;

/** Staff: every ticket, with status tabs and counts, filters in the address, search, sort and paging; live. */
export function TicketList({ queue }: { queue?: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => {
    const f = filtersFromSearch(search);
    if (queue) {
      f.assigneeId = 'unassigned';
      if (!f.status) f.status = 'OPEN,PENDING,IN_PROGRESS,WAITING_CUSTOMER,REOPENED';
      if (!search.get('sort')) f.sort = 'createdAt';
    }
    return f;
  }, [search, queue]);
  const apiQuery = filtersToApi(filters, LIMIT).toString();
  const countQuery = filtersToApi(filters, LIMIT, false).toString();
  const list = useQuery({
    queryKey: sc.list(apiQuery),
    queryFn: () => api<PageOf<TicketView>>(`/api/support-chat?${apiQuery}`),
    placeholderData: keepPreviousData,
  });
  const counts = useQuery({
    queryKey: sc.counts(countQuery),
    queryFn: () => api<Record<string, number>>(`/api/support-chat/counts?${countQuery}`),
    placeholderData: keepPreviousData,
  });
  const staff = useStaff();
  const teams = useTeams();
  const categories = useCategoryTree('/api/support-chat');
  const labels = useLabels('/api/support-chat');
  const now = useNow(30_000);

  const update = (patch: Partial<TicketFilters>) => {
    const next = { ...filters, page: 1, ...patch };
    const s = filtersToSearch(next);
    if (queue) {
      s.delete('assigneeId');
      s.set('view', 'queue');
    }
    setSearch(s, { replace: true });
  };

  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ q: q.trim() });
  };

  const tabs: { key: string; status: string }[] = [
    { key: 'all', status: '' },
    ...STATUSES.map((s) => ({ key: s, status: s })),
  ];
  const count = (key: string) => (key === 'all' ? counts.data?.total : counts.data?.[key]);
  const data = list.data;

  return (
    <div className="ticket-list">
      <div className="list-head">
        <h1>{t(queue ? 'sc.queue.title' : 'sc.list.title')}</h1>
        {queue && <p className="muted">{t('sc.queue.hint')}</p>}
      </div>
      {!queue && (
        <div role="tablist" aria-label={t('sc.tabs')} className="tabs status-tabs" onKeyDown={onTabKeys}>
          {tabs.map((tab) => {
            const selected = filters.status === tab.status;
            const n = count(tab.key);
            return (
              <button key={tab.key} type="button" role="tab" aria-selected={selected} tabIndex={selected ? 0 : -1}
                onClick={() => update({ status: tab.status })}>
                {tab.key === 'all' ? t('sc.tab.all') : t(statusKey(tab.key, true))}
                {n !== undefined && <span className="tab-count"> (<Num n={n} />)</span>}
              </button>
            );
          })}
        </div>
      )}
      <form className="filters" role="search" aria-label={t('sc.filters')} onSubmit={submitSearch}>
        <Labeled label={<>{t('sc.search')}</>}>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('sc.search.placeholder')} />
        </Labeled>
        <Labeled label={<>{t('sc.f.priority')}</>}>
          <select value={filters.priority} onChange={(e) => update({ priority: e.target.value })}>
            <option value="">{t('any')}</option>
            {PRIORITIES.map((p) => <option key={p} value={p}>{t(`priority.${p}` as MessageId)}</option>)}
          </select>
        </Labeled>
        {!queue && (
          <Labeled label={<>{t('sc.f.assignee')}</>}>
            <select value={filters.assigneeId} onChange={(e) => update({ assigneeId: e.target.value })}>
              <option value="">{t('any')}</option>
              <option value="me">{t('sc.f.mine')}</option>
              <option value="unassigned">{t('sc.f.unassigned')}</option>
              {(staff.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          </Labeled>
        )}
        <Labeled label={<>{t('sc.f.team')}</>}>
          <select value={filters.teamId} onChange={(e) => update({ teamId: e.target.value })}>
            <option value="">{t('any')}</option>
            {(teams.data ?? []).map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </Labeled>
        <Labeled label={<>{t('sc.f.category')}</>}>
          <select value={filters.categoryId} onChange={(e) => update({ categoryId: e.target.value })}>
            <option value="">{t('any')}</option>
            <TreeSelectOptions options={categories} />
          </select>
        </Labeled>
        <Labeled label={<>{t('sc.f.label')}</>}>
          <select value={filters.labelId} onChange={(e) => update({ labelId: e.target.value })}>
            <option value="">{t('any')}</option>
            {(labels.data ?? []).map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </Labeled>
        <Labeled label={<>{t('sc.f.sla')}</>}>
          <select value={filters.sla} onChange={(e) => update({ sla: e.target.value })}>
            <option value="">{t('any')}</option>
            <option value="at-risk">{t('sc.f.sla.atRisk')}</option>
            <option value="breached">{t('sc.f.sla.breached')}</option>
          </select>
        </Labeled>
        <Labeled label={<>{t('sc.f.from')}</>}>
          <DateField label={t('sc.f.from')} value={filters.from} onChange={(v) => update({ from: v })} />
        </Labeled>
        <Labeled label={<>{t('sc.f.to')}</>}>
          <DateField label={t('sc.f.to')} value={filters.to} onChange={(v) => update({ to: v })} />
        </Labeled>
        <Labeled label={<>{t('sc.sort')}</>}>
          <select value={filters.sort} onChange={(e) => update({ sort: e.target.value })}>
            {TICKET_SORTS.map((s) => <option key={s} value={s}>{t(`sc.sort.${s}` as MessageId)}</option>)}
          </select>
        </Labeled>
        <div className="filter-actions">
          <button type="submit" className="btn primary">{t('sc.search.go')}</button>
          <button type="button" className="btn" onClick={() => setSearch(new URLSearchParams(queue ? 'view=queue' : ''), { replace: true })}>
            {t('sc.f.clear')}
          </button>
        </div>
      </form>
      <ErrorLine error={list.error} retry={() => void list.refetch()} />
      {list.isPending && <p role="status">{t('loading')}</p>}
      {data && data.data.length === 0 && <p>{t('sc.none')}</p>}
      {data && data.data.length > 0 && (
        <div className="table-wrap">
          <table className="tickets">
            <caption className="visually-hidden">{t('sc.list.caption', { count: data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sc.col.ticket')}</th>
                <th scope="col">{t('sc.col.requester')}</th>
                <th scope="col">{t('panel.status')}</th>
                <th scope="col">{t('sc.f.priority')}</th>
                <th scope="col">{t('sc.f.assignee')}</th>
                <th scope="col">{t('sc.col.sla')}</th>
                <th scope="col">{t('panel.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {data.data.map((tk) => (
                <tr key={tk.id}>
                  <td>
                    <Link to={`/dashboard/support-chat/${tk.id}`} className="ticket-link">
                      <bdi className="ticket-no">{tk.number}</bdi> <bdi>{tk.subject}</bdi>
                    </Link>
                    {(tk.labels ?? []).length > 0 && (
                      <div className="chips">{tk.labels!.map((l) => <LabelChip key={l.id} label={l} />)}</div>
                    )}
                  </td>
                  <td>
                    <bdi>{tk.requester?.name ?? t('sc.guest')}</bdi>
                    {tk.requester?.kind === 'GUEST' && <span className="muted small"> · {t('sc.guest')}</span>}
                  </td>
                  <td><StatusPill status={tk.status} staff /></td>
                  <td><PriorityPill priority={tk.priority} /></td>
                  <td>{tk.assignee ? <bdi>{tk.assignee.name}</bdi> : <span className="muted">{t('sc.unassigned')}</span>}</td>
                  <td><SlaBadgeView ticket={tk} now={now} /></td>
                  <td><Time iso={tk.updatedAt ?? tk.createdAt} lang={lang} mode="relative" /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && data.totalPages > 1 && (
        <nav className="pager" aria-label={t('pager.label')}>
          <button type="button" className="btn" disabled={filters.page <= 1} onClick={() => update({ page: filters.page - 1 })}>
            {t('pager.prev')}
          </button>
          <span>{t('pager.of', { page: filters.page, pages: data.totalPages })}</span>
          <button type="button" className="btn" disabled={filters.page >= data.totalPages}
            onClick={() => update({ page: filters.page + 1 })}>
            {t('pager.next')}
          </button>
        </nav>
      )}
    </div>
  );
}
