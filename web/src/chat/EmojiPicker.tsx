/**
 * A small emoji picker: a keyboard-navigable grid of common emoji, no network, no injected styles (CSP), loaded
 * lazily. Rendering is the system's emoji font.
 */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages';

const GROUPS: [MessageId, string][] = [
  ['emoji.group.smileys', '😀 😃 😄 😁 😆 😅 😂 🤣 🙂 🙃 😉 😊 😇 🥰 😍 🤩 😘 😋 😜 🤪 😎 🤓 🧐 🤔 🤨 😐 😑 😶 🙄 😏 😬 😌 😔 😪 😴 😷 🤒 🤯 🥳 🥺 😢 😭 😤 😠 😡 😱 😨 😰 😳 🤗 🤭 🤫 😮 😲 🥱'],
  ['emoji.group.gestures', '👍 👎 👌 ✌️ 🤞 🤝 👏 🙌 🙏 💪 👋 🤙 👉 👈 👆 👇 ☝️ ✋ 🤚 🖐️ ✊ 👊 🫡 🫶'],
  ['emoji.group.hearts', '❤️ 🧡 💛 💚 💙 💜 🖤 🤍 🤎 💔 ❣️ 💕 💖 💯 🔥 ✨ ⭐ 🌟 🎉 🎊 🎁 🏆 🥇'],
  ['emoji.group.nature', '🌹 🌷 🌸 🌼 🌻 🍀 🌱 🌳 ☀️ 🌙 ⛅ 🌧️ ❄️ ☕ 🍵 🍰 🎂 🍕 🍔 🍎 🍉 🍇 🍫 🍪'],
  ['emoji.group.objects', '✅ ❌ ⚠️ ❓ ❗ 💡 📌 📎 📝 📅 📈 📉 📊 💼 📁 📞 💬 🔔 🔒 🔑 🚀 ⏰ ⌛ 🛠️ 🐞 ➕ ➖ 🆗 🆕'],
];

const COLUMNS = 8;

export default function EmojiPicker({ onPick, onClose }: { onPick: (emoji: string) => void; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button.emoji')?.focus();
    const onDoc = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', onDoc);
    return () => document.removeEventListener('mousedown', onDoc);
  }, [onClose]);

  function onKey(e: React.KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button.emoji') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const rtl = document.documentElement.dir === 'rtl';
    const step: Record<string, number> = {
      ArrowRight: rtl ? -1 : 1,
      ArrowLeft: rtl ? 1 : -1,
      ArrowDown: COLUMNS,
      ArrowUp: -COLUMNS,
      Home: -i,
      End: buttons.length - 1 - i,
    };
    if (e.key in step) {
      e.preventDefault();
      const next = Math.max(0, Math.min(buttons.length - 1, i + step[e.key]));
      buttons[next].focus();
    }
  }

  return (
    <div className="emoji-picker" role="dialog" aria-label={t('emoji.label')} ref={ref} onKeyDown={onKey}>
      {GROUPS.map(([label, list]) => (
        <div key={label} role="group" aria-label={t(label)} className="emoji-group">
          <div className="emoji-group-title" aria-hidden="true">{t(label)}</div>
          <div className="emoji-grid">
            {list.split(' ').map((e) => (
              <button key={e} type="button" className="emoji" aria-label={e} onClick={() => onPick(e)}>
                {e}
              </button>
            ))}
          </div>
        </div>
      ))}
      <button type="button" className="btn small" onClick={onClose}>
        {t('emoji.close')}
      </button>
    </div>
  );
}
