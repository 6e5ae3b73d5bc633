export type Role = 'ADMIN' | 'USER' | 'GUEST';

export interface Me {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  workspaceId: string;
  tokenType?: string;
}

export interface Sender {
  id: string;
  name: string;
}

export interface ReplyTo {
  id: string;
  seq: number;
  senderId: string;
  senderName: string;
  body: string | null;
}

export interface Reaction {
  count: number;
  userIds: string[];
}

export interface Attachment {
  id: string;
  name: string;
  size: number;
  contentType: string;
  width?: number | null;
  height?: number | null;
}

export type LinkKind = 'DOCUMENT' | 'TASK' | 'KNOWLEDGE';

export interface Link {
  kind: LinkKind;
  refId: string;
  title: string;
  /** From the workspace's template for the kind (docs/design.md, "CRM links"); null without one. */
  url?: string | null;
}

export interface Message {
  id: string;
  roomId: string;
  seq: number;
  sender: Sender | null;
  type: 'TEXT' | 'SYSTEM';
  body: string | null;
  clientMessageId: string | null;
  replyTo: ReplyTo | null;
  mentions: string[] | null;
  reactions: Record<string, Reaction> | null;
  attachments: Attachment[] | null;
  links: Link[] | null;
  isEdited: boolean;
  editedAt: string | null;
  isDeleted: boolean;
  deletedAt: string | null;
  isPinned: boolean;
  pinnedAt: string | null;
  pinnedBy: string | null;
  system: { kind: string; userId: string | null; value: string | null } | null;
  readBy: number;
  isRead: boolean | null;
  createdAt: string;
}

export type RoomType = 'DIRECT' | 'TEAM' | 'GROUP' | 'PROJECT' | 'TICKET' | 'SELF' | string;
export type MemberRole = 'OWNER' | 'ADMIN' | 'MODERATOR' | 'MEMBER' | 'GUEST';

export interface RoomSettings {
  whoCanPost: 'ALL_MEMBERS' | 'ADMINS_ONLY' | 'OWNER_ONLY';
  whoCanInvite: 'ALL_MEMBERS' | 'ADMINS' | 'OWNER_ONLY';
  whoCanChangeSettings: 'ALL_MEMBERS' | 'ADMINS' | 'OWNER_ONLY';
  allowAttachments: boolean;
  allowReactions: boolean;
  allowReplies: boolean;
  maxMessageLength: number;
  maxFileSize: number;
  retentionDays: number | null;
}

export interface Member {
  userId: string;
  name: string;
  role: MemberRole;
  nickname: string | null;
  muted: boolean;
  mutedUntil: string | null;
  joinedAt: string;
  /** The member's own choice: no notifications about this room (`muted` is a moderator's ban on posting). */
  notificationsMuted?: boolean;
}

export interface TicketLink {
  id: string;
  number: string | null;
  subject: string | null;
  status: string | null;
  requesterName: string | null;
}

/** GET/POST /api/support-chat/{ticketId}/discussion. */
export interface DiscussionView {
  roomId: string;
  unread: number;
  member: boolean;
}

export interface Room {
  id: string;
  type: RoomType;
  title: string | null;
  description: string | null;
  isPrivate: boolean;
  isArchived: boolean;
  isLocked: boolean;
  teamId: string | null;
  projectId: string | null;
  /** TICKET rooms (a support ticket's discussion): the ticket as internal chat last heard of it; null otherwise. */
  ticket?: TicketLink | null;
  settings: RoomSettings | null;
  members: Member[] | null;
  pinnedLinks: Link[] | null;
  projectUrl?: string | null;
  lastSeq: number;
  lastReadSeq: number | null;
  unreadCount: number | null;
  mentionCount: number | null;
  hasMention: boolean | null;
  lastMessage: Message | null;
  createdAt: string;
  lastActivityAt: string | null;
}

export interface UserContact {
  id: string;
  name: string;
  email: string;
  presence: string;
  lastSeenAt: string | null;
  directRoomId: string | null;
  unreadCount: number;
}

export interface TeamContact {
  id: string;
  name: string;
  roomId: string | null;
  unreadCount: number;
}

export interface Contacts {
  users: UserContact[];
  teams: TeamContact[];
}

export interface Receipt {
  userId: string;
  name: string;
  lastReadSeq: number;
  readAt: string;
}

export interface SearchHit {
  roomId: string;
  messageId: string;
  seq: number;
  senderId: string;
  snippet: string;
  createdAt: string;
}

export interface PageOf<T> {
  data: T[];
  total: number;
  page: number;
  limit: number;
  totalPages: number;
}

export interface Unread {
  total: number;
  mentions: number;
  rooms: { roomId: string; count: number; mentionCount: number; hasMention: boolean }[];
}

export interface Ticket {
  id: string;
  number: string;
  subject: string;
  status: string;
  priority: string;
  createdAt: string;
  updatedAt: string;
}
