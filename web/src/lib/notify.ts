/**
 * Browser notifications (docs/subsystems/notifications.md): the dashboard tells its user about a mention, a direct
 * message, or a customer's reply on a ticket assigned to them, when a socket frame brings one while the tab is in the
 * background (`document.visibilityState === 'hidden'`). Never for their own messages, rooms they muted
 * (`notificationsMuted`), internal notes, or before they turned it on in the settings (which is what asks the
 * browser's permission, never a page load). The rule is `noteFor`, a pure function; `BrowserNotifier` applies it.
 */
import type { ServerFrame } from './socket';
import { catalogs } from '../i18n/messages';

const STORAGE_KEY = 'goftgu.notify.browser';

/** What the rule needs to know about a room, from the client's cache; undefined when it has not loaded it. */
export interface RoomFacts {
  type: string;
  title: string | null;
  notificationsMuted: boolean;
}

/** What the rule needs to know about a ticket, from the client's cache. */
export interface TicketFacts {
  assigneeId: string | null;
  number: string;
  subject: string;
}

export interface NotifyContext {
  meId: string | null;
  enabled: boolean;
  hidden: boolean;
  room: (roomId: string) => RoomFacts | undefined;
  ticket: (ticketId: string) => TicketFacts | undefined;
}

/** One notification to show: tag replaces an older one of the same room or ticket. */
export interface Note {
  kind: 'direct' | 'mention' | 'ticket';
  title: { id: 'notify.titleDirect' | 'notify.titleMention' | 'notify.titleTicket'; values: Record<string, string> };
  body: string;
  tag: string;
  url: string;
}

const BODY_MAX = 140;

function clip(text: string | null | undefined): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length <= BODY_MAX ? flat : `${flat.slice(0, BODY_MAX)}…`;
}

interface ChatMessage {
  roomId?: string;
  type?: string;
  sender?: { id?: string; name?: string | null; kind?: string } | null;
  body?: string | null;
  mentions?: string[] | null;
  internal?: boolean;
}

/** The notification a frame deserves, or null. */
export function noteFor(frame: ServerFrame, ctx: NotifyContext): Note | null {
  if (!ctx.enabled || !ctx.hidden || !ctx.meId) return null;
  const m = frame.data as ChatMessage | undefined;
  if (!m || typeof m !== 'object') return null;
  if (frame.type === 'internal-chat:message') {
    if (m.type !== 'TEXT' || !m.roomId || !m.sender?.id || m.sender.id === ctx.meId) return null;
    const room = ctx.room(m.roomId);
    if (room?.notificationsMuted) return null;
    const direct = room?.type === 'DIRECT';
    if (!direct && !(m.mentions ?? []).includes(ctx.meId)) return null;
    const name = m.sender.name ?? '';
    return {
      kind: direct ? 'direct' : 'mention',
      title: direct
        ? { id: 'notify.titleDirect', values: { name } }
        : { id: 'notify.titleMention', values: { name, room: room?.title ?? '' } },
      body: clip(m.body),
      tag: `room:${m.roomId}`,
      url: `/dashboard/internal-chat/${m.roomId}`,
    };
  }
  if (frame.type === 'support-chat:message') {
    const ticketId = typeof frame.ticketId === 'string' ? frame.ticketId : undefined;
    // a note arrives without a body ("a note exists") and is never a reason to notify
    if (!ticketId || m.internal || typeof m.body !== 'string') return null;
    const kind = m.sender?.kind;
    if (kind !== 'CUSTOMER' && kind !== 'GUEST') return null;
    const ticket = ctx.ticket(ticketId);
    if (!ticket || ticket.assigneeId !== ctx.meId) return null;
    return {
      kind: 'ticket',
      title: { id: 'notify.titleTicket', values: { number: ticket.number, subject: ticket.subject } },
      body: clip(m.body),
      tag: `ticket:${ticketId}`,
      url: `/dashboard/support-chat/${ticketId}`,
    };
  }
  return null;
}

/** Whether this browser can show notifications at all. */
export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

/** On when the user turned it on here and the browser still allows it. */
export function browserNotificationsEnabled(): boolean {
  if (!notificationsSupported() || Notification.permission !== 'granted') return false;
  try {
    return localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

/** Turns them on (asking the browser's permission, from the user's click) or off; returns whether they are on. */
export async function setBrowserNotifications(on: boolean): Promise<boolean> {
  if (!notificationsSupported()) return false;
  if (on && Notification.permission !== 'granted') {
    const answer = await Notification.requestPermission();
    if (answer !== 'granted') return false;
  }
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    /* private mode: lasts for this page */
  }
  return on;
}

/** A note's title in the page's language (the catalogs' simple {placeholders}; no plurals here). */
export function titleOf(note: Note, lang: string): string {
  const catalog = lang === 'en' ? catalogs.en : catalogs.fa;
  return catalog[note.title.id].replace(/\{(\w+)\}/g, (_, key: string) => note.title.values[key] ?? '');
}

/** Moves the single-page app to {@code url} as a link would (react-router listens to popstate). */
function openInApp(url: string) {
  window.history.pushState({}, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Shows the notes a store's frames deserve; a click brings the tab forward on the room or ticket. */
export class BrowserNotifier {
  constructor(private readonly facts: () => Omit<NotifyContext, 'enabled' | 'hidden'>) {}

  consider(frame: ServerFrame): Note | null {
    const note = noteFor(frame, {
      ...this.facts(),
      enabled: browserNotificationsEnabled(),
      hidden: typeof document !== 'undefined' && document.visibilityState === 'hidden',
    });
    if (!note) return null;
    try {
      const shown = new Notification(titleOf(note, document.documentElement.lang), { body: note.body, tag: note.tag });
      shown.onclick = () => {
        window.focus();
        openInApp(note.url);
        shown.close();
      };
    } catch {
      /* some browsers allow notifications only from a service worker: nothing to show then */
    }
    return note;
  }
}
