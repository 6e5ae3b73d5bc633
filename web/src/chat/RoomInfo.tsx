import { CrmLinkTitle } from '../lib/crmLink';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/http';
import type { MemberRole, Room, RoomSettings } from '../api/types';
import { useLang, useT } from '../i18n/locale';
import { roomTitle, useContacts, useMembers, useRoom } from './hooks';
import { keys } from './keys';
import { Time } from './Time';
import { Panel } from './Panel';

const ROLES: MemberRole[] = ['OWNER', 'ADMIN', 'MODERATOR', 'MEMBER', 'GUEST'];
const base = '/api/internal-chat';

function allowed(rule: string | undefined, role: MemberRole | undefined): boolean {
  if (!role || role === 'GUEST') return false;
  if (rule === 'ALL_MEMBERS') return true;
  if (rule === 'OWNER_ONLY') return role === 'OWNER';
  return role === 'OWNER' || role === 'ADMIN'; // ADMINS, the default
}

export function RoomInfo({ roomId, meId, onClose }: { roomId: string; meId: string; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const room = useRoom(roomId);
  const members = useMembers(roomId);
  const contacts = useContacts();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [invitee, setInvitee] = useState('');
  const [form, setForm] = useState<{ title: string; description: string; settings: Partial<RoomSettings> } | null>(null);
  const r = room.data;

  useEffect(() => {
    if (r) setForm({ title: r.title ?? '', description: r.description ?? '', settings: { ...(r.settings ?? {}) } });
  }, [r]);

  if (!r) return null;
  const list = members.data ?? r.members ?? [];
  const myMember = list.find((m) => m.userId === meId);
  const myRole = myMember?.role;
  const isOwner = myRole === 'OWNER';
  const isMod = isOwner || myRole === 'ADMIN' || myRole === 'MODERATOR';
  const canInvite = (r.type === 'GROUP' || r.type === 'PROJECT') && allowed(r.settings?.whoCanInvite, myRole);
  const canChange = allowed(r.settings?.whoCanChangeSettings, myRole);
  const membership = r.type === 'GROUP' || r.type === 'PROJECT';
  const title = roomTitle(r, meId, { notes: t('sidebar.notes'), untitled: t('room.untitled') });

  async function run(fn: () => Promise<unknown>) {
    setError(null);
    setSaved(false);
    try {
      await fn();
      await Promise.all([
        qc.invalidateQueries({ queryKey: keys.members(roomId) }),
        qc.invalidateQueries({ queryKey: keys.room(roomId) }),
        qc.invalidateQueries({ queryKey: keys.roomsAll }),
      ]);
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      return false;
    }
  }

  const patchRoom = (body: Partial<Omit<Room, 'settings'>> & { settings?: Partial<RoomSettings> }) =>
    run(() => api<Room>(`${base}/rooms/${roomId}`, { method: 'PATCH', body }));

  const nonMembers = (contacts.data?.users ?? []).filter((u) => !list.some((m) => m.userId === u.id));

  return (
    <Panel id="info-title" title={t('info.title')} closeLabel={t('info.close')} onClose={onClose}>
      <p><bdi className="strong">{title}</bdi></p>
      {r.description && <p className="muted" dir="auto">{r.description}</p>}
      {error && <p role="alert" className="error-text">{error}</p>}
      {saved && <p role="status">{t('info.saved')}</p>}
      {myMember && (
        <label className="check">
          <input type="checkbox" checked={!!myMember.notificationsMuted}
            onChange={(e) => void run(() => api(`${base}/rooms/${roomId}/members/${meId}`, { method: 'PATCH', body: { notificationsMuted: e.target.checked } }))} />
          {t('info.mute')}
        </label>
      )}

      <section aria-labelledby="members-title">
        <h3 id="members-title">{t('info.members', { count: list.length })}</h3>
        <ul className="member-list">
          {list.map((m) => (
            <li key={m.userId}>
              <bdi>{m.name}</bdi>
              {m.nickname && <span className="muted"> ({m.nickname})</span>}
              {isOwner && m.userId !== meId && membership ? (
                <label className="inline">
                  <span className="visually-hidden">{t('info.roleOf', { name: m.name })}</span>
                  <select value={m.role} onChange={(e) => void run(() => api(`${base}/rooms/${roomId}/members/${m.userId}`, { method: 'PATCH', body: { role: e.target.value } }))}>
                    {ROLES.map((x) => <option key={x} value={x}>{t(`role.${x}`)}</option>)}
                  </select>
                </label>
              ) : (
                <span className="role-chip">{t(`role.${m.role}`)}</span>
              )}
              {isMod && m.role !== 'OWNER' && m.userId !== meId && membership && (
                <label className="check inline">
                  <input type="checkbox" checked={m.muted}
                    onChange={(e) => void run(() => api(`${base}/rooms/${roomId}/members/${m.userId}`, { method: 'PATCH', body: { muted: e.target.checked, mutedUntil: null } }))} />
                  {t('info.muted')}
                  <span className="visually-hidden"> {m.name}</span>
                </label>
              )}
              {m.muted && m.mutedUntil && <Time iso={m.mutedUntil} lang={lang} mode="datetime" />}
              {(isOwner || myRole === 'ADMIN') && m.role !== 'OWNER' && m.userId !== meId && membership && (
                <button type="button" className="btn small danger"
                  onClick={() => void run(() => api(`${base}/rooms/${roomId}/members/${m.userId}`, { method: 'DELETE' }))}>
                  {t('info.remove', { name: m.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
        {canInvite && (
          <form className="row" onSubmit={(e) => {
            e.preventDefault();
            if (invitee) void run(() => api(`${base}/rooms/${roomId}/members`, { method: 'POST', body: { userId: invitee } })).then((ok) => ok && setInvitee(''));
          }}>
            <label className="field compact">
              <span>{t('info.inviteWho')}</span>
              <select value={invitee} onChange={(e) => setInvitee(e.target.value)}>
                <option value="" />
                {nonMembers.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </select>
            </label>
            <button type="submit" className="btn small" disabled={!invitee}>{t('info.invite')}</button>
          </form>
        )}
        {membership && myRole && (
          <button type="button" className="btn small"
            onClick={() => void run(() => api(`${base}/rooms/${roomId}/members/${meId}`, { method: 'DELETE' })).then((ok) => ok && navigate('/dashboard/internal-chat'))}>
            {t('info.leave')}
          </button>
        )}
      </section>

      {r.projectId && (
        <section>
          <h3>{t('info.project')}</h3>
          <p><CrmLinkTitle title={r.projectId} url={r.projectUrl} /></p>
        </section>
      )}

      {r.pinnedLinks && r.pinnedLinks.length > 0 && (
        <section>
          <h3>{t('info.pinnedLinks')}</h3>
          <ul>
            {r.pinnedLinks.map((l) => <li key={l.kind + l.refId}><CrmLinkTitle title={l.title} url={l.url} /> <code dir="ltr">{l.refId}</code></li>)}
          </ul>
        </section>
      )}

      {canChange && form && (
        <section aria-labelledby="settings-title">
          <h3 id="settings-title">{t('info.settings')}</h3>
          <form onSubmit={(e) => {
            e.preventDefault();
            void patchRoom({
              ...(membership ? { title: form.title.trim() || undefined } : {}),
              description: form.description,
              settings: form.settings,
            }).then((ok) => ok && setSaved(true));
          }}>
            {membership && (
              <label className="field">
                <span>{t('info.roomName')}</span>
                <input value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} maxLength={200} />
              </label>
            )}
            <label className="field">
              <span>{t('info.description')}</span>
              <textarea value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} rows={2} />
            </label>
            <label className="field">
              <span>{t('info.whoCanPost')}</span>
              <select value={form.settings.whoCanPost} onChange={(e) => setForm({ ...form, settings: { ...form.settings, whoCanPost: e.target.value as RoomSettings['whoCanPost'] } })}>
                {(['ALL_MEMBERS', 'ADMINS_ONLY', 'OWNER_ONLY'] as const).map((x) => <option key={x} value={x}>{t(`who.${x}`)}</option>)}
              </select>
            </label>
            {(['whoCanInvite', 'whoCanChangeSettings'] as const).map((k) => (
              <label className="field" key={k}>
                <span>{t(`info.${k}`)}</span>
                <select value={form.settings[k]} onChange={(e) => setForm({ ...form, settings: { ...form.settings, [k]: e.target.value } })}>
                  {(['ALL_MEMBERS', 'ADMINS', 'OWNER_ONLY'] as const).map((x) => <option key={x} value={x}>{t(`who.${x}`)}</option>)}
                </select>
              </label>
            ))}
            {(['allowAttachments', 'allowReactions', 'allowReplies'] as const).map((k) => (
              <label className="check" key={k}>
                <input type="checkbox" checked={form.settings[k] !== false}
                  onChange={(e) => setForm({ ...form, settings: { ...form.settings, [k]: e.target.checked } })} />
                {t(`info.${k}`)}
              </label>
            ))}
            <button type="submit" className="btn primary small">{t('info.save')}</button>
          </form>
          <div className="row">
            <button type="button" className="btn small" onClick={() => void patchRoom({ isArchived: !r.isArchived })}>
              {r.isArchived ? t('info.unarchive') : t('info.archive')}
            </button>
            <button type="button" className="btn small" onClick={() => void patchRoom({ isLocked: !r.isLocked })}>
              {r.isLocked ? t('info.unlock') : t('info.lock')}
            </button>
          </div>
        </section>
      )}
    </Panel>
  );
}
