import { CrmLinkTitle } from '../lib/crmLink';
import { lazy, memo, Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/http';
import type { Message, Receipt, Room } from '../api/types';
import { useLang, useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages';
import type { Outgoing } from '../lib/outbox';
import { keys } from './keys';
import { MessageText, formatSize } from './text';
import { Time } from './Time';
import { systemText } from './system';

const EmojiPicker = lazy(() => import('./EmojiPicker'));

const base = '/api/internal-chat';

export interface MessageActions {
  reply: (m: Message) => void;
  jumpTo: (messageId: string) => void;
  react: (m: Message, emoji: string, on: boolean) => void;
  edit: (m: Message, body: string) => Promise<void>;
  remove: (m: Message) => Promise<void>;
  pin: (m: Message, on: boolean) => void;
}

export interface MessagePermissions {
  canModerate: boolean;
  canReact: boolean;
  canReply: boolean;
  canPost: boolean;
}

function SystemText({ m, nameOf }: { m: Message; nameOf: (userId: string) => string | undefined }) {
  const t = useT();
  return <>{systemText(m, nameOf, t)}</>;
}

function SeenBy({ m, count }: { m: Message; count: number }) {
  const t = useT();
  const { lang } = useLang();
  const [open, setOpen] = useState(false);
  const receipts = useQuery({
    queryKey: keys.receipts(m.id),
    queryFn: () => api<Receipt[]>(`${base}/messages/${m.id}/receipts`),
    enabled: open,
  });
  return (
    <span className="seen-by">
      <button type="button" className="link-btn" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('msg.seenByCount', { count })}
      </button>
      {open && (
        <span className="popover" role="group" aria-label={t('msg.seenBy')}>
          {receipts.isPending && t('loading')}
          {receipts.data && receipts.data.length === 0 && t('msg.seenByNone')}
          {receipts.data && receipts.data.length > 0 && (
            <ul>
              {receipts.data.map((r) => (
                <li key={r.userId}>
                  <bdi>{r.name}</bdi> <Time iso={r.readAt} lang={lang} mode="datetime" />
                </li>
              ))}
            </ul>
          )}
        </span>
      )}
    </span>
  );
}

export const MessageItem = memo(function MessageItem({
  m, meId, room, names, nameOf, actions, perms, readBy, highlighted,
}: {
  m: Message;
  meId: string;
  room: Room | undefined;
  names: string[];
  nameOf: (userId: string) => string | undefined;
  actions: MessageActions;
  perms: MessagePermissions;
  readBy: number;
  highlighted: boolean;
}) {
  const t = useT();
  const { lang } = useLang();
  const mine = m.sender?.id === meId;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [picker, setPicker] = useState(false);
  const [busy, setBusy] = useState(false);

  if (m.type === 'SYSTEM') {
    return (
      <article className="msg system" data-seq={m.seq} id={`msg-${m.id}`} tabIndex={-1}>
        <p>
          <SystemText m={m} nameOf={nameOf} /> <Time iso={m.createdAt} lang={lang} mode="time" />
        </p>
      </article>
    );
  }

  const readOnly = !!room && (room.isArchived || room.isLocked);
  const reactions = Object.entries(m.reactions ?? {}).filter(([, r]) => r.count > 0);

  async function saveEdit() {
    const body = draft.trim();
    if (!body || body === m.body) {
      setEditing(false);
      return;
    }
    setBusy(true);
    try {
      await actions.edit(m, body);
      setEditing(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article
      className={`msg${mine ? ' mine' : ''}${m.isDeleted ? ' deleted' : ''}${highlighted ? ' highlighted' : ''}`}
      data-seq={m.seq}
      id={`msg-${m.id}`}
      tabIndex={-1}
      aria-labelledby={`msg-${m.id}-head`}
    >
      <header className="msg-head" id={`msg-${m.id}-head`}>
        <bdi className="sender">{mine ? t('msg.you') : (m.sender?.name ?? '')}</bdi>
        <Time iso={m.createdAt} lang={lang} mode="time" />
        {m.isEdited && !m.isDeleted && <span className="muted">{t('msg.edited')}</span>}
        {m.isPinned && <span className="pin-flag">{t('msg.pinned')}</span>}
      </header>

      {m.replyTo && !m.isDeleted && (
        <button type="button" className="reply-quote" onClick={() => actions.jumpTo(m.replyTo!.id)}
          aria-label={t('msg.jumpToReply', { name: m.replyTo.senderName })}>
          <bdi className="sender">{m.replyTo.senderName}</bdi>
          <bdi className="quote-body">{m.replyTo.body ?? t('msg.deleted')}</bdi>
        </button>
      )}

      {m.isDeleted ? (
        <p className="body muted">{t('msg.deleted')}</p>
      ) : editing ? (
        <div className="edit-box">
          <label className="visually-hidden" htmlFor={`edit-${m.id}`}>{t('msg.editBox')}</label>
          <textarea
            id={`edit-${m.id}`}
            value={draft}
            dir="auto"
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void saveEdit();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                setEditing(false);
              }
            }}
          />
          <div className="row">
            <button type="button" className="btn primary small" disabled={busy} onClick={() => void saveEdit()}>{t('msg.saveEdit')}</button>
            <button type="button" className="btn small" onClick={() => setEditing(false)}>{t('msg.cancelEdit')}</button>
          </div>
        </div>
      ) : (
        m.body && (
          <p className="body" dir="auto">
            <MessageText body={m.body} names={names} />
          </p>
        )
      )}

      {!m.isDeleted && m.attachments && m.attachments.length > 0 && (
        <ul className="attachments">
          {m.attachments.map((a) => {
            const url = `${base}/attachments/${a.id}`;
            const image = a.contentType.startsWith('image/');
            return (
              <li key={a.id}>
                {image && (
                  <a href={url} download={a.name} className="image-link">
                    <img src={url} alt={a.name} loading="lazy"
                      width={a.width ?? undefined} height={a.height ?? undefined} />
                  </a>
                )}
                <a href={url} download={a.name} className="file-link">
                  {t('msg.attachment', { name: a.name, size: formatSize(a.size, lang) })}
                </a>
              </li>
            );
          })}
        </ul>
      )}

      {!m.isDeleted && m.links && m.links.length > 0 && (
        <ul className="crm-links">
          {m.links.map((l) => (
            <li key={`${l.kind}:${l.refId}`} className={`crm-link kind-${l.kind.toLowerCase()}`}>
              <span className="link-kind">{t(`link.${l.kind}` as MessageId)}</span>
              <CrmLinkTitle title={l.title} url={l.url} /> <code dir="ltr">{l.refId}</code>
            </li>
          ))}
        </ul>
      )}

      {!m.isDeleted && reactions.length > 0 && (
        <div className="reactions">
          {reactions.map(([emoji, r]) => {
            const on = r.userIds.includes(meId);
            return (
              <button key={emoji} type="button" className={`reaction${on ? ' on' : ''}`} aria-pressed={on}
                disabled={!perms.canReact || readOnly}
                aria-label={t('msg.toggleReaction', { emoji, count: r.count })}
                onClick={() => actions.react(m, emoji, !on)}>
                <span aria-hidden="true">{emoji}</span> <span aria-hidden="true">{r.count.toLocaleString(lang === 'fa' ? 'fa-IR' : 'en')}</span>
              </button>
            );
          })}
        </div>
      )}

      {mine && !m.isDeleted && <SeenBy m={m} count={readBy} />}

      {!m.isDeleted && !editing && (
        <div className="msg-actions" role="group" aria-label={t('msg.actions')}>
          {perms.canReply && perms.canPost && !readOnly && (
            <button type="button" className="icon-btn" onClick={() => actions.reply(m)}>{t('msg.reply')}</button>
          )}
          {perms.canReact && !readOnly && (
            <button type="button" className="icon-btn" aria-expanded={picker} onClick={() => setPicker((p) => !p)}>
              {t('msg.react')}
            </button>
          )}
          {mine && !readOnly && (
            <button type="button" className="icon-btn" onClick={() => { setDraft(m.body ?? ''); setEditing(true); }}>
              {t('msg.edit')}
            </button>
          )}
          {!room?.isArchived && (
            <button type="button" className="icon-btn" onClick={() => actions.pin(m, !m.isPinned)}>
              {m.isPinned ? t('msg.unpin') : t('msg.pin')}
            </button>
          )}
          {(mine || perms.canModerate) && !room?.isArchived && (
            <button type="button" className="icon-btn danger" onClick={() => setConfirmDelete(true)}>{t('msg.delete')}</button>
          )}
        </div>
      )}

      {picker && (
        <Suspense fallback={null}>
          <EmojiPicker
            onClose={() => setPicker(false)}
            onPick={(e) => {
              setPicker(false);
              const already = m.reactions?.[e]?.userIds.includes(meId) ?? false;
              actions.react(m, e, !already);
            }}
          />
        </Suspense>
      )}

      {confirmDelete && (
        <div role="alertdialog" aria-label={t('msg.confirmDelete')} className="confirm">
          <p>{t('msg.confirmDelete')}</p>
          <button type="button" className="btn danger small" autoFocus
            onClick={() => { setConfirmDelete(false); void actions.remove(m); }}>
            {t('msg.delete')}
          </button>
          <button type="button" className="btn small" onClick={() => setConfirmDelete(false)}>{t('msg.cancelEdit')}</button>
        </div>
      )}
    </article>
  );
});

export function PendingItem({ o, onRetry, onDiscard }: { o: Outgoing; onRetry: () => void; onDiscard: () => void }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <article className={`msg mine pending ${o.status}`} aria-busy={o.status === 'pending'}>
      <header className="msg-head">
        <bdi className="sender">{t('msg.you')}</bdi>
        <Time iso={o.createdAt} lang={lang} mode="time" />
        <span className={o.status === 'failed' ? 'error-text' : 'muted'}>
          {o.status === 'failed' ? t('msg.failed') : t('msg.pending')}
        </span>
      </header>
      <p className="body" dir="auto">{o.body}</p>
      {o.status === 'failed' && (
        <div className="row">
          {o.error && <span className="error-text">{o.error}</span>}
          <button type="button" className="btn small" onClick={onRetry}>{t('msg.retry')}</button>
          <button type="button" className="btn small" onClick={onDiscard}>{t('msg.discard')}</button>
        </div>
      )}
    </article>
  );
}
