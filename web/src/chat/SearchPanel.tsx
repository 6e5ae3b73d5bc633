import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/http';
import type { PageOf, SearchHit } from '../api/types';
import { useLang, useT } from '../i18n/locale';
import { roomTitle, useContacts, useRooms } from './hooks';
import { keys } from './keys';
import { Snippet } from './text';
import { Time } from './Time';
import { Panel } from './Panel';

export function SearchPanel({ meId, onClose }: { meId: string; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const rooms = useRooms();
  const contacts = useContacts();
  const navigate = useNavigate();
  const results = useQuery({
    queryKey: keys.search(q),
    queryFn: () => api<PageOf<SearchHit>>(`/api/internal-chat/search?${new URLSearchParams({ q, limit: '50' })}`),
    enabled: q.length > 0,
  });
  const fallback = { notes: t('sidebar.notes'), untitled: t('room.untitled') };
  const roomName = (id: string) => {
    const r = rooms.data?.find((x) => x.id === id);
    return r ? roomTitle(r, meId, fallback) : '';
  };
  const sender = (id: string) => contacts.data?.users.find((u) => u.id === id)?.name ?? '';

  return (
    <Panel id="search-title" title={t('search.title')} closeLabel={t('search.close')} onClose={onClose} focusHeading={false}>
      <form role="search" className="row" onSubmit={(e) => { e.preventDefault(); setQ(text.trim()); }}>
        <label className="field compact grow">
          <span className="visually-hidden">{t('search.box')}</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('search.box')} autoFocus dir="auto" />
        </label>
        <button type="submit" className="btn primary small">{t('search.submit')}</button>
      </form>
      {results.isFetching && <p role="status">{t('loading')}</p>}
      {results.isError && <p role="alert">{t('error.generic', { message: results.error.message })}</p>}
      {results.data && (
        <>
          <p role="status">{results.data.total === 0 ? t('search.none') : t('search.results', { count: results.data.total })}</p>
          <ul className="search-results">
            {results.data.data.map((h) => (
              <li key={h.messageId}>
                <button type="button" className="search-hit"
                  onClick={() => navigate(`/dashboard/internal-chat/${h.roomId}?msg=${h.messageId}`)}>
                  <span className="msg-head">
                    <bdi className="strong">{roomName(h.roomId)}</bdi>
                    <bdi className="sender">{sender(h.senderId)}</bdi>
                    <Time iso={h.createdAt} lang={lang} mode="datetime" />
                  </span>
                  <span className="snippet" dir="auto"><Snippet snippet={h.snippet} /></span>
                  <span className="visually-hidden">{t('search.open', { room: roomName(h.roomId) })}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}
