/**
 * The support pages' realtime: the tab's one WebSocket (lib/socket) while a support page is shown, its frames
 * written into the react-query cache (tickets, messages, typing, agent presence, support-info lists), ticket
 * joins, typing and presence:set. The internal chat owns the socket while it is shown; pages never overlap.
 */
import type { QueryClient } from '@tanstack/react-query';
import { api, refreshSession } from '../api/http';
import { RealtimeClient, type ServerFrame, type SocketLike, type SocketState } from '../lib/socket';
import { getPresence, setPresence, type MyPresence } from '../lib/presence';
import { BrowserNotifier } from '../lib/notify';
import type { DiscussionView } from '../api/types';
import type { TicketMessage, TicketView } from './types';

export const sc = {
  all: ['sc'] as const,
  lists: ['sc', 'list'] as const,
  list: (q: string) => ['sc', 'list', q] as const,
  counts: (q: string) => ['sc', 'counts', q] as const,
  ticket: (id: string) => ['sc', 'ticket', id] as const,
  messages: (id: string) => ['sc', 'messages', id] as const,
  history: (id: string) => ['sc', 'history', id] as const,
  typing: (id: string) => ['sc', 'typing', id] as const,
  viewers: (id: string) => ['sc', 'viewers', id] as const,
  discussions: ['sc', 'discussion'] as const,
  discussion: (id: string) => ['sc', 'discussion', id] as const,
  agents: ['sc', 'agent-status'] as const,
};

export const si = { all: ['si'] as const };

export function mergeMessages(old: TicketMessage[] | undefined, add: TicketMessage[]): TicketMessage[] {
  const byId = new Map((old ?? []).map((m) => [m.id, m]));
  for (const m of add) byId.set(m.id, { ...byId.get(m.id), ...m });
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

export interface TypingEntry { userId: string; until: number }

/** One staff member viewing a ticket (the `support-chat:viewers` frame), myself included. */
export interface Viewer { userId: string; name: string | null; typing: boolean; composing: 'reply' | 'note' | null }

type Listener = () => void;

export class SupportLive {
  readonly socket: RealtimeClient;
  private users = 0;
  private stopTimer: ReturnType<typeof setTimeout> | null = null;
  private listTimer: ReturnType<typeof setTimeout> | null = null;
  private typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private state: SocketState = 'stopped';
  private stateListeners = new Set<Listener>();
  meId: string | null = null;
  /** staff see merge links a ticket's requester does not (ticket updates) */
  staff = false;

  constructor(private readonly qc: QueryClient, onSessionLost: () => void) {
    const url = (location.protocol === 'https:' ? 'wss' : 'ws') + '://' + location.host + '/ws';
    this.socket = new RealtimeClient({
      url,
      createSocket: (u) => new WebSocket(u) as unknown as SocketLike,
      refresh: refreshSession,
      onFrame: (f) => this.onFrame(f),
      onOpen: (reconnected) => {
        const p = getPresence();
        if (p !== 'available') this.socket.send({ type: 'presence:set', status: p });
        if (reconnected) this.resync();
      },
      onResync: () => this.resync(),
      onStateChange: (s) => {
        this.state = s;
        for (const l of this.stateListeners) l();
      },
      onSessionLost,
    });
  }

  connection = () => this.state;
  subscribeConnection = (l: Listener) => {
    this.stateListeners.add(l);
    return () => {
      this.stateListeners.delete(l);
    };
  };

  /** A page that needs the socket holds it; the last to let go stops it a little later (page changes reuse it). */
  acquire(): () => void {
    this.users++;
    if (this.stopTimer) {
      clearTimeout(this.stopTimer);
      this.stopTimer = null;
    }
    this.socket.start();
    window.addEventListener('online', this.wake);
    document.addEventListener('visibilitychange', this.onVisible);
    return () => {
      this.users--;
      if (this.users > 0) return;
      this.stopTimer = setTimeout(() => {
        this.socket.stop();
        window.removeEventListener('online', this.wake);
        document.removeEventListener('visibilitychange', this.onVisible);
      }, 500);
    };
  }

  private wake = () => this.socket.wake();
  private onVisible = () => {
    if (document.visibilityState === 'visible') this.socket.wake();
  };

  join(ticketId: string): () => void {
    this.socket.joinTicket(ticketId);
    return () => this.socket.leaveTicket(ticketId);
  }

  typing(ticketId: string, isTyping: boolean, internal: boolean) {
    this.socket.send(internal ? { type: 'support-chat:typing', ticketId, isTyping, internal: true } : { type: 'support-chat:typing', ticketId, isTyping });
  }

  setPresence(status: MyPresence) {
    setPresence(status);
    this.socket.send({ type: 'presence:set', status });
  }

  /** Lists and counts depend on filters: refetch the shown ones at most once a second. */
  refreshLists() {
    if (this.listTimer) return;
    this.listTimer = setTimeout(() => {
      this.listTimer = null;
      void this.qc.invalidateQueries({ queryKey: sc.lists });
      void this.qc.invalidateQueries({ queryKey: ['sc', 'counts'] });
      void this.qc.invalidateQueries({ queryKey: ['sc', 'queue'] });
    }, 700);
  }

  /** Frames may have been missed (a reconnect, or the server's `resync`): refetch what the support pages show. */
  resync() {
    void this.qc.invalidateQueries({ queryKey: sc.all });
    void this.qc.invalidateQueries({ queryKey: si.all });
  }

  /** Fetch what the cache misses after the newest message it has. */
  async catchUp(ticketId: string) {
    const have = this.qc.getQueryData<TicketMessage[]>(sc.messages(ticketId));
    if (!have) return;
    const last = have.length ? have[have.length - 1].seq : 0;
    const more = await api<TicketMessage[]>(`/api/support-chat/${ticketId}/messages?after=${last}&limit=100`);
    this.qc.setQueryData<TicketMessage[]>(sc.messages(ticketId), (old) => mergeMessages(old, more));
  }

  private readonly notifier = new BrowserNotifier(() => ({
    meId: this.meId,
    room: () => undefined,
    ticket: (ticketId) => this.ticketFacts(ticketId),
  }));

  /** The ticket as the cache knows it (its own query, else a shown list), for the notification rule. */
  private ticketFacts(ticketId: string): TicketView | undefined {
    const own = this.qc.getQueryData<TicketView>(sc.ticket(ticketId));
    if (own) return own;
    for (const [, page] of this.qc.getQueriesData<{ data?: TicketView[] }>({ queryKey: sc.lists })) {
      const hit = page?.data?.find((t) => t.id === ticketId);
      if (hit) return hit;
    }
    return undefined;
  }

  onFrame(f: ServerFrame) {
    this.notifier.consider(f);
    const ticketId = typeof f.ticketId === 'string' ? f.ticketId : undefined;
    switch (f.type) {
      case 'support-chat:message': {
        const m = f.data as TicketMessage;
        if (!ticketId || !m) break;
        if ('body' in m) {
          this.qc.setQueryData<TicketMessage[]>(sc.messages(ticketId), (old) => (old ? mergeMessages(old, [m]) : old));
        } else {
          // a staff note arrives as "a note exists": read it over REST
          void this.catchUp(ticketId).catch(() => this.qc.invalidateQueries({ queryKey: sc.messages(ticketId) }));
        }
        if (m.sender?.id) this.clearTyping(ticketId, m.sender.id);
        this.refreshLists();
        break;
      }
      case 'support-chat:ticket-update': {
        const t = f.data as TicketView;
        if (!ticketId || !t) break;
        // A frame carries the ticket as its requester sees it: another requester's ticket is left out of its merge
        // links (docs/subsystems/merges.md). Staff see those, so theirs come from REST.
        const { staff } = this;
        this.qc.setQueryData<TicketView>(sc.ticket(ticketId), (old) => (!old ? old : staff
          ? { ...old, ...t, mergedInto: old.mergedInto, mergedTickets: old.mergedTickets } : { ...old, ...t }));
        if (staff) void this.qc.invalidateQueries({ queryKey: sc.ticket(ticketId) });
        void this.qc.invalidateQueries({ queryKey: sc.history(ticketId) });
        this.refreshLists();
        break;
      }
      case 'support-chat:typing': {
        const d = f.data as { ticketId?: string; userId: string; isTyping: boolean } | undefined;
        const id = d?.ticketId ?? ticketId;
        if (!d || !id || d.userId === this.meId) break;
        if (d.isTyping) this.setTyping(id, d.userId);
        else this.clearTyping(id, d.userId);
        break;
      }
      case 'support-chat:agent-status': {
        const list = (Array.isArray(f.data) ? f.data : []) as { userId: string; status: string }[];
        this.qc.setQueryData<Record<string, string>>(sc.agents, (old) => {
          const next = { ...(old ?? {}) };
          for (const s of list) next[s.userId] = s.status;
          return next;
        });
        break;
      }
      case 'support-chat:viewers': {
        const d = f.data as { viewers?: Viewer[] } | undefined;
        if (!ticketId || !Array.isArray(d?.viewers)) break;
        this.qc.setQueryData<Viewer[]>(sc.viewers(ticketId), d.viewers);
        break;
      }
      case 'support-info:updated':
        void this.qc.invalidateQueries({ queryKey: si.all });
        break;
      case 'internal-chat:message':
      case 'internal-chat:read-receipt': {
        // a ticket's staff discussion got a message or a read: its unread count is refetched (the socket carries
        // the events of every room I am in, the discussion's too)
        const roomId = typeof f.roomId === 'string' ? f.roomId : undefined;
        if (!roomId) break;
        for (const [key, d] of this.qc.getQueriesData<DiscussionView | null>({ queryKey: sc.discussions })) {
          if (d?.roomId === roomId) void this.qc.invalidateQueries({ queryKey: key });
        }
        break;
      }
      default:
        break;
    }
  }

  private setTyping(ticketId: string, userId: string) {
    const key = `${ticketId}|${userId}`;
    const old = this.typingTimers.get(key);
    if (old) clearTimeout(old);
    this.qc.setQueryData<string[]>(sc.typing(ticketId), (cur) => [...new Set([...(cur ?? []), userId])]);
    this.typingTimers.set(key, setTimeout(() => this.clearTyping(ticketId, userId), 6000));
  }

  private clearTyping(ticketId: string, userId: string) {
    const key = `${ticketId}|${userId}`;
    const old = this.typingTimers.get(key);
    if (old) clearTimeout(old);
    this.typingTimers.delete(key);
    this.qc.setQueryData<string[]>(sc.typing(ticketId), (cur) => (cur ?? []).filter((u) => u !== userId));
  }
}

let instance: SupportLive | null = null;
export function supportLive(qc: QueryClient, onSessionLost: () => void): SupportLive {
  if (!instance) instance = new SupportLive(qc, onSessionLost);
  return instance;
}
