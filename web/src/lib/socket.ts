/**
 * The tab's one WebSocket to /ws: reconnects with exponential backoff and full jitter, detects dead sockets
 * with ping/pong, refreshes the session before reconnecting after a 1008 close (token expired), re-sends the
 * rooms the tab has joined, and tells its owner on every (re)open so it can catch up by seq, and on a `resync`
 * frame (the server could not deliver every frame: it dropped some, or skipped events) so it refetches the same way.
 * Plain TypeScript: the WebSocket constructor, timers and randomness are injected so tests drive it.
 */
import { backoffDelay } from './backoff';

export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number; reason?: string }) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface ServerFrame {
  type: string;
  [key: string]: unknown;
}

export type SocketState = 'connecting' | 'open' | 'waiting' | 'stopped';

export interface RealtimeOptions {
  url: string;
  createSocket: (url: string) => SocketLike;
  /** Called before reconnecting after close 1008; resolves false when the session is gone (stop, go to login). */
  refresh: () => Promise<boolean>;
  onFrame: (frame: ServerFrame) => void;
  /** Every successful open; reconnected = it is not the first, so the owner must catch up. */
  onOpen?: (reconnected: boolean) => void;
  /** The server sent `resync`: frames were lost, so refetch what is shown by seq (as after a reconnect). */
  onResync?: () => void;
  onStateChange?: (state: SocketState) => void;
  onSessionLost?: () => void;
  timers?: Timers;
  random?: () => number;
  heartbeatMs?: number;
  pongTimeoutMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

const OPEN = 1;

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export class RealtimeClient {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private opened = 0;
  private reconnectTimer: unknown = null;
  private heartbeatTimer: unknown = null;
  private pongTimer: unknown = null;
  private stopped = true;
  private refreshing = false;
  private readonly joined = new Set<string>();
  private readonly joinedTickets = new Set<string>();
  private readonly timers: Timers;
  private readonly random: () => number;
  private state: SocketState = 'stopped';

  constructor(private readonly options: RealtimeOptions) {
    this.timers = options.timers ?? defaultTimers;
    this.random = options.random ?? Math.random;
  }

  get currentState(): SocketState {
    return this.state;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    const s = this.socket;
    this.socket = null;
    if (s) {
      s.onclose = null;
      s.onmessage = null;
      s.onerror = null;
      s.onopen = null;
      s.close(1000, 'bye');
    }
    this.setState('stopped');
  }

  /** Send a frame if the socket is open; false when it is not (the caller falls back or waits). */
  send(frame: object): boolean {
    if (!this.socket || this.socket.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  join(roomId: string): void {
    this.joined.add(roomId);
    this.send({ type: 'internal-chat:join', roomId });
  }

  leave(roomId: string): void {
    this.joined.delete(roomId);
    this.send({ type: 'internal-chat:leave', roomId });
  }

  /** Shows a ticket's conversation: its frames (and typing) flow while joined; re-sent after a reconnect. */
  joinTicket(ticketId: string): void {
    this.joinedTickets.add(ticketId);
    this.send({ type: 'support-chat:join', ticketId });
  }

  leaveTicket(ticketId: string): void {
    this.joinedTickets.delete(ticketId);
    this.send({ type: 'support-chat:leave', ticketId });
  }

  /**
   * The network came back or the tab became visible (maybe after sleep): if the socket is not open, reconnect
   * now instead of waiting out the backoff; if it is, check it with a ping.
   */
  wake(): void {
    if (this.stopped) return;
    if (this.socket && this.socket.readyState === OPEN) {
      this.ping();
      return;
    }
    if (this.state === 'waiting') {
      this.timers.clearTimeout(this.reconnectTimer);
      this.reconnectTimer = null;
      this.attempt = 0;
      this.connect();
    }
  }

  private setState(s: SocketState) {
    if (this.state !== s) {
      this.state = s;
      this.options.onStateChange?.(s);
    }
  }

  private connect(): void {
    if (this.stopped) return;
    this.setState('connecting');
    let socket: SocketLike;
    try {
      socket = this.options.createSocket(this.options.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      const reconnected = this.opened > 0;
      this.opened++;
      this.setState('open');
      for (const roomId of this.joined) this.send({ type: 'internal-chat:join', roomId });
      for (const ticketId of this.joinedTickets) this.send({ type: 'support-chat:join', ticketId });
      this.scheduleHeartbeat();
      this.options.onOpen?.(reconnected);
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      this.onActivity();
      if (typeof ev.data !== 'string') return;
      let frame: unknown;
      try {
        frame = JSON.parse(ev.data);
      } catch {
        return;
      }
      if (!frame || typeof frame !== 'object' || typeof (frame as ServerFrame).type !== 'string') return;
      if ((frame as ServerFrame).type === 'pong') return;
      if ((frame as ServerFrame).type === 'resync') {
        this.options.onResync?.();
        return;
      }
      this.options.onFrame(frame as ServerFrame);
    };
    socket.onerror = () => {
      /* onclose follows */
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearHeartbeat();
      if (this.stopped) return;
      if (ev.code === 1008) {
        void this.refreshThenReconnect();
      } else {
        this.scheduleReconnect();
      }
    };
  }

  private async refreshThenReconnect(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    this.setState('waiting');
    let ok = false;
    try {
      ok = await this.options.refresh();
    } catch {
      ok = false;
    } finally {
      this.refreshing = false;
    }
    if (this.stopped) return;
    if (!ok) {
      this.stop();
      this.options.onSessionLost?.();
      return;
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.setState('waiting');
    const delay = backoffDelay(this.attempt, this.random, this.options.baseDelayMs ?? 500, this.options.maxDelayMs ?? 30_000);
    this.attempt++;
    this.reconnectTimer = this.timers.setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  private onActivity(): void {
    if (this.pongTimer !== null) {
      this.timers.clearTimeout(this.pongTimer);
      this.pongTimer = null;
    }
    this.scheduleHeartbeat();
  }

  private scheduleHeartbeat(): void {
    if (this.heartbeatTimer !== null) this.timers.clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = this.timers.setTimeout(() => {
      this.heartbeatTimer = null;
      this.ping();
    }, this.options.heartbeatMs ?? 25_000);
  }

  private ping(): void {
    if (!this.send({ type: 'ping' })) return;
    if (this.pongTimer !== null) return;
    this.pongTimer = this.timers.setTimeout(() => {
      this.pongTimer = null;
      // no answer: the socket is dead (sleep, lost network); drop it and reconnect
      const s = this.socket;
      if (!s) return;
      this.socket = null;
      this.clearHeartbeat();
      s.onclose = null;
      s.onmessage = null;
      try {
        s.close(4000, 'no pong');
      } catch {
        /* already gone */
      }
      this.scheduleReconnect();
    }, this.options.pongTimeoutMs ?? 10_000);
  }

  private clearHeartbeat(): void {
    if (this.heartbeatTimer !== null) this.timers.clearTimeout(this.heartbeatTimer);
    if (this.pongTimer !== null) this.timers.clearTimeout(this.pongTimer);
    this.heartbeatTimer = null;
    this.pongTimer = null;
  }

  private clearTimers(): void {
    this.clearHeartbeat();
    if (this.reconnectTimer !== null) this.timers.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }
}
