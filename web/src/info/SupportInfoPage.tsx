import { CrmLinkTitle } from '../lib/crmLink';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../api/http';
import type { PageOf } from '../api/types';
import { Time } from '../chat/Time';
import { useDocumentTitle, useLang, useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages';
import { formatDateTime } from '../lib/dates';
import { Shell } from '../Shell';
import { inputToInstant, instantToInput } from '../lib/dateInput';
import { DateField, DateTimeField } from '../lib/DateTimeField';
import type { Lang } from '../lib/dates';
import { fieldErrors, recordMoves } from '../support/logic';
import { si } from '../support/live';
import {
  PRIORITIES, RECORD_STATUSES, SOURCES, TYPES, type LinkKind, type RecordStatus, type SupportRecord,
} from '../support/types';
import {
  ConnectionNote, ErrorLine, Field, LabelChip, Num, PriorityPill, TreeSelectOptions, useCategoryTree, useCustomers, useLabels,
  useLive, useStaff, useTeams, Labeled, onTabKeys,
} from '../support/ui';
import {
  emptyRecordFilters, RECORD_SORTS, recordBody, recordFiltersFromSearch, recordFiltersToApi, recordFiltersToSearch,
  validateRecord, type RecordFilters, type RecordForm,
} from './logic';

const BASE = '/api/support-info';
const LIMIT = 20;

/** /dashboard/support-info[/:recordId]: records of support outside chat; `new` is the create form. */
export default function SupportInfoPage() {
  const { recordId } = useParams();
  const live = useLive();
  const t = useT();
  useDocumentTitle(`${t('nav.supportInfo')} · ${t('app.name')}`);
  return (
    <Shell status={<ConnectionNote live={live} />}>
      <main id="main" className="support-main pad">
        {!recordId && <RecordList />}
        {recordId === 'new' && <RecordEditor />}
        {recordId && recordId !== 'new' && <RecordDetail key={recordId} id={recordId} />}
      </main>
    </Shell>
  );
}

function StatusText({ s }: { s: string }) {
  const t = useT();
  return <span className={`status si-${s.toLowerCase()}`}>{t(`si.status.${s}` as MessageId)}</span>;
}

function RecordList() {
  const t = useT();
  const { lang } = useLang();
  const [search, setSearch] = useSearchParams();
  const f = useMemo(() => recordFiltersFromSearch(search), [search]);
  const apiQ = recordFiltersToApi(f, LIMIT).toString();
  const countQ = (() => {
    const p = recordFiltersToApi(f, LIMIT);
    p.delete('status');
    p.delete('page');
    p.delete('limit');
    p.delete('sort');
    return p.toString();
  })();
  const list = useQuery({
    queryKey: [...si.all, 'list', apiQ],
    queryFn: () => api<PageOf<SupportRecord>>(`${BASE}?${apiQ}`),
    placeholderData: keepPreviousData,
  });
  const counts = useQuery({
    queryKey: [...si.all, 'counts', countQ],
    queryFn: () => api<{ byStatus: Record<string, number>; total: number }>(`${BASE}/counts?${countQ}`),
    placeholderData: keepPreviousData,
  });
  const staff = useStaff();
  const customers = useCustomers();
  const teams = useTeams();
  const categories = useCategoryTree(BASE);
  const labels = useLabels(BASE);
  const update = (patch: Partial<RecordFilters>) => setSearch(recordFiltersToSearch({ ...f, page: 1, ...patch }), { replace: true });
  const [q, setQ] = useState(f.q);
  useEffect(() => setQ(f.q), [f.q]);

  const sel = (key: keyof RecordFilters, label: MessageId, options: { value: string; label: string }[]) => (
    <Labeled label={<>{t(label)}</>}>
      <select value={String(f[key])} onChange={(e) => update({ [key]: e.target.value })}>
        <option value="">{t('any')}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Labeled>
  );

  return (
    <div>
      <div className="row list-head">
        <h1 className="grow">{t('si.title')}</h1>
        <Link className="btn primary" to="/dashboard/support-info/new">{t('si.new')}</Link>
      </div>
      <div role="tablist" aria-label={t('si.byStatus')} className="tabs status-tabs" onKeyDown={onTabKeys}>
        {['', ...RECORD_STATUSES].map((s) => {
          const n = s ? counts.data?.byStatus?.[s] : counts.data?.total;
          return (
            <button key={s || 'all'} type="button" role="tab" aria-selected={f.status === s} tabIndex={f.status === s ? 0 : -1} onClick={() => update({ status: s })}>
              {s ? t(`si.status.${s}` as MessageId) : t('sc.tab.all')}
              {n !== undefined && <span className="tab-count"> (<Num n={n} />)</span>}
            </button>
          );
        })}
      </div>
      <form className="filters" role="search" aria-label={t('sc.filters')} onSubmit={(e) => { e.preventDefault(); update({ q: q.trim() }); }}>
        <Labeled label={<>{t('sc.search')}</>}>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('si.search.placeholder')} />
        </Labeled>
        {sel('source', 'si.source', SOURCES.map((x) => ({ value: x, label: t(`si.source.${x}` as MessageId) })))}
        {sel('type', 'si.type', TYPES.map((x) => ({ value: x, label: t(`si.type.${x}` as MessageId) })))}
        {sel('priority', 'sc.f.priority', PRIORITIES.map((x) => ({ value: x, label: t(`priority.${x}` as MessageId) })))}
        {sel('assigneeId', 'sc.f.assignee', (staff.data ?? []).map((u) => ({ value: u.id, label: u.name })))}
        <label className="check">
          <input type="checkbox" checked={f.user === 'me'} onChange={(e) => update({ user: e.target.checked ? 'me' : '' })} />
          {t('si.f.mine')}
        </label>
        {sel('teamId', 'sc.f.team', (teams.data ?? []).map((x) => ({ value: x.id, label: x.name })))}
        {sel('categoryId', 'sc.f.category', (categories ?? []).map((c) => ({ value: c.id, label: c.path })))}
        {sel('labelId', 'sc.f.label', (labels.data ?? []).map((x) => ({ value: x.id, label: x.name })))}
        {sel('customerId', 'si.customer', (customers.data ?? []).map((u) => ({ value: u.id, label: u.name })))}
        <Labeled label={<>{t('si.f.from')}</>}>
          <DateField label={t('si.f.from')} value={f.from} onChange={(v) => update({ from: v })} />
        </Labeled>
        <Labeled label={<>{t('si.f.to')}</>}>
          <DateField label={t('si.f.to')} value={f.to} onChange={(v) => update({ to: v })} />
        </Labeled>
        <Labeled label={<>{t('sc.sort')}</>}>
          <select value={f.sort} onChange={(e) => update({ sort: e.target.value })}>
            {RECORD_SORTS.map((s) => <option key={s} value={s}>{t(`si.sort.${s}` as MessageId)}</option>)}
          </select>
        </Labeled>
        <div className="filter-actions">
          <button type="submit" className="btn primary">{t('sc.search.go')}</button>
          <button type="button" className="btn" onClick={() => setSearch(new URLSearchParams(), { replace: true })}>{t('sc.f.clear')}</button>
        </div>
      </form>
      {f.ticketId && (
        <p className="muted">{t('si.f.ticket')} <button type="button" className="link-btn" onClick={() => update({ ticketId: '' })}>{t('clear')}</button></p>
      )}
      <ErrorLine error={list.error} retry={() => void list.refetch()} />
      {list.isPending && <p role="status">{t('loading')}</p>}
      {list.data && list.data.data.length === 0 && <p>{t('si.none')}</p>}
      {list.data && list.data.data.length > 0 && (
        <div className="table-wrap">
          <table className="tickets">
            <caption className="visually-hidden">{t('si.caption', { count: list.data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('si.field.title')}</th>
                <th scope="col">{t('si.source')}</th>
                <th scope="col">{t('si.type')}</th>
                <th scope="col">{t('panel.status')}</th>
                <th scope="col">{t('sc.f.priority')}</th>
                <th scope="col">{t('si.customer')}</th>
                <th scope="col">{t('sc.f.assignee')}</th>
                <th scope="col">{t('si.contactAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.data.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/dashboard/support-info/${r.id}`}><bdi>{r.title}</bdi></Link>
                    {(r.labels ?? []).length > 0 && <div className="chips">{r.labels!.map((l) => <LabelChip key={l.id} label={l} />)}</div>}
                  </td>
                  <td>{t(`si.source.${r.source}` as MessageId)}</td>
                  <td>{t(`si.type.${r.type}` as MessageId)}</td>
                  <td><StatusText s={r.status} /></td>
                  <td><PriorityPill priority={r.priority} /></td>
                  <td><bdi>{r.customer?.name ?? '—'}</bdi></td>
                  <td><bdi>{r.assignee?.name ?? '—'}</bdi></td>
                  <td><Time iso={r.contactAt} lang={lang} mode="datetime" /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && list.data.totalPages > 1 && (
        <nav className="pager" aria-label={t('pager.label')}>
          <button type="button" className="btn" disabled={f.page <= 1} onClick={() => update({ page: f.page - 1 })}>{t('pager.prev')}</button>
          <span>{t('pager.of', { page: f.page, pages: list.data.totalPages })}</span>
          <button type="button" className="btn" disabled={f.page >= list.data.totalPages} onClick={() => update({ page: f.page + 1 })}>{t('pager.next')}</button>
        </nav>
      )}
    </div>
  );
}

function useRecord(id: string) {
  return useQuery({ queryKey: [...si.all, 'record', id], queryFn: () => api<SupportRecord>(`${BASE}/${id}`) });
}

function RecordDetail({ id }: { id: string }) {
  const t = useT();
  const { lang } = useLang();
  const rec = useRecord(id);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const del = useMutation({
    mutationFn: () => api(`${BASE}/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: si.all });
      navigate('/dashboard/support-info');
    },
  });
  if (rec.isPending) return <p role="status">{t('loading')}</p>;
  if (rec.isError) return <><ErrorLine error={rec.error} /><Link to="/dashboard/support-info">{t('si.back')}</Link></>;
  const r = rec.data;
  if (editing) return <RecordEditor record={r} onDone={() => setEditing(false)} />;
  const row = (k: MessageId, v: React.ReactNode) => (v ? <div key={k}><dt>{t(k)}</dt><dd>{v}</dd></div> : null);
  return (
    <article className="record-detail" aria-labelledby="rec-h">
      <Link to="/dashboard/support-info" className="back">{t('si.back')}</Link>
      <div className="row list-head">
        <h1 id="rec-h" className="grow"><bdi>{r.title}</bdi></h1>
        <button type="button" className="btn primary" onClick={() => setEditing(true)}>{t('edit')}</button>
        <button type="button" className="btn danger" onClick={() => { if (window.confirm(t('si.deleteConfirm'))) del.mutate(); }}>{t('delete')}</button>
      </div>
      {del.isError && <p role="alert" className="form-error">{del.error.message}</p>}
      <dl className="kv wide">
        {row('panel.status', <StatusText s={r.status} />)}
        {row('si.source', t(`si.source.${r.source}` as MessageId))}
        {row('si.type', t(`si.type.${r.type}` as MessageId))}
        {row('sc.f.priority', <PriorityPill priority={r.priority} />)}
        {row('si.contactAt', <Time iso={r.contactAt} lang={lang} mode="datetime" />)}
        {row('si.dueAt', r.dueAt && <Time iso={r.dueAt} lang={lang} mode="datetime" />)}
        {row('si.customer', r.customer && <bdi>{r.customer.name ?? r.customer.id}</bdi>)}
        {row('sc.f.assignee', r.assignee && <bdi>{r.assignee.name ?? r.assignee.id}</bdi>)}
        {row('sc.f.team', r.team && <bdi>{r.team.name ?? r.team.id}</bdi>)}
        {row('sc.f.category', r.category && <bdi>{r.category.name}</bdi>)}
        {row('sc.f.labels', (r.labels ?? []).length > 0 && <span className="chips">{r.labels!.map((l) => <LabelChip key={l.id} label={l} />)}</span>)}
        {row('si.visible', t(r.visibleToCustomer ? 'yes' : 'no'))}
        {row('si.ticket', r.ticketId && <Link to={`/dashboard/support-chat/${r.ticketId}`}>{t('si.openTicket')}</Link>)}
        {row('si.createdAt', <Time iso={r.createdAt} lang={lang} mode="datetime" />)}
        {row('si.updatedAt', <Time iso={r.updatedAt} lang={lang} mode="datetime" />)}
        {row('si.resolvedAt', r.resolvedAt && <Time iso={r.resolvedAt} lang={lang} mode="datetime" />)}
        {row('si.closedAt', r.closedAt && <Time iso={r.closedAt} lang={lang} mode="datetime" />)}
      </dl>
      {r.description && (
        <section>
          <h2>{t('sc.description')}</h2>
          <p className="msg-body"><bdi>{r.description}</bdi></p>
        </section>
      )}
      {(r.links ?? []).length > 0 && (
        <section>
          <h2>{t('si.links')}</h2>
          <ul>
            {r.links!.map((l, i) => (
              <li key={i}>{t(`si.link.${l.kind}` as MessageId)}: <CrmLinkTitle title={l.title} url={l.url} /> <span className="muted">(<bdi>{l.refId}</bdi>)</span></li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function toForm(lang: Lang, r?: SupportRecord): RecordForm {
  return {
    title: r?.title ?? '', description: r?.description ?? '', source: r?.source ?? '', type: r?.type ?? '',
    priority: r?.priority ?? 'MEDIUM', status: r?.status ?? 'NEW', contactAt: instantToInput(r?.contactAt, lang),
    dueAt: instantToInput(r?.dueAt, lang), customerId: r?.customerId ?? '', assigneeId: r?.assigneeId ?? '',
    teamId: r?.teamId ?? '', categoryId: r?.categoryId ?? '', labelIds: r?.labelIds ?? (r?.labels ?? []).map((l) => l.id),
    visibleToCustomer: r?.visibleToCustomer ?? false, links: (r?.links ?? []).map((l) => ({ ...l })),
  };
}

/** The date-time a field's text means, spelled out in the page's calendar (Jalali in Persian) by Intl. */
function ChosenTime({ value }: { value: string }) {
  const t = useT();
  const { lang } = useLang();
  const iso = inputToInstant(value, lang);
  if (!iso) return null;
  return <>{t('date.chosen')} <time dateTime={iso}>{formatDateTime(iso, lang)}</time></>;
}

function RecordEditor({ record, onDone }: { record?: SupportRecord; onDone?: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState<RecordForm>(() => toForm(lang, record));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const staff = useStaff();
  const customers = useCustomers();
  const teams = useTeams();
  const categories = useCategoryTree(BASE);
  const labels = useLabels(BASE);
  const set = <K extends keyof RecordForm>(k: K, v: RecordForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    // a field being corrected no longer shows the error the last submit found in it
    setErrors((e) => {
      if (!(k in e)) return e;
      const { [k]: _fixed, ...rest } = e;
      return rest;
    });
  };
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      record ? api<SupportRecord>(`${BASE}/${record.id}`, { method: 'PATCH', body }) : api<SupportRecord>(BASE, { method: 'POST', body }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: si.all });
      if (record) onDone?.();
      else navigate(`/dashboard/support-info/${r.id}`);
    },
    onError: (e) => {
      const fe = e instanceof ApiError ? fieldErrors(e.problem) : {};
      setErrors(fe);
      setFormError(Object.keys(fe).length ? t('form.fixErrors') : (e as Error).message);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = validateRecord(form, {
      required: t('form.required'), tooLong: (max) => t('form.tooLong', { max }), dueBeforeContact: t('si.dueBeforeContact'),
      badDate: t('form.badDate'),
    }, lang);
    setErrors(errs);
    setFormError(Object.keys(errs).length ? t('form.fixErrors') : null);
    if (Object.keys(errs).length) {
      requestAnimationFrame(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus());
      return;
    }
    save.mutate(recordBody(form, !!record, lang));
  };
  const statuses: RecordStatus[] = record ? recordMoves(record.status) : RECORD_STATUSES;
  return (
    <section aria-labelledby="rec-form-h">
      {!record && <Link to="/dashboard/support-info" className="back">{t('si.back')}</Link>}
      <h1 id="rec-form-h">{t(record ? 'si.edit' : 'si.new')}</h1>
      <form className="record-form" onSubmit={submit} noValidate>
        <Field label={t('si.field.title')} error={errors.title}>
          {(p) => <input {...p} value={form.title} onChange={(e) => set('title', e.target.value)} />}
        </Field>
        <Field label={t('sc.description')} error={errors.description}>
          {(p) => <textarea {...p} rows={4} value={form.description} onChange={(e) => set('description', e.target.value)} />}
        </Field>
        <div className="form-grid">
          <Field label={t('si.source')} error={errors.source}>
            {(p) => (
              <select {...p} value={form.source} onChange={(e) => set('source', e.target.value)}>
                <option value="">{t('form.choose')}</option>
                {SOURCES.map((x) => <option key={x} value={x}>{t(`si.source.${x}` as MessageId)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('si.type')} error={errors.type}>
            {(p) => (
              <select {...p} value={form.type} onChange={(e) => set('type', e.target.value)}>
                <option value="">{t('form.choose')}</option>
                {TYPES.map((x) => <option key={x} value={x}>{t(`si.type.${x}` as MessageId)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('sc.f.priority')} error={errors.priority}>
            {(p) => (
              <select {...p} value={form.priority} onChange={(e) => set('priority', e.target.value)}>
                {PRIORITIES.map((x) => <option key={x} value={x}>{t(`priority.${x}` as MessageId)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('panel.status')} error={errors.status}>
            {(p) => (
              <select {...p} value={form.status} onChange={(e) => set('status', e.target.value)}>
                {statuses.map((x) => <option key={x} value={x}>{t(`si.status.${x}` as MessageId)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('si.contactAt')} error={errors.contactAt} hint={<ChosenTime value={form.contactAt} />}>
            {(p) => <DateTimeField {...p} label={t('si.contactAt')} value={form.contactAt} onChange={(v) => set('contactAt', v)} />}
          </Field>
          <Field label={t('si.dueAt')} error={errors.dueAt} hint={<ChosenTime value={form.dueAt} />}>
            {(p) => <DateTimeField {...p} label={t('si.dueAt')} value={form.dueAt} onChange={(v) => set('dueAt', v)} />}
          </Field>
          <Field label={t('si.customer')} error={errors.customerId}>
            {(p) => (
              <select {...p} value={form.customerId} onChange={(e) => set('customerId', e.target.value)}>
                <option value="">{t('none')}</option>
                {(customers.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.name} ({u.email})</option>)}
              </select>
            )}
          </Field>
          <Field label={t('sc.f.assignee')} error={errors.assigneeId}>
            {(p) => (
              <select {...p} value={form.assigneeId} onChange={(e) => set('assigneeId', e.target.value)}>
                <option value="">{t('sc.unassigned')}</option>
                {(staff.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('sc.f.team')} error={errors.teamId}>
            {(p) => (
              <select {...p} value={form.teamId} onChange={(e) => set('teamId', e.target.value)}>
                <option value="">{t('none')}</option>
                {(teams.data ?? []).map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('sc.f.category')} error={errors.categoryId}>
            {(p) => (
              <select {...p} value={form.categoryId} onChange={(e) => set('categoryId', e.target.value)}>
                <option value="">{t('none')}</option>
                <TreeSelectOptions options={categories} />
              </select>
            )}
          </Field>
        </div>
        <fieldset>
          <legend>{t('sc.f.labels')}</legend>
          {(labels.data ?? []).length === 0 && <span className="muted small">{t('sc.noLabels')}</span>}
          {(labels.data ?? []).map((l) => (
            <label key={l.id} className="check">
              <input type="checkbox" checked={form.labelIds.includes(l.id)}
                onChange={(e) => set('labelIds', e.target.checked ? [...form.labelIds, l.id] : form.labelIds.filter((x) => x !== l.id))} />
              <LabelChip label={l} />
            </label>
          ))}
          {errors.labelIds && <span className="field-error">{errors.labelIds}</span>}
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={form.visibleToCustomer} onChange={(e) => set('visibleToCustomer', e.target.checked)} />
          {t('si.visible')}
        </label>
        <fieldset>
          <legend>{t('si.links')}</legend>
          {form.links.map((l, i) => (
            <div key={i} className="row link-row">
              <Labeled label={<>{t('si.link.kind')}</>}>
                <select value={l.kind} onChange={(e) => set('links', form.links.map((x, j) => (j === i ? { ...x, kind: e.target.value as LinkKind } : x)))}>
                  {(['DOCUMENT', 'TASK', 'KNOWLEDGE'] as const).map((k) => <option key={k} value={k}>{t(`si.link.${k}` as MessageId)}</option>)}
                </select>
              </Labeled>
              <Field label={t('si.link.refId')} error={errors[`links.${i}.refId`]} className="compact">
                {(p) => <input {...p} value={l.refId} onChange={(e) => set('links', form.links.map((x, j) => (j === i ? { ...x, refId: e.target.value } : x)))} />}
              </Field>
              <Field label={t('si.link.title')} error={errors[`links.${i}.title`]} className="compact">
                {(p) => <input {...p} value={l.title} onChange={(e) => set('links', form.links.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} />}
              </Field>
              <button type="button" className="btn small danger" onClick={() => set('links', form.links.filter((_, j) => j !== i))}>
                {t('si.link.remove', { n: i + 1 })}
              </button>
            </div>
          ))}
          <button type="button" className="btn small" onClick={() => set('links', [...form.links, { kind: 'DOCUMENT', refId: '', title: '' }])}>
            {t('si.link.add')}
          </button>
          {errors.links && <span className="field-error">{errors.links}</span>}
        </fieldset>
        {formError && <p role="alert" className="form-error">{formError}</p>}
        <div className="row">
          <button type="submit" className="btn primary" disabled={save.isPending}>{t(record ? 'save' : 'form.submit')}</button>
          {record ? (
            <button type="button" className="btn" onClick={onDone}>{t('cancel')}</button>
          ) : (
            <Link className="btn" to="/dashboard/support-info">{t('cancel')}</Link>
          )}
        </div>
      </form>
    </section>
  );
}

export { emptyRecordFilters };
