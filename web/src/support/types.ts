/** The JSON shapes of support-chat and support-info (their rest/*View records). */
export type TicketStatus = 'OPEN' | 'PENDING' | 'IN_PROGRESS' | 'WAITING_CUSTOMER' | 'RESOLVED' | 'CLOSED' | 'REOPENED';
export type Priority = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
export const STATUSES: TicketStatus[] = ['OPEN', 'PENDING', 'IN_PROGRESS', 'WAITING_CUSTOMER', 'RESOLVED', 'CLOSED', 'REOPENED'];
export const PRIORITIES: Priority[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

export interface Ref { id: string; name: string | null }
export interface LabelView { id: string; name: string; color: string }
export interface Rating { score: number; comment: string | null; ratedAt: string }
export interface Requester { kind: 'USER' | 'GUEST'; id: string; name: string | null }

export interface TicketView {
  id: string; number: string; subject: string; description: string | null; status: TicketStatus; priority: Priority;
  categoryId: string | null; category: Ref | null; labels: LabelView[] | null; requester: Requester | null;
  createdById: string | null; createdByStaff: boolean; assigneeId: string | null; assignee: Ref | null;
  teamId: string | null; dueAt: string | null; reopenCount: number; firstResponseAt: string | null;
  firstResponseSeconds: number | null; resolvedAt: string | null; resolutionSeconds: number | null;
  closedAt: string | null; slaPolicyId: string | null; firstResponseDueAt: string | null;
  nextResponseDueAt: string | null; resolutionDueAt: string | null; slaState: string | null; breached: boolean;
  awaitingAssignment: boolean; rating: Rating | null; lastMessageSeq: number; customerReadSeq: number;
  createdAt: string; updatedAt: string;
  /** set once merged: the ticket this one continues in (it is then CLOSED for good); to the requester, another
   * requester's ticket has a null id and number */
  mergedInto?: MergeTarget | null;
  /** the tickets merged into this one; their conversations show in this one's, in time order */
  mergedTickets?: TicketRef[] | null;
}

export interface TicketRef { id: string; number: string }
/** `mergedInto` as the requester may be shown it: id and number null when it is another requester's ticket. */
export type MergeTarget = TicketRef | { id: null; number: null };

/** `kind`: STAFF, CUSTOMER or GUEST (support-chat's TicketMessage). */
export interface Sender { kind: string; id: string | null; name: string | null }
export interface AttachmentView { id: string; name: string; size: number; contentType: string }
export interface TicketMessage {
  id: string; ticketId: string; seq: number; sender: Sender | null; body?: string | null; internal: boolean;
  replyToId: string | null; clientMessageId: string | null; attachments: AttachmentView[] | null;
  isEdited: boolean; isDeleted: boolean; seenByCustomer: boolean; createdAt: string; editedAt: string | null;
}

export interface HistoryView {
  action: string; field: string | null; oldValue: string | null; newValue: string | null; actor: Ref | null;
  actorKind: string | null; at: string;
}

export interface GuestView {
  id: string; name: string | null; email: string | null; phone: string | null; externalId: string | null;
  verified: boolean; device: string | null; browser: string | null; referrer: string | null; utmSource: string | null;
  utmMedium: string | null; utmCampaign: string | null; utmTerm: string | null; utmContent: string | null;
  firstVisitAt: string | null; lastVisitAt: string | null; visitCount: number;
  mergedIntoUserId?: string | null; mergedAt?: string | null;
  /** set while staff block the visitor: its token is refused */
  blockedAt?: string | null; blockedBy?: string | null;
}

export interface CategoryView { id: string; parentId: string | null; name: string; position: number }
export interface CannedView { id: string; shortCode: string; title: string; body: string }
export interface SlaPolicyView {
  id: string; name: string; priority: Priority; firstResponseMinutes: number; nextResponseMinutes: number | null;
  resolutionMinutes: number;
}
export interface BusinessHoursView { timeZone: string; days: Record<string, { start: string; end: string }[]>; holidays: string[] }
export interface AssignmentSettings { autoAssign: boolean; agentCapacity: number }

export interface UserView {
  id: string; workspaceId: string; name: string; email: string; role: 'ADMIN' | 'USER'; active: boolean;
  createdAt: string; updatedAt: string;
}
export interface TeamView { id: string; name: string; memberIds: string[]; createdAt: string }

// ---- support info
export type RecordSource = 'INBOUND_CALL' | 'OUTBOUND_CALL' | 'USER_TICKET' | 'ADMIN_TICKET' | 'ONSITE_BY_USER' | 'ONSITE_BY_US';
export type RecordType = 'SALES_ORDER' | 'QUOTE' | 'ORDER_FOLLOWUP' | 'PURCHASE_ORDER' | 'PURCHASE_QUOTE' | 'COMPLAINT' | 'ISSUE' | 'QUESTION';
export type RecordStatus = 'NEW' | 'OPEN' | 'IN_PROGRESS' | 'RESOLVED' | 'CLOSED';
export const SOURCES: RecordSource[] = ['INBOUND_CALL', 'OUTBOUND_CALL', 'USER_TICKET', 'ADMIN_TICKET', 'ONSITE_BY_USER', 'ONSITE_BY_US'];
export const TYPES: RecordType[] = ['SALES_ORDER', 'QUOTE', 'ORDER_FOLLOWUP', 'PURCHASE_ORDER', 'PURCHASE_QUOTE', 'COMPLAINT', 'ISSUE', 'QUESTION'];
export const RECORD_STATUSES: RecordStatus[] = ['NEW', 'OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'];
export type LinkKind = 'DOCUMENT' | 'TASK' | 'KNOWLEDGE';
export interface RecordLink { kind: LinkKind; refId: string; title: string; url?: string | null }

export interface SupportRecord {
  id: string; title: string; description: string | null; source: RecordSource; type: RecordType; priority: Priority;
  status: RecordStatus; contactAt: string; dueAt: string | null; customerId?: string | null; customer?: Ref | null;
  assigneeId?: string | null; assignee?: Ref | null; teamId?: string | null; team?: Ref | null;
  categoryId?: string | null; category: Ref | null; labelIds?: string[] | null; labels?: LabelView[] | null;
  visibleToCustomer?: boolean; links?: RecordLink[] | null; ticketId: string | null; createdBy?: string | null;
  createdAt: string; updatedAt: string; resolvedAt: string | null; closedAt: string | null;
}
