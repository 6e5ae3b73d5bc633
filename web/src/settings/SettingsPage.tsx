import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../api/http';
import type { PageOf } from '../api/types';
import { useDocumentTitle, useLang, useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages';
import { isoDateToInput } from '../lib/dateInput';
import { DateField } from '../lib/DateTimeField';
import { Shell } from '../Shell';
import { fieldErrors } from '../support/logic';
import {
  PRIORITIES, type AssignmentSettings, type BusinessHoursView, type CannedView, type SlaPolicyView, type TeamView,
  type UserView,
} from '../support/types';
import { ErrorLine, Field, LabelChip, useCategoryTree, useLabels, useTeams, useUsers, Labeled, LoadedFields, Num } from '../support/ui';
import { NotificationSettings } from './Notifications';
import { isColor, isValidTimeZone, LINK_KINDS, linkSettingsBody, type LinkSettings, validateSla, validateWeek, weekFromServer, weekToServer, WEEKDAYS, type DayHours } from './logic';

type Base = '/api/support-chat' | '/api/support-info';

const SECTIONS = ['users', 'teams', 'categories', 'labels', 'sla', 'hours', 'canned', 'assignment', 'widget', 'info', 'notifications', 'links'] as const;
type Section = (typeof SECTIONS)[number];

/** /dashboard/settings: the workspace's configuration, one section at a time (?section=). */
export default function SettingsPage() {
  const t = useT();
  useDocumentTitle(`${t('nav.settings')} · ${t('app.name')}`);
  const [search, setSearch] = useSearchParams();
  const current = (SECTIONS as readonly string[]).includes(search.get('section') ?? '') ? (search.get('section') as Section) : 'users';
  return (
    <Shell>
      <main id="main" className="settings-page">
        <nav className="settings-nav" aria-label={t('settings.sections')}>
          <h1>{t('nav.settings')}</h1>
          <ul className="plain-list">
            {SECTIONS.map((s) => (
              <li key={s}>
                <button type="button" className={`nav-btn ${s === current ? 'active' : ''}`} aria-current={s === current ? 'page' : undefined}
                  onClick={() => setSearch({ section: s }, { replace: true })}>
                  {t(`settings.${s}` as MessageId)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <section className="settings-body" aria-labelledby="settings-h">
          <h2 id="settings-h">{t(`settings.${current}` as MessageId)}</h2>
          {current === 'users' && <Users />}
          {current === 'teams' && <Teams />}
          {current === 'categories' && <Categories base="/api/support-chat" />}
          {current === 'labels' && <Labels base="/api/support-chat" />}
          {current === 'sla' && <SlaPolicies />}
          {current === 'hours' && <BusinessHours />}
          {current === 'canned' && <Canned />}
          {current === 'assignment' && <Assignment />}
          {current === 'widget' && <WidgetSettings />}
          {current === 'info' && <InfoSettings />}
          {current === 'links' && <CrmLinkSettings />}
          {current === 'notifications' && <NotificationSettings staff />}
        </section>
      </main>
    </Shell>
  );
}

/** A create/update mutation whose problem+json field errors land next to the fields. */
function useSave<T>(fn: (body: Record<string, unknown>) => Promise<T>, invalidate: QueryKey, onOk?: (v: T) => void) {
  const qc = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: fn,
    onSuccess: (v) => {
      setErrors({});
      setFormError(null);
      void qc.invalidateQueries({ queryKey: invalidate });
      onOk?.(v);
    },
    onError: (e) => {
      const fe = e instanceof ApiError ? fieldErrors(e.problem) : {};
      setErrors(fe);
      setFormError(Object.keys(fe).length ? null : (e as Error).message);
    },
  });
  return { ...m, errors, setErrors, formError, setFormError };
}

function FormError({ message }: { message: string | null }) {
  return message ? <p role="alert" className="form-error">{message}</p> : null;
}

function Saved({ show }: { show: boolean }) {
  const t = useT();
  return <span role="status" className="muted">{show ? t('settings.saved') : ''}</span>;
}

function DeleteButton({ label, url, invalidate }: { label: string; url: string; invalidate: QueryKey }) {
  const t = useT();
  const qc = useQueryClient();
  const del = useMutation({
    mutationFn: () => api(url, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: invalidate }),
  });
  return (
    <>
      <button type="button" className="btn small danger" disabled={del.isPending}
        onClick={() => { if (window.confirm(t('settings.deleteConfirm', { name: label }))) del.mutate(); }}>
        {t('settings.delete', { name: label })}
      </button>
      {del.isError && <span role="alert" className="field-error">{del.error.message}</span>}
    </>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="card">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

// ---- users
function Users() {
  const t = useT();
  const users = useUsers();
  const qc = useQueryClient();
  const [form, setForm] = useState({ name: '', email: '', password: '', role: 'USER' });
  const save = useSave((b) => api<UserView>('/api/workspace/users', { method: 'POST', body: b }), ['ws', 'users'],
    () => setForm({ name: '', email: '', password: '', role: 'USER' }));
  const change = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) => api(`/api/workspace/users/${id}`, { method: 'PATCH', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['ws', 'users'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!form.name.trim()) errs.name = t('form.required');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) errs.email = t('form.email');
    if (form.password.length < 8) errs.password = t('form.password');
    save.setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({ name: form.name.trim(), email: form.email.trim(), password: form.password, role: form.role });
  };
  return (
    <>
      <Card title={t('settings.users.invite')}>
        <form onSubmit={submit} noValidate className="form-grid">
          <Field label={t('sc.name')} error={save.errors.name}>{(p) => <input {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
          <Field label={t('login.email')} error={save.errors.email}>{(p) => <input {...p} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}</Field>
          <Field label={t('settings.users.password')} error={save.errors.password}>{(p) => <input {...p} type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />}</Field>
          <Field label={t('settings.users.role')} error={save.errors.role}>
            {(p) => (
              <select {...p} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
                <option value="USER">{t('role.USER')}</option>
                <option value="ADMIN">{t('role.ADMIN')}</option>
              </select>
            )}
          </Field>
          <FormError message={save.formError} />
          <div><button type="submit" className="btn primary" disabled={save.isPending}>{t('settings.users.add')}</button> <Saved show={save.isSuccess} /></div>
        </form>
      </Card>
      <ErrorLine error={users.error} />
      {change.isError && <p role="alert" className="form-error">{change.error.message}</p>}
      <div className="table-wrap">
        <table className="tickets">
          <thead><tr><th scope="col">{t('sc.name')}</th><th scope="col">{t('login.email')}</th><th scope="col">{t('settings.users.role')}</th><th scope="col">{t('settings.users.active')}</th></tr></thead>
          <tbody>
            {(users.data ?? []).map((u) => (
              <tr key={u.id}>
                <td><bdi>{u.name}</bdi></td>
                <td><bdi>{u.email}</bdi></td>
                <td>
                  <select aria-label={t('settings.users.roleOf', { name: u.name })} value={u.role}
                    onChange={(e) => change.mutate({ id: u.id, body: { role: e.target.value } })}>
                    <option value="USER">{t('role.USER')}</option>
                    <option value="ADMIN">{t('role.ADMIN')}</option>
                  </select>
                </td>
                <td>
                  <label className="check">
                    <input type="checkbox" checked={u.active} onChange={(e) => change.mutate({ id: u.id, body: { active: e.target.checked } })} />
                    <span className="visually-hidden">{t('settings.users.activeOf', { name: u.name })}</span>
                    <span aria-hidden="true">{t(u.active ? 'settings.users.isActive' : 'settings.users.deactivated')}</span>
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

// ---- teams
function Teams() {
  const t = useT();
  const teams = useTeams();
  const users = useUsers();
  const qc = useQueryClient();
  const staff = (users.data ?? []).filter((u) => u.role === 'ADMIN');
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const save = useSave((b) => api<TeamView>('/api/workspace/teams', { method: 'POST', body: b }), ['ws', 'teams'], () => { setName(''); setMembers([]); });
  const member = useMutation({
    mutationFn: ({ team, user, add }: { team: string; user: string; add: boolean }) =>
      api(`/api/workspace/teams/${team}/members/${user}`, { method: add ? 'PUT' : 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['ws', 'teams'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return save.setErrors({ name: t('form.required') });
    save.mutate({ name: name.trim(), memberIds: members });
  };
  return (
    <>
      <Card title={t('settings.teams.new')}>
        <form onSubmit={submit} noValidate>
          <Field label={t('settings.teams.name')} error={save.errors.name}>{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
          <fieldset>
            <legend>{t('settings.teams.members')}</legend>
            {staff.map((u) => (
              <label key={u.id} className="check">
                <input type="checkbox" checked={members.includes(u.id)} onChange={(e) => setMembers(e.target.checked ? [...members, u.id] : members.filter((x) => x !== u.id))} />
                <bdi>{u.name}</bdi>
              </label>
            ))}
          </fieldset>
          <FormError message={save.formError} />
          <button type="submit" className="btn primary" disabled={save.isPending}>{t('settings.create')}</button>
        </form>
      </Card>
      {member.isError && <p role="alert" className="form-error">{member.error.message}</p>}
      {(teams.data ?? []).map((team) => (
        <Card key={team.id} title={team.name}>
          {staff.map((u) => (
            <label key={u.id} className="check">
              <input type="checkbox" checked={team.memberIds.includes(u.id)}
                onChange={(e) => member.mutate({ team: team.id, user: u.id, add: e.target.checked })} />
              <span className="visually-hidden">{t('settings.teams.memberOf', { name: u.name, team: team.name })}</span>
              <bdi aria-hidden="true">{u.name}</bdi>
            </label>
          ))}
        </Card>
      ))}
    </>
  );
}

// ---- categories (a tree) for tickets or for support info
function Categories({ base }: { base: Base }) {
  const t = useT();
  const tree = useCategoryTree(base);
  const key = [base, 'categories'];
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string; parentId: string } | null>(null);
  const create = useSave((b) => api(`${base}/categories`, { method: 'POST', body: b }), key, () => setName(''));
  const update = useSave((b) => api(`${base}/categories/${editing!.id}`, { method: 'PATCH', body: b }), key, () => setEditing(null));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return create.setErrors({ name: t('form.required') });
    if (name.trim().length > 200) return create.setErrors({ name: t('form.tooLong', { max: 200 }) });
    create.mutate({ name: name.trim(), parentId: parentId || null });
  };
  const submitEdit = (e: FormEvent) => {
    e.preventDefault();
    if (!editing!.name.trim()) return update.setErrors({ name: t('form.required') });
    update.mutate({ name: editing!.name.trim(), parentId: editing!.parentId || null });
  };
  return (
    <>
      <Card title={t('settings.categories.new')}>
        <form onSubmit={submit} noValidate className="form-grid">
          <Field label={t('settings.categories.name')} error={create.errors.name}>{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
          <Field label={t('settings.categories.parent')} error={create.errors.parentId}>
            {(p) => (
              <select {...p} value={parentId} onChange={(e) => setParentId(e.target.value)}>
                <option value="">{t('settings.categories.top')}</option>
                {(tree ?? []).map((c) => <option key={c.id} value={c.id}>{c.path}</option>)}
              </select>
            )}
          </Field>
          <FormError message={create.formError} />
          <div><button type="submit" className="btn primary" disabled={create.isPending}>{t('settings.create')}</button></div>
        </form>
      </Card>
      {tree && tree.length === 0 && <p className="muted">{t('settings.empty')}</p>}
      <ul className="tree-list">
        {(tree ?? []).map((c) => (
          <li key={c.id} style={{ paddingInlineStart: `${c.depth * 24}px` }}>
            {editing?.id === c.id ? (
              <form onSubmit={submitEdit} className="row" noValidate>
                <Field label={t('settings.categories.name')} error={update.errors.name} className="compact">
                  {(p) => <input {...p} value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />}
                </Field>
                <Field label={t('settings.categories.parent')} error={update.errors.parentId} className="compact">
                  {(p) => (
                    <select {...p} value={editing.parentId} onChange={(e) => setEditing({ ...editing, parentId: e.target.value })}>
                      <option value="">{t('settings.categories.top')}</option>
                      {(tree ?? []).filter((o) => o.id !== c.id).map((o) => <option key={o.id} value={o.id}>{o.path}</option>)}
                    </select>
                  )}
                </Field>
                <button type="submit" className="btn small primary">{t('save')}</button>
                <button type="button" className="btn small" onClick={() => setEditing(null)}>{t('cancel')}</button>
                <FormError message={update.formError} />
              </form>
            ) : (
              <div className="row">
                <bdi>{c.name}</bdi>
                <button type="button" className="btn small" onClick={() => {
                  update.setErrors({});
                  update.setFormError(null);
                  setEditing({ id: c.id, name: c.name, parentId: c.parentId ?? '' });
                }}>
                  {t('settings.edit', { name: c.name })}
                </button>
                <DeleteButton label={c.name} url={`${base}/categories/${c.id}`} invalidate={key} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function Labels({ base }: { base: Base }) {
  const t = useT();
  const labels = useLabels(base);
  const key = [base, 'labels'];
  const [name, setName] = useState('');
  const [color, setColor] = useState('#1e88e5');
  const create = useSave((b) => api(`${base}/labels`, { method: 'POST', body: b }), key, () => setName(''));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!name.trim()) errs.name = t('form.required');
    if (!isColor(color)) errs.color = t('form.color');
    create.setErrors(errs);
    if (Object.keys(errs).length) return;
    create.mutate({ name: name.trim(), color });
  };
  return (
    <>
      <Card title={t('settings.labels.new')}>
        <form onSubmit={submit} noValidate className="form-grid">
          <Field label={t('settings.labels.name')} error={create.errors.name}>{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
          <Field label={t('settings.labels.color')} error={create.errors.color}>{(p) => <input {...p} type="color" value={color} onChange={(e) => setColor(e.target.value)} />}</Field>
          <FormError message={create.formError} />
          <div><button type="submit" className="btn primary" disabled={create.isPending}>{t('settings.create')}</button></div>
        </form>
      </Card>
      {labels.data && labels.data.length === 0 && <p className="muted">{t('settings.empty')}</p>}
      <ul className="plain-list">
        {(labels.data ?? []).map((l) => (
          <li key={l.id} className="row">
            <LabelChip label={l} /> <span className="muted small">{l.color}</span>
            <DeleteButton label={l.name} url={`${base}/labels/${l.id}`} invalidate={key} />
          </li>
        ))}
      </ul>
    </>
  );
}

// ---- SLA
function SlaPolicies() {
  const t = useT();
  const key = ['/api/support-chat', 'sla'];
  const policies = useQuery({ queryKey: key, queryFn: () => api<SlaPolicyView[]>('/api/support-chat/sla-policies') });
  const empty = { id: '', name: '', priority: 'MEDIUM', first: '', next: '', resolution: '' };
  const [f, setF] = useState(empty);
  const save = useSave((b) => (f.id
    ? api(`/api/support-chat/sla-policies/${f.id}`, { method: 'PUT', body: b })
    : api('/api/support-chat/sla-policies', { method: 'POST', body: b })), key, () => setF(empty));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = validateSla(f, { required: t('form.required'), positive: t('form.positive') });
    save.setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({
      name: f.name.trim(), priority: f.priority, firstResponseMinutes: Number(f.first),
      nextResponseMinutes: f.next ? Number(f.next) : null, resolutionMinutes: Number(f.resolution),
    });
  };
  return (
    <>
      <p className="muted">{t('settings.sla.hint')}</p>
      <Card title={t(f.id ? 'settings.sla.edit' : 'settings.sla.new')}>
        <form onSubmit={submit} noValidate className="form-grid">
          <Field label={t('settings.sla.name')} error={save.errors.name}>{(p) => <input {...p} value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} />}</Field>
          <Field label={t('sc.f.priority')} error={save.errors.priority}>
            {(p) => (
              <select {...p} value={f.priority} onChange={(e) => setF({ ...f, priority: e.target.value })}>
                {PRIORITIES.map((x) => <option key={x} value={x}>{t(`priority.${x}` as MessageId)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('settings.sla.first')} error={save.errors.firstResponseMinutes}>{(p) => <input {...p} inputMode="numeric" value={f.first} onChange={(e) => setF({ ...f, first: e.target.value })} />}</Field>
          <Field label={t('settings.sla.next')} error={save.errors.nextResponseMinutes}>{(p) => <input {...p} inputMode="numeric" value={f.next} onChange={(e) => setF({ ...f, next: e.target.value })} />}</Field>
          <Field label={t('settings.sla.resolution')} error={save.errors.resolutionMinutes}>{(p) => <input {...p} inputMode="numeric" value={f.resolution} onChange={(e) => setF({ ...f, resolution: e.target.value })} />}</Field>
          <FormError message={save.formError} />
          <div>
            <button type="submit" className="btn primary" disabled={save.isPending}>{t(f.id ? 'save' : 'settings.create')}</button>{' '}
            {f.id && <button type="button" className="btn" onClick={() => { setF(empty); save.setErrors({}); }}>{t('cancel')}</button>}
          </div>
        </form>
      </Card>
      <ErrorLine error={policies.error} />
      <div className="table-wrap">
        <table className="tickets">
          <thead><tr><th scope="col">{t('settings.sla.name')}</th><th scope="col">{t('sc.f.priority')}</th><th scope="col">{t('settings.sla.first')}</th><th scope="col">{t('settings.sla.next')}</th><th scope="col">{t('settings.sla.resolution')}</th><th scope="col"><span className="visually-hidden">{t('settings.actions')}</span></th></tr></thead>
          <tbody>
            {(policies.data ?? []).map((p) => (
              <tr key={p.id}>
                <td><bdi>{p.name}</bdi></td>
                <td>{t(`priority.${p.priority}` as MessageId)}</td>
                <td><Num n={p.firstResponseMinutes} /></td>
                <td>{p.nextResponseMinutes ? <Num n={p.nextResponseMinutes} /> : '—'}</td>
                <td><Num n={p.resolutionMinutes} /></td>
                <td>
                  <button type="button" className="btn small" onClick={() => setF({ id: p.id, name: p.name, priority: p.priority,
                    first: String(p.firstResponseMinutes), next: p.nextResponseMinutes ? String(p.nextResponseMinutes) : '',
                    resolution: String(p.resolutionMinutes) })}>
                    {t('settings.edit', { name: p.name })}
                  </button>{' '}
                  <DeleteButton label={p.name} url={`/api/support-chat/sla-policies/${p.id}`} invalidate={key} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function BusinessHours() {
  const t = useT();
  const { lang } = useLang();
  const key = ['/api/support-chat', 'hours'];
  const hours = useQuery({ queryKey: key, queryFn: () => api<BusinessHoursView>('/api/support-chat/business-hours') });
  const [tz, setTz] = useState('');
  const [week, setWeek] = useState<Record<string, DayHours>>(weekFromServer({}));
  const [holidays, setHolidays] = useState<string[]>([]);
  const [newHoliday, setNewHoliday] = useState('');
  useEffect(() => {
    if (!hours.data) return;
    setTz(hours.data.timeZone);
    setWeek(weekFromServer(hours.data.days));
    setHolidays(hours.data.holidays ?? []);
  }, [hours.data]);
  const save = useSave((b) => api('/api/support-chat/business-hours', { method: 'PUT', body: b }), key);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = validateWeek(week, { badTime: t('form.badTime'), endBeforeStart: t('form.endBeforeStart') });
    if (!isValidTimeZone(tz)) errs.timeZone = t('settings.hours.badZone');
    save.setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({ timeZone: tz, days: weekToServer(week), holidays });
  };
  if (hours.isPending) return <p role="status">{t('loading')}</p>;
  return (
    <form onSubmit={submit} noValidate>
      <ErrorLine error={hours.error} />
      <Field label={t('settings.hours.zone')} error={save.errors.timeZone} hint={t('settings.hours.zoneHint')}>
        {(p) => <input {...p} value={tz} onChange={(e) => setTz(e.target.value)} dir="ltr" />}
      </Field>
      <fieldset>
        <legend>{t('settings.hours.week')}</legend>
        {WEEKDAYS.map((d) => {
          const day = week[d];
          const dayName = t(`day.${d}` as MessageId);
          return (
            <div key={d} className="row day-row">
              <label className="check day-name">
                <input type="checkbox" checked={day.open} onChange={(e) => setWeek({ ...week, [d]: { ...day, open: e.target.checked } })} />
                {dayName}
              </label>
              <span className="field compact">
                <input type="time" disabled={!day.open} value={day.start} aria-invalid={save.errors[d] ? true : undefined}
                  aria-label={t('settings.hours.start', { day: dayName })}
                  onChange={(e) => setWeek({ ...week, [d]: { ...day, start: e.target.value } })} />
              </span>
              <span aria-hidden="true">–</span>
              <span className="field compact">
                <input type="time" disabled={!day.open} value={day.end} aria-invalid={save.errors[d] ? true : undefined}
                  aria-label={t('settings.hours.end', { day: dayName })}
                  onChange={(e) => setWeek({ ...week, [d]: { ...day, end: e.target.value } })} />
              </span>
              {save.errors[d] && <span className="field-error">{save.errors[d]}</span>}
            </div>
          );
        })}
        {save.errors.days && <span className="field-error">{save.errors.days}</span>}
      </fieldset>
      <fieldset>
        <legend>{t('settings.hours.holidays')}</legend>
        <ul className="plain-list">
          {holidays.map((h) => (
            <li key={h} className="row">
              <time dateTime={h}>{new Intl.DateTimeFormat(lang === 'fa' ? 'fa-IR-u-ca-persian' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${h}T00:00:00Z`))}</time>
              <button type="button" className="btn small danger" onClick={() => setHolidays(holidays.filter((x) => x !== h))}>
                {t('settings.hours.removeHoliday', { date: isoDateToInput(h, lang) })}
              </button>
            </li>
          ))}
        </ul>
        <div className="row">
          <Labeled label={<>{t('settings.hours.holiday')}</>}>
            <DateField label={t('settings.hours.holiday')} value={newHoliday} onChange={setNewHoliday} />
          </Labeled>
          <button type="button" className="btn small" disabled={!newHoliday}
            onClick={() => { if (!holidays.includes(newHoliday)) setHolidays([...holidays, newHoliday].sort()); setNewHoliday(''); }}>
            {t('settings.hours.addHoliday')}
          </button>
        </div>
        {save.errors.holidays && <span className="field-error">{save.errors.holidays}</span>}
      </fieldset>
      <FormError message={save.formError} />
      <button type="submit" className="btn primary" disabled={save.isPending}>{t('save')}</button> <Saved show={save.isSuccess} />
    </form>
  );
}

// ---- canned responses
function Canned() {
  const t = useT();
  const key = ['/api/support-chat', 'canned'];
  const list = useQuery({ queryKey: key, queryFn: () => api<CannedView[]>('/api/support-chat/canned-responses') });
  const empty = { id: '', shortCode: '', title: '', body: '' };
  const [f, setF] = useState(empty);
  const save = useSave((b) => (f.id
    ? api(`/api/support-chat/canned-responses/${f.id}`, { method: 'PUT', body: b })
    : api('/api/support-chat/canned-responses', { method: 'POST', body: b })), key, () => setF(empty));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!/^[\p{L}\p{N}_-]{1,50}$/u.test(f.shortCode)) errs.shortCode = t('settings.canned.badCode');
    if (!f.title.trim()) errs.title = t('form.required');
    if (!f.body.trim()) errs.body = t('form.required');
    save.setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({ shortCode: f.shortCode, title: f.title.trim(), body: f.body });
  };
  return (
    <>
      <Card title={t(f.id ? 'settings.canned.edit' : 'settings.canned.new')}>
        <form onSubmit={submit} noValidate>
          <div className="form-grid">
            <Field label={t('settings.canned.code')} error={save.errors.shortCode} hint={t('settings.canned.codeHint')}>{(p) => <input {...p} dir="auto" value={f.shortCode} onChange={(e) => setF({ ...f, shortCode: e.target.value })} />}</Field>
            <Field label={t('settings.canned.title')} error={save.errors.title}>{(p) => <input {...p} value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} />}</Field>
          </div>
          <Field label={t('settings.canned.body')} error={save.errors.body}>{(p) => <textarea {...p} rows={3} value={f.body} onChange={(e) => setF({ ...f, body: e.target.value })} />}</Field>
          <FormError message={save.formError} />
          <button type="submit" className="btn primary" disabled={save.isPending}>{t(f.id ? 'save' : 'settings.create')}</button>
          {f.id && <button type="button" className="btn" onClick={() => setF(empty)}>{t('cancel')}</button>}
        </form>
      </Card>
      <ul className="plain-list">
        {(list.data ?? []).map((c) => (
          <li key={c.id} className="card">
            <div className="row">
              <span className="strong">/{c.shortCode}</span> <bdi>{c.title}</bdi>
              <span className="grow" />
              <button type="button" className="btn small" onClick={() => setF({ ...c })}>{t('settings.edit', { name: c.shortCode })}</button>
              <DeleteButton label={c.shortCode} url={`/api/support-chat/canned-responses/${c.id}`} invalidate={key} />
            </div>
            <p className="msg-body muted"><bdi>{c.body}</bdi></p>
          </li>
        ))}
      </ul>
    </>
  );
}

function Assignment() {
  const t = useT();
  const key = ['/api/support-chat', 'assignment'];
  const q = useQuery({ queryKey: key, queryFn: () => api<AssignmentSettings>('/api/support-chat/assignment-settings') });
  const [auto, setAuto] = useState(false);
  const [cap, setCap] = useState('10');
  useEffect(() => {
    if (q.data) {
      setAuto(q.data.autoAssign);
      setCap(String(q.data.agentCapacity));
    }
  }, [q.data]);
  const save = useSave((b) => api('/api/support-chat/assignment-settings', { method: 'PUT', body: b }), key);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(cap);
    if (!/^\d+$/.test(cap) || n < 1 || n > 1000) return save.setErrors({ agentCapacity: t('settings.assign.badCapacity') });
    save.setErrors({});
    save.mutate({ autoAssign: auto, agentCapacity: n });
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorLine error={q.error} />
      <p className="muted">{t('settings.assign.hint')}</p>
      <LoadedFields loaded={!!q.data}>
        <label className="check">
          <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} />
          {t('settings.assign.auto')}
        </label>
        <Field label={t('settings.assign.capacity')} error={save.errors.agentCapacity}>
          {(p) => <input {...p} inputMode="numeric" value={cap} onChange={(e) => setCap(e.target.value)} />}
        </Field>
        <FormError message={save.formError} />
        <button type="submit" className="btn primary" disabled={save.isPending}>{t('save')}</button> <Saved show={save.isSuccess} />
      </LoadedFields>
    </form>
  );
}

interface WidgetSettingsView {
  secret: string | null;
  secretHint: string | null;
  enforceVerification: boolean;
  allowedOrigins: string[];
  color: string | null;
  greeting: { fa?: string | null; en?: string | null } | null;
  language: string | null;
}

/** The guest widget (docs/widget.md): who may embed it, its look, and identity verification. */
function WidgetSettings() {
  const t = useT();
  const key = ['/api/support-chat', 'widget'];
  const q = useQuery({ queryKey: key, queryFn: () => api<WidgetSettingsView>('/api/support-chat/widget-settings') });
  const [origins, setOrigins] = useState('');
  const [color, setColor] = useState('#0f766e');
  const [greetingFa, setGreetingFa] = useState('');
  const [greetingEn, setGreetingEn] = useState('');
  const [language, setLanguage] = useState('auto');
  const [enforce, setEnforce] = useState(false);
  // the secret is shown once: only the answer to the PUT that made it carries it
  const [newSecret, setNewSecret] = useState<string | null>(null);
  useEffect(() => {
    if (q.data) {
      setOrigins(q.data.allowedOrigins.join('\n'));
      setColor(q.data.color ?? '#0f766e');
      setGreetingFa(q.data.greeting?.fa ?? '');
      setGreetingEn(q.data.greeting?.en ?? '');
      setLanguage(q.data.language ?? 'auto');
      setEnforce(q.data.enforceVerification);
    }
  }, [q.data]);
  const save = useSave((b) => api<WidgetSettingsView>('/api/support-chat/widget-settings', { method: 'PUT', body: b }), key,
    (v) => { if (v.secret) setNewSecret(v.secret); });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const allowedOrigins = origins.split(/\s+/).filter(Boolean);
    if (!isColor(color)) return save.setErrors({ color: t('settings.widget.badColor') });
    save.setErrors({});
    save.mutate({ allowedOrigins, color, greeting: { fa: greetingFa, en: greetingEn }, language, enforceVerification: enforce });
  };
  // the server names a bad origin by its place in the list (allowedOrigins[2]); all of them belong to the one box
  const originError = Object.entries(save.errors).filter(([k]) => k.startsWith('allowedOrigins')).map(([, v]) => v).join(' ');
  return (
    <>
      <form onSubmit={submit} noValidate>
        <ErrorLine error={q.error} />
        <p className="muted">{t('settings.widget.hint')}</p>
        <LoadedFields loaded={!!q.data}>
          <Field label={t('settings.widget.origins')} error={originError || undefined}>
            {(p) => <textarea {...p} rows={4} dir="ltr" value={origins} onChange={(e) => setOrigins(e.target.value)} />}
          </Field>
          <Field label={t('settings.widget.color')} error={save.errors.color}>
            {(p) => <input {...p} type="color" value={color} onChange={(e) => setColor(e.target.value)} />}
          </Field>
          <Field label={t('settings.widget.greetingFa')} error={save.errors['greeting.fa']}>
            {(p) => <input {...p} dir="rtl" value={greetingFa} onChange={(e) => setGreetingFa(e.target.value)} />}
          </Field>
          <Field label={t('settings.widget.greetingEn')} error={save.errors['greeting.en']}>
            {(p) => <input {...p} dir="ltr" value={greetingEn} onChange={(e) => setGreetingEn(e.target.value)} />}
          </Field>
          <Field label={t('settings.widget.language')} error={save.errors.language}>
            {(p) => (
              <select {...p} value={language} onChange={(e) => setLanguage(e.target.value)}>
                <option value="auto">{t('settings.widget.auto')}</option>
                <option value="fa" lang="fa">{t('lang.fa')}</option>
                <option value="en" lang="en">{t('lang.en')}</option>
              </select>
            )}
          </Field>
          <label className="check">
            <input type="checkbox" checked={enforce} onChange={(e) => setEnforce(e.target.checked)} />
            {t('settings.widget.enforce')}
          </label>
          <FormError message={save.formError} />
          <button type="submit" className="btn primary" disabled={save.isPending}>{t('save')}</button> <Saved show={save.isSuccess} />
        </LoadedFields>
      </form>
      <Card title={t('settings.widget.secret')}>
        <p className="muted">{q.data?.secretHint ? t('settings.widget.secretHint', { hint: q.data.secretHint }) : t('settings.widget.noSecret')}</p>
        {newSecret && (
          <p role="status">
            {t('settings.widget.newSecret')} <code dir="ltr">{newSecret}</code>
          </p>
        )}
        <button type="button" className="btn" disabled={save.isPending}
          onClick={() => { if (window.confirm(t('settings.widget.regenerateConfirm'))) save.mutate({ regenerateSecret: true }); }}>
          {t('settings.widget.regenerate')}
        </button>
      </Card>
    </>
  );
}

function InfoSettings() {
  const t = useT();
  const key = ['/api/support-info', 'settings'];
  const q = useQuery({ queryKey: key, queryFn: () => api<{ recordResolvedTickets: boolean }>('/api/support-info/settings') });
  const save = useSave((b) => api('/api/support-info/settings', { method: 'PUT', body: b }), key);
  return (
    <>
      <Card title={t('settings.info.recording')}>
        <ErrorLine error={q.error} />
        {q.data && (
          <label className="check">
            <input type="checkbox" checked={q.data.recordResolvedTickets} disabled={save.isPending}
              onChange={(e) => save.mutate({ recordResolvedTickets: e.target.checked })} />
            {t('settings.info.recordResolved')}
          </label>
        )}
        <FormError message={save.formError} />
      </Card>
      <h3>{t('settings.info.categories')}</h3>
      <Categories base="/api/support-info" />
      <h3>{t('settings.info.labels')}</h3>
      <Labels base="/api/support-info" />
    </>
  );
}

/** The workspace's CRM link addresses and lookup (gateway, /api/workspace/links; ADMINs only). */
function CrmLinkSettings() {
  const t = useT();
  const key = ['/api/workspace/links'];
  const q = useQuery({ queryKey: key, queryFn: () => api<LinkSettings>('/api/workspace/links') });
  const save = useSave((b) => api('/api/workspace/links', { method: 'PUT', body: b }), key);
  const [templates, setTemplates] = useState<Record<string, string>>({});
  const [lookup, setLookup] = useState('');
  useEffect(() => {
    if (q.data) {
      setTemplates({ ...q.data.templates });
      setLookup(q.data.lookupUrl ?? '');
    }
  }, [q.data]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ ...linkSettingsBody(templates, lookup) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorLine error={q.error} />
      <p className="muted">{t('settings.links.hint')}</p>
      <LoadedFields loaded={!!q.data}>
        {LINK_KINDS.map((kind) => (
          <Field key={kind} label={t(`settings.links.template.${kind}` as MessageId)} error={save.errors[kind]}>
            {(p) => <input {...p} type="url" dir="ltr" placeholder={`https://crm.example.com/${kind.toLowerCase()}s/{refId}`}
              value={templates[kind] ?? ''} onChange={(e) => setTemplates({ ...templates, [kind]: e.target.value })} />}
          </Field>
        ))}
        <Field label={t('settings.links.lookup')} error={save.errors.lookupUrl}>
          {(p) => <input {...p} type="url" dir="ltr" value={lookup} onChange={(e) => setLookup(e.target.value)} />}
        </Field>
        <p className="muted">{t('settings.links.lookupHint')}</p>
        <FormError message={save.formError} />
        <button type="submit" className="btn primary" disabled={save.isPending}>{t('save')}</button> <Saved show={save.isSuccess} />
      </LoadedFields>
    </form>
  );
}

export type { PageOf };
