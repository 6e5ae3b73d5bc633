/**
 * Collision detection on the staff ticket page (docs/subsystems/collision-detection.md): who else views the ticket
 * and what they compose (from `support-chat:viewers`), and the confirm dialog shown when the server refused a reply
 * because another agent replied meanwhile (409 on `lastSeenSeq`).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ApiError } from '../api/http';
import { useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages';
import { sc, type Viewer } from './live';
import type { TicketMessage } from './types';

/** The other staff viewing the ticket, as the last `support-chat:viewers` frame said. */
export function useViewers(ticketId: string, meId: string): Viewer[] {
  const qc = useQueryClient();
  const key = sc.viewers(ticketId);
  // the cache is written by the socket; a refetch (after a resync) keeps what it holds
  const q = useQuery({ queryKey: key, queryFn: () => qc.getQueryData<Viewer[]>(key) ?? [], staleTime: Infinity });
  return (q.data ?? []).filter((v) => v.userId !== meId);
}

/** What a viewer is doing, as a catalog key: writing a note, replying, or only viewing. */
export function viewerActivity(v: Viewer): MessageId {
  if (v.composing === 'note') return 'sc.viewer.note';
  if (v.composing === 'reply') return 'sc.viewer.replying';
  return 'sc.viewer.viewing';
}

/** "Sara is viewing", "Ali is replying", "Mina is writing a note": one line per other viewer. */
export function ViewersLine({ ticketId, meId }: { ticketId: string; meId: string }) {
  const t = useT();
  const viewers = useViewers(ticketId, meId);
  return (
    <ul className="viewers-line" aria-label={t('sc.viewers')} aria-live="polite">
      {viewers.map((v) => (
        <li key={v.userId} className={`viewer ${v.composing ? 'is-composing' : ''}`}>
          <span aria-hidden="true">{v.composing === 'note' ? '🔒' : v.composing ? '✍️' : '👁️'}</span>{' '}
          {t(viewerActivity(v), { name: v.name ?? t('sc.someone') })}
        </li>
      ))}
    </ul>
  );
}

/** Whether a send failed because another agent replied after `lastSeenSeq` (the server's collision check). */
export function isCollision(e: unknown): e is ApiError {
  return e instanceof ApiError && e.status === 409
    && (e.problem?.errors ?? []).some((f: { field?: string }) => f.field === 'lastSeenSeq');
}

/** The other staff who replied publicly after `seq` (the server's rule), by name, once each. */
export function repliedSince(messages: TicketMessage[] | undefined, seq: number, meId: string): string[] {
  const names = (messages ?? [])
    .filter((m) => m.seq > seq && !m.internal && !m.isDeleted && m.sender?.kind === 'STAFF' && m.sender.id !== meId)
    .map((m) => m.sender?.name)
    .filter((n): n is string => !!n);
  return [...new Set(names)];
}

/** Asks before sending a reply after someone else replied: a modal alert dialog with named buttons. */
export function CollisionDialog({ names, onSend, onCancel }: { names: string[]; onSend: () => void; onCancel: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog collision-dialog" role="alertdialog" aria-labelledby="collision-h"
      aria-describedby="collision-d" onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id="collision-h">{t('sc.collision.title')}</h2>
      <p id="collision-d">
        {t('sc.collision.body', { names: names.length ? names.join('، ') : t('sc.collision.someone') })}
      </p>
      <div className="row">
        <button type="button" className="btn primary" onClick={onSend}>{t('sc.collision.send')}</button>
        <button type="button" className="btn" onClick={onCancel} autoFocus>{t('sc.collision.review')}</button>
      </div>
    </dialog>
  );
}
