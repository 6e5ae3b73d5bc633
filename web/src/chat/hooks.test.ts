import { describe, expect, it } from 'vitest';
import { directPeer, roomTitle } from './hooks';
import { readByCount } from './store';
import { safeNext } from '../auth/auth';
import type { Member, Message } from '../api/types';

const member = (userId: string, name: string): Member =>
  ({ userId, name, role: 'MEMBER', nickname: null, muted: false, mutedUntil: null, joinedAt: '2026-01-01T00:00:00Z' });
const fallback = { notes: 'Notes', untitled: 'Untitled' };

describe('roomTitle', () => {
  it('uses the title, then the other person of a direct room, then notes-to-self', () => {
    expect(roomTitle({ title: 'Sales', type: 'GROUP', members: [] }, 'me', fallback)).toBe('Sales');
    expect(roomTitle({ title: null, type: 'DIRECT', members: [member('me', 'Me'), member('u2', 'Reza')] }, 'me', fallback)).toBe('Reza');
    expect(roomTitle({ title: null, type: 'DIRECT', members: [member('me', 'Me')] }, 'me', fallback)).toBe('Notes');
    expect(roomTitle({ title: null, type: 'GROUP', members: null }, 'me', fallback)).toBe('Untitled');
    expect(directPeer({ type: 'GROUP', members: [member('u2', 'R')] }, 'me')).toBeUndefined();
  });
});

describe('readByCount', () => {
  const m = { seq: 5, readBy: 1, sender: { id: 'me', name: 'Me' } } as Message;
  it('never goes below the server count, rises with live receipts, ignores the sender', () => {
    expect(readByCount(m, undefined)).toBe(1);
    expect(readByCount(m, { me: 10, a: 4 })).toBe(1);
    expect(readByCount(m, { a: 5, b: 9 })).toBe(2);
  });
});

describe('safeNext', () => {
  it('follows only paths of this app', () => {
    expect(safeNext('/dashboard/internal-chat/x?msg=1')).toBe('/dashboard/internal-chat/x?msg=1');
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('//evil.example')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('/login?next=/x')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});

import { IntlMessageFormat } from 'intl-messageformat';
import { en } from '../i18n/messages';
import { systemText } from './system';

describe('systemText', () => {
  const t = (id: keyof typeof en, v?: Record<string, unknown>) => String(new IntlMessageFormat(en[id], 'en').format(v as Record<string, string>));
  const sys = (kind: string, userId: string | null, value: string | null) =>
    ({ type: 'SYSTEM', sender: { id: 'actor', name: 'Actor' }, body: 'server text', system: { kind, userId, value } }) as unknown as Message;
  const nameOf = (id: string) => ({ u1: 'Reza' } as Record<string, string>)[id];
  it('names the member the change is about and localises the role', () => {
    expect(systemText(sys('role-changed', 'u1', 'MODERATOR'), nameOf, t)).toBe('Reza is now Moderator.');
    expect(systemText(sys('member-joined', 'u1', null), nameOf, t)).toBe('Reza joined the room.');
    expect(systemText(sys('renamed', null, 'Sales'), nameOf, t)).toBe('The room was renamed to “Sales”.');
  });
  it('falls back to the actor and to the server text', () => {
    expect(systemText(sys('member-left', 'unknown', null), nameOf, t)).toBe('Actor left the room.');
    expect(systemText({ type: 'SYSTEM', sender: null, body: 'raw', system: null } as unknown as Message, nameOf, t)).toBe('raw');
  });
});
