import { useQuery } from '@tanstack/react-query';
import { api } from '../api/http';
import type { Contacts } from '../api/types';
import { useMe } from '../auth/auth';
import { useSyncExternalStore } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useDocumentTitle, useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages';
import { getPresence, subscribePresence, type MyPresence } from '../lib/presence';
import { Shell } from '../Shell';
import { sc, type SupportLive } from './live';
import { TicketList } from './TicketList';
import { StaffTicketPage } from './TicketPage';
import { ConnectionNote, useLive, useStaff } from './ui';

/** My presence drives auto-assignment: tickets go to available agents below capacity. */
export function PresenceSwitch({ live }: { live: SupportLive }) {
  const t = useT();
  const value = useSyncExternalStore(subscribePresence, getPresence);
  return (
    <label className="lang-select">
      <span>{t('presence.mine')}</span>
      <select value={value} onChange={(e) => live.setPresence(e.target.value as MyPresence)}>
        <option value="available">{t('presence.available')}</option>
        <option value="busy">{t('presence.busy')}</option>
        <option value="away">{t('presence.away')}</option>
      </select>
    </label>
  );
}

function AgentsNow() {
  const t = useT();
  const staff = useStaff();
  // where everyone is now (internal chat keeps presence for contacts), then the changes the socket reports
  const contacts = useQuery({
    queryKey: ['ic', 'contacts'],
    queryFn: () => api<Contacts>('/api/internal-chat/contacts'),
    staleTime: 30_000,
  });
  const status = useQuery({ queryKey: sc.agents, queryFn: () => ({}) as Record<string, string>, staleTime: Infinity });
  const known: Record<string, string> = {};
  for (const u of contacts.data?.users ?? []) known[u.id] = u.presence;
  Object.assign(known, status.data ?? {});
  const me = useMe();
  const mine = useSyncExternalStore(subscribePresence, getPresence);
  if (me.data) known[me.data.id] = mine === 'available' ? 'online' : mine;
  return (
    <section className="agents-now" aria-labelledby="agents-h">
      <h2 id="agents-h">{t('sc.agents')}</h2>
      <ul className="plain-list">
        {(staff.data ?? []).map((u) => {
          const s = known[u.id];
          return (
            <li key={u.id}>
              <span className={`dot presence-${s ?? 'offline'}`} aria-hidden="true" /> <bdi>{u.name}</bdi>{' '}
              <span className="muted small">{s ? t(`presence.${s}` as MessageId) : t('sc.agentUnknown')}</span>
            </li>
          );
        })}
      </ul>
      <p className="muted small">{t('sc.agents.hint')}</p>
    </section>
  );
}

/** /dashboard/support-chat[/:ticketId]: the staff desk. `?view=queue`: tickets waiting for assignment. */
export default function SupportChatPage() {
  const t = useT();
  const { ticketId } = useParams();
  const [search] = useSearchParams();
  const live = useLive();
  const queue = search.get('view') === 'queue';
  useDocumentTitle(`${t(queue ? 'sc.queue.title' : 'nav.supportChat')} · ${t('app.name')}`);
  return (
    <Shell status={<><ConnectionNote live={live} /><PresenceSwitch live={live} /></>}>
      <main id="main" className="support-main">
        {ticketId ? (
          <StaffTicketPage key={ticketId} id={ticketId} live={live} />
        ) : (
          <div className={queue ? 'queue-layout' : ''}>
            <TicketList queue={queue} />
            {queue && <AgentsNow />}
          </div>
        )}
      </main>
    </Shell>
  );
}
