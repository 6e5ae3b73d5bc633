/**
 * Per-room sequence tracking: the highest seq seen without a hole. A frame with the next seq extends it; a frame
 * beyond it means a gap (fetch `after=` the contiguous seq until caught up); at or below it, a duplicate.
 */
export type SeqVerdict = 'next' | 'duplicate' | 'gap' | 'unknown';

export class SeqTracker {
  private readonly contiguous = new Map<string, number>();

  /** What we know for a room (from a loaded history); only moves forward. */
  set(roomId: string, seq: number): void {
    const cur = this.contiguous.get(roomId);
    if (cur === undefined || seq > cur) this.contiguous.set(roomId, seq);
  }

  get(roomId: string): number | undefined {
    return this.contiguous.get(roomId);
  }

  forget(roomId: string): void {
    this.contiguous.delete(roomId);
  }

  rooms(): string[] {
    return [...this.contiguous.keys()];
  }

  /** A new message frame arrived with this seq. */
  observe(roomId: string, seq: number): SeqVerdict {
    const cur = this.contiguous.get(roomId);
    if (cur === undefined) return 'unknown';
    if (seq <= cur) return 'duplicate';
    if (seq === cur + 1) {
      this.contiguous.set(roomId, seq);
      return 'next';
    }
    return 'gap';
  }
}

export interface Page<M> {
  items: M[];
}

/**
 * Fetch everything after `from` in pages until a short page: the missed messages in seq order. `fetchAfter`
 * returns up to `limit` messages with seq > after. Stops after `maxPages` to stay bounded.
 */
export async function catchUp<M extends { seq: number }>(
  from: number,
  fetchAfter: (after: number, limit: number) => Promise<M[]>,
  limit = 100,
  maxPages = 50,
): Promise<{ messages: M[]; last: number; complete: boolean }> {
  const messages: M[] = [];
  let after = from;
  for (let page = 0; page < maxPages; page++) {
    const batch = await fetchAfter(after, limit);
    for (const m of batch) {
      if (m.seq > after) {
        messages.push(m);
        after = m.seq;
      }
    }
    if (batch.length < limit) return { messages, last: after, complete: true };
  }
  return { messages, last: after, complete: false };
}
