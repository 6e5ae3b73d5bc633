import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { webcrypto } from 'node:crypto';
import { QueryClient } from '@tanstack/react-query';
import type { Message } from '../api/types';
import { keys } from './keys';
import { ChatStore, type MessageWindow } from './store';

const ROOM = 'room-1';

function msg(seq: number, extra: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`, roomId: ROOM, seq, sender: { id: 'u2', name: 'Reza' }, type: 'TEXT', body: `b${seq}`, clientMessageId: null,
    replyTo: null, mentions: [], reactions: {}, attachments: [], links: [], isEdited: false, editedAt: null, isDeleted: false,
    deletedAt: null, isPinned: false, pinnedAt: null, pinnedBy: null, system: null, readBy: 0, isRead: null,
    createdAt: '2026-12-01T10:00:00Z', ...extra,
  };
}

/** A fake internal-chat API holding one room's messages. */
class FakeServer {
  messages: Message[] = [];
  calls: string[] = [];
  postStatus: number[] = [];
  handle = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://x');
    this.calls.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    if (url.pathname === '/api/internal-chat/messages' && (init?.method ?? 'GET') === 'GET') {
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const after = url.searchParams.get('after');
      const before = url.searchParams.get('before');
      let list = this.messages;
      if (after) list = list.filter((m) => m.seq > Number(after)).slice(0, limit);
      else if (before) list = list.filter((m) => m.seq < Number(before)).slice(-limit);
      else list = list.slice(-limit);
      return json(list);
    }
    if (url.pathname === '/api/internal-chat/messages' && init?.method === 'POST') {
      const status = this.postStatus.shift() ?? 201;
      if (status >= 400) return json({ title: 'nope', status, detail: `failed ${status}` }, status);
      const body = JSON.parse(String(init.body));
      const existing = this.messages.find((m) => m.clientMessageId === body.clientMessageId);
      if (existing) return json(existing, 200);
      const m = msg(this.messages.length + 1, { body: body.body, clientMessageId: body.clientMessageId, sender: { id: 'me', name: 'Me' } });
      this.messages.push(m);
      return json(m, 201);
    }
    return json({}, 404);
  };
}

let server: FakeServer;
let qc: QueryClient;
let store: ChatStore;

beforeEach(() => {
  server = new FakeServer();
  vi.stubGlobal('fetch', server.handle);
  vi.stubGlobal('location', { protocol: 'http:', host: 'x' });
  vi.stubGlobal('document', { cookie: 'goftgu_csrf=t', addEventListener() {}, removeEventListener() {}, visibilityState: 'visible' });
  vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {} });
  // Node 18 has no global crypto without a flag
  vi.stubGlobal('crypto', webcrypto);
  qc = new QueryClient();
  store = new ChatStore(qc, () => {});
  store.meId = 'me';
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function open() {
  await qc.fetchQuery({ queryKey: keys.messages(ROOM), queryFn: () => store.loadLatest(ROOM) });
}
const seqs = () => qc.getQueryData<MessageWindow>(keys.messages(ROOM))!.messages.map((m) => m.seq);
const frame = (m: Message) => (store as unknown as { onFrame(f: unknown): void }).onFrame({ type: 'internal-chat:message', roomId: m.roomId, seq: m.seq, data: m });
const settle = () => new Promise((r) => setTimeout(r, 10));

describe('ChatStore', () => {
  it('appends the next message, ignores a duplicate frame', async () => {
    server.messages = [1, 2, 3].map((s) => msg(s));
    await open();
    server.messages.push(msg(4));
    frame(msg(4));
    frame(msg(4));
    expect(seqs()).toEqual([1, 2, 3, 4]);
    expect(store.seq.get(ROOM)).toBe(4);
  });

  it('a seq gap fetches after= the contiguous seq and fills the hole', async () => {
    server.messages = [1, 2].map((s) => msg(s));
    await open();
    server.messages.push(msg(3), msg(4), msg(5));
    frame(msg(5));
    await settle();
    expect(server.calls).toContain('GET /api/internal-chat/messages?roomId=room-1&limit=100&after=2');
    expect(seqs()).toEqual([1, 2, 3, 4, 5]);
    expect(store.seq.get(ROOM)).toBe(5);
  });

  it('after a reconnect every loaded room catches up', async () => {
    server.messages = [1].map((s) => msg(s));
    await open();
    server.messages.push(msg(2), msg(3));
    store.catchUpAll();
    await settle();
    expect(seqs()).toEqual([1, 2, 3]);
  });

  /**
   * Opens the room with the server's first answer (the latest page, read before message 2 exists) held back until
   * message 2 is saved and `meanwhile` has run.
   */
  async function openWhileMessage2IsSaved(meanwhile: () => void) {
    server.messages = [msg(1)];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const handle = server.handle;
    let first = true;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await handle(input, init);
      if (first) {
        first = false;
        await held;
      }
      return res;
    });
    const opening = open();
    await settle();
    server.messages.push(msg(2));
    meanwhile();
    release();
    await opening;
  }

  it('a message saved while the latest page is on its way is not lost', async () => {
    await openWhileMessage2IsSaved(() => frame(msg(2)));
    expect(seqs()).toEqual([1, 2]);
    expect(store.seq.get(ROOM)).toBe(2);
  });

  it('a socket that opens while the latest page is on its way has that page fetched after= again', async () => {
    // saved before the socket was there: no frame will ever come for it
    await openWhileMessage2IsSaved(() =>
      (store.socket as unknown as { options: { onOpen(reconnected: boolean): void } }).options.onOpen(false));
    expect(seqs()).toEqual([1, 2]);
  });

  it('a page that loads with nothing arriving meanwhile costs one request', async () => {
    server.messages = [msg(1)];
    await open();
    expect(server.calls).toEqual(['GET /api/internal-chat/messages?roomId=room-1&limit=50']);
  });

  it('older pages are merged in front (reverse infinite scroll)', async () => {
    server.messages = Array.from({ length: 120 }, (_, i) => msg(i + 1));
    await open();
    expect(seqs()[0]).toBe(71);
    await store.loadOlder(ROOM);
    expect(seqs()[0]).toBe(21);
    await store.loadOlder(ROOM);
    expect(seqs()[0]).toBe(1);
    expect(qc.getQueryData<MessageWindow>(keys.messages(ROOM))!.hasOlder).toBe(false);
  });

  it('an optimistic send is confirmed once, even when the socket frame and the REST answer both arrive', async () => {
    server.messages = [msg(1)];
    await open();
    const cid = store.send({ roomId: ROOM, body: 'hi' });
    expect(store.outbox.get().map((o) => o.clientMessageId)).toEqual([cid]);
    // the frame overtakes the REST answer
    const saved = msg(2, { body: 'hi', clientMessageId: cid, sender: { id: 'me', name: 'Me' } });
    frame(saved);
    expect(store.outbox.get()).toEqual([]);
    await settle();
    expect(seqs()).toEqual([1, 2]);
  });

  it('a refused send is failed, and retried with the same clientMessageId', async () => {
    server.messages = [msg(1)];
    await open();
    server.postStatus = [400];
    const cid = store.send({ roomId: ROOM, body: 'hi' });
    await settle();
    expect(store.outbox.get()[0]).toMatchObject({ status: 'failed', error: 'failed 400' });
    store.retry(cid);
    expect(store.outbox.get()[0].status).toBe('pending');
    await settle();
    expect(store.outbox.get()).toEqual([]);
    expect(seqs()).toEqual([1, 2]);
    const posts = server.calls.filter((c) => c.startsWith('POST'));
    expect(posts).toHaveLength(2);
    expect(server.messages.filter((m) => m.clientMessageId === cid)).toHaveLength(1);
  });

  it('a send that reached the server but whose answer was lost is not doubled on retry', async () => {
    server.messages = [msg(1)];
    await open();
    server.postStatus = [400];
    const cid = store.send({ roomId: ROOM, body: 'hi' });
    await settle();
    // meanwhile the server did store it (e.g. a proxy failed after the service answered)
    server.messages.push(msg(2, { body: 'hi', clientMessageId: cid, sender: { id: 'me', name: 'Me' } }));
    store.retry(cid);
    await settle();
    expect(seqs()).toEqual([1, 2]);
    expect(server.messages).toHaveLength(2);
  });

  it('edits, deletes and reactions update the cached message', async () => {
    server.messages = [msg(1)];
    await open();
    const on = (store as unknown as { onFrame(f: unknown): void }).onFrame.bind(store);
    on({ type: 'internal-chat:message-edited', roomId: ROOM, seq: 1, data: msg(1, { body: 'edited', isEdited: true }) });
    expect(qc.getQueryData<MessageWindow>(keys.messages(ROOM))!.messages[0].body).toBe('edited');
    on({ type: 'internal-chat:reaction', roomId: ROOM, seq: 1, data: { messageId: 'm1', roomId: ROOM, reactions: { '👍': { count: 1, userIds: ['u2'] } } } });
    expect(qc.getQueryData<MessageWindow>(keys.messages(ROOM))!.messages[0].reactions).toEqual({ '👍': { count: 1, userIds: ['u2'] } });
    on({ type: 'internal-chat:message-deleted', roomId: ROOM, seq: 1, data: msg(1, { body: null, isDeleted: true }) });
    expect(qc.getQueryData<MessageWindow>(keys.messages(ROOM))!.messages[0]).toMatchObject({ body: null, isDeleted: true });
  });
});
