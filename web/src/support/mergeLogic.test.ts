import { describe, expect, it } from 'vitest';
import { interleave, numberDigits } from './mergeLogic';
import type { TicketMessage } from './types';

const m = (ticketId: string, seq: number, createdAt: string) => ({ id: `${ticketId}-${seq}`, ticketId, seq, createdAt }) as TicketMessage;

describe('interleave', () => {
  it('puts merged tickets\' messages among the ticket\'s own in time order', () => {
    const own = [m('a', 1, '2026-12-01T08:00:00Z'), m('a', 2, '2026-12-01T08:10:00.5Z')];
    const merged = [m('b', 1, '2026-12-01T07:59:00.123456Z'), m('b', 2, '2026-12-01T08:10:00.25Z')];
    expect(interleave(own, merged).map((x) => x.id)).toEqual(['b-1', 'a-1', 'b-2', 'a-2']);
  });
  it('keeps the own list as it is without merged tickets', () => {
    const own = [m('a', 1, '2026-12-01T08:00:00Z')];
    expect(interleave(own, [])).toBe(own);
  });
  it('holds back merged messages older than a partly loaded conversation', () => {
    const own = [m('a', 5, '2026-12-01T08:00:00Z')];
    expect(interleave(own, [m('b', 1, '2026-12-01T07:00:00Z')], true).map((x) => x.id)).toEqual(['a-5']);
  });
});

describe('numberDigits', () => {
  it('reads Latin and Persian digits with or without the prefix', () => {
    expect(numberDigits('TKT-1002')).toBe('1002');
    expect(numberDigits('۱۰۰۲')).toBe('1002');
    expect(numberDigits('abc')).toBe('');
  });
});
