import { TicketBanner } from './TicketBanner';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { api, ApiError } from '../api/http';
import type { Message, Room } from '../api/types';
import { useLang, useT } from '../i18n/locale';
import { dayKey } from '../lib/dates';
import { Time } from './Time';
import type { Outgoing } from '../lib/outbox';
import { Composer } from './Composer';
import { directPeer, roomTitle, useChat, useContacts, useMembers, useMessageWindow, useOutbox, useReads, useRoom, useTyping } from './hooks';
import { keys } from './keys';
import { MessageItem, PendingItem, type MessageActions, type MessagePermissions } from './MessageItem';
import { readByCount, type MessageWindow } from './store';
import type { MessageId } from '../i18n/messages';

type Item = { kind: 'msg'; m: Message } | { kind: 'pending'; o: Outgoing };

const BASE_INDEX = 1_000_000;

function sameDayKey(iso: string): string {
  try {
    return dayKey(iso);
  } catch {
    return '';
  }
}

// defined once (not inline) so the list does not remount its header on every render
const listComponents = {
  Header: ({ context }: { context?: { edge: string } }) => <div className="log-edge">{context?.edge}</div>,
};
const base = '/api/internal-chat';

export function Conversation({ roomId, meId, onTogglePanel, panel }: {
  roomId: string;
  meId: string;
  onTogglePanel: (p: 'info' | 'pins') => void;
  panel: 'info' | 'pins' | null;
}) {
  const t = useT();
  const { lang } = useLang();
  const store = useChat();
  const qc = useQueryClient();
  const room = useRoom(roomId);
  const members = useMembers(roomId);
  const win = useMessageWindow(roomId);
  const contacts = useContacts();
  const reads = useReads(roomId);
  const typing = useTyping(roomId);
  const [params, setParams] = useSearchParams();
  const focusId = params.get('msg');
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const virtuoso = useRef<VirtuosoHandle>(null);
  // a replaced window (jump to an unloaded message, back to latest) remounts the list at its anchor
  const [view, setView] = useState<{ gen: number; anchor: number | null }>({ gen: 0, anchor: null });

  // join/leave the room on the socket while it is shown
  useEffect(() => {
    store.socket.join(roomId);
    setReplyTo(null);
    setView((v) => ({ gen: v.gen + 1, anchor: null }));
    return () => store.socket.leave(roomId);
  }, [roomId, store]);

  // the "new messages" line: where my read position was when I opened the room
  const [readAtOpen, setReadAtOpen] = useState<number | null>(null);
  useEffect(() => setReadAtOpen(null), [roomId]);
  useEffect(() => {
    if (readAtOpen !== null) return;
    const listed = qc.getQueryData<Room[]>(keys.rooms(false))?.find((x) => x.id === roomId);
    const known = room.data?.id === roomId ? room.data.lastReadSeq : listed?.lastReadSeq;
    if (known !== undefined && known !== null) setReadAtOpen(known);
    else if (room.data?.id === roomId) setReadAtOpen(0);
  }, [room.data, roomId, readAtOpen, qc]);

  const messages = useMemo(() => win.data?.messages ?? [], [win.data]);
  const pending = useOutbox(roomId, messages);
  const items: Item[] = useMemo(
    () => [...messages.map((m) => ({ kind: 'msg' as const, m })), ...(win.data?.hasNewer ? [] : pending.map((o) => ({ kind: 'pending' as const, o })))],
    [messages, pending, win.data?.hasNewer],
  );

  // firstItemIndex goes down by exactly the number of items prepended (reverse infinite scroll)
  const firstIndex = useRef({ roomId, firstId: '', index: BASE_INDEX });
  const firstId = messages[0]?.id ?? '';
  if (firstIndex.current.roomId !== roomId) firstIndex.current = { roomId, firstId, index: BASE_INDEX };
  if (firstId && firstIndex.current.firstId !== firstId) {
    const k = messages.findIndex((m) => m.id === firstIndex.current.firstId);
    firstIndex.current = { roomId, firstId, index: k > 0 ? firstIndex.current.index - k : BASE_INDEX };
  }
  const firstItemIndex = firstIndex.current.index;

  const loadOlder = useCallback(async () => {
    if (!win.data?.hasOlder || loadingOlder) return;
    setLoadingOlder(true);
    try {
      await store.loadOlder(roomId);
    } finally {
      setLoadingOlder(false);
    }
  }, [win.data?.hasOlder, loadingOlder, store, roomId]);

  // open a message in context: ?msg=<id> (search, pins) or a click on a reply's quote
  const jumpTo = useCallback(async (messageId: string) => {
    const had = qc.getQueryData<MessageWindow>(keys.messages(roomId))?.messages.some((m) => m.id === messageId) ?? false;
    try {
      await store.loadAround(roomId, messageId);
    } catch (e) {
      setActionError(e instanceof Error ? e.message : String(e));
      return;
    }
    const w = qc.getQueryData<MessageWindow>(keys.messages(roomId));
    const i = w?.messages.findIndex((m) => m.id === messageId) ?? -1;
    if (i < 0) return;
    setHighlight(messageId);
    if (had && virtuoso.current) {
      virtuoso.current.scrollToIndex({ index: i, align: 'center' });
    } else {
      setView((v) => ({ gen: v.gen + 1, anchor: i }));
    }
    setTimeout(() => document.getElementById(`msg-${messageId}`)?.focus({ preventScroll: true }), 300);
  }, [store, roomId, qc]);

  useEffect(() => {
    if (focusId && win.data) {
      void jumpTo(focusId);
      const p = new URLSearchParams(params);
      p.delete('msg');
      setParams(p, { replace: true });
    }
  }, [focusId, win.data, jumpTo, params, setParams]);

  useEffect(() => {
    if (!highlight) return;
    const h = setTimeout(() => setHighlight(null), 4000);
    return () => clearTimeout(h);
  }, [highlight]);

  // mark read as messages come into view (the store sends only forward moves, debounced)
  const lastRange = useRef<{ startIndex: number; endIndex: number } | null>(null);
  const onRange = useCallback((range: { startIndex: number; endIndex: number }) => {
    lastRange.current = range;
    if (document.visibilityState !== 'visible') return;
    let max = 0;
    for (let i = range.startIndex; i <= range.endIndex; i++) {
      const it = items[i - firstItemIndex];
      if (it?.kind === 'msg' && it.m.seq > max) max = it.m.seq;
    }
    if (max > 0) store.markRead(roomId, max, room.data?.lastReadSeq ?? 0);
  }, [items, firstItemIndex, store, roomId, room.data?.lastReadSeq]);

  // back to the tab: what is on screen now counts as read; new messages while shown, too
  useEffect(() => {
    const again = () => {
      if (lastRange.current) onRange(lastRange.current);
    };
    document.addEventListener('visibilitychange', again);
    window.addEventListener('focus', again);
    return () => {
      document.removeEventListener('visibilitychange', again);
      window.removeEventListener('focus', again);
    };
  }, [onRange]);

  // my own send scrolls to the end even when I had scrolled up
  const pendingCount = pending.length;
  const prevPending = useRef(pendingCount);
  useEffect(() => {
    if (pendingCount > prevPending.current) {
      requestAnimationFrame(() => virtuoso.current?.scrollToIndex({ index: 'LAST', align: 'end', behavior: 'smooth' }));
    }
    prevPending.current = pendingCount;
  }, [pendingCount]);

  const r: Room | undefined = room.data;
  const myRole = members.data?.find((m) => m.userId === meId)?.role ?? r?.members?.find((m) => m.userId === meId)?.role;
  const meMember = members.data?.find((m) => m.userId === meId) ?? r?.members?.find((m) => m.userId === meId);
  const mutedNow = !!meMember?.muted && (!meMember.mutedUntil || Date.parse(meMember.mutedUntil) > Date.now());
  const isMod = myRole === 'OWNER' || myRole === 'ADMIN' || myRole === 'MODERATOR';
  const canPost = !!r && (r.settings?.whoCanPost === 'OWNER_ONLY' ? myRole === 'OWNER'
    : r.settings?.whoCanPost === 'ADMINS_ONLY' ? (myRole === 'OWNER' || myRole === 'ADMIN') : true);
  const allowReactions = r?.settings?.allowReactions !== false;
  const allowReplies = r?.settings?.allowReplies !== false;
  const perms: MessagePermissions = useMemo(() => ({
    canModerate: isMod,
    canReact: allowReactions,
    canReply: allowReplies,
    canPost,
  }), [isMod, allowReactions, allowReplies, canPost]);
  const names = useMemo(() => (members.data ?? r?.members ?? []).map((m) => m.name), [members.data, r?.members]);
  const nameOf = useCallback((id: string) => (members.data ?? r?.members ?? []).find((m) => m.userId === id)?.name
    ?? contacts.data?.users.find((u) => u.id === id)?.name, [members.data, r?.members, contacts.data]);

  const fail = (e: unknown) => setActionError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
  const actions: MessageActions = useMemo(() => ({
    reply: (m) => setReplyTo(m),
    jumpTo: (id) => void jumpTo(id),
    react: (m, emoji, on) => {
      api(`${base}/messages/${m.id}/reactions/${encodeURIComponent(emoji)}`, { method: on ? 'PUT' : 'DELETE' })
        .then((res) => {
          const rc = res as { reactions?: Message['reactions'] } | undefined;
          if (rc?.reactions) {
            qc.setQueryData<MessageWindow>(keys.messages(roomId), (w) =>
              w && { ...w, messages: w.messages.map((x) => (x.id === m.id ? { ...x, reactions: rc.reactions! } : x)) });
          }
        })
        .catch(fail);
    },
    edit: async (m, body) => {
      try {
        const updated = await api<Message>(`${base}/messages/${m.id}`, { method: 'PATCH', body: { body } });
        qc.setQueryData<MessageWindow>(keys.messages(roomId), (w) =>
          w && { ...w, messages: w.messages.map((x) => (x.id === m.id ? { ...updated, isRead: x.isRead } : x)) });
      } catch (e) {
        fail(e);
        throw e;
      }
    },
    remove: async (m) => {
      try {
        await api(`${base}/messages/${m.id}`, { method: 'DELETE' });
        qc.setQueryData<MessageWindow>(keys.messages(roomId), (w) =>
          w && { ...w, messages: w.messages.map((x) => (x.id === m.id ? { ...x, isDeleted: true, body: null, reactions: {}, attachments: [], links: [] } : x)) });
      } catch (e) {
        fail(e);
      }
    },
    pin: (m, on) => {
      api<Message>(`${base}/messages/${m.id}/pin`, { method: on ? 'PUT' : 'DELETE' })
        .then((updated) => {
          if (updated?.id) {
            qc.setQueryData<MessageWindow>(keys.messages(roomId), (w) =>
              w && { ...w, messages: w.messages.map((x) => (x.id === m.id ? { ...updated, isRead: x.isRead } : x)) });
          }
          void qc.invalidateQueries({ queryKey: keys.pins(roomId) });
        })
        .catch(fail);
    },
  }), [jumpTo, qc, roomId]);

  if (room.isError) {
    const notFound = room.error instanceof ApiError && (room.error.status === 404 || room.error.status === 403);
    return (
      <section className="conversation empty">
        <p role="alert">{notFound ? t('room.notFound') : t('error.generic', { message: room.error.message })}</p>
      </section>
    );
  }

  const fallback = { notes: t('sidebar.notes'), untitled: t('room.untitled') };
  const title = r ? roomTitle(r, meId, fallback) : '';
  const peer = r ? directPeer(r, meId) : undefined;
  const peerContact = peer ? contacts.data?.users.find((u) => u.id === peer.userId) : undefined;
  const disabledReason = !r ? t('loading') : r.isArchived ? t('room.archivedNotice') : r.isLocked ? t('room.lockedNotice') : !canPost ? t('room.cannotPost') : mutedNow ? t('room.mutedNotice') : null;
  const memberName = (id: string) => (members.data ?? r?.members ?? []).find((m) => m.userId === id)?.name
    ?? contacts.data?.users.find((u) => u.id === id)?.name ?? '…';
  const typingNames = typing.map(memberName);
  const typingText = typingNames.length === 0 ? '' : typingNames.length === 1 ? t('typing.one', { name: typingNames[0] })
    : typingNames.length === 2 ? t('typing.two', { a: typingNames[0], b: typingNames[1] }) : t('typing.many', { count: typingNames.length });
  const newLineSeq = readAtOpen !== null ? messages.find((m) => m.seq > readAtOpen && m.sender?.id !== meId && m.type !== 'SYSTEM')?.seq : undefined;

  // open at the first unread message when it is loaded, else at the end
  const unreadAt = newLineSeq !== undefined ? messages.findIndex((m) => m.seq === newLineSeq) : -1;
  const initialIndex = unreadAt >= 0 ? { index: unreadAt, align: 'start' as const } : { index: 'LAST' as const, align: 'end' as const };

  return (
    <section className="conversation" aria-labelledby="conv-title">
      <header className="conv-head">
        <Link to="/dashboard/internal-chat" className="back-link">
          <span aria-hidden="true">{lang === 'fa' ? '→' : '←'}</span> <span className="visually-hidden">{t('room.back')}</span>
        </Link>
        <h1 id="conv-title">
          {peerContact && <span className={`dot presence-${peerContact.presence}`} aria-hidden="true" />}
          <bdi>{title}</bdi>
        </h1>
        {peerContact && (
          <span className="muted presence-text">
            {t(`presence.${peerContact.presence}` as MessageId)}
            {peerContact.presence !== 'online' && peerContact.lastSeenAt && (
              <>
                {' · '}
                {t('sidebar.lastSeen', { when: '' })}
                <Time iso={peerContact.lastSeenAt} lang={lang} mode="relative" />
              </>
            )}
          </span>
        )}
        {r && <span className="room-type">{t(`roomType.${r.type}` as MessageId)}</span>}
        <div className="conv-tools">
          <button type="button" className="btn" aria-pressed={panel === 'pins'} onClick={() => onTogglePanel('pins')}>{t('room.pins')}</button>
          <button type="button" className="btn" aria-pressed={panel === 'info'} onClick={() => onTogglePanel('info')}>{t('room.info')}</button>
        </div>
      </header>
      {r?.ticket && <TicketBanner ticket={r.ticket} />}
      {actionError && (
        <div role="alert" className="banner error">
          {actionError} <button type="button" className="btn small" onClick={() => setActionError(null)}>{t('emoji.close')}</button>
        </div>
      )}
      <div role="log" aria-label={t('log.label')} className="log" aria-busy={win.isPending}>
        {win.isPending && <p role="status" className="muted center">{t('loading')}</p>}
        {win.isError && <p role="alert">{t('error.generic', { message: win.error.message })}</p>}
        {win.data && items.length === 0 && <p className="muted center">{t('log.empty')}</p>}
        {win.data && items.length > 0 && readAtOpen !== null && (
          <Virtuoso
            key={`${roomId}:${view.gen}`}
            ref={virtuoso}
            className="virtuoso"
            data={items}
            firstItemIndex={firstItemIndex}
            initialTopMostItemIndex={view.anchor !== null ? { index: view.anchor, align: 'center' } : initialIndex}
            startReached={() => void loadOlder()}
            endReached={() => { if (win.data?.hasNewer) void store.loadNewer(roomId); }}
            followOutput={(atBottom) => (atBottom ? 'smooth' : false)}
            rangeChanged={onRange}
            increaseViewportBy={{ top: 400, bottom: 200 }}
            computeItemKey={(_, it) => (it.kind === 'msg' ? it.m.id : it.o.clientMessageId)}
            context={{ edge: win.data?.hasOlder ? (loadingOlder ? t('log.loadingOlder') : '') : t('log.start') }}
            components={listComponents}
            itemContent={(index, it) => {
              const i = index - firstItemIndex;
              const prev = items[i - 1];
              const when = it.kind === 'msg' ? it.m.createdAt : it.o.createdAt;
              const prevWhen = prev ? (prev.kind === 'msg' ? prev.m.createdAt : prev.o.createdAt) : null;
              const newDay = !!when && (!prevWhen || sameDayKey(prevWhen) !== sameDayKey(when));
              return (
                <div className="item">
                  {newDay && (
                    <div className="day-sep" role="separator">
                      <Time iso={when} lang={lang} mode="date" />
                    </div>
                  )}
                  {it.kind === 'msg' && it.m.seq === newLineSeq && (
                    <div className="new-line" role="separator" aria-label={t('log.newMessages')}>
                      <span>{t('log.newMessages')}</span>
                    </div>
                  )}
                  {it.kind === 'msg' ? (
                    <MessageItem m={it.m} meId={meId} room={r} names={names} nameOf={nameOf} actions={actions} perms={perms}
                      readBy={readByCount(it.m, reads)} highlighted={highlight === it.m.id} />
                  ) : (
                    <PendingItem o={it.o} onRetry={() => store.retry(it.o.clientMessageId)} onDiscard={() => store.discard(it.o.clientMessageId)} />
                  )}
                </div>
              );
            }}
          />
        )}
      </div>
      {win.data?.hasNewer && (
        <button type="button" className="btn jump-latest" onClick={() => void store.resetToLatest(roomId).then(() => setView((v) => ({ gen: v.gen + 1, anchor: null })))}>{t('log.jumpLatest')}</button>
      )}
      <div role="status" className="typing" aria-live="polite">
        {typingText}
      </div>
      {r && (
        <Composer room={r} members={members.data ?? r.members ?? []} replyTo={replyTo}
          onCancelReply={() => setReplyTo(null)} disabledReason={disabledReason} meId={meId} />
      )}
    </section>
  );
}
