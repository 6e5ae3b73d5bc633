import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../api/http';
import type { PageOf } from '../api/types';
import { useT } from '../i18n/locale';
import { sc } from './live';
import { numberDigits } from './mergeLogic';
import type { GuestView, TicketMessage, TicketView } from './types';
import { Labeled, useUsers } from './ui';

const PAGE = 100;

/** Every message of a ticket (a merged ticket is frozen: read once, whole). */
async function allMessages(id: string): Promise<TicketMessage[]> {
  const all: TicketMessage[] = [];
  for (;;) {
    const after = all.length ? all[all.length - 1].seq : 0;
    const page = await api<TicketMessage[]>(`/api/support-chat/${id}/messages?after=${after}&limit=${PAGE}`);
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}

/** The messages of the tickets merged into this one (the ones the caller may see; another requester's are skipped). */
export function useMergedMessages(ticket: TicketView): TicketMessage[] {
  const results = useQueries({
    queries: (ticket.mergedTickets ?? []).map((r) => ({
      queryKey: ['sc', 'merged-messages', r.id],
      queryFn: () => allMessages(r.id),
      staleTime: Infinity,
      retry: false,
    })),
  });
  return results.flatMap((r) => r.data ?? []);
}

/** On a merged ticket: where it continues. On a target: what was merged into it. Staff and customers alike. */
export function MergeBanner({ ticket, base }: { ticket: TicketView; base: string }) {
  const t = useT();
  const into = ticket.mergedInto;
  const here = ticket.mergedTickets ?? [];
  return (
    <>
      {into && (
        <p role="note" className="merge-banner">
          {into.id === null ? t('merge.mergedElsewhere') : (
            <>
              {t('merge.mergedInto', { number: into.number })}{' '}
              <Link to={`${base}/${into.id}`}>{t('merge.open', { number: into.number })}</Link>
            </>
          )}
        </p>
      )}
      {here.length > 0 && (
        <p className="muted merge-list">
          {t('merge.mergedHere')}{' '}
          {here.map((r, i) => (
            <span key={r.id}>{i > 0 && '، '}<Link to={`${base}/${r.id}`}><bdi>{r.number}</bdi></Link></span>
          ))}
        </p>
      )}
    </>
  );
}

/** Staff: the "Merge" action of the ticket page (not on a ticket that was merged itself). */
export function MergeTickets({ ticket }: { ticket: TicketView }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (ticket.mergedInto) return null;
  return (
    <>
      <button type="button" className="btn small" onClick={() => setOpen(true)}>{t('merge.button')}</button>
      {open && <MergeDialog ticket={ticket} onClose={() => setOpen(false)} />}
    </>
  );
}

function MergeDialog({ ticket, onClose }: { ticket: TicketView; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const requester = ticket.requester;
  const mergeable = (x: TicketView) => x.id !== ticket.id && !x.mergedInto && !(x.mergedTickets ?? []).length;
  const candidates = useQuery({
    queryKey: ['sc', 'merge-candidates', ticket.id],
    queryFn: () => api<PageOf<TicketView>>(`/api/support-chat?requesterId=${requester!.id}&limit=100&page=1`)
      .then((p) => p.data.filter(mergeable)),
    enabled: !!requester,
  });
  const [extra, setExtra] = useState<TicketView[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [number, setNumber] = useState('');
  const [notFound, setNotFound] = useState(false);
  const [force, setForce] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listed = candidates.data ?? [];
  const all = [...listed, ...extra.filter((e) => !listed.some((c) => c.id === e.id))];
  const stranger = (x: TicketView) => x.requester?.id !== requester?.id || x.requester?.kind !== requester?.kind;
  const needsForce = all.some((x) => chosen.includes(x.id) && stranger(x));

  async function add() {
    const digits = numberDigits(number);
    if (!digits) return;
    const found = await api<PageOf<TicketView>>(`/api/support-chat?q=${digits}&limit=20&page=1`);
    const hit = found.data.find((x) => numberDigits(x.number) === digits && mergeable(x));
    setNotFound(!hit);
    if (!hit) return;
    setExtra((e) => [...e, hit]);
    setChosen((c) => (c.includes(hit.id) ? c : [...c, hit.id]));
    setNumber('');
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const tk = await api<TicketView>(`/api/support-chat/${ticket.id}/merge`, {
        method: 'POST', body: { ticketIds: chosen, force: needsForce && force },
      });
      qc.setQueryData(sc.ticket(ticket.id), tk);
      chosen.forEach((id) => void qc.invalidateQueries({ queryKey: sc.ticket(id) }));
      void qc.invalidateQueries({ queryKey: sc.history(ticket.id) });
      void qc.invalidateQueries({ queryKey: sc.lists });
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <form onSubmit={submit}>
        <h2 id={titleId}>{t('merge.title', { number: ticket.number })}</h2>
        <p className="muted">{t('merge.hint')}</p>
        <fieldset>
          <legend>{t('merge.candidates')}</legend>
          {candidates.isPending && <p role="status">{t('loading')}</p>}
          {!candidates.isPending && all.length === 0 && <p className="muted">{t('merge.none')}</p>}
          {all.map((x) => (
            <label key={x.id} className="check">
              <input type="checkbox" checked={chosen.includes(x.id)}
                onChange={(ev) => setChosen((c) => (ev.target.checked ? [...c, x.id] : c.filter((i) => i !== x.id)))} />
              <bdi>{x.number}</bdi> <bdi>{x.subject}</bdi>
              {stranger(x) && <span className="muted"> ({t('merge.otherRequester', { name: x.requester?.name ?? '—' })})</span>}
            </label>
          ))}
        </fieldset>
        <div className="row">
          <Labeled label={t('merge.byNumber')}>
            <input value={number} onChange={(ev) => setNumber(ev.target.value)}
              onKeyDown={(ev) => { if (ev.key === 'Enter') { ev.preventDefault(); void add(); } }} />
          </Labeled>
          <button type="button" className="btn small" onClick={() => void add()}>{t('merge.add')}</button>
        </div>
        {notFound && <p role="alert" className="form-error">{t('merge.notFound')}</p>}
        {needsForce && (
          <label className="check">
            <input type="checkbox" checked={force} onChange={(ev) => setForce(ev.target.checked)} />
            {t('merge.force')}
          </label>
        )}
        {error && <p role="alert" className="form-error">{error}</p>}
        <div className="row">
          <button type="button" className="btn" onClick={onClose}>{t('cancel')}</button>
          <button type="submit" className="btn primary" disabled={busy || !chosen.length || (needsForce && !force)}>
            {t('merge.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Staff, where a guest is shown: merge the guest into the customer they are (their tickets move to the customer). */
export function MergeGuest({ guest, ticketId }: { guest: GuestView; ticketId: string }) {
  const t = useT();
  const qc = useQueryClient();
  const users = useUsers();
  const customers = (users.data ?? []).filter((u) => u.role === 'USER' && u.active);
  const suggested = guest.mergedIntoUserId
    ?? customers.find((u) => !!guest.email && u.email.toLowerCase() === guest.email.toLowerCase())?.id ?? '';
  const [picked, setPicked] = useState<string | null>(null);
  const userId = picked ?? suggested;
  const merge = useMutation({
    mutationFn: () => api<GuestView>(`/api/support-chat/guests/${guest.id}/merge`, { method: 'POST', body: { userId } }),
    onSuccess: (g) => {
      qc.setQueryData(['sc', 'guest', g.id], g);
      void qc.invalidateQueries({ queryKey: sc.ticket(ticketId) });
      void qc.invalidateQueries({ queryKey: sc.history(ticketId) });
      void qc.invalidateQueries({ queryKey: sc.lists });
    },
  });
  return (
    <div className="merge-guest">
      <Labeled label={t('merge.guest.customer')}>
        <select value={userId} onChange={(ev) => setPicked(ev.target.value)}>
          <option value="">{t('form.choose')}</option>
          {customers.map((u) => <option key={u.id} value={u.id}>{u.name} ({u.email})</option>)}
        </select>
      </Labeled>
      <button type="button" className="btn small" disabled={!userId || merge.isPending} onClick={() => merge.mutate()}>
        {t('merge.guest.submit')}
      </button>
      {merge.isSuccess && <p role="status">{t('merge.guest.done')}</p>}
      {merge.isError && <p role="alert" className="form-error">{merge.error.message}</p>}
    </div>
  );
}
