import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../api/http';
import type { DiscussionView } from '../api/types';
import { useLang, useT } from '../i18n/locale';
import { formatNumber } from '../lib/dates';
import { sc } from './live';
import { ErrorLine } from './ui';

/**
 * The ticket's staff discussion (a TICKET room in internal chat): a "Discussion" button that opens it (creating it
 * on first use, joining it otherwise) with the caller's unread count, refetched when a message or read in its room
 * arrives on the socket. 404 from the GET only means there is none yet.
 */
export function TicketDiscussion({ ticketId }: { ticketId: string }) {
  const t = useT();
  const { lang } = useLang();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const path = `/api/support-chat/${ticketId}/discussion`;
  const discussion = useQuery({
    queryKey: sc.discussion(ticketId),
    queryFn: async () => {
      try {
        return await api<DiscussionView>(path);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    // kept current by the socket's internal-chat frames for its room (support/live.ts), not by polling
  });
  const open = useMutation({
    mutationFn: () => api<DiscussionView>(path, { method: 'POST' }),
    onSuccess: (d) => {
      qc.setQueryData(sc.discussion(ticketId), d);
      navigate(`/dashboard/internal-chat/${d.roomId}`);
    },
  });
  const unread = discussion.data?.member ? discussion.data.unread : 0;
  return (
    <section className="side-box" aria-labelledby={`disc-${ticketId}`}>
      <h2 id={`disc-${ticketId}`}>{t('disc.heading')}</h2>
      <p className="muted small">{t('disc.hint')}</p>
      <button type="button" className="btn small" onClick={() => open.mutate()} disabled={open.isPending}>
        {t('disc.open')}
        {unread > 0 && (
          <>
            {' '}
            <span className="badge">
              <span aria-hidden="true">{formatNumber(unread, lang)}</span>
              <span className="visually-hidden">{t('sidebar.unread', { count: unread })}</span>
            </span>
          </>
        )}
      </button>
      {discussion.isError && <ErrorLine error={discussion.error} retry={() => void discussion.refetch()} />}
      {open.isError && <p role="alert" className="field-error">{open.error.message}</p>}
    </section>
  );
}
