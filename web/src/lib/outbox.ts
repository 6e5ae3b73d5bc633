/**
 * Optimistic sends. A message typed by the user is shown at once as pending, keyed by its clientMessageId;
 * the server's answer (REST 201/200, or the socket's `ack`, or the `internal-chat:message` frame itself,
 * whichever comes first) confirms it; a failure marks it failed until retried with the SAME clientMessageId,
 * so a retry of a send that did reach the server returns the first message (200) and nothing doubles.
 * Plain TypeScript, immutable updates, so React state and tests use it alike.
 */
export type SendStatus = 'pending' | 'failed';

export interface OutgoingDraft {
  roomId: string;
  body: string;
  replyToId?: string;
  mentions?: string[];
  attachmentIds?: string[];
  links?: { kind: string; refId: string; title: string }[];
}

export interface Outgoing extends OutgoingDraft {
  clientMessageId: string;
  status: SendStatus;
  attempts: number;
  createdAt: string;
  error?: string;
}

/** The least a server message has for dedupe. */
export interface Confirmed {
  id: string;
  seq: number;
  clientMessageId?: string | null;
}

export type Outbox = readonly Outgoing[];

export function enqueue(box: Outbox, draft: OutgoingDraft, clientMessageId: string, now: Date = new Date()): Outbox {
  if (box.some((o) => o.clientMessageId === clientMessageId)) return box;
  return [...box, { ...draft, clientMessageId, status: 'pending', attempts: 1, createdAt: now.toISOString() }];
}

/** The server has it: drop it from the outbox (the message list now holds the real one). */
export function confirm(box: Outbox, clientMessageId: string | null | undefined): Outbox {
  if (!clientMessageId) return box;
  const next = box.filter((o) => o.clientMessageId !== clientMessageId);
  return next.length === box.length ? box : next;
}

export function fail(box: Outbox, clientMessageId: string, error: string): Outbox {
  return box.map((o) => (o.clientMessageId === clientMessageId && o.status === 'pending' ? { ...o, status: 'failed', error } : o));
}

/** Retry a failed send: pending again, same clientMessageId. Unknown or still-pending ids are left alone. */
export function retry(box: Outbox, clientMessageId: string): Outbox {
  return box.map((o) =>
    o.clientMessageId === clientMessageId && o.status === 'failed'
      ? { ...o, status: 'pending', attempts: o.attempts + 1, error: undefined }
      : o,
  );
}

export function discard(box: Outbox, clientMessageId: string): Outbox {
  return box.filter((o) => o.clientMessageId !== clientMessageId);
}

/** What is still outstanding for a room, minus anything the server list already holds (by clientMessageId). */
export function pendingFor(box: Outbox, roomId: string, confirmed: readonly Confirmed[]): Outgoing[] {
  const known = new Set(confirmed.map((m) => m.clientMessageId).filter(Boolean));
  return box.filter((o) => o.roomId === roomId && !known.has(o.clientMessageId));
}

/**
 * Insert or replace one server message in a seq-ordered list: the same id or the same seq is one message
 * (the later copy wins: an edit, a delete or a confirmation), so REST answers and socket frames never double.
 */
export function upsert<M extends Confirmed>(list: readonly M[], msg: M): M[] {
  const i = list.findIndex((m) => m.id === msg.id || m.seq === msg.seq);
  if (i >= 0) {
    const copy = list.slice();
    copy[i] = msg;
    return copy;
  }
  // usually the newest: append; else insert in seq order
  if (list.length === 0 || list[list.length - 1].seq < msg.seq) return [...list, msg];
  const copy = list.slice();
  let at = copy.findIndex((m) => m.seq > msg.seq);
  if (at < 0) at = copy.length;
  copy.splice(at, 0, msg);
  return copy;
}

/** Merge many (a fetched page) into a list, keeping seq order and one copy per id/seq. */
export function mergeAll<M extends Confirmed>(list: readonly M[], incoming: readonly M[]): M[] {
  const bySeq = new Map<number, M>();
  for (const m of list) bySeq.set(m.seq, m);
  for (const m of incoming) bySeq.set(m.seq, m);
  const ids = new Set<string>();
  const out: M[] = [];
  for (const m of [...bySeq.values()].sort((a, b) => a.seq - b.seq)) {
    if (ids.has(m.id)) continue;
    ids.add(m.id);
    out.push(m);
  }
  return out;
}

/** The transient failures worth retrying by themselves (network, 5xx, 429); 4xx other than those are final. */
export function isRetryable(status: number | undefined): boolean {
  return status === undefined || status === 0 || status === 408 || status === 429 || status >= 500;
}
