export const keys = {
  rooms: (archived = false) => ['ic', 'rooms', archived] as const,
  roomsAll: ['ic', 'rooms'] as const,
  room: (id: string) => ['ic', 'room', id] as const,
  members: (id: string) => ['ic', 'members', id] as const,
  messages: (id: string) => ['ic', 'messages', id] as const,
  pins: (id: string) => ['ic', 'pins', id] as const,
  contacts: ['ic', 'contacts'] as const,
  unread: ['ic', 'unread'] as const,
  receipts: (messageId: string) => ['ic', 'receipts', messageId] as const,
  reads: (roomId: string) => ['ic', 'reads', roomId] as const,
  typing: (roomId: string) => ['ic', 'typing', roomId] as const,
  search: (q: string) => ['ic', 'search', q] as const,
};
