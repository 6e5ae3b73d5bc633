import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/http';
import type { Room } from '../api/types';
import { useT } from '../i18n/locale';
import { useContacts } from './hooks';
import { keys } from './keys';

/** "New group/project room": a native <dialog> (focus trap, Escape, top layer) opened modally. */
export function NewRoomDialog({ meId, onClose }: { meId: string; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const contacts = useContacts();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [type, setType] = useState<'group' | 'project'>('group');
  const [title, setTitle] = useState('');
  const [projectId, setProjectId] = useState('');
  const [description, setDescription] = useState('');
  const [isPrivate, setPrivate] = useState(true);
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = type === 'group'
        ? { title: title.trim(), memberIds, isPrivate, description: description.trim() || undefined }
        : { projectId: projectId.trim(), title: title.trim(), memberIds };
      const room = await api<Room>(`/api/internal-chat/rooms?type=${type}`, { method: 'POST', body });
      qc.setQueryData(keys.room(room.id), room);
      void qc.invalidateQueries({ queryKey: keys.roomsAll });
      onClose();
      navigate(`/dashboard/internal-chat/${room.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="new-room-title" onClose={onClose} onCancel={onClose}>
      <form onSubmit={submit}>
        <h2 id="new-room-title">{t('newRoom.title')}</h2>
        <fieldset className="row">
          <legend>{t('newRoom.type')}</legend>
          <label className="check"><input type="radio" name="type" checked={type === 'group'} onChange={() => setType('group')} />{t('newRoom.group')}</label>
          <label className="check"><input type="radio" name="type" checked={type === 'project'} onChange={() => setType('project')} />{t('newRoom.project')}</label>
        </fieldset>
        <label className="field">
          <span>{t('newRoom.name')}</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
        </label>
        {type === 'project' && (
          <label className="field">
            <span>{t('newRoom.projectId')}</span>
            <input value={projectId} onChange={(e) => setProjectId(e.target.value)} required dir="ltr" />
          </label>
        )}
        {type === 'group' && (
          <>
            <label className="field">
              <span>{t('newRoom.description')}</span>
              <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} />
            </label>
            <label className="check">
              <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} />
              {t('newRoom.private')}
            </label>
          </>
        )}
        <fieldset className="member-pick">
          <legend>{t('newRoom.members')}</legend>
          {(contacts.data?.users ?? []).filter((u) => u.id !== meId).map((u) => (
            <label key={u.id} className="check">
              <input type="checkbox" checked={memberIds.includes(u.id)}
                onChange={(e) => setMemberIds((ids) => (e.target.checked ? [...ids, u.id] : ids.filter((x) => x !== u.id)))} />
              <bdi>{u.name}</bdi>
            </label>
          ))}
        </fieldset>
        {error && <p role="alert" className="error-text">{error}</p>}
        <div className="row end">
          <button type="button" className="btn" onClick={onClose}>{t('newRoom.cancel')}</button>
          <button type="submit" className="btn primary" disabled={busy}>{t('newRoom.create')}</button>
        </div>
      </form>
    </dialog>
  );
}
