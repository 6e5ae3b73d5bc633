import { describe, expect, it } from 'vitest';
import { confirm, discard, enqueue, fail, isRetryable, mergeAll, pendingFor, retry, upsert, type Outbox } from './outbox';

const draft = { roomId: 'r1', body: 'سلام' };

describe('outbox', () => {
  it('enqueues a pending send once per clientMessageId', () => {
    let box: Outbox = [];
    box = enqueue(box, draft, 'c1');
    box = enqueue(box, draft, 'c1');
    expect(box).toHaveLength(1);
    expect(box[0]).toMatchObject({ status: 'pending', attempts: 1, clientMessageId: 'c1', body: 'سلام' });
  });

  it('confirm removes it; unknown or missing ids change nothing', () => {
    const box = enqueue([], draft, 'c1');
    expect(confirm(box, 'c1')).toEqual([]);
    expect(confirm(box, 'other')).toBe(box);
    expect(confirm(box, null)).toBe(box);
  });

  it('pending → failed → retried keeps the same clientMessageId and counts attempts', () => {
    let box = enqueue([], draft, 'c1');
    box = fail(box, 'c1', 'network');
    expect(box[0]).toMatchObject({ status: 'failed', error: 'network' });
    box = retry(box, 'c1');
    expect(box[0]).toMatchObject({ status: 'pending', attempts: 2, clientMessageId: 'c1', error: undefined });
    box = fail(box, 'c1', '500');
    box = retry(box, 'c1');
    expect(box[0].attempts).toBe(3);
  });

  it('retry only touches failed sends; fail only pending ones', () => {
    let box = enqueue([], draft, 'c1');
    expect(retry(box, 'c1')[0].attempts).toBe(1);
    box = fail(box, 'c1', 'x');
    expect(fail(box, 'c1', 'y')[0].error).toBe('x');
    expect(retry(box, 'nope')).toEqual(box);
  });

  it('a confirmation arriving after a failure (the request did reach the server) still clears it', () => {
    let box = enqueue([], draft, 'c1');
    box = fail(box, 'c1', 'timeout');
    expect(confirm(box, 'c1')).toEqual([]);
  });

  it('discard drops a failed send', () => {
    const box = fail(enqueue([], draft, 'c1'), 'c1', 'x');
    expect(discard(box, 'c1')).toEqual([]);
  });

  it('pendingFor hides sends the server list already has and other rooms', () => {
    let box = enqueue([], draft, 'c1');
    box = enqueue(box, draft, 'c2');
    box = enqueue(box, { ...draft, roomId: 'r2' }, 'c3');
    const shown = pendingFor(box, 'r1', [{ id: 'm1', seq: 5, clientMessageId: 'c1' }]);
    expect(shown.map((o) => o.clientMessageId)).toEqual(['c2']);
  });

  it('upsert dedupes by id and by seq (REST answer and socket frame both arriving)', () => {
    const a = { id: 'm1', seq: 1, clientMessageId: 'c1', body: 'a' };
    const b = { id: 'm2', seq: 2, clientMessageId: 'c2', body: 'b' };
    let list = upsert([], a);
    list = upsert(list, b);
    list = upsert(list, { ...b }); // the frame after the REST answer
    expect(list).toHaveLength(2);
    list = upsert(list, { ...a, body: 'edited' });
    expect(list[0].body).toBe('edited');
    expect(list).toHaveLength(2);
  });

  it('upsert keeps seq order when an older message arrives late', () => {
    let list = upsert([], { id: 'm3', seq: 3 });
    list = upsert(list, { id: 'm1', seq: 1 });
    list = upsert(list, { id: 'm2', seq: 2 });
    list = upsert(list, { id: 'm4', seq: 4 });
    expect(list.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('mergeAll merges overlapping pages in seq order without doubles', () => {
    const page1 = [1, 2, 3].map((s) => ({ id: `m${s}`, seq: s }));
    const page2 = [3, 4, 5].map((s) => ({ id: `m${s}`, seq: s }));
    expect(mergeAll(page2, page1).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(mergeAll([], [])).toEqual([]);
  });

  it('retryable statuses', () => {
    expect(isRetryable(undefined)).toBe(true);
    expect(isRetryable(0)).toBe(true);
    expect(isRetryable(503)).toBe(true);
    expect(isRetryable(429)).toBe(true);
    expect(isRetryable(400)).toBe(false);
    expect(isRetryable(403)).toBe(false);
    expect(isRetryable(409)).toBe(false);
  });
});
