import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { isCollision, repliedSince, viewerActivity } from './Collision';
import type { TicketMessage } from './types';

describe('collision detection', () => {
  it('names what a viewer does: a note draft, a reply draft, or only viewing', () => {
    expect(viewerActivity({ userId: 'u', name: 'Sara', typing: true, composing: 'note' })).toBe('sc.viewer.note');
    expect(viewerActivity({ userId: 'u', name: 'Sara', typing: false, composing: 'reply' })).toBe('sc.viewer.replying');
    expect(viewerActivity({ userId: 'u', name: 'Sara', typing: false, composing: null })).toBe('sc.viewer.viewing');
  });

  it("tells the server's collision refusal from other conflicts", () => {
    const collided = new ApiError(409, 'Ali replied', { errors: [{ field: 'lastSeenSeq', message: 'Ali replied' }] });
    expect(isCollision(collided)).toBe(true);
    expect(isCollision(new ApiError(409, 'the ticket is closed', {}))).toBe(false);
    expect(isCollision(new ApiError(400, 'bad', { errors: [{ field: 'lastSeenSeq', message: 'bad' }] }))).toBe(false);
    expect(isCollision(new Error('network'))).toBe(false);
  });

  it('names the other agents who replied publicly after the seq, once each', () => {
    const m = (seq: number, kind: string, id: string, name: string, p: Partial<TicketMessage> = {}): TicketMessage => ({
      id: `m${seq}`, ticketId: 't', seq, sender: { kind, id, name }, body: 'x', internal: false, replyToId: null,
      clientMessageId: null, attachments: [], isEdited: false, isDeleted: false, seenByCustomer: false,
      createdAt: '2026-12-01T10:00:00Z', editedAt: null, ...p,
    });
    const list = [
      m(1, 'STAFF', 'sara', 'Sara'), m(2, 'CUSTOMER', 'c', 'Cyrus'), m(3, 'STAFF', 'me', 'Me'),
      m(4, 'STAFF', 'ali', 'Ali', { internal: true }), m(5, 'STAFF', 'sara', 'Sara'), m(6, 'STAFF', 'mina', 'Mina', { isDeleted: true }),
    ];
    expect(repliedSince(list, 1, 'me')).toEqual(['Sara']);
    expect(repliedSince(list, 0, 'me')).toEqual(['Sara']);
    expect(repliedSince(list, 5, 'me')).toEqual([]);
    expect(repliedSince(undefined, 0, 'me')).toEqual([]);
  });
});
