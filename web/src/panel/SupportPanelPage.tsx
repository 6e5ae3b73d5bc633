import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, upload } from '../api/http';
import type { PageOf } from '../api/types';
import { useMe } from '../auth/auth';
import { Time } from '../chat/Time';
import { useDocumentTitle, useLang, useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages';
import { Shell } from '../Shell';
import { uuid } from '../lib/uuid';
import { allowedMoves, fieldErrors } from '../support/logic';
import { sc, si, type SupportLive } from '../support/live';
import { TicketConversation } from '../support/Conversation';
import { NotificationSettings } from '../settings/Notifications';
import { Stars, useTicket } from '../support/TicketPage';
import { PRIORITIES, type AttachmentView, type SupportRecord, type TicketView } from '../support/types';
import { ConnectionNote, ErrorLine, Field, PriorityPill, StatusPill, TreeSelectOptions, useCategoryTree, useLive } from '../support/ui';

/** /panel/support-chat[/:ticketId]: the customer's tickets, a new ticket, one conversation; their visible records. */
export default function SupportPanelPage() {
  const { ticketId } = useParams();
  const live = useLive();
  return (
    <Shell status={<ConnectionNote live={live} />}>
      <main id="main" className="panel-page">
        {ticketId ? <CustomerTicket key={ticketId} id={ticketId} live={live} /> : <MyTickets />}
      </main>
    </Shell>
  );
}

function MyTickets() {
  const t = useT();
  const { lang } = useLang();
  useDocumentTitle(`${t('panel.title')} · ${t('app.name')}`);
  const [creating, setCreating] = useState(false);
  const tickets = useQuery({
    queryKey: sc.list('mine'),
    queryFn: () => api<PageOf<TicketView>>('/api/support-chat?limit=100&page=1&sort=-updatedAt'),
  });
  return (
    <>
      <div className="row list-head">
        <h1 className="grow">{t('panel.title')}</h1>
        <button type="button" className="btn primary" aria-expanded={creating} onClick={() => setCreating(!creating)}>
          {t('panel.new')}
        </button>
      </div>
      {creating && <NewTicketForm onCancel={() => setCreating(false)} />}
      {tickets.isPending && <p role="status">{t('loading')}</p>}
      <ErrorLine error={tickets.error} retry={() => void tickets.refetch()} />
      {tickets.data && tickets.data.data.length === 0 && <p>{t('panel.none')}</p>}
      {tickets.data && tickets.data.data.length > 0 && (
        <div className="table-wrap">
          <table className="tickets">
            <thead>
              <tr>
                <th scope="col">{t('panel.number')}</th>
                <th scope="col">{t('panel.subject')}</th>
                <th scope="col">{t('panel.status')}</th>
                <th scope="col">{t('panel.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {tickets.data.data.map((tk) => (
                <tr key={tk.id}>
                  <td>
                    <Link to={`/panel/support-chat/${tk.id}`} className="ticket-link">
                      <bdi className="ticket-no">{tk.number}</bdi>
                    </Link>
                  </td>
                  <td><bdi>{tk.subject}</bdi></td>
                  <td><StatusPill status={tk.status} /></td>
                  <td><Time iso={tk.updatedAt ?? tk.createdAt} lang={lang} mode="datetime" /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <MyRecords />
      <details className="card">
        <summary>{t('settings.notifications')}</summary>
        <NotificationSettings staff={false} />
      </details>
    </>
  );
}

function NewTicketForm({ onCancel }: { onCancel: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const categories = useCategoryTree('/api/support-chat');
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState('MEDIUM');
  const [categoryId, setCategoryId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const subjectRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!subject.trim()) errs.subject = t('form.required');
    else if (subject.length > 500) errs.subject = t('form.tooLong', { max: 500 });
    if (description.length > 20000) errs.description = t('form.tooLong', { max: 20000 });
    if (file && file.size > 10 * 1024 * 1024) errs.file = t('form.fileTooBig', { max: 10 });
    setErrors(errs);
    setFormError(null);
    if (Object.keys(errs).length) {
      if (errs.subject) subjectRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const body: Record<string, unknown> = { subject: subject.trim(), priority };
      if (description.trim()) body.description = description.trim();
      if (categoryId) body.categoryId = categoryId;
      const tk = await api<TicketView>('/api/support-chat', { method: 'POST', body });
      if (file) {
        try {
          const a = await upload<AttachmentView>('/api/support-chat/attachments', file, () => {}, undefined, undefined, { ticketId: tk.id });
          await api(`/api/support-chat/${tk.id}/messages`, { method: 'POST', body: { body: '', clientMessageId: uuid(), attachmentIds: [a.id] } });
        } catch {
          /* the ticket exists; the conversation page lets them attach again */
        }
      }
      void qc.invalidateQueries({ queryKey: sc.lists });
      navigate(`/panel/support-chat/${tk.id}`);
    } catch (err) {
      if (err instanceof ApiError) {
        const fe = fieldErrors(err.problem);
        setErrors(fe);
        if (!Object.keys(fe).length) setFormError(err.message);
      } else setFormError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card new-ticket" aria-labelledby="nt-h">
      <h2 id="nt-h">{t('panel.new')}</h2>
      <form onSubmit={submit} noValidate>
        <Field label={t('panel.subject')} error={errors.subject}>
          {(p) => <input {...p} ref={subjectRef} value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={600} />}
        </Field>
        <Field label={t('sc.description')} error={errors.description}>
          {(p) => <textarea {...p} rows={5} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <div className="form-grid">
          <Field label={t('sc.f.priority')} error={errors.priority}>
            {(p) => (
              <select {...p} value={priority} onChange={(e) => setPriority(e.target.value)}>
                {PRIORITIES.map((x) => <option key={x} value={x}>{t(`priority.${x}` as MessageId)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('sc.f.category')} error={errors.categoryId}>
            {(p) => (
              <select {...p} value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
                <option value="">{t('none')}</option>
                <TreeSelectOptions options={categories} />
              </select>
            )}
          </Field>
        </div>
        <Field label={t('composer.attach')} error={errors.file} hint={t('panel.fileHint')}>
          {(p) => <input {...p} type="file" accept=".jpg,.jpeg,.png,.gif,.webp,.pdf,.txt,.doc,.docx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        {formError && <p role="alert" className="form-error">{formError}</p>}
        <div className="row">
          <button type="submit" className="btn primary" disabled={busy}>{t('form.submit')}</button>
          <button type="button" className="btn" onClick={onCancel}>{t('cancel')}</button>
        </div>
      </form>
    </section>
  );
}

function CustomerTicket({ id, live }: { id: string; live: SupportLive }) {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const qc = useQueryClient();
  const ticket = useTicket(id);
  useDocumentTitle(`${ticket.data ? t('panel.ticket', { number: ticket.data.number }) : t('panel.title')} · ${t('app.name')}`);
  const move = useMutation({
    mutationFn: (status: string) => api<TicketView>(`/api/support-chat/${id}`, { method: 'PATCH', body: { status } }),
    onSuccess: (tk) => {
      qc.setQueryData(sc.ticket(id), tk);
      void qc.invalidateQueries({ queryKey: sc.lists });
    },
  });
  if (ticket.isPending) return <p role="status">{t('loading')}</p>;
  if (ticket.isError) {
    return (
      <>
        <ErrorLine error={ticket.error} />
        <Link to="/panel/support-chat">{t('panel.back')}</Link>
      </>
    );
  }
  const tk = ticket.data;
  const moves = allowedMoves(tk.status, 'USER');
  const canRate = (tk.status === 'RESOLVED' || tk.status === 'CLOSED') && !tk.rating;
  return (
    <div className="customer-ticket">
      <Link to="/panel/support-chat" className="back">{t('panel.back')}</Link>
      <header className="ticket-head">
        <h1><bdi className="ticket-no">{tk.number}</bdi> <bdi>{tk.subject}</bdi></h1>
        <div className="row">
          <span>{t('panel.status')}:</span> <StatusPill status={tk.status} />
          <PriorityPill priority={tk.priority} />
          {tk.category && <span className="muted">{t('sc.f.category')}: <bdi>{tk.category.name}</bdi></span>}
          <span className="muted">{t('panel.opened')} <Time iso={tk.createdAt} lang={lang} mode="datetime" /></span>
        </div>
        <div className="row">
          {moves.includes('CLOSED') && (
            <button type="button" className="btn" disabled={move.isPending} onClick={() => move.mutate('CLOSED')}>{t('panel.close')}</button>
          )}
          {moves.includes('REOPENED') && (
            <button type="button" className="btn" disabled={move.isPending} onClick={() => move.mutate('REOPENED')}>{t('panel.reopen')}</button>
          )}
        </div>
        {move.isError && <p role="alert" className="form-error">{move.error.message}</p>}
      </header>
      {canRate && <RatingForm ticket={tk} />}
      {tk.rating && (
        <section className="card" aria-labelledby="my-rating">
          <h2 id="my-rating">{t('rating.yours')}</h2>
          <Stars score={tk.rating.score} />
          {tk.rating.comment && <p><bdi>{tk.rating.comment}</bdi></p>}
        </section>
      )}
      <TicketConversation ticket={tk} live={live} staff={false} meId={me.data?.id ?? ''} nameOf={() => undefined} />
    </div>
  );
}

function RatingForm({ ticket }: { ticket: TicketView }) {
  const t = useT();
  const qc = useQueryClient();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const rate = useMutation({
    mutationFn: () => api<TicketView>(`/api/support-chat/${ticket.id}/rating`, { method: 'POST', body: { score, comment: comment.trim() || undefined } }),
    onSuccess: (tk) => qc.setQueryData(sc.ticket(ticket.id), tk),
    onError: (e) => setErrors(e instanceof ApiError ? fieldErrors(e.problem) : {}),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (score < 1) {
      setErrors({ score: t('rating.pick') });
      return;
    }
    if (comment.length > 2000) {
      setErrors({ comment: t('form.tooLong', { max: 2000 }) });
      return;
    }
    setErrors({});
    rate.mutate();
  };
  return (
    <section className="card rating" aria-labelledby="rate-h">
      <h2 id="rate-h">{t('rating.ask')}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset aria-describedby={errors.score ? 'score-err' : undefined}>
          <legend>{t('rating.scoreLabel')}</legend>
          <div className="stars-input">
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className="star-choice">
                <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)}
                  aria-label={t('rating.score', { score: n })} />
                <span aria-hidden="true">{n <= score ? '★' : '☆'}</span>
              </label>
            ))}
          </div>
          {errors.score && <span id="score-err" className="field-error">{errors.score}</span>}
        </fieldset>
        <Field label={t('rating.comment')} error={errors.comment}>
          {(p) => <textarea {...p} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}
        </Field>
        {rate.isError && !Object.keys(errors).length && <p role="alert" className="form-error">{rate.error.message}</p>}
        <button type="submit" className="btn primary" disabled={rate.isPending}>{t('rating.send')}</button>
      </form>
    </section>
  );
}

/** Support records staff marked visible to this customer (the customer view: no staff-only fields). */
function MyRecords() {
  const t = useT();
  const { lang } = useLang();
  const records = useQuery({
    queryKey: [...si.all, 'mine'],
    queryFn: () => api<PageOf<SupportRecord>>('/api/support-info?limit=50&page=1'),
  });
  if (!records.data || records.data.data.length === 0) return null;
  return (
    <section className="my-records" aria-labelledby="recs-h">
      <h2 id="recs-h">{t('panel.records')}</h2>
      <ul className="plain-list">
        {records.data.data.map((r) => (
          <li key={r.id} className="card">
            <details>
              <summary>
                <bdi className="strong">{r.title}</bdi> · <span>{t(`si.status.${r.status}` as MessageId)}</span> ·{' '}
                <Time iso={r.contactAt} lang={lang} mode="datetime" />
              </summary>
              <dl className="kv">
                <div><dt>{t('si.source')}</dt><dd>{t(`si.source.${r.source}` as MessageId)}</dd></div>
                <div><dt>{t('si.type')}</dt><dd>{t(`si.type.${r.type}` as MessageId)}</dd></div>
                <div><dt>{t('sc.f.priority')}</dt><dd><PriorityPill priority={r.priority} /></dd></div>
                {r.category && <div><dt>{t('sc.f.category')}</dt><dd><bdi>{r.category.name}</bdi></dd></div>}
                {r.dueAt && <div><dt>{t('si.dueAt')}</dt><dd><Time iso={r.dueAt} lang={lang} mode="datetime" /></dd></div>}
              </dl>
              {r.description && <p className="msg-body"><bdi>{r.description}</bdi></p>}
              {r.ticketId && <Link to={`/panel/support-chat/${r.ticketId}`}>{t('si.openTicket')}</Link>}
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
