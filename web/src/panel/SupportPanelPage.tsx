import { useQuery } from '@tanstack/react-query';
import { api } from '../api/http';
import type { PageOf, Ticket } from '../api/types';
import { useDocumentTitle, useLang, useT } from '../i18n/locale';
import { Shell } from '../Shell';
import { Time } from '../chat/Time';
import type { MessageId } from '../i18n/messages';

/** The customer's own tickets (part 1: the list; opening a ticket comes with part 2). */
export default function SupportPanelPage() {
  const t = useT();
  const { lang } = useLang();
  useDocumentTitle(`${t('panel.title')} · ${t('app.name')}`);
  const tickets = useQuery({
    queryKey: ['support-chat', 'mine'],
    queryFn: () => api<PageOf<Ticket>>('/api/support-chat?limit=100&page=1'),
  });
  return (
    <Shell>
      <main id="main" className="panel-page">
        <h1>{t('panel.title')}</h1>
        {tickets.isPending && <p role="status">{t('loading')}</p>}
        {tickets.isError && (
          <p role="alert">
            {t('error.generic', { message: tickets.error.message })}{' '}
            <button type="button" className="btn" onClick={() => void tickets.refetch()}>
              {t('error.retry')}
            </button>
          </p>
        )}
        {tickets.data && tickets.data.data.length === 0 && <p>{t('panel.none')}</p>}
        {tickets.data && tickets.data.data.length > 0 && (
          <table className="tickets">
            <thead>
              <tr>
                <th scope="col">{t('panel.number')}</th>
                <th scope="col">{t('panel.subject')}</th>
                <th scope="col">{t('panel.status')}</th>
                <th scope="col">{t('panel.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {tickets.data.data.map((tk) => (
                <tr key={tk.id}>
                  <td>
                    <bdi>{tk.number}</bdi>
                  </td>
                  <td>
                    <bdi>{tk.subject}</bdi>
                  </td>
                  <td>
                    <span className={`status status-${tk.status.toLowerCase()}`}>
                      {t(`status.${tk.status}` as MessageId)}
                    </span>
                  </td>
                  <td>
                    <Time iso={tk.updatedAt ?? tk.createdAt} lang={lang} mode="datetime" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </Shell>
  );
}
