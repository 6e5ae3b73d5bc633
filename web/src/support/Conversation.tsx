import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { api, ApiError, upload } from '../api/http';
import { Time } from '../chat/Time';
import { useLang, useT } from '../i18n/locale';
import { uuid } from '../lib/uuid';
import { insertCanned, matchCanned, slashQuery } from './logic';
import { mergeMessages, sc, type SupportLive } from './live';
import type { AttachmentView, CannedView, TicketMessage, TicketView } from './types';
import { useCanned } from './ui';
import { CollisionDialog, isCollision, repliedSince, ViewersLine } from './Collision';
import { useMergedMessages } from './Merge';
import { interleave } from './mergeLogic';

const PAGE = 100;

function sizeText(n: number) {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The ticket's messages (a log of articles) and its composer. Staff see notes, apart; customers never get them. */
export function TicketConversation({ ticket, live, staff, meId, nameOf }: {
  ticket: TicketView; live: SupportLive; staff: boolean; meId: string; nameOf: (userId: string) => string | undefined;
}) {
  const t = useT();
  const { lang } = useLang();
  const qc = useQueryClient();
  const id = ticket.id;
  const messages = useQuery({
    queryKey: sc.messages(id),
    queryFn: () => api<TicketMessage[]>(`/api/support-chat/${id}/messages?limit=${PAGE}`),
    staleTime: Infinity,
  });
  const typing = useQuery({ queryKey: sc.typing(id), queryFn: () => [] as string[], staleTime: Infinity, initialData: [] as string[] });
  const [hasOlder, setHasOlder] = useState(false);
  useEffect(() => {
    if (messages.data && !hasOlder && messages.data.length >= PAGE && messages.data[0].seq > 1) setHasOlder(true);
  }, [messages.data, hasOlder]);

  useEffect(() => live.join(id), [live, id]);

  // the customer tells staff what they have seen
  const lastSeq = messages.data?.length ? messages.data[messages.data.length - 1].seq : 0;
  useEffect(() => {
    if (staff || !lastSeq || lastSeq <= ticket.customerReadSeq) return;
    const h = setTimeout(() => {
      void api(`/api/support-chat/${id}/read`, { method: 'POST', body: { seq: lastSeq } }).catch(() => {});
    }, 500);
    return () => clearTimeout(h);
  }, [staff, lastSeq, ticket.customerReadSeq, id]);

  const logRef = useRef<HTMLDivElement>(null);
  const count = messages.data?.length ?? 0;
  useEffect(() => {
    const el = logRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count]);

  const loadOlder = async () => {
    const first = messages.data?.[0]?.seq;
    if (!first) return;
    const older = await api<TicketMessage[]>(`/api/support-chat/${id}/messages?before=${first}&limit=${PAGE}`);
    setHasOlder(older.length >= PAGE && older[0].seq > 1);
    qc.setQueryData<TicketMessage[]>(sc.messages(id), (old) => mergeMessages(old, older));
  };

  const [editing, setEditing] = useState<string | null>(null);
  const remove = async (m: TicketMessage) => {
    if (!window.confirm(t('msg.confirmDelete'))) return;
    try {
      await api(`/api/support-chat/${id}/messages/${m.id}`, { method: 'DELETE' });
      qc.setQueryData<TicketMessage[]>(sc.messages(id), (old) => old?.map((x) => (x.id === m.id ? { ...x, body: '', isDeleted: true } : x)));
    } catch (e) {
      window.alert((e as Error).message);
    }
  };
  const merged = useMergedMessages(ticket);
  const numberOf = (ticketId: string) => ticket.mergedTickets?.find((r) => r.id === ticketId)?.number ?? '';
  const typers = typing.data ?? [];
  const closed = ticket.status === 'CLOSED';

  return (
    <section className="ticket-conv" aria-label={t('sc.conversation')}>
      <div className="ticket-log" role="log" aria-label={t('log.label')} ref={logRef} tabIndex={0}>
        {hasOlder && (
          <button type="button" className="btn small load-older" onClick={() => void loadOlder()}>
            {t('sc.loadOlder')}
          </button>
        )}
        {ticket.description && (
          <div className="ticket-desc">
            <div className="msg-meta muted">{t('sc.description')}</div>
            <p className="msg-body"><bdi>{ticket.description}</bdi></p>
          </div>
        )}
        {messages.isPending && <p role="status">{t('loading')}</p>}
        {messages.isError && <p role="alert">{t('error.generic', { message: messages.error.message })}</p>}
        {messages.data && interleave(messages.data, merged, hasOlder).filter((m) => staff || !m.internal).map((m) => (
          <article key={m.id} className={`tmsg ${m.internal ? 'note' : ''} ${m.sender?.kind === 'CUSTOMER' || m.sender?.kind === 'GUEST' ? 'from-customer' : 'from-staff'} ${m.sender?.id === meId ? 'mine' : ''}`}
            aria-label={m.internal ? t('sc.note.aria', { name: m.sender?.name ?? '' }) : undefined}>
            <div className="msg-meta">
              <span className="strong"><bdi>{m.sender?.name ?? t('sc.system')}</bdi></span>
              {m.internal && <span className="note-mark">🔒 {t('sc.note.mark')}</span>}
              <Time iso={m.createdAt} lang={lang} mode="datetime" />
              {m.isEdited && <span className="muted small">{t('msg.edited')}</span>}
              {m.ticketId !== id && <span className="merged-from muted small">{t('merge.from', { number: numberOf(m.ticketId) })}</span>}
            </div>
            {m.isDeleted ? (
              <p className="msg-body muted">{t('msg.deleted')}</p>
            ) : editing === m.id ? (
              <EditBox ticketId={id} message={m} onDone={() => setEditing(null)} />
            ) : (
              <p className="msg-body"><bdi>{m.body ?? ''}</bdi></p>
            )}
            {m.sender?.id === meId && !m.isDeleted && editing !== m.id && !closed && m.ticketId === id && (
              <div className="row msg-tools">
                <button type="button" className="link-btn" onClick={() => setEditing(m.id)}>{t('edit')}</button>
                <button type="button" className="link-btn" onClick={() => void remove(m)}>{t('delete')}</button>
              </div>
            )}
            {(m.attachments ?? []).length > 0 && (
              <ul className="att-list">
                {m.attachments!.map((a) => (
                  <li key={a.id}>
                    <a href={`/api/support-chat/attachments/${a.id}`} download={a.name}>
                      📎 <bdi>{a.name}</bdi>
                    </a>{' '}
                    <span className="muted small">{sizeText(a.size)}</span>
                  </li>
                ))}
              </ul>
            )}
            {staff && !m.internal && m.sender?.kind === 'STAFF' && m.seenByCustomer && (
              <div className="muted small">{t('sc.seenByCustomer')}</div>
            )}
          </article>
        ))}
      </div>
      {staff && <ViewersLine ticketId={id} meId={meId} />}
      <div role="status" className="typing-line">
        {typers.length > 0 && (staff
          ? t('sc.typing', { name: typers.map((u) => nameOf(u) ?? (u === ticket.requester?.id ? ticket.requester?.name : null) ?? t('sc.someone')).join('، ') })
          : t('sc.typing.support'))}
      </div>
      {closed ? (
        <p className="muted composer-closed">
          {ticket.mergedInto?.number ? t('merge.closed', { number: ticket.mergedInto.number }) : t('sc.closedNoMessages')}
        </p>
      ) : (
        <TicketComposer ticket={ticket} live={live} staff={staff} meId={meId} />
      )}
    </section>
  );
}

function EditBox({ ticketId, message, onDone }: { ticketId: string; message: TicketMessage; onDone: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const [body, setBody] = useState(message.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!body.trim()) {
      setError(t('form.required'));
      return;
    }
    try {
      const m = await api<TicketMessage>(`/api/support-chat/${ticketId}/messages/${message.id}`, { method: 'PATCH', body: { body } });
      qc.setQueryData<TicketMessage[]>(sc.messages(ticketId), (old) => mergeMessages(old, [m]));
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="edit-box">
      <textarea rows={2} value={body} aria-label={t('msg.editBox')} aria-invalid={error ? true : undefined} autoFocus
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            void save();
          }
        }} />
      {error && <span role="alert" className="field-error">{error}</span>}
      <div className="row">
        <button type="button" className="btn small primary" onClick={() => void save()}>{t('msg.saveEdit')}</button>
        <button type="button" className="btn small" onClick={onDone}>{t('msg.cancelEdit')}</button>
      </div>
    </div>
  );
}

function TicketComposer({ ticket, live, staff, meId }: { ticket: TicketView; live: SupportLive; staff: boolean; meId: string }) {
  const t = useT();
  const qc = useQueryClient();
  const id = ticket.id;
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const [files, setFiles] = useState<{ file: File; progress: number; done?: AttachmentView; error?: string }[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [suggest, setSuggest] = useState<{ start: number; items: CannedView[]; active: number } | null>(null);
  const canned = useCanned(staff);
  const area = useRef<HTMLTextAreaElement>(null);
  const typingSent = useRef(0);
  const listId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  // the newest seq shown when this draft was started: the server refuses the reply if another agent replied since
  const seenSeq = useRef<number | null>(null);
  const [collision, setCollision] = useState<{ names: string[]; payload: Record<string, unknown> } | null>(null);
  const newestSeq = () => {
    const list = qc.getQueryData<TicketMessage[]>(sc.messages(id));
    return list?.length ? list[list.length - 1].seq : ticket.lastMessageSeq;
  };

  const stopTyping = () => {
    if (typingSent.current) {
      typingSent.current = 0;
      live.typing(id, false, internal);
    }
  };
  useEffect(() => () => stopTyping(), []); // eslint-disable-line react-hooks/exhaustive-deps

  const onChange = (value: string, caret: number) => {
    if (value && !text) seenSeq.current = newestSeq();
    setText(value);
    setError(null);
    const now = Date.now();
    if (value && now - typingSent.current > 3000) {
      typingSent.current = now;
      live.typing(id, true, internal);
    }
    if (!value) stopTyping();
    if (staff && canned.data) {
      const sq = slashQuery(value, caret);
      const items = sq ? matchCanned(canned.data, sq.query) : [];
      setSuggest(sq && items.length ? { start: sq.start, items, active: 0 } : null);
    }
  };

  const choose = (c: CannedView) => {
    if (!suggest || !area.current) return;
    const caret = area.current.selectionStart ?? text.length;
    const r = insertCanned(text, suggest.start, caret, c.body);
    setText(r.text);
    setSuggest(null);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(r.caret, r.caret);
    });
  };

  const addFiles = (list: FileList | null) => {
    if (!list) return;
    for (const file of Array.from(list)) {
      setFiles((f) => [...f, { file, progress: 0 }]);
      upload<AttachmentView>('/api/support-chat/attachments', file,
        (p) => setFiles((fs) => fs.map((x) => (x.file === file ? { ...x, progress: p } : x))), undefined, undefined, { ticketId: id })
        .then((a) => setFiles((fs) => fs.map((x) => (x.file === file ? { ...x, done: a, progress: 1 } : x))))
        .catch((e: Error) => setFiles((fs) => fs.map((x) => (x.file === file ? { ...x, error: e.message } : x))));
    }
    if (fileInput.current) fileInput.current.value = '';
  };

  const ready = files.filter((f) => f.done).map((f) => f.done!.id);
  const uploading = files.some((f) => !f.done && !f.error);

  const send = async () => {
    const body = text.trim();
    if ((!body && !ready.length) || sending || uploading) return;
    const payload: Record<string, unknown> = { body, clientMessageId: uuid(), attachmentIds: ready };
    if (staff && internal) payload.internal = true;
    if (staff && !internal && seenSeq.current !== null) payload.lastSeenSeq = seenSeq.current;
    await post(payload);
  };

  const post = async (payload: Record<string, unknown>) => {
    setSending(true);
    setError(null);
    stopTyping();
    try {
      let m: TicketMessage | null = null;
      for (let attempt = 0; ; attempt++) {
        try {
          m = await api<TicketMessage>(`/api/support-chat/${id}/messages`, { method: 'POST', body: payload });
          break;
        } catch (e) {
          const retry = !(e instanceof ApiError) || e.status === 0 || e.status >= 500 || e.status === 429;
          if (!retry || attempt >= 2) throw e;
          await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
        }
      }
      if (m) qc.setQueryData<TicketMessage[]>(sc.messages(id), (old) => mergeMessages(old, [m!]));
      setText('');
      setFiles([]);
      seenSeq.current = null;
      void qc.invalidateQueries({ queryKey: sc.ticket(id) });
    } catch (e) {
      if (isCollision(e)) {
        // show what came meanwhile, then ask
        await qc.invalidateQueries({ queryKey: sc.messages(id) }).catch(() => {});
        const since = typeof payload.lastSeenSeq === 'number' ? payload.lastSeenSeq : 0;
        setCollision({ names: repliedSince(qc.getQueryData<TicketMessage[]>(sc.messages(id)), since, meId), payload });
      } else {
        setError((e as Error).message);
      }
    } finally {
      setSending(false);
    }
  };

  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggest) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const d = e.key === 'ArrowDown' ? 1 : -1;
        setSuggest({ ...suggest, active: (suggest.active + d + suggest.items.length) % suggest.items.length });
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        choose(suggest.items[suggest.active]);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setSuggest(null);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  };

  return (
    <>
    {collision && (
      <CollisionDialog names={collision.names}
        onSend={() => {
          const { lastSeenSeq: _seen, ...rest } = collision.payload; // eslint-disable-line @typescript-eslint/no-unused-vars
          setCollision(null);
          void post(rest);
        }}
        onCancel={() => {
          seenSeq.current = newestSeq();
          setCollision(null);
          area.current?.focus();
        }} />
    )}
    <form className={`ticket-composer ${internal ? 'is-note' : ''}`} onSubmit={(e) => { e.preventDefault(); void send(); }}>
      {staff && (
        <div className="row note-row">
          <label className="check note-switch">
            <input type="checkbox" checked={internal}
              onChange={(e) => { stopTyping(); setInternal(e.target.checked); }} />
            <span>{t('sc.note.switch')}</span>
          </label>
          {internal && <span className="note-mark">🔒 {t('sc.note.mark')}</span>}
        </div>
      )}
      <div className="composer-box">
        <textarea ref={area} rows={3} value={text} aria-label={t('composer.label')}
          placeholder={staff ? t(internal ? 'sc.note.placeholder' : 'sc.reply.placeholder') : t('sc.customer.placeholder')}
          aria-controls={suggest ? listId : undefined} aria-autocomplete="list"
          aria-activedescendant={suggest ? `${listId}-${suggest.active}` : undefined}
          onChange={(e) => onChange(e.target.value, e.target.selectionStart ?? e.target.value.length)}
          onKeyDown={onKey} onBlur={() => { stopTyping(); setTimeout(() => setSuggest(null), 150); }} />
        {suggest && (
          <ul id={listId} role="listbox" className="canned-list" aria-label={t('sc.canned')}>
            {suggest.items.map((c, i) => (
              <li key={c.id} id={`${listId}-${i}`} role="option" aria-selected={i === suggest.active}
                onMouseDown={(e) => { e.preventDefault(); choose(c); }}>
                <span className="strong">/{c.shortCode}</span> <bdi>{c.title}</bdi>
              </li>
            ))}
          </ul>
        )}
      </div>
      {files.length > 0 && (
        <ul className="att-list">
          {files.map((f, i) => (
            <li key={i}>
              <bdi>{f.file.name}</bdi>{' '}
              {f.error ? <span className="field-error">{f.error}</span>
                : f.done ? <span className="muted small">✓</span>
                  : <progress max={1} value={f.progress} aria-label={t('composer.uploading', { name: f.file.name })} />}
              <button type="button" className="link-btn" onClick={() => setFiles((fs) => fs.filter((x) => x !== f))}>
                {t('sc.removeFile', { name: f.file.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p role="alert" className="form-error">{t('sc.sendFailed', { message: error })}</p>}
      <div className="row composer-actions">
        <label className="btn file-btn">
          📎 {t('composer.attach')}
          <input ref={fileInput} type="file" multiple className="visually-hidden" onChange={(e) => addFiles(e.target.files)} />
        </label>
        {staff && <span className="muted small">{t('sc.canned.hint')}</span>}
        <span className="grow" />
        <button type="submit" className="btn primary" disabled={sending || uploading}>
          {t('composer.send')}
        </button>
      </div>
    </form>
    </>
  );
}
