/** The widget's calls to the gateway (same origin as the widget page), with the guest token when there is one. */
export interface Problem {
  status: number;
  detail?: string;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly detail?: string) {
    super(`HTTP ${status}${detail ? `: ${detail}` : ''}`);
  }
}

export async function call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  // credentials: 'omit' — a dashboard session cookie of the same browser must never act for the visitor
  const response = await fetch(path, { method, headers, body: payload, credentials: 'omit' });
  if (!response.ok) {
    let detail: string | undefined;
    try {
      detail = ((await response.json()) as { detail?: string }).detail;
    } catch {
      detail = undefined;
    }
    throw new ApiError(response.status, detail);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export interface Sender { kind: string; id: string; name?: string | null }
export interface Attachment { id: string; name: string; size: number; contentType: string }
export interface Message {
  id: string; ticketId: string; seq: number; sender: Sender; body: string | null; internal: boolean;
  clientMessageId?: string | null; attachments: Attachment[]; isDeleted: boolean; createdAt: string;
}
export interface Ticket {
  id: string; number: string; status: string; rating?: { score: number; comment?: string | null } | null;
  assignee?: { id: string; name?: string | null } | null;
  updatedAt?: string;
  /** the ticket this conversation was merged into, where it continues (docs/subsystems/merges.md) */
  /** id and number are null when it went into another requester's ticket */
  mergedInto?: { id: string | null; number: string | null } | null;
}
export interface Started { guestToken: string; expiresIn: number; guestId: string; ticket: Ticket }
export interface WidgetLook { color?: string | null; greeting?: { fa?: string | null; en?: string | null }; language?: string }
