import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useIntl } from 'react-intl';
import { api, ApiError } from '../api/http';
import type { PageOf } from '../api/types';
import { useMe } from '../auth/auth';
import { Time } from '../chat/Time';
import { useDocumentTitle, useLang, useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages';
import { formatDateTime } from '../lib/dates';
import { inputToInstant, instantToInput } from '../lib/dateInput';
import { DateTimeField } from '../lib/DateTimeField';
import { allowedMoves } from './logic';
import { sc, type SupportLive } from './live';
import { TicketConversation } from './Conversation';
import { TicketDiscussion } from './TicketDiscussion';
import { MergeBanner, MergeGuest, MergeTickets } from './Merge';
import { PRIORITIES, type GuestView, type HistoryView, type TicketView } from './types';
import {
  Duration, ErrorLine, LabelChip, PriorityPill, SlaBadgeView, StatusPill, statusKey, TreeSelectOptions, useCategoryTree,
  useLabels, useNow, useStaff, useTeams, useUsers, Labeled,
} from './ui';

export function useTicket(id: string) {
  return useQuery({ queryKey: sc.ticket(id), queryFn: () => api<TicketView>(`/api/support-chat/${id}`) });
}

export function Stars({ score }: { score: number }) {
  const t = useT();
  return (
    <span className="stars" role="img" aria-label={t('rating.score', { score })}>
      {'★'.repeat(score)}
      <span className="muted">{'☆'.repeat(5 - score)}</span>
    </span>
  );
}

/** Staff: one ticket — conversation, notes, properties, SLA, requester, rating, history. */
export function StaffTicketPage({ id, live }: { id: string; live: SupportLive }) {
  const t = useT();
  const me = useMe();
  const ticket = useTicket(id);
  const users = useUsers();
  useDocumentTitle(`${ticket.data ? `${ticket.data.number} · ` : ''}${t('nav.supportChat')} · ${t('app.name')}`);
  const nameOf = (uid: string) => users.data?.find((u) => u.id === uid)?.name;
  if (ticket.isPending) return <p role="status" className="pad">{t('loading')}</p>;
  if (ticket.isError) {
    return (
      <div className="pad">
        <ErrorLine error={ticket.error} retry={() => void ticket.refetch()} />
        <Link to="/dashboard/support-chat">{t('sc.backToList')}</Link>
      </div>
    );
  }
  const tk = ticket.data;
  return (
    <div className="ticket-page">
      <header className="ticket-head">
        <Link to="/dashboard/support-chat" className="back">{t('sc.backToList')}</Link>
        <h1>
          <bdi className="ticket-no">{tk.number}</bdi> <bdi>{tk.subject}</bdi>
        </h1>
        <div className="row">
          <StatusPill status={tk.status} staff />
          <PriorityPill priority={tk.priority} />
          {tk.awaitingAssignment && <span className="sla sla-at-risk">{t('sc.awaitingAssignment')}</span>}
          <MergeTickets ticket={tk} />
        </div>
        <MergeBanner ticket={tk} base="/dashboard/support-chat" />
      </header>
      <div className="ticket-body">
        <TicketConversation ticket={tk} live={live} staff meId={me.data?.id ?? ''} nameOf={nameOf} />
        <aside className="ticket-side" aria-label={t('sc.details')}>
          <TicketProperties ticket={tk} />
          <SlaTimers ticket={tk} />
          <RequesterDetails ticket={tk} />
          <TicketDiscussion ticketId={tk.id} />
          {tk.rating && (
            <section className="side-box" aria-labelledby={`rating-${tk.id}`}>
              <h2 id={`rating-${tk.id}`}>{t('rating.title')}</h2>
              <Stars score={tk.rating.score} />
              {tk.rating.comment && <p><bdi>{tk.rating.comment}</bdi></p>}
            </section>
          )}
          <TicketRecord id={tk.id} />
          <HistoryTimeline id={tk.id} nameOf={nameOf} />
        </aside>
      </div>
    </div>
  );
}

/** The support record made from this ticket (support-info records resolved tickets), when there is one. */
function TicketRecord({ id }: { id: string }) {
  const t = useT();
  const rec = useQuery({
    queryKey: ['si', 'by-ticket', id],
    queryFn: () => api<PageOf<{ id: string; title: string }>>(`/api/support-info?ticketId=${id}&limit=1&page=1`),
  });
  const r = rec.data?.data[0];
  if (!r) return null;
  return (
    <section className="side-box">
      <h2>{t('si.title')}</h2>
      <Link to={`/dashboard/support-info/${r.id}`}><bdi>{r.title}</bdi></Link>
    </section>
  );
}

function usePatch(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api<TicketView>(`/api/support-chat/${id}`, { method: 'PATCH', body }),
    onSuccess: (tk) => {
      qc.setQueryData(sc.ticket(id), tk);
      void qc.invalidateQueries({ queryKey: sc.history(id) });
      void qc.invalidateQueries({ queryKey: sc.lists });
    },
  });
}

function TicketProperties({ ticket }: { ticket: TicketView }) {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const patch = usePatch(ticket.id);
  const staff = useStaff();
  const teams = useTeams();
  const categories = useCategoryTree('/api/support-chat');
  const labels = useLabels('/api/support-chat');
  const [field, setField] = useState<string | null>(null);
  const [due, setDue] = useState(() => instantToInput(ticket.dueAt, lang));
  const [dueBad, setDueBad] = useState(false);
  // the saved due date changed (here or by someone else): show it (the field itself follows a change of language)
  useEffect(() => setDue(instantToInput(ticket.dueAt, lang)), [ticket.dueAt]); // eslint-disable-line react-hooks/exhaustive-deps
  const moves = allowedMoves(ticket.status, 'ADMIN');
  const set = (name: string, value: unknown) => {
    setField(name);
    patch.mutate({ [name]: value });
  };
  const err = (name: string) =>
    patch.isError && field === name ? (
      <p role="alert" className="field-error">
        {patch.error instanceof ApiError && patch.error.status === 409 ? t('sc.conflict', { message: patch.error.message }) : patch.error.message}
      </p>
    ) : null;
  const labelIds = (ticket.labels ?? []).map((l) => l.id);
  const dueIso = inputToInstant(due, lang);

  return (
    <section className="side-box" aria-labelledby="props-h">
      <h2 id="props-h">{t('sc.properties')}</h2>
      <Labeled label={<>{t('panel.status')}</>}>
        <select value={ticket.status} aria-label={t('panel.status')} onChange={(e) => set('status', e.target.value)} disabled={patch.isPending}>
          <option value={ticket.status}>{t(statusKey(ticket.status, true))}</option>
          {moves.map((s) => <option key={s} value={s}>{t(statusKey(s, true))}</option>)}
        </select>
      </Labeled>
      {err('status')}
      <Labeled label={<>{t('sc.f.assignee')}</>}>
        <select value={ticket.assigneeId ?? ''} aria-label={t('sc.f.assignee')} onChange={(e) => set('assigneeId', e.target.value || null)}>
          <option value="">{t('sc.unassigned')}</option>
          {ticket.assignee && !staff.data?.some((u) => u.id === ticket.assigneeId) && (
            <option value={ticket.assignee.id}>{ticket.assignee.name}</option>
          )}
          {(staff.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
      </Labeled>
      {ticket.assigneeId !== me.data?.id && (
        <button type="button" className="btn small" onClick={() => set('assigneeId', me.data?.id)}>
          {t('sc.assignToMe')}
        </button>
      )}
      {err('assigneeId')}
      <Labeled label={<>{t('sc.f.team')}</>}>
        <select value={ticket.teamId ?? ''} onChange={(e) => set('teamId', e.target.value || null)}>
          <option value="">{t('none')}</option>
          {(teams.data ?? []).map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
        </select>
      </Labeled>
      {err('teamId')}
      <Labeled label={<>{t('sc.f.priority')}</>}>
        <select value={ticket.priority} onChange={(e) => set('priority', e.target.value)}>
          {PRIORITIES.map((p) => <option key={p} value={p}>{t(`priority.${p}` as MessageId)}</option>)}
        </select>
      </Labeled>
      {err('priority')}
      <Labeled label={<>{t('sc.f.category')}</>}>
        <select value={ticket.categoryId ?? ''} onChange={(e) => set('categoryId', e.target.value || null)}>
          <option value="">{t('none')}</option>
          <TreeSelectOptions options={categories} />
        </select>
      </Labeled>
      {err('categoryId')}
      <fieldset className="labels-box">
        <legend>{t('sc.f.labels')}</legend>
        {(labels.data ?? []).length === 0 && <span className="muted small">{t('sc.noLabels')}</span>}
        {(labels.data ?? []).map((l) => (
          <label key={l.id} className="check">
            <input type="checkbox" checked={labelIds.includes(l.id)}
              onChange={(e) => set('labelIds', e.target.checked ? [...labelIds, l.id] : labelIds.filter((x) => x !== l.id))} />
            <LabelChip label={l} />
          </label>
        ))}
      </fieldset>
      {err('labelIds')}
      <form className="field compact" noValidate onSubmit={(e) => {
        e.preventDefault();
        // text that is no date and time is never sent (it would clear the due date)
        if (due.trim() && !dueIso) setDueBad(true);
        else set('dueAt', dueIso);
      }}>
        <label htmlFor="due-at">{t('sc.dueAt')}</label>
        <div className="row">
          <DateTimeField id="due-at" label={t('sc.dueAt')} value={due} onChange={(v) => { setDue(v); setDueBad(false); }}
            aria-invalid={dueBad || undefined} aria-describedby={dueBad ? 'due-at-err' : undefined} />
          <button type="submit" className="btn small">{t('save')}</button>
          {ticket.dueAt && <button type="button" className="btn small" onClick={() => set('dueAt', null)}>{t('clear')}</button>}
        </div>
        {dueBad && <span id="due-at-err" className="field-error">{t('form.badDate')}</span>}
        {dueIso && <span className="muted small">{t('date.chosen')} <time dateTime={dueIso}>{formatDateTime(dueIso, lang)}</time></span>}
      </form>
      {err('dueAt')}
    </section>
  );
}

function SlaTimers({ ticket }: { ticket: TicketView }) {
  const t = useT();
  const { lang } = useLang();
  const now = useNow(15_000);
  const rows: [MessageId, string | null, string | null][] = [
    ['sla.target.firstResponse', ticket.firstResponseDueAt, ticket.firstResponseAt],
    ['sla.target.nextResponse', ticket.nextResponseDueAt, null],
    ['sla.target.resolution', ticket.resolutionDueAt, ticket.resolvedAt],
  ];
  return (
    <section className="side-box" aria-labelledby="sla-h">
      <h2 id="sla-h">{t('sla.title')}</h2>
      <SlaBadgeView ticket={ticket} now={now} />
      {!ticket.slaPolicyId && !ticket.resolutionDueAt && <p className="muted small">{t('sla.none')}</p>}
      <dl className="kv">
        {rows.filter((r) => r[1]).map(([k, due, done]) => (
          <div key={k}>
            <dt>{t(k)}</dt>
            <dd>
              <Time iso={due!} lang={lang} mode="datetime" />
              {done ? <span className="muted small"> · {t('sla.doneAt')} <Time iso={done} lang={lang} mode="datetime" /></span>
                : Date.parse(due!) > now ? <span className="muted small"> · <Duration ms={Date.parse(due!) - now} /></span> : null}
            </dd>
          </div>
        ))}
        {ticket.dueAt && (
          <div>
            <dt>{t('sc.dueAt')}</dt>
            <dd><Time iso={ticket.dueAt} lang={lang} mode="datetime" /></dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function RequesterDetails({ ticket }: { ticket: TicketView }) {
  const t = useT();
  const { lang } = useLang();
  const r = ticket.requester;
  const users = useUsers();
  const guest = useQuery({
    queryKey: ['sc', 'guest', r?.id],
    queryFn: () => api<GuestView>(`/api/support-chat/guests/${r!.id}`),
    enabled: r?.kind === 'GUEST',
  });
  if (!r) return null;
  const user = r.kind === 'USER' ? users.data?.find((u) => u.id === r.id) : undefined;
  const g = guest.data;
  const row = (k: MessageId, v: string | null | undefined) =>
    v ? (
      <div key={k}>
        <dt>{t(k)}</dt>
        <dd><bdi>{v}</bdi></dd>
      </div>
    ) : null;
  return (
    <section className="side-box" aria-labelledby="req-h">
      <h2 id="req-h">{t(r.kind === 'GUEST' ? 'sc.requester.guest' : 'sc.requester.customer')}</h2>
      <dl className="kv">
        {row('sc.name', r.name ?? g?.name)}
        {row('login.email', user?.email ?? g?.email)}
        {g && (
          <>
            {row('guest.phone', g.phone)}
            {row('guest.externalId', g.externalId)}
            {row('guest.verified', g.verified ? t('yes') : t('no'))}
            {row('guest.device', g.device)}
            {row('guest.browser', g.browser)}
            {row('guest.referrer', g.referrer)}
            {row('guest.utm', [g.utmSource, g.utmMedium, g.utmCampaign, g.utmTerm, g.utmContent].filter(Boolean).join(' / ') || null)}
            {row('guest.visits', String(g.visitCount))}
            {g.firstVisitAt && (
              <div>
                <dt>{t('guest.firstVisit')}</dt>
                <dd><Time iso={g.firstVisitAt} lang={lang} mode="datetime" /></dd>
              </div>
            )}
            {g.lastVisitAt && (
              <div>
                <dt>{t('guest.lastVisit')}</dt>
                <dd><Time iso={g.lastVisitAt} lang={lang} mode="datetime" /></dd>
              </div>
            )}
          </>
        )}
      </dl>
      {g && <MergeGuest guest={g} ticketId={ticket.id} />}
      {g && <BlockGuest guest={g} />}
      {guest.isError && <p className="field-error">{guest.error.message}</p>}
    </section>
  );
}

/** Staff: block a visitor, whose token then stops working at once, or unblock it (docs/security.md, "Blocking a visitor"). */
function BlockGuest({ guest }: { guest: GuestView }) {
  const t = useT();
  const qc = useQueryClient();
  const blocked = !!guest.blockedAt;
  const toggle = useMutation({
    mutationFn: () => api<GuestView>(`/api/support-chat/guests/${guest.id}/block`, { method: blocked ? 'DELETE' : 'PUT' }),
    onSuccess: (g) => qc.setQueryData(['sc', 'guest', g.id], g),
  });
  return (
    <div className="guest-block">
      {blocked && <p role="status" className="field-error">{t('guest.blocked')}</p>}
      <button type="button" className="btn small" disabled={toggle.isPending}
        onClick={() => { if (blocked || window.confirm(t('guest.blockConfirm'))) toggle.mutate(); }}>
        {t(blocked ? 'guest.unblock' : 'guest.block')}
      </button>
      {toggle.isError && <p className="field-error">{toggle.error.message}</p>}
    </div>
  );
}

function HistoryTimeline({ id, nameOf }: { id: string; nameOf: (id: string) => string | undefined }) {
  const t = useT();
  const intl = useIntl();
  const action = (a: string) => (intl.messages[`history.${a}`] ? t(`history.${a}` as MessageId) : a);
  const { lang } = useLang();
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: sc.history(id),
    queryFn: () => api<PageOf<HistoryView>>(`/api/support-chat/${id}/history?limit=100&page=1`),
    enabled: open,
  });
  const value = (field: string | null, v: string | null) => {
    if (!v) return '—';
    if (field === 'status') return t(statusKey(v, true));
    if (field === 'priority') return t(`priority.${v}` as MessageId);
    if (field === 'assigneeId' || field === 'assignee') return nameOf(v) ?? v;
    return v;
  };
  return (
    <section className="side-box">
      <h2>
        <button type="button" className="link-btn h-btn" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('history.title')}
        </button>
      </h2>
      {open && history.isPending && <p role="status">{t('loading')}</p>}
      {open && history.data && (
        <ol className="timeline">
          {history.data.data.map((h, i) => (
            <li key={i}>
              <Time iso={h.at} lang={lang} mode="datetime" />{' '}
              <span className="strong"><bdi>{h.actor?.name ?? t(h.actorKind === 'SYSTEM' ? 'sc.system' : 'sc.someone')}</bdi></span>{' '}
              {action(h.action)}
              {(h.oldValue || h.newValue) && (
                <span className="muted">
                  {' '}(<bdi>{value(h.field, h.oldValue)}</bdi> → <bdi>{value(h.field, h.newValue)}</bdi>)
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
