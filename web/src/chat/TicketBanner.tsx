import { Link } from 'react-router-dom';
import type { TicketLink } from '../api/types';
import { useT } from '../i18n/locale';
import { StatusPill } from '../support/ui';

/** A TICKET room's ticket (number, subject, status, requester), kept current by the room's events. */
export function TicketBanner({ ticket }: { ticket: TicketLink }) {
  const t = useT();
  const about = t('disc.about', { number: ticket.number ?? '' });
  return (
    <section className="ticket-banner" aria-label={about}>
      <bdi className="ticket-no">{ticket.number}</bdi> <bdi>{ticket.subject}</bdi>{' '}
      {ticket.status && <StatusPill status={ticket.status} staff />}
      {ticket.requesterName && (
        <span className="muted small"> · {t('disc.requester')}: <bdi>{ticket.requesterName}</bdi></span>
      )}{' '}
      <Link to={`/dashboard/support-chat/${ticket.id}`}>{t('disc.openTicket')}</Link>
    </section>
  );
}

/** The ticket's status beside a TICKET room in the room list. */
export function TicketRoomStatus({ ticket }: { ticket: TicketLink | null | undefined }) {
  return ticket?.status ? <StatusPill status={ticket.status} staff /> : null;
}
