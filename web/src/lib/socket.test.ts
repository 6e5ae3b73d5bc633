import { describe, expect, it, vi } from 'vitest';
import { backoffDelay } from './backoff';
import { RealtimeClient, type ServerFrame, type SocketLike, type Timers } from './socket';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closed: { code?: number; reason?: string } | null = null;
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: { code: number; reason?: string }) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(public url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close(code?: number, reason?: string) {
    this.closed = { code, reason };
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  serverClose(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
  frames() {
    return this.sent.map((s) => JSON.parse(s));
  }
}

class FakeTimers implements Timers {
  t = 0;
  seq = 0;
  pending = new Map<number, { at: number; fn: () => void }>();
  setTimeout(fn: () => void, ms: number) {
    const id = ++this.seq;
    this.pending.set(id, { at: this.t + ms, fn });
    return id;
  }
  clearTimeout(h: unknown) {
    this.pending.delete(h as number);
  }
  now() {
    return this.t;
  }
  advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      const next = [...this.pending.entries()].filter(([, v]) => v.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      this.pending.delete(next[0]);
      this.t = next[1].at;
      next[1].fn();
    }
    this.t = end;
  }
  delays() {
    return [...this.pending.values()].map((v) => v.at - this.t);
  }
}

function setup(overrides: Partial<ConstructorParameters<typeof RealtimeClient>[0]> = {}) {
  const sockets: FakeSocket[] = [];
  const frames: ServerFrame[] = [];
  const opens: boolean[] = [];
  const timers = new FakeTimers();
  const refresh = vi.fn(async () => true);
  const onSessionLost = vi.fn();
  const client = new RealtimeClient({
    url: 'ws://x/ws',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    refresh,
    onFrame: (f) => frames.push(f),
    onOpen: (r) => opens.push(r),
    onSessionLost,
    timers,
    random: () => 1 - 1e-9, // the top of each jitter range, to see the exponential ceiling
    heartbeatMs: 1000,
    pongTimeoutMs: 500,
    ...overrides,
  });
  return { client, sockets, frames, opens, timers, refresh, onSessionLost };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('backoffDelay', () => {
  it('full jitter under an exponential ceiling capped at 30 s', () => {
    expect(backoffDelay(0, () => 0)).toBe(0);
    expect(backoffDelay(0, () => 0.999999)).toBe(499);
    expect(backoffDelay(3, () => 0.999999)).toBe(3999);
    expect(backoffDelay(20, () => 0.999999)).toBe(29999);
    expect(backoffDelay(1000, () => 0.5)).toBe(15000);
    expect(backoffDelay(-1, () => 0.5)).toBe(250);
  });
});

describe('RealtimeClient', () => {
  it('a resync frame asks the owner to refetch, and is not passed on as a frame', () => {
    const onResync = vi.fn();
    const { client, sockets, frames } = setup({ onResync });
    client.start();
    sockets[0].open();
    sockets[0].receive({ type: 'resync', reason: 'overflow' });
    sockets[0].receive({ type: 'support-chat:viewers', ticketId: 't1', data: { ticketId: 't1', viewers: [] } });
    expect(onResync).toHaveBeenCalledTimes(1);
    expect(frames.map((f) => f.type)).toEqual(['support-chat:viewers']);
    expect(sockets).toHaveLength(1);
  });

  it('connects once, passes frames on, swallows pong and junk', () => {
    const { client, sockets, frames, opens } = setup();
    client.start();
    client.start();
    expect(sockets).toHaveLength(1);
    sockets[0].open();
    expect(opens).toEqual([false]);
    sockets[0].receive({ type: 'internal-chat:message', roomId: 'r', seq: 1 });
    sockets[0].receive({ type: 'pong' });
    sockets[0].receive('not json');
    sockets[0].receive({ notype: 1 });
    sockets[0].receive('null');
    expect(frames.map((f) => f.type)).toEqual(['internal-chat:message']);
  });

  it('reconnects with growing, capped backoff and reports reconnected opens', () => {
    const { client, sockets, opens, timers } = setup();
    client.start();
    sockets[0].open();
    const ceilings: number[] = [];
    for (let i = 0; i < 8; i++) {
      sockets[sockets.length - 1].serverClose(1006);
      ceilings.push(timers.delays()[0]);
      timers.advance(timers.delays()[0]);
    }
    expect(ceilings).toEqual([499, 999, 1999, 3999, 7999, 15999, 29999, 29999]);
    expect(sockets).toHaveLength(9);
    sockets[8].open();
    expect(opens).toEqual([false, true]);
    // a successful open resets the backoff
    sockets[8].serverClose(1012);
    expect(timers.delays()[0]).toBe(499);
  });

  it('re-joins the rooms it had joined after a reconnect, and forgets left rooms', () => {
    const { client, sockets, timers } = setup();
    client.start();
    sockets[0].open();
    client.join('a');
    client.join('b');
    client.leave('b');
    expect(sockets[0].frames()).toEqual([
      { type: 'internal-chat:join', roomId: 'a' },
      { type: 'internal-chat:join', roomId: 'b' },
      { type: 'internal-chat:leave', roomId: 'b' },
    ]);
    sockets[0].serverClose(1012);
    timers.advance(1000);
    sockets[1].open();
    expect(sockets[1].frames()).toEqual([{ type: 'internal-chat:join', roomId: 'a' }]);
  });

  it('re-joins tickets after a reconnect with support-chat frames', () => {
    const { client, sockets, timers } = setup();
    client.start();
    sockets[0].open();
    client.joinTicket('t1');
    client.joinTicket('t2');
    client.leaveTicket('t2');
    expect(sockets[0].frames()).toEqual([
      { type: 'support-chat:join', ticketId: 't1' },
      { type: 'support-chat:join', ticketId: 't2' },
      { type: 'support-chat:leave', ticketId: 't2' },
    ]);
    sockets[0].serverClose(1012);
    timers.advance(1000);
    sockets[1].open();
    expect(sockets[1].frames()).toEqual([{ type: 'support-chat:join', ticketId: 't1' }]);
  });

  it('send returns false while not open', () => {
    const { client, sockets } = setup();
    expect(client.send({ type: 'x' })).toBe(false);
    client.start();
    expect(client.send({ type: 'x' })).toBe(false);
    sockets[0].open();
    expect(client.send({ type: 'x' })).toBe(true);
  });

  it('refreshes the session before reconnecting after 1008', async () => {
    const { client, sockets, refresh, timers } = setup();
    client.start();
    sockets[0].open();
    sockets[0].serverClose(1008);
    expect(refresh).toHaveBeenCalledTimes(1);
    await flush();
    timers.advance(1000);
    expect(sockets).toHaveLength(2);
  });

  it('stops and reports the lost session when the refresh fails', async () => {
    const refresh = vi.fn(async () => false);
    const { client, sockets, onSessionLost, timers } = setup({ refresh });
    client.start();
    sockets[0].open();
    sockets[0].serverClose(1008);
    await flush();
    timers.advance(60_000);
    expect(sockets).toHaveLength(1);
    expect(onSessionLost).toHaveBeenCalledTimes(1);
    expect(client.currentState).toBe('stopped');
  });

  it('a refresh that throws counts as a lost session', async () => {
    const refresh = vi.fn(async () => {
      throw new Error('offline');
    });
    const { client, sockets, onSessionLost } = setup({ refresh });
    client.start();
    sockets[0].open();
    sockets[0].serverClose(1008);
    await flush();
    expect(onSessionLost).toHaveBeenCalled();
  });

  it('pings when idle and drops a socket that does not answer', () => {
    const { client, sockets, timers } = setup();
    client.start();
    sockets[0].open();
    timers.advance(1000);
    expect(sockets[0].frames()).toEqual([{ type: 'ping' }]);
    sockets[0].receive({ type: 'pong' });
    timers.advance(1000);
    expect(sockets[0].frames()).toHaveLength(2);
    timers.advance(500); // no pong this time
    expect(sockets[0].closed?.code).toBe(4000);
    timers.advance(1000);
    expect(sockets).toHaveLength(2);
  });

  it('any frame counts as a sign of life', () => {
    const { client, sockets, timers } = setup();
    client.start();
    sockets[0].open();
    for (let i = 0; i < 5; i++) {
      timers.advance(900);
      sockets[0].receive({ type: 'internal-chat:typing' });
    }
    expect(sockets[0].frames()).toEqual([]);
  });

  it('wake reconnects at once while waiting, and pings while open', () => {
    const { client, sockets, timers } = setup();
    client.start();
    sockets[0].open();
    client.wake();
    expect(sockets[0].frames()).toEqual([{ type: 'ping' }]);
    for (let i = 0; i < 5; i++) {
      sockets[sockets.length - 1].serverClose(1006);
      timers.advance(timers.delays()[0]);
    }
    sockets[sockets.length - 1].serverClose(1006);
    const before = sockets.length;
    client.wake();
    expect(sockets.length).toBe(before + 1);
  });

  it('a socket that fails to construct is retried', () => {
    let n = 0;
    const sockets: FakeSocket[] = [];
    const { client, timers } = setup({
      createSocket: (url) => {
        if (n++ === 0) throw new Error('bad');
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
    });
    client.start();
    expect(client.currentState).toBe('waiting');
    timers.advance(1000);
    expect(sockets).toHaveLength(1);
  });

  it('stop closes the socket and never reconnects; late events from old sockets are ignored', () => {
    const { client, sockets, timers, frames } = setup();
    client.start();
    sockets[0].open();
    const old = sockets[0];
    const onmessage = old.onmessage;
    client.stop();
    expect(old.closed?.code).toBe(1000);
    onmessage?.({ data: JSON.stringify({ type: 'late' }) });
    timers.advance(100_000);
    expect(sockets).toHaveLength(1);
    expect(frames).toEqual([]);
  });
});
