import type { TicketMessage } from './types';

/** A ticket number as typed (TKT-1002, 1002, ۱۰۰۲): its digits in Latin form, or '' if none. */
export function numberDigits(text: string): string {
  return text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/\D/g, '');
}

/**
 * A ticket's own messages with those of the tickets merged into it, in time order (a merge links conversations, it
 * does not move them: docs/design.md, "Merges"). While older pages of the ticket's own are not loaded yet
 * ({@code partial}), merged messages older than the first loaded one wait for them.
 */
export function interleave(own: TicketMessage[], merged: TicketMessage[], partial = false): TicketMessage[] {
  if (!merged.length) return own;
  const from = partial && own.length ? Date.parse(own[0].createdAt) : -Infinity;
  return [...own, ...merged.filter((m) => Date.parse(m.createdAt) >= from)].sort((a, b) =>
    Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.ticketId.localeCompare(b.ticketId) || a.seq - b.seq);
}
