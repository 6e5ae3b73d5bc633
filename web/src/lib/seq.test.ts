import { describe, expect, it } from 'vitest';
import { catchUp, SeqTracker } from './seq';

describe('SeqTracker', () => {
  it('extends on the next seq, flags duplicates and gaps', () => {
    const t = new SeqTracker();
    expect(t.observe('r', 1)).toBe('unknown');
    t.set('r', 10);
    expect(t.observe('r', 11)).toBe('next');
    expect(t.get('r')).toBe(11);
    expect(t.observe('r', 11)).toBe('duplicate');
    expect(t.observe('r', 5)).toBe('duplicate');
    expect(t.observe('r', 13)).toBe('gap');
    expect(t.get('r')).toBe(11); // a gap does not move it
  });

  it('set only moves forward', () => {
    const t = new SeqTracker();
    t.set('r', 5);
    t.set('r', 3);
    expect(t.get('r')).toBe(5);
    t.forget('r');
    expect(t.get('r')).toBeUndefined();
  });

  it('rooms are independent', () => {
    const t = new SeqTracker();
    t.set('a', 1);
    t.set('b', 100);
    expect(t.observe('a', 2)).toBe('next');
    expect(t.observe('b', 2)).toBe('duplicate');
    expect(t.rooms().sort()).toEqual(['a', 'b']);
  });
});

describe('catchUp', () => {
  const server = Array.from({ length: 250 }, (_, i) => ({ seq: i + 1 }));
  const fetchAfter = async (after: number, limit: number) => server.filter((m) => m.seq > after).slice(0, limit);

  it('pages after= until a short page', async () => {
    const calls: number[] = [];
    const r = await catchUp(20, async (after, limit) => {
      calls.push(after);
      return fetchAfter(after, limit);
    }, 100);
    expect(calls).toEqual([20, 120, 220]);
    expect(r.messages).toHaveLength(230);
    expect(r.last).toBe(250);
    expect(r.complete).toBe(true);
  });

  it('nothing missed: one call, no messages', async () => {
    const r = await catchUp(250, fetchAfter);
    expect(r).toEqual({ messages: [], last: 250, complete: true });
  });

  it('stops after maxPages', async () => {
    const r = await catchUp(0, fetchAfter, 10, 3);
    expect(r.complete).toBe(false);
    expect(r.last).toBe(30);
  });

  it('ignores messages at or below the cursor (a server repeating itself)', async () => {
    const r = await catchUp(5, async () => [{ seq: 4 }, { seq: 5 }, { seq: 6 }], 100);
    expect(r.messages.map((m) => m.seq)).toEqual([6]);
  });

  it('a failing fetch rejects so the caller can retry later', async () => {
    await expect(catchUp(0, async () => { throw new Error('offline'); })).rejects.toThrow('offline');
  });
});
