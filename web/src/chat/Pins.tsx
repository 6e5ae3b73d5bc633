import { useNavigate } from 'react-router-dom';
import { useLang, useT } from '../i18n/locale';
import { CrmLinkTitle } from '../lib/crmLink';
import { usePins } from './hooks';
import { Time } from './Time';
import { Panel } from './Panel';

export function Pins({ roomId, onClose }: { roomId: string; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const pins = usePins(roomId, true);
  const navigate = useNavigate();
  return (
    <Panel id="pins-title" title={t('pins.title')} closeLabel={t('pins.close')} onClose={onClose}>
      {pins.isPending && <p role="status">{t('loading')}</p>}
      {pins.data && pins.data.length === 0 && <p className="muted">{t('pins.empty')}</p>}
      <ul className="pin-list">
        {pins.data?.map((m) => (
          <li key={m.id}>
            <div className="msg-head">
              <bdi className="sender">{m.sender?.name}</bdi>
              <Time iso={m.createdAt} lang={lang} mode="datetime" />
            </div>
            <p dir="auto" className="body">{m.body ?? t('msg.deleted')}</p>
            {m.links && m.links.length > 0 && (
              <ul className="crm-links">
                {m.links.map((l) => <li key={`${l.kind}:${l.refId}`} className="crm-link"><CrmLinkTitle title={l.title} url={l.url} /></li>)}
              </ul>
            )}
            <button type="button" className="btn small" onClick={() => navigate(`/dashboard/internal-chat/${roomId}?msg=${m.id}`)}>
              {t('pins.open')}
            </button>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
