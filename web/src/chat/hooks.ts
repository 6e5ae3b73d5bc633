import { createContext, useContext, useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/http';
import type { Contacts, Member, Message, Room, Unread } from '../api/types';
import { pendingFor } from '../lib/outbox';
import { keys } from './keys';
import type { ChatStore, MessageWindow } from './store';

export const ChatContext = createContext<ChatStore | null>(null);

export function useChat(): ChatStore {
  const s = useContext(ChatContext);
  if (!s) throw new Error('no ChatStore');
  return s;
}

const base = '/api/internal-chat';

export function useRooms(archived = false) {
  return useQuery({
    queryKey: keys.rooms(archived),
    queryFn: () => api<Room[] | { data: Room[] }>(`${base}/rooms${archived ? '?archived=true' : ''}`).then((r) => (Array.isArray(r) ? r : r.data)),
  });
}

export function useContacts() {
  return useQuery({ queryKey: keys.contacts, queryFn: () => api<Contacts>(`${base}/contacts`) });
}

export function useUnread() {
  return useQuery({ queryKey: keys.unread, queryFn: () => api<Unread>(`${base}/unread`) });
}

export function useRoom(roomId: string | undefined) {
  return useQuery({
    queryKey: keys.room(roomId ?? ''),
    queryFn: () => api<Room>(`${base}/rooms/${roomId}`),
    enabled: !!roomId,
  });
}

export function useMembers(roomId: string) {
  return useQuery({
    queryKey: keys.members(roomId),
    queryFn: () => api<Member[] | { data: Member[] }>(`${base}/rooms/${roomId}/members`).then((r) => (Array.isArray(r) ? r : r.data)),
  });
}

export function usePins(roomId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.pins(roomId),
    queryFn: () => api<Message[] | { data: Message[] }>(`${base}/rooms/${roomId}/pins`).then((r) => (Array.isArray(r) ? r : r.data)),
    enabled,
  });
}

export function useMessageWindow(roomId: string) {
  const store = useChat();
  return useQuery<MessageWindow>({
    queryKey: keys.messages(roomId),
    queryFn: () => store.loadLatest(roomId),
    staleTime: Infinity,
    gcTime: 10 * 60_000,
  });
}

export function useReads(roomId: string) {
  return useQuery<Record<string, number>>({
    queryKey: keys.reads(roomId),
    queryFn: () => ({}),
    staleTime: Infinity,
    initialData: {},
  }).data;
}

export function useTyping(roomId: string): string[] {
  return useQuery<string[]>({ queryKey: keys.typing(roomId), queryFn: () => [], staleTime: Infinity, initialData: [] }).data;
}

export function useOutbox(roomId: string, confirmed: Message[]) {
  const store = useChat();
  const box = useSyncExternalStore(store.outbox.subscribe, store.outbox.get);
  return pendingFor(box, roomId, confirmed);
}

export function useConnection() {
  const store = useChat();
  return useSyncExternalStore(store.connection.subscribe, store.connection.get);
}

/** The name a room is shown by: its title; a direct room by the other person; my own direct room is notes. */
export function roomTitle(room: Pick<Room, 'title' | 'type' | 'members'>, meId: string | undefined, fallback: { notes: string; untitled: string }): string {
  if (room.title) return room.title;
  if (room.type === 'DIRECT') {
    const other = room.members?.find((m) => m.userId !== meId);
    return other ? other.name : fallback.notes;
  }
  return fallback.untitled;
}

export function directPeer(room: Pick<Room, 'type' | 'members'>, meId: string | undefined): Member | undefined {
  if (room.type !== 'DIRECT') return undefined;
  return room.members?.find((m) => m.userId !== meId);
}
