import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { meKey, useMe } from '../auth/auth';
import { useT } from '../i18n/locale';
import { Shell } from '../Shell';
import { Conversation } from './Conversation';
import { ErrorBoundary } from './ErrorBoundary';
import { ChatContext, useConnection, useUnread } from './hooks';
import { NewRoomDialog } from './NewRoomDialog';
import { Pins } from './Pins';
import { RoomInfo } from './RoomInfo';
import { SearchPanel } from './SearchPanel';
import { Sidebar } from './Sidebar';
import { ChatStore } from './store';

function ConnectionStatus() {
  const t = useT();
  const state = useConnection();
  if (state === 'open' || state === 'stopped') return null;
  return (
    <span className={`conn conn-${state}`} role="status">
      {state === 'connecting' ? t('conn.connecting') : t('conn.waiting')}
    </span>
  );
}

function PresenceSelect({ store }: { store: ChatStore }) {
  const t = useT();
  const [value, setValue] = useState(store.presence);
  return (
    <label className="lang-select">
      <span>{t('presence.mine')}</span>
      <select value={value} onChange={(e) => {
        const v = e.target.value as ChatStore['presence'];
        setValue(v);
        store.setPresence(v);
      }}>
        <option value="available">{t('presence.available')}</option>
        <option value="busy">{t('presence.busy')}</option>
        <option value="away">{t('presence.away')}</option>
      </select>
    </label>
  );
}

function UnreadTitle({ title }: { title: string }) {
  const unread = useUnread();
  const t = useT();
  const count = unread.data?.total ?? 0;
  useEffect(() => {
    document.title = count > 0 ? t('title.unread', { count, title }) : title;
  }, [count, title, t]);
  useEffect(() => () => {
    document.title = t('app.name');
  }, [t]);
  return null;
}

export default function InternalChatPage() {
  const me = useMe();
  const qc = useQueryClient();
  const t = useT();
  const { roomId } = useParams();
  const [store] = useState(() => new ChatStore(qc, () => qc.setQueryData(meKey, null)));
  const [panel, setPanel] = useState<'info' | 'pins' | 'search' | null>(null);
  const [newRoom, setNewRoom] = useState(false);
  store.meId = me.data?.id ?? null;

  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);

  useEffect(() => {
    if (panel === 'info' || panel === 'pins') setPanel(null);
    // the room panels belong to a room
  }, [roomId]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!me.data) return null;
  const meId = me.data.id;
  const toggle = (p: 'info' | 'pins' | 'search') => setPanel((cur) => (cur === p ? null : p));

  return (
    <ChatContext.Provider value={store}>
      <UnreadTitle title={`${t('nav.internalChat')} · ${t('app.name')}`} />
      <Shell status={<><ConnectionStatus /><PresenceSelect store={store} /></>}>
        <div className={`chat-layout${roomId ? ' has-room' : ''}${panel ? ' has-panel' : ''}`}>
          <Sidebar meId={meId} activeRoomId={roomId} onNewRoom={() => setNewRoom(true)} onSearch={() => toggle('search')} />
          <main id="main" className="chat-main">
            {roomId ? (
              <ErrorBoundary resetKey={roomId} fallback={(retry, error) => (
                <div className="conversation empty" role="alert">
                  <p>{t('error.generic', { message: error.message })}</p>
                  <button type="button" className="btn" onClick={retry}>{t('error.retry')}</button>
                </div>
              )}>
                <Conversation roomId={roomId} meId={meId} panel={panel === 'search' ? null : panel} onTogglePanel={toggle} />
              </ErrorBoundary>
            ) : (
              <div className="conversation empty">
                <p>{t('room.choose')}</p>
              </div>
            )}
          </main>
          {panel === 'search' && <SearchPanel meId={meId} onClose={() => setPanel(null)} />}
          {panel === 'info' && roomId && <RoomInfo roomId={roomId} meId={meId} onClose={() => setPanel(null)} />}
          {panel === 'pins' && roomId && <Pins roomId={roomId} onClose={() => setPanel(null)} />}
        </div>
        {newRoom && <NewRoomDialog meId={meId} onClose={() => setNewRoom(false)} />}
      </Shell>
    </ChatContext.Provider>
  );
}
