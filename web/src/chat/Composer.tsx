import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { upload, ApiError } from '../api/http';
import type { Attachment, Link, LinkKind, Member, Message, Room } from '../api/types';
import { useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages';
import { useChat } from './hooks';
import { ClipIcon, LinkIcon, SmileIcon } from './icons';
import { uuid } from '../lib/uuid';

const EmojiPicker = lazy(() => import('./EmojiPicker'));

interface Upload {
  key: string;
  file: File;
  progress: number;
  result?: Attachment;
  error?: string;
  abort: AbortController;
}

export function Composer({ room, members, replyTo, onCancelReply, disabledReason, meId }: {
  room: Room;
  members: Member[];
  replyTo: Message | null;
  onCancelReply: () => void;
  disabledReason: string | null;
  meId: string;
}) {
  const t = useT();
  const store = useChat();
  const [body, setBody] = useState('');
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [links, setLinks] = useState<Link[]>([]);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkKind, setLinkKind] = useState<LinkKind>('DOCUMENT');
  const [linkRef, setLinkRef] = useState('');
  const [linkTitle, setLinkTitle] = useState('');
  const [picker, setPicker] = useState(false);
  const [mention, setMention] = useState<{ query: string; start: number } | null>(null);
  const [active, setActive] = useState(0);
  const mentioned = useRef(new Map<string, string>()); // name → userId
  const textRef = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  const listId = `${ids}-mentions`;
  const max = room.settings?.maxMessageLength ?? 10_000;
  const roomId = room.id;

  // a draft per room for this tab's lifetime
  useEffect(() => {
    setBody(sessionDrafts.get(roomId) ?? '');
    setUploads([]);
    setLinks([]);
    mentioned.current.clear();
    return () => store.typing(roomId, false);
  }, [roomId, store]);
  useEffect(() => {
    sessionDrafts.set(roomId, body);
  }, [roomId, body]);
  useEffect(() => {
    if (replyTo) textRef.current?.focus();
  }, [replyTo]);

  const candidates = mention
    ? members.filter((m) => m.userId !== meId && m.name.toLocaleLowerCase().includes(mention.query.toLocaleLowerCase())).slice(0, 8)
    : [];

  function detectMention(value: string, caret: number) {
    const before = value.slice(0, caret);
    const m = /(^|\s)@([^\s@]{0,30})$/.exec(before);
    if (m) {
      setMention({ query: m[2], start: caret - m[2].length - 1 });
      setActive(0);
    } else setMention(null);
  }

  function pickMention(member: Member) {
    if (!mention) return;
    const el = textRef.current;
    const caret = el?.selectionStart ?? body.length;
    const next = body.slice(0, mention.start) + '@' + member.name + ' ' + body.slice(caret);
    mentioned.current.set(member.name, member.userId);
    setBody(next);
    setMention(null);
    const pos = mention.start + member.name.length + 2;
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(pos, pos);
    });
  }

  function insertAtCaret(text: string) {
    const el = textRef.current;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + text + body.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  }

  function addFiles(files: FileList | null) {
    if (!files) return;
    for (const file of Array.from(files)) {
      const key = uuid();
      const abort = new AbortController();
      setUploads((u) => [...u, { key, file, progress: 0, abort }]);
      upload<Attachment>('/api/internal-chat/attachments', file, (p) =>
        setUploads((u) => u.map((x) => (x.key === key ? { ...x, progress: p } : x))), abort.signal, { roomId })
        .then((result) => setUploads((u) => u.map((x) => (x.key === key ? { ...x, progress: 1, result } : x))))
        .catch((e) => {
          if (e instanceof DOMException && e.name === 'AbortError') return;
          setUploads((u) => u.map((x) => (x.key === key ? { ...x, error: e instanceof ApiError ? e.message : String(e) } : x)));
        });
    }
  }

  const uploading = uploads.some((u) => !u.result && !u.error);
  const ready = uploads.filter((u) => u.result);
  const tooLong = body.length > max;
  const canSend = !disabledReason && !uploading && !tooLong && (body.trim().length > 0 || ready.length > 0);

  function send() {
    if (!canSend) return;
    const text = body.trim();
    const mentions = [...mentioned.current.entries()].filter(([name]) => text.includes('@' + name)).map(([, id]) => id);
    store.send({
      roomId,
      body: text,
      replyToId: replyTo?.id,
      mentions,
      attachmentIds: ready.map((u) => u.result!.id),
      links,
    });
    store.typing(roomId, false);
    setBody('');
    setUploads([]);
    setLinks([]);
    mentioned.current.clear();
    onCancelReply();
  }

  function addLink() {
    // the title may be left to the workspace's CRM lookup; without one the server asks for it (400 on the link)
    if (!linkRef.trim()) return;
    setLinks((l) => [...l, { kind: linkKind, refId: linkRef.trim(), title: linkTitle.trim() }]);
    setLinkRef('');
    setLinkTitle('');
    setLinkOpen(false);
  }

  if (disabledReason) {
    return <div className="composer disabled"><p className="muted">{disabledReason}</p></div>;
  }

  const allowFiles = room.settings?.allowAttachments !== false;

  return (
    <div className="composer">
      {replyTo && (
        <div className="replying">
          <span>{t('composer.replying', { name: replyTo.sender?.name ?? '' })}</span>
          <bdi className="quote-body">{replyTo.body}</bdi>
          <button type="button" className="btn small" onClick={onCancelReply}>{t('composer.cancelReply')}</button>
        </div>
      )}
      {uploads.length > 0 && (
        <ul className="upload-list">
          {uploads.map((u) => (
            <li key={u.key} className={u.error ? 'failed' : ''}>
              <bdi>{u.file.name}</bdi>
              {!u.result && !u.error && (
                <progress max={1} value={u.progress} aria-label={t('composer.uploading', { name: u.file.name })} />
              )}
              {u.error && <span role="alert" className="error-text">{t('composer.uploadFailed', { name: u.file.name, message: u.error })}</span>}
              <button type="button" className="btn small" onClick={() => { u.abort.abort(); setUploads((x) => x.filter((y) => y.key !== u.key)); }}>
                {t('composer.removeFile', { name: u.file.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {links.length > 0 && (
        <ul className="crm-links">
          {links.map((l, i) => (
            <li key={i} className="crm-link">
              <span className="link-kind">{t(`link.${l.kind}` as MessageId)}</span> <bdi>{l.title || l.refId}</bdi>
              <button type="button" className="btn small" onClick={() => setLinks((x) => x.filter((_, j) => j !== i))}>
                {t('composer.removeLink', { title: l.title || l.refId })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {linkOpen && (
        <fieldset className="link-form">
          <legend>{t('composer.link')}</legend>
          <label className="field compact">
            <span>{t('composer.linkKind')}</span>
            <select value={linkKind} onChange={(e) => setLinkKind(e.target.value as LinkKind)}>
              {(['DOCUMENT', 'TASK', 'KNOWLEDGE'] as const).map((k) => <option key={k} value={k}>{t(`link.${k}`)}</option>)}
            </select>
          </label>
          <label className="field compact">
            <span>{t('composer.linkRef')}</span>
            <input value={linkRef} onChange={(e) => setLinkRef(e.target.value)} dir="ltr" maxLength={200} />
          </label>
          <label className="field compact">
            <span>{t('composer.linkTitle')}</span>
            <input value={linkTitle} onChange={(e) => setLinkTitle(e.target.value)} maxLength={300} />
          </label>
          <button type="button" className="btn small" onClick={addLink}>{t('composer.linkAdd')}</button>
        </fieldset>
      )}
      <div className="composer-row">
        <div className="composer-input">
          <label htmlFor={`${ids}-text`} className="visually-hidden">{t('composer.label')}</label>
          <textarea
            id={`${ids}-text`}
            ref={textRef}
            rows={2}
            dir="auto"
            value={body}
            placeholder={t('composer.placeholder')}
            aria-autocomplete="list"
            aria-controls={mention && candidates.length ? listId : undefined}
            aria-expanded={mention && candidates.length ? true : undefined}
            aria-activedescendant={mention && candidates.length ? `${listId}-${active}` : undefined}
            aria-invalid={tooLong || undefined}
            onChange={(e) => {
              setBody(e.target.value);
              detectMention(e.target.value, e.target.selectionStart);
              if (e.target.value) store.typing(roomId, true);
            }}
            onBlur={() => {
              store.typing(roomId, false);
              setTimeout(() => setMention(null), 150);
            }}
            onKeyDown={(e) => {
              if (mention && candidates.length) {
                if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => (a + 1) % candidates.length); return; }
                if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => (a - 1 + candidates.length) % candidates.length); return; }
                if (e.key === 'Enter' || e.key === 'Tab') { e.preventDefault(); pickMention(candidates[active]); return; }
                if (e.key === 'Escape') { e.preventDefault(); setMention(null); return; }
              }
              if (e.key === 'Escape' && replyTo) { onCancelReply(); return; }
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                send();
              }
            }}
          />
          {mention && candidates.length > 0 && (
            <ul role="listbox" id={listId} className="mention-list" aria-label={t('composer.mentions')}>
              {candidates.map((c, i) => (
                <li key={c.userId} id={`${listId}-${i}`} role="option" aria-selected={i === active}
                  onMouseDown={(e) => { e.preventDefault(); pickMention(c); }}>
                  <bdi>{c.name}</bdi>
                </li>
              ))}
            </ul>
          )}
          {tooLong && <p className="error-text" role="alert">{t('composer.tooLong', { max })}</p>}
        </div>
        <div className="composer-tools">
          <button type="button" className="icon-btn" aria-expanded={picker} onClick={() => setPicker((p) => !p)}>
            <SmileIcon />
            <span className="visually-hidden">{t('composer.emoji')}</span>
          </button>
          {allowFiles && (
            <span className="file-pick">
              <input id={`${ids}-file`} type="file" multiple className="file-input"
                onChange={(e) => { addFiles(e.target.files); e.target.value = ''; }} />
              <label htmlFor={`${ids}-file`} className="icon-btn" title={t('composer.attach')}>
                <ClipIcon />
                <span className="visually-hidden">{t('composer.attach')}</span>
              </label>
            </span>
          )}
          <button type="button" className="icon-btn" aria-expanded={linkOpen} onClick={() => setLinkOpen((o) => !o)}>
            <LinkIcon />
            <span className="visually-hidden">{t('composer.link')}</span>
          </button>
          <button type="button" className="btn primary" onClick={send} disabled={!canSend}>
            {t('composer.send')}
          </button>
        </div>
      </div>
      {picker && (
        <Suspense fallback={null}>
          <EmojiPicker onClose={() => setPicker(false)} onPick={(e) => { setPicker(false); insertAtCaret(e); }} />
        </Suspense>
      )}
    </div>
  );
}

const sessionDrafts = new Map<string, string>();
