import { describe, expect, it } from 'vitest';
import { noteFor, titleOf, type NotifyContext, type RoomFacts, type TicketFacts } from './notify';
import type { ServerFrame } from './socket';

const ME = 'me-1';
const rooms: Record<string, RoomFacts> = {
  dm: { type: 'DIRECT', title: null, notificationsMuted: false },
  group: { type: 'GROUP', title: 'Sales', notificationsMuted: false },
  quiet: { type: 'GROUP', title: 'Quiet', notificationsMuted: true },
  quietDm: { type: 'DIRECT', title: null, notificationsMuted: true },
};
const tickets: Record<string, TicketFacts> = {
  mine: { assigneeId: ME, number: 'TKT-7', subject: 'Printer' },
  theirs: { assigneeId: 'someone-else', number: 'TKT-8', subject: 'Other' },
};

function ctx(over: Partial<NotifyContext> = {}): NotifyContext {
  return { meId: ME, enabled: true, hidden: true, room: (id) => rooms[id], ticket: (id) => tickets[id], ...over };
}

function chat(roomId: string, over: Record<string, unknown> = {}): ServerFrame {
  return {
    type: 'internal-chat:message',
    data: { roomId, type: 'TEXT', sender: { id: 'ali', name: 'Ali' }, body: 'hello   there', mentions: [], ...over },
  } as ServerFrame;
}

function reply(ticketId: string, over: Record<string, unknown> = {}): ServerFrame {
  return {
    type: 'support-chat:message',
    ticketId,
    data: { ticketId, seq: 3, sender: { kind: 'CUSTOMER', id: 'reza', name: 'Reza' }, body: 'it works', internal: false, ...over },
  } as ServerFrame;
}

describe('browser notification rule', () => {
  it('tells me about a direct message and a mention while the tab is hidden', () => {
    const dm = noteFor(chat('dm'), ctx());
    expect(dm).toMatchObject({ kind: 'direct', body: 'hello there', tag: 'room:dm', url: '/dashboard/internal-chat/dm' });
    expect(titleOf(dm!, 'en')).toBe('Ali');
    const mention = noteFor(chat('group', { mentions: [ME] }), ctx());
    expect(mention).toMatchObject({ kind: 'mention', tag: 'room:group' });
    expect(titleOf(mention!, 'en')).toBe('Ali in Sales');
    expect(titleOf(mention!, 'fa')).toBe('Ali در Sales');
  });

  it('stays quiet while the tab is visible, when turned off, or before it knows who I am', () => {
    expect(noteFor(chat('dm'), ctx({ hidden: false }))).toBeNull();
    expect(noteFor(chat('dm'), ctx({ enabled: false }))).toBeNull();
    expect(noteFor(chat('dm'), ctx({ meId: null }))).toBeNull();
  });

  it('never for my own messages, muted rooms, system messages, or room messages that do not mention me', () => {
    expect(noteFor(chat('dm', { sender: { id: ME, name: 'Me' } }), ctx())).toBeNull();
    expect(noteFor(chat('quiet', { mentions: [ME] }), ctx())).toBeNull();
    expect(noteFor(chat('quietDm'), ctx())).toBeNull();
    expect(noteFor(chat('dm', { type: 'SYSTEM' }), ctx())).toBeNull();
    expect(noteFor(chat('group', { mentions: ['sara'] }), ctx())).toBeNull();
    expect(noteFor(chat('unknown'), ctx())).toBeNull();
  });

  it('tells the assignee about a customer reply, never about notes, staff replies or others\' tickets', () => {
    const note = noteFor(reply('mine'), ctx());
    expect(note).toMatchObject({ kind: 'ticket', body: 'it works', url: '/dashboard/support-chat/mine' });
    expect(titleOf(note!, 'en')).toBe('Ticket TKT-7: Printer');
    expect(noteFor(reply('mine', { sender: { kind: 'GUEST', id: 'g', name: null } }), ctx())).not.toBeNull();
    expect(noteFor(reply('theirs'), ctx())).toBeNull();
    expect(noteFor(reply('unknown'), ctx())).toBeNull();
    expect(noteFor(reply('mine', { sender: { kind: 'STAFF', id: 'sara', name: 'Sara' } }), ctx())).toBeNull();
    // a note arrives as "a note exists", without a body
    expect(noteFor(reply('mine', { body: undefined, internal: true }), ctx())).toBeNull();
    expect(noteFor(reply('mine', { internal: true }), ctx())).toBeNull();
  });

  it('clips long bodies and ignores other frames', () => {
    const long = noteFor(chat('dm', { body: 'x'.repeat(500) }), ctx());
    expect(long!.body.length).toBe(141);
    expect(noteFor({ type: 'internal-chat:typing', data: { roomId: 'dm' } } as ServerFrame, ctx())).toBeNull();
    expect(noteFor({ type: 'internal-chat:message' } as ServerFrame, ctx())).toBeNull();
  });
});
