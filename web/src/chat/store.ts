/**
 * The internal chat's client state around react-query: the per-room message window, the tab's one socket and
 * what its frames change, catch-up by seq, and optimistic sends through the outbox.
 */
import type { QueryClient } from '@tanstack/react-query';
import { api, ApiError, refreshSession } from '../api/http';
import type { Contacts, Message, Reaction, Room, Unread } from '../api/types';
import { backoffDelay } from '../lib/backoff';
import * as ob from '../lib/outbox';
import { catchUp, SeqTracker } from '../lib/seq';
import { RealtimeClient, type ServerFrame, type SocketState } from '../lib/socket';
import { keys } from './keys';
import { uuid } from '../lib/uuid';
import { getPresence, setPresence, type MyPresence } from '../lib/presence';
import { BrowserNotifier, type RoomFacts } from '../lib/notify';

export const PAGE = 50;

export interface MessageWindow {
  messages: Message[];
  /** older messages exist before the first loaded one */
  hasOlder: boolean;
  /** the window was opened around a message and newer ones are not loaded yet */
  hasNewer: boolean;
}

const base = '/api/internal-chat';

export function fetchMessages(roomId: string, q: { before?: number; after?: number; around?: string; limit?: number }) {
  const p = new URLSearchParams({ roomId, limit: String(q.limit ?? PAGE) });
  if (q.before !== undefined) p.set('before', String(q.before));
  if (q.after !== undefined) p.set('after', String(q.after));
  if (q.around !== undefined) p.set('around', q.around);
  return api<Message[] | { data: Message[] }>(`${base}/messages?${p}`).then((r) => (Array.isArray(r) ? r : r.data));
}

type Listener = () => void;

class Emitter<T> {
  private listeners = new Set<Listener>();
  constructor(private value: T) {}
  get = () => this.value;
  set(v: T) {
    this.value = v;
    for (const l of this.listeners) l();
  }
  subscribe = (l: Listener) => {
    this.listeners.add(l);
    return () => {
      this.listeners.delete(l);
    };
  };
}

export class ChatStore {
  readonly seq = new SeqTracker();
  readonly outbox = new Emitter<ob.Outbox>([]);
  readonly connection = new Emitter<SocketState>('stopped');
  readonly socket: RealtimeClient;
  private catchingUp = new Map<string, Promise<void>>();
  /**
   * Rooms whose latest page is being fetched. A frame or a socket (re)open meanwhile marks the load stale: the page
   * may have been read before that message was saved, and the frame lands on no window yet, so the load fetches
   * `after=` its last seq again before it finishes.
   */
  private loading = new Map<string, { stale: boolean }>();
  private invalidateTimer: ReturnType<typeof setTimeout> | null = null;
  private typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  meId: string | null = null;
  private readonly notifier = new BrowserNotifier(() => ({
    meId: this.meId,
    room: (roomId) => this.roomFacts(roomId),
    ticket: () => undefined,
  }));
  get presence(): MyPresence {
    return getPresence();
  }

  constructor(private readonly qc: QueryClient, onSessionLost: () => void) {
    const url = (location.protocol === 'https:' ? 'wss' : 'ws') + '://' + location.host + '/ws';
    this.socket = new RealtimeClient({
      url,
      createSocket: (u) => new WebSocket(u) as unknown as import('../lib/socket').SocketLike,
      refresh: refreshSession,
      onFrame: (f) => this.onFrame(f),
      onOpen: (reconnected) => {
        if (this.presence !== 'available') this.socket.send({ type: 'presence:set', status: this.presence });
        for (const load of this.loading.values()) load.stale = true;
        // every open, the first too: a message sent between a room's REST load and the socket's open is fetched
        if (reconnected || this.seq.rooms().length) this.catchUpAll();
      },
      onResync: () => this.catchUpAll(),
      onStateChange: (s) => this.connection.set(s),
      onSessionLost,
    });
  }

  start() {
    this.socket.start();
    window.addEventListener('online', this.wake);
    document.addEventListener('visibilitychange', this.onVisible);
  }

  stop() {
    this.socket.stop();
    window.removeEventListener('online', this.wake);
    document.removeEventListener('visibilitychange', this.onVisible);
  }

  private wake = () => {
    this.socket.wake();
    this.catchUpAll();
  };

  private onVisible = () => {
    if (document.visibilityState === 'visible') this.wake();
  };

  // ---- the message window of a room

  async loadLatest(roomId: string): Promise<MessageWindow> {
    const load = { stale: false };
    this.loading.set(roomId, load);
    let messages: Message[];
    try {
      messages = await fetchMessages(roomId, { limit: PAGE });
      while (load.stale) {
        load.stale = false;
        const from = messages.length ? messages[messages.length - 1].seq : 0;
        const newer = await catchUp<Message>(from, (after, limit) => fetchMessages(roomId, { after, limit }), 100);
        messages = ob.mergeAll(messages, newer.messages);
      }
    } finally {
      if (this.loading.get(roomId) === load) this.loading.delete(roomId);
    }
    const win: MessageWindow = { messages, hasOlder: messages.length >= PAGE && messages[0].seq > 1, hasNewer: false };
    if (messages.length) this.seq.set(roomId, messages[messages.length - 1].seq);
    else this.seq.set(roomId, 0);
    return win;
  }

  async loadOlder(roomId: string): Promise<void> {
    const win = this.qc.getQueryData<MessageWindow>(keys.messages(roomId));
    if (!win || !win.hasOlder || !win.messages.length) return;
    const first = win.messages[0].seq;
    const older = await fetchMessages(roomId, { before: first, limit: PAGE });
    this.qc.setQueryData<MessageWindow>(keys.messages(roomId), (w) =>
      w && { ...w, messages: ob.mergeAll(w.messages, older), hasOlder: older.length >= PAGE && older[0].seq > 1 });
  }

  async loadNewer(roomId: string): Promise<void> {
    const win = this.qc.getQueryData<MessageWindow>(keys.messages(roomId));
    if (!win || !win.hasNewer || !win.messages.length) return;
    const last = win.messages[win.messages.length - 1].seq;
    const newer = await fetchMessages(roomId, { after: last, limit: PAGE });
    const done = newer.length < PAGE;
    this.qc.setQueryData<MessageWindow>(keys.messages(roomId), (w) =>
      w && { ...w, messages: ob.mergeAll(w.messages, newer), hasNewer: !done });
    if (done) {
      const all = this.qc.getQueryData<MessageWindow>(keys.messages(roomId));
      if (all?.messages.length) this.seq.set(roomId, all.messages[all.messages.length - 1].seq);
    }
  }

  /** Open the window centred on a message (a reply's original, a search hit, a pin) unless it is loaded. */
  async loadAround(roomId: string, messageId: string): Promise<void> {
    const win = this.qc.getQueryData<MessageWindow>(keys.messages(roomId));
    if (win?.messages.some((m) => m.id === messageId)) return;
    const around = await fetchMessages(roomId, { around: messageId, limit: PAGE });
    if (!around.length) return;
    const room = this.qc.getQueryData<Room>(keys.room(roomId));
    const last = around[around.length - 1].seq;
    const hasNewer = room ? last < room.lastSeq : true;
    this.qc.setQueryData<MessageWindow>(keys.messages(roomId), {
      messages: around,
      hasOlder: around[0].seq > 1,
      hasNewer,
    });
    if (!hasNewer) this.seq.set(roomId, last);
    else this.seq.forget(roomId);
  }

  /** Back to the latest page (after jumping around). */
  async resetToLatest(roomId: string): Promise<void> {
    this.seq.forget(roomId);
    const win = await this.loadLatest(roomId);
    this.qc.setQueryData(keys.messages(roomId), win);
  }

  private putMessage(msg: Message) {
    const key = keys.messages(msg.roomId);
    const win = this.qc.getQueryData<MessageWindow>(key);
    this.outbox.set(ob.confirm(this.outbox.get(), msg.clientMessageId));
    const load = this.loading.get(msg.roomId);
    if (load) load.stale = true;
    if (!win || win.hasNewer) return;
    const verdict = this.seq.observe(msg.roomId, msg.seq);
    this.qc.setQueryData<MessageWindow>(key, (w) => w && { ...w, messages: ob.upsert(w.messages, msg) });
    if (verdict === 'gap') void this.catchUpRoom(msg.roomId);
  }

  private updateMessage(roomId: string, id: string, change: (m: Message) => Message) {
    this.qc.setQueryData<MessageWindow>(keys.messages(roomId), (w) =>
      w && { ...w, messages: w.messages.map((m) => (m.id === id ? change(m) : m)) });
  }

  catchUpRoom(roomId: string): Promise<void> {
    const running = this.catchingUp.get(roomId);
    if (running) return running;
    const from = this.seq.get(roomId);
    const win = this.qc.getQueryData<MessageWindow>(keys.messages(roomId));
    if (from === undefined || !win || win.hasNewer) return Promise.resolve();
    const p = catchUp<Message>(from, (after, limit) => fetchMessages(roomId, { after, limit }), 100)
      .then((r) => {
        this.qc.setQueryData<MessageWindow>(keys.messages(roomId), (w) => w && { ...w, messages: ob.mergeAll(w.messages, r.messages) });
        for (const m of r.messages) this.outbox.set(ob.confirm(this.outbox.get(), m.clientMessageId));
        this.seq.set(roomId, r.last);
      })
      .catch(() => {
        /* offline: the next reconnect or wake tries again */
      })
      .finally(() => this.catchingUp.delete(roomId));
    this.catchingUp.set(roomId, p);
    return p;
  }

  catchUpAll() {
    for (const roomId of this.seq.rooms()) void this.catchUpRoom(roomId);
    this.refreshLists();
  }

  /** Lists (rooms, contacts, unread) change with most frames: refetch them at most once a second. */
  refreshLists() {
    if (this.invalidateTimer) return;
    this.invalidateTimer = setTimeout(() => {
      this.invalidateTimer = null;
      void this.qc.invalidateQueries({ queryKey: keys.roomsAll });
      void this.qc.invalidateQueries({ queryKey: keys.contacts });
      void this.qc.invalidateQueries({ queryKey: keys.unread });
    }, 800);
  }

  // ---- frames

  /** The room as the cache knows it (its own query, else the room lists), for the notification rule. */
  private roomFacts(roomId: string): RoomFacts | undefined {
    let room = this.qc.getQueryData<Room>(keys.room(roomId));
    if (!room) {
      for (const [, list] of this.qc.getQueriesData<Room[]>({ queryKey: keys.roomsAll })) {
        room = Array.isArray(list) ? list.find((r) => r.id === roomId) : undefined;
        if (room) break;
      }
    }
    if (!room) return undefined;
    const me = room.members?.find((m) => m.userId === this.meId);
    return { type: room.type, title: room.title, notificationsMuted: !!me?.notificationsMuted };
  }

  private onFrame(f: ServerFrame) {
    this.notifier.consider(f);
    const data = f.data as Record<string, unknown> | undefined;
    switch (f.type) {
      case 'internal-chat:message': {
        const m = data as unknown as Message;
        this.putMessage(m);
        this.bumpRoom(m);
        this.refreshLists();
        break;
      }
      case 'internal-chat:message-edited':
      case 'internal-chat:message-deleted': {
        const m = data as unknown as Message;
        this.updateMessage(m.roomId, m.id, (old) => ({ ...m, isRead: old.isRead }));
        void this.qc.invalidateQueries({ queryKey: keys.pins(m.roomId) });
        if (f.type === 'internal-chat:message-deleted') this.refreshLists();
        break;
      }
      case 'internal-chat:reaction': {
        const r = data as { messageId: string; roomId: string; reactions: Record<string, Reaction> };
        this.updateMessage(r.roomId, r.messageId, (m) => ({ ...m, reactions: r.reactions }));
        break;
      }
      case 'internal-chat:read-receipt': {
        const r = data as { roomId: string; userId: string; lastReadSeq: number };
        this.qc.setQueryData<Record<string, number>>(keys.reads(r.roomId), (old) => ({ ...(old ?? {}), [r.userId]: r.lastReadSeq }));
        void this.qc.invalidateQueries({ queryKey: ['ic', 'receipts'] });
        if (r.userId === this.meId) this.refreshLists();
        break;
      }
      case 'internal-chat:typing': {
        const d = data as { roomId: string; userId: string; isTyping: boolean };
        if (d.userId === this.meId) break;
        const timerKey = `${d.roomId}|${d.userId}`;
        const old = this.typingTimers.get(timerKey);
        if (old) clearTimeout(old);
        this.qc.setQueryData<string[]>(keys.typing(d.roomId), (cur) => {
          const set = new Set(cur ?? []);
          if (d.isTyping) set.add(d.userId);
          else set.delete(d.userId);
          return [...set];
        });
        if (d.isTyping) {
          this.typingTimers.set(timerKey, setTimeout(() => {
            this.qc.setQueryData<string[]>(keys.typing(d.roomId), (cur) => (cur ?? []).filter((u) => u !== d.userId));
          }, 6000));
        }
        break;
      }
      case 'internal-chat:user-status': {
        const list = (Array.isArray(f.data) ? f.data : []) as { userId: string; status: string; lastSeenAt: string | null }[];
        this.qc.setQueryData<Contacts>(keys.contacts, (c) =>
          c && {
            ...c,
            users: c.users.map((u) => {
              const s = list.find((x) => x.userId === u.id);
              return s ? { ...u, presence: s.status, lastSeenAt: s.lastSeenAt ?? u.lastSeenAt } : u;
            }),
          });
        break;
      }
      case 'internal-chat:room-updated': {
        const room = data as unknown as Room;
        this.qc.setQueryData<Room>(keys.room(room.id), (old) =>
          old ? { ...old, ...room, lastReadSeq: old.lastReadSeq, unreadCount: old.unreadCount, mentionCount: old.mentionCount, hasMention: old.hasMention } : old);
        void this.qc.invalidateQueries({ queryKey: keys.members(room.id) });
        void this.qc.invalidateQueries({ queryKey: keys.room(room.id) });
        this.refreshLists();
        break;
      }
      case 'ack': {
        // a saved socket send answers with the message; a join answers with just {roomId}
        const m = f.data as Message | undefined;
        if (m && typeof m.id === 'string' && typeof m.seq === 'number') this.putMessage(m);
        break;
      }
      default:
        break;
    }
  }

  /** Move a room to the top of the list with its new last message, before the refetch confirms it. */
  private bumpRoom(m: Message) {
    this.qc.setQueryData<Room[]>(keys.rooms(false), (rooms) => {
      if (!rooms) return rooms;
      const i = rooms.findIndex((r) => r.id === m.roomId);
      if (i < 0) return rooms;
      const mine = m.sender?.id === this.meId;
      const r = {
        ...rooms[i],
        lastMessage: m,
        lastSeq: Math.max(rooms[i].lastSeq, m.seq),
        lastActivityAt: m.createdAt,
        unreadCount: mine ? rooms[i].unreadCount : (rooms[i].unreadCount ?? 0) + 1,
      };
      return [r, ...rooms.slice(0, i), ...rooms.slice(i + 1)];
    });
    if (m.sender?.id !== this.meId) {
      this.qc.setQueryData<Unread>(keys.unread, (u) => u && { ...u, total: u.total + 1 });
    }
  }

  // ---- sending

  send(draft: ob.OutgoingDraft): string {
    const id = uuid();
    this.outbox.set(ob.enqueue(this.outbox.get(), draft, id));
    void this.attempt(id, 0);
    return id;
  }

  retry(clientMessageId: string) {
    this.outbox.set(ob.retry(this.outbox.get(), clientMessageId));
    void this.attempt(clientMessageId, 0);
  }

  discard(clientMessageId: string) {
    this.outbox.set(ob.discard(this.outbox.get(), clientMessageId));
  }

  private async attempt(clientMessageId: string, autoRetries: number): Promise<void> {
    const o = this.outbox.get().find((x) => x.clientMessageId === clientMessageId);
    if (!o || o.status !== 'pending') return;
    try {
      const msg = await api<Message>(`${base}/messages`, {
        method: 'POST',
        body: {
          roomId: o.roomId,
          body: o.body,
          clientMessageId,
          replyToId: o.replyToId,
          mentions: o.mentions?.length ? o.mentions : undefined,
          attachmentIds: o.attachmentIds?.length ? o.attachmentIds : undefined,
          links: o.links?.length ? o.links : undefined,
        },
      });
      this.putMessage(msg);
      this.bumpRoom(msg);
    } catch (e) {
      const status = e instanceof ApiError ? e.status : undefined;
      if (ob.isRetryable(status) && autoRetries < 3) {
        await new Promise((r) => setTimeout(r, 500 + backoffDelay(autoRetries + 1)));
        return this.attempt(clientMessageId, autoRetries + 1);
      }
      this.outbox.set(ob.fail(this.outbox.get(), clientMessageId, e instanceof Error ? e.message : String(e)));
    }
  }

  // ---- read position and typing

  private readSent = new Map<string, number>();
  private readTimers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Mark read up to seq, debounced, only forward, only what was not sent yet. */
  markRead(roomId: string, seq: number, knownRead: number) {
    const sent = Math.max(this.readSent.get(roomId) ?? 0, knownRead);
    if (seq <= sent) return;
    this.readSent.set(roomId, seq);
    const old = this.readTimers.get(roomId);
    if (old) clearTimeout(old);
    this.readTimers.set(roomId, setTimeout(() => {
      this.readTimers.delete(roomId);
      const upTo = this.readSent.get(roomId) ?? seq;
      api(`${base}/rooms/${roomId}/read`, { method: 'POST', body: { seq: upTo } })
        .then(() => {
          this.qc.setQueryData<Room[]>(keys.rooms(false), (rooms) =>
            rooms?.map((r) => (r.id === roomId ? { ...r, lastReadSeq: upTo, unreadCount: Math.max(0, r.lastSeq - upTo), hasMention: false } : r)));
          this.refreshLists();
        })
        .catch(() => this.readSent.set(roomId, knownRead));
    }, 400));
  }

  setPresence(status: 'available' | 'busy' | 'away') {
    setPresence(status);
    this.socket.send({ type: 'presence:set', status });
  }

  private typingSentAt = new Map<string, number>();
  typing(roomId: string, isTyping: boolean) {
    const now = Date.now();
    if (isTyping) {
      if (now - (this.typingSentAt.get(roomId) ?? 0) < 3000) return;
      this.typingSentAt.set(roomId, now);
      this.socket.send({ type: 'internal-chat:typing', roomId, isTyping: true });
    } else if (this.typingSentAt.has(roomId)) {
      this.typingSentAt.delete(roomId);
      this.socket.send({ type: 'internal-chat:typing', roomId, isTyping: false });
    }
  }
}

/** How many members other than the sender have read a message: the server's count, raised by live receipts. */
export function readByCount(m: Message, reads: Record<string, number> | undefined): number {
  if (!reads || !m.sender) return m.readBy;
  const live = Object.entries(reads).filter(([u, s]) => u !== m.sender!.id && s >= m.seq).length;
  return Math.max(m.readBy, live);
}
