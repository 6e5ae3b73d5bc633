import type { Message } from '../api/types';
import type { MessageId } from '../i18n/messages';

type T = (id: MessageId, values?: Record<string, string | number | Date | null | undefined>) => string;

const KNOWN = ['member-joined', 'member-left', 'renamed', 'role-changed'];
const ROLES = ['OWNER', 'ADMIN', 'MODERATOR', 'MEMBER', 'GUEST'];

/** A SYSTEM message in the reader's language: about system.userId (not the actor who sent it). */
export function systemText(m: Message, nameOf: (userId: string) => string | undefined, t: T): string {
  const kind = m.system?.kind ?? 'other';
  const name = (m.system?.userId && nameOf(m.system.userId)) || m.sender?.name || '';
  const id = (KNOWN.includes(kind) ? `system.${kind}` : 'system.other') as MessageId;
  let value = m.system?.value ?? m.body ?? '';
  if (kind === 'role-changed' && ROLES.includes(value)) value = t(`role.${value}` as MessageId);
  if (!KNOWN.includes(kind) && !m.system) return m.body ?? '';
  return t(id, { name, value });
}
