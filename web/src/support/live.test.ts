import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { mergeMessages, sc, SupportLive } from './live';
import type { TicketMessage, TicketView } from './types';

const msg = (seq: number, p: Partial<TicketMessage> = {}): TicketMessage => ({
  id: `m${seq}`, ticketId: 't1', seq, sender: { kind: 'ADMIN', id: 'a1', name: 'Ava' }, body: `body ${seq}`, internal: false,
  replyToId: null, clientMessageId: null, attachments: [], isEdited: false, isDeleted: false, seenByCustomer: false,
  createdAt: '2026-12-01T10:00:00Z', editedAt: null, ...p,
});

let qc: QueryClient;
let live: SupportLive;
let fetched: string[];

beforeEach(() => {
  vi.useFakeTimers();
  fetched = [];
  vi.stubGlobal('location', { protocol: 'http:', host: 'x' });
  vi.stubGlobal('document', { cookie: 'goftgu_csrf=t', addEventListener() {}, removeEventListener() {}, visibilityState: 'visible' });
  vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {} });
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    return new Response(JSON.stringify([msg(3, { internal: true, body: 'the note' })]), { status: 200 });
  });
  qc = new QueryClient();
  live = new SupportLive(qc, () => {});
  live.meId = 'me';
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('support frames → cache', () => {
  it('keeps the viewers of a ticket; a resync refetches and keeps them', async () => {
    const viewers = [{ userId: 'u2', name: 'سارا', typing: true, composing: 'reply' }];
    live.onFrame({ type: 'support-chat:viewers', ticketId: 't1', data: { ticketId: 't1', viewers } });
    live.onFrame({ type: 'support-chat:viewers', data: { viewers: [] } });
    expect(qc.getQueryData(sc.viewers('t1'))).toEqual(viewers);
    qc.setQueryData(sc.messages('t1'), [msg(1)]);
    const spy = vi.spyOn(qc, 'invalidateQueries');
    live.resync();
    expect(spy).toHaveBeenCalledWith({ queryKey: sc.all });
    expect(qc.getQueryData(sc.viewers('t1'))).toEqual(viewers);
  });

  it("a message or a read in a ticket's discussion room refetches that discussion's unread count only", () => {
    qc.setQueryData(sc.discussion('t1'), { roomId: 'r1', unread: 0, member: true });
    qc.setQueryData(sc.discussion('t2'), { roomId: 'r2', unread: 0, member: true });
    qc.setQueryData(sc.discussion('t3'), null);
    const spy = vi.spyOn(qc, 'invalidateQueries');
    live.onFrame({ type: 'internal-chat:message', roomId: 'r1', seq: 4, data: {} });
    expect(spy.mock.calls).toEqual([[{ queryKey: sc.discussion('t1') }]]);
    live.onFrame({ type: 'internal-chat:read-receipt', roomId: 'r2', data: {} });
    live.onFrame({ type: 'internal-chat:message', roomId: 'elsewhere', data: {} });
    live.onFrame({ type: 'internal-chat:message', data: {} });
    expect(spy.mock.calls).toEqual([[{ queryKey: sc.discussion('t1') }], [{ queryKey: sc.discussion('t2') }]]);
  });

  it('merges messages by id in seq order', () => {
    expect(mergeMessages([msg(2), msg(1)], [msg(2, { body: 'edited' }), msg(3)]).map((m) => [m.seq, m.body]))
      .toEqual([[1, 'body 1'], [2, 'edited'], [3, 'body 3']]);
  });

  it('a public message lands in the open ticket', () => {
    qc.setQueryData(sc.messages('t1'), [msg(1)]);
    live.onFrame({ type: 'support-chat:message', ticketId: 't1', seq: 2, data: msg(2) });
    expect(qc.getQueryData<TicketMessage[]>(sc.messages('t1'))!.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('a note frame has no body: staff read it over REST after the last seq', async () => {
    qc.setQueryData(sc.messages('t1'), [msg(1), msg(2)]);
    const { body: _omit, ...note } = msg(3, { internal: true });
    live.onFrame({ type: 'support-chat:message', ticketId: 't1', seq: 3, data: note });
    await vi.waitFor(() => expect(qc.getQueryData<TicketMessage[]>(sc.messages('t1'))).toHaveLength(3));
    expect(fetched).toEqual(['/api/support-chat/t1/messages?after=2&limit=100']);
    expect(qc.getQueryData<TicketMessage[]>(sc.messages('t1'))![2].body).toBe('the note');
  });

  it('ticket updates merge into the shown ticket and refresh the lists once', () => {
    qc.setQueryData<Partial<TicketView>>(sc.ticket('t1'), { id: 't1', status: 'OPEN', subject: 's' });
    const spy = vi.spyOn(qc, 'invalidateQueries');
    live.onFrame({ type: 'support-chat:ticket-update', ticketId: 't1', seq: 5, data: { id: 't1', status: 'RESOLVED' } });
    live.onFrame({ type: 'support-chat:ticket-update', ticketId: 't1', seq: 6, data: { id: 't1', status: 'CLOSED' } });
    expect(qc.getQueryData<TicketView>(sc.ticket('t1'))).toMatchObject({ status: 'CLOSED', subject: 's' });
    vi.advanceTimersByTime(1000);
    expect(spy.mock.calls.filter(([f]) => JSON.stringify(f?.queryKey) === JSON.stringify(sc.lists))).toHaveLength(1);
  });

  it('a ticket update\'s merge links: a requester takes them, staff read theirs over REST', () => {
    const held = { mergedInto: null, mergedTickets: [{ id: 't2', number: 'TKT-2' }, { id: 't3', number: 'TKT-3' }] };
    const requesters = { mergedInto: null, mergedTickets: [{ id: 't2', number: 'TKT-2' }] };
    const spy = vi.spyOn(qc, 'invalidateQueries');
    const refetched = () => spy.mock.calls.filter(([f]) => JSON.stringify(f?.queryKey) === JSON.stringify(sc.ticket('t1'))).length;
    qc.setQueryData<Partial<TicketView>>(sc.ticket('t1'), { id: 't1', status: 'OPEN', ...requesters });
    live.onFrame({ type: 'support-chat:ticket-update', ticketId: 't1', seq: 7, data: { id: 't1', status: 'RESOLVED', ...held } });
    expect(qc.getQueryData<TicketView>(sc.ticket('t1'))).toMatchObject({ status: 'RESOLVED', ...held });
    expect(refetched()).toBe(0);

    live.staff = true;
    live.onFrame({ type: 'support-chat:ticket-update', ticketId: 't1', seq: 8, data: { id: 't1', status: 'CLOSED', ...requesters } });
    expect(qc.getQueryData<TicketView>(sc.ticket('t1'))).toMatchObject({ status: 'CLOSED', ...held });
    expect(refetched()).toBe(1);
  });

  it('typing: others only, cleared by their message or after 6 s', () => {
    live.onFrame({ type: 'support-chat:typing', ticketId: 't1', data: { ticketId: 't1', userId: 'me', isTyping: true } });
    live.onFrame({ type: 'support-chat:typing', ticketId: 't1', data: { ticketId: 't1', userId: 'a1', isTyping: true } });
    live.onFrame({ type: 'support-chat:typing', ticketId: 't1', data: { ticketId: 't1', userId: 'c1', isTyping: true } });
    expect(qc.getQueryData(sc.typing('t1'))).toEqual(['a1', 'c1']);
    live.onFrame({ type: 'support-chat:message', ticketId: 't1', seq: 1, data: msg(1) });
    expect(qc.getQueryData(sc.typing('t1'))).toEqual(['c1']);
    vi.advanceTimersByTime(6001);
    expect(qc.getQueryData(sc.typing('t1'))).toEqual([]);
  });

  it('agent presence changes accumulate', () => {
    live.onFrame({ type: 'support-chat:agent-status', data: [{ userId: 'a1', status: 'online' }] });
    live.onFrame({ type: 'support-chat:agent-status', data: [{ userId: 'a2', status: 'away' }, { userId: 'a1', status: 'busy' }] });
    expect(qc.getQueryData(sc.agents)).toEqual({ a1: 'busy', a2: 'away' });
  });
});
