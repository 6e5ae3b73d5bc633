import { TicketRoomStatus } from './TicketBanner';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http';
import type { Room, UserContact } from '../api/types';
import { useLang, useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages';
import { formatNumber } from '../lib/dates';
import { directPeer, roomTitle, useContacts, useRooms } from './hooks';
import { keys } from './keys';
import { Time } from './Time';
import { systemText } from './system';

type Tab = 'rooms' | 'contacts';

export function Sidebar({ meId, activeRoomId, onNewRoom, onSearch }: {
  meId: string;
  activeRoomId?: string;
  onNewRoom: () => void;
  onSearch: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [tab, setTab] = useState<Tab>('rooms');
  const [filter, setFilter] = useState('');
  const [archived, setArchived] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rooms = useRooms(archived);
  const contacts = useContacts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const fallback = { notes: t('sidebar.notes'), untitled: t('room.untitled') };

  const presenceOf = useMemo(() => {
    const m = new Map<string, UserContact>();
    for (const u of contacts.data?.users ?? []) m.set(u.id, u);
    return m;
  }, [contacts.data]);

  const needle = filter.trim().toLocaleLowerCase();
  const shownRooms = (rooms.data ?? []).filter((r) => !needle || roomTitle(r, meId, fallback).toLocaleLowerCase().includes(needle));
  const shownUsers = (contacts.data?.users ?? []).filter((u) => !needle || u.name.toLocaleLowerCase().includes(needle) || u.email?.toLocaleLowerCase().includes(needle));
  const shownTeams = (contacts.data?.teams ?? []).filter((x) => !needle || x.name.toLocaleLowerCase().includes(needle));

  async function openDirect(userId: string) {
    setError(null);
    try {
      await openDirectRoom(userId);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function openDirectRoom(userId: string) {
    const room = await api<Room>('/api/internal-chat/rooms?type=direct', { method: 'POST', body: { userId } });
    qc.setQueryData(keys.room(room.id), room);
    void qc.invalidateQueries({ queryKey: keys.roomsAll });
    void qc.invalidateQueries({ queryKey: keys.contacts });
    navigate(`/dashboard/internal-chat/${room.id}`);
  }

  async function openTeam(teamId: string) {
    const room = await api<Room>('/api/internal-chat/rooms?type=team', { method: 'POST', body: { teamId } });
    void qc.invalidateQueries({ queryKey: keys.roomsAll });
    navigate(`/dashboard/internal-chat/${room.id}`);
  }

  function preview(r: Room) {
    const m = r.lastMessage;
    if (!m) return <span className="preview">{t('sidebar.noMessages')}</span>;
    if (m.isDeleted) return <span className="preview">{t('msg.deleted')}</span>;
    if (m.type === 'SYSTEM') {
      return <span className="preview"><bdi>{systemText(m, (id) => (id === meId ? t('msg.you') : presenceOf.get(id)?.name), t)}</bdi></span>;
    }
    const who = m.sender ? (m.sender.id === meId ? t('msg.you') : m.sender.name) : '';
    const body = m.body ?? (m.attachments?.length ? m.attachments.map((a) => a.name).join('، ') : '');
    return (
      <span className="preview">
        {who && <><bdi>{who}</bdi>{': '}</>}
        <bdi>{body}</bdi>
      </span>
    );
  }

  return (
    <nav className="sidebar" aria-label={t('sidebar.label')}>
      <div className="sidebar-tools">
        <button type="button" className="btn" onClick={onNewRoom}>
          {t('sidebar.newRoom')}
        </button>
        <button type="button" className="btn" onClick={onSearch}>
          {t('sidebar.search')}
        </button>
        <button type="button" className="btn" onClick={() => void openDirect(meId)}>
          {t('sidebar.notes')}
        </button>
      </div>
      <label className="field compact">
        <span className="visually-hidden">{t('sidebar.filter')}</span>
        <input type="search" placeholder={t('sidebar.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      {error && <p role="alert" className="error-text">{error}</p>}
      <div role="tablist" aria-label={t('sidebar.tabs')} className="tabs">
        {(['rooms', 'contacts'] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
                const next: Tab = tab === 'rooms' ? 'contacts' : 'rooms';
                setTab(next);
                document.getElementById(`tab-${next}`)?.focus();
              }
            }}
          >
            {t(id === 'rooms' ? 'sidebar.rooms' : 'sidebar.contacts')}
          </button>
        ))}
      </div>

      {tab === 'rooms' && (
        <div role="tabpanel" id="panel-rooms" aria-labelledby="tab-rooms" className="tabpanel">
          {rooms.isPending && <p role="status">{t('loading')}</p>}
          {rooms.isError && <p role="alert">{t('error.generic', { message: rooms.error.message })}</p>}
          {rooms.data && shownRooms.length === 0 && <p className="muted">{t('sidebar.noRooms')}</p>}
          <ul className="room-list">
            {shownRooms.map((r) => {
              const title = roomTitle(r, meId, fallback);
              const peer = directPeer(r, meId);
              const presence = peer ? presenceOf.get(peer.userId)?.presence : undefined;
              const unread = r.unreadCount ?? 0;
              return (
                <li key={r.id}>
                  <Link
                    to={`/dashboard/internal-chat/${r.id}`}
                    className={`room-item${r.id === activeRoomId ? ' active' : ''}${unread ? ' has-unread' : ''}`}
                    aria-current={r.id === activeRoomId ? 'page' : undefined}
                    aria-label={unread > 0 ? `${title}${lang === 'fa' ? '، ' : ', '}${t('sidebar.unread', { count: unread })}` : title}
                    aria-describedby={`preview-${r.id}`}
                  >
                    <span className="room-line">
                      {presence && <span className={`dot presence-${presence}`} aria-hidden="true" />}
                      <bdi className="room-title">{title}</bdi>
                      <span className="room-type">{t(`roomType.${r.type}` as MessageId)}</span>
                      <TicketRoomStatus ticket={r.ticket} />
                      {unread > 0 && (
                        <span className="badge">
                          <span aria-hidden="true">{formatNumber(unread, lang)}</span>
                          <span className="visually-hidden">{t('sidebar.unread', { count: unread })}</span>
                        </span>
                      )}
                      {r.hasMention && <span className="mention-flag" title={t('sidebar.mention')}>@</span>}
                    </span>
                    <span className="room-line sub" id={`preview-${r.id}`}>
                      {preview(r)}
                      {r.lastActivityAt && <Time iso={r.lastActivityAt} lang={lang} mode="relative" />}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
          <label className="check">
            <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
            {t('sidebar.archived')}
          </label>
        </div>
      )}

      {tab === 'contacts' && (
        <div role="tabpanel" id="panel-contacts" aria-labelledby="tab-contacts" className="tabpanel">
          {contacts.isPending && <p role="status">{t('loading')}</p>}
          {contacts.data && shownUsers.length + shownTeams.length === 0 && <p className="muted">{t('sidebar.noContacts')}</p>}
          <ul className="room-list">
            {shownUsers.map((u) => (
              <li key={u.id}>
                <button type="button" className={`room-item${u.directRoomId && u.directRoomId === activeRoomId ? ' active' : ''}`}
                  onClick={() => void openDirect(u.id)}>
                  <span className="room-line">
                    <span className={`dot presence-${u.presence}`} aria-hidden="true" />
                    <bdi className="room-title">{u.id === meId ? `${u.name} (${t('sidebar.notes')})` : u.name}</bdi>
                    <span className="visually-hidden">{t(`presence.${u.presence}` as MessageId)}</span>
                    {u.unreadCount > 0 && (
                      <span className="badge">
                        <span aria-hidden="true">{formatNumber(u.unreadCount, lang)}</span>
                        <span className="visually-hidden">{t('sidebar.unread', { count: u.unreadCount })}</span>
                      </span>
                    )}
                  </span>
                  <span className="room-line sub">
                    <span aria-hidden="true">{t(`presence.${u.presence}` as MessageId)}</span>
                    {u.presence !== 'online' && u.lastSeenAt && (
                      <span>
                        {' · '}
                        {t('sidebar.lastSeen', { when: '' })}
                        <Time iso={u.lastSeenAt} lang={lang} mode="relative" />
                      </span>
                    )}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {shownTeams.length > 0 && (
            <>
              <h2 className="section-title">{t('sidebar.teams')}</h2>
              <ul className="room-list">
                {shownTeams.map((x) => (
                  <li key={x.id}>
                    <button type="button" className="room-item" onClick={() => openTeam(x.id).catch((e) => setError(e instanceof Error ? e.message : String(e)))}>
                      <span className="room-line">
                        <bdi className="room-title">{x.name}</bdi>
                        {x.unreadCount > 0 && (
                          <span className="badge">
                            <span aria-hidden="true">{formatNumber(x.unreadCount, lang)}</span>
                            <span className="visually-hidden">{t('sidebar.unread', { count: x.unreadCount })}</span>
                          </span>
                        )}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </nav>
  );
}
